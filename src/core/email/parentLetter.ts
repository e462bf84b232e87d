/**
 * A letter e-mailed to a parent (issue 6 §3, off by default: `settings.letters.emailParents`).
 * Parents are not staff, so the staff rules (Staff tab, school domains) cannot vouch for the
 * address. The rule instead: the address must be exactly one on file for THAT pupil (Students tab,
 * Parent Email, which may hold "a@x; b@y"), and a well-formed address — so a letter can only ever
 * go to the family it is about. The subject names the school only (no pupil, no SEN/EAL/PP words;
 * checkSubject is applied again when sending). Pure.
 */
import { Settings } from '../settings';
import { Pupil } from '../types';

type School = Settings['school'];
import { Refusal, splitAddresses } from './compose';
import { escapeHtml } from './render';
import { proseName } from '../pupils/names';

const ADDRESS = /^[^@\s<>"(),;:]+@[^@\s<>"(),;:]+\.[^@\s<>"(),;:]+$/;

/** The addresses on file for a pupil's parents ("a@x; b@y" → both), as written there. */
export function parentAddresses(pupil: Pick<Pupil, 'parentEmail'>): string[] {
  return splitAddresses(String(pupil.parentEmail || '').split(/[;,]/)).filter((a) => ADDRESS.test(a));
}

/** Which of `addresses` may receive this pupil's letter: each must be on file for this pupil. */
export function checkParentRecipients(addresses: string[], pupil: Pick<Pupil, 'parentEmail'> | null): { allowed: string[]; refused: Refusal[] } {
  const allowed: string[] = [];
  const refused: Refusal[] = [];
  const onFile = pupil ? parentAddresses(pupil).map((a) => a.toLowerCase()) : [];
  for (const raw of addresses) {
    const address = String(raw || '').trim();
    if (!ADDRESS.test(address)) {
      refused.push({ address, reason: 'not an e-mail address' });
      continue;
    }
    if (!pupil) {
      refused.push({ address, reason: 'the pupil is not on the Students tab' });
      continue;
    }
    if (onFile.indexOf(address.toLowerCase()) < 0) {
      refused.push({ address, reason: "not the pupil's Parent Email on the Students tab" });
      continue;
    }
    if (allowed.every((a) => a.toLowerCase() !== address.toLowerCase())) allowed.push(address);
  }
  return { allowed, refused };
}

/** "Letter from Hillside Academy" — the school only. */
export function parentLetterSubject(school: Pick<School, 'name'>): string {
  const name = String(school.name || '').replace(/[\r\n]+/g, ' ').trim();
  return name ? `Letter from ${name}` : 'Letter from school';
}

/**
 * The short covering note (text and HTML); the letter itself is the PDF. `salutation` is the
 * letter's own ("Dear Mr Jones"), so the e-mail greets the family as the letter does.
 */
export function parentLetterBody(pupil: Pupil, school: School, salutation?: string): { body: string; htmlBody: string } {
  const parent = String(pupil.parentName || '').trim();
  const child = proseName(pupil);
  const greeting = salutation && salutation.trim() ? `${salutation.trim().replace(/,$/, '')},` : parent ? `Dear ${parent},` : 'Dear Parent/Carer,';
  const para1 = `Please find attached a letter from ${school.name || 'the school'} about ${child}. It is a PDF: open it to read or print it.`;
  const para2 = school.phone
    ? `If you have any questions, please contact the school on ${school.phone}. Replies to this e-mail may not be read.`
    : 'If you have any questions, please contact the school. Replies to this e-mail may not be read.';
  const sign = [school.signatory, school.signatoryRole, school.name].filter((x) => String(x || '').trim()).join('\n');
  const body = [greeting, para1, para2, `Yours sincerely,\n${sign}`].join('\n\n');
  const p = (t: string) => `<p>${escapeHtml(t).replace(/\n/g, '<br>')}</p>`;
  const htmlBody = `<div style="max-width:640px;font-family:Arial,Helvetica,sans-serif">${[greeting, para1, para2, `Yours sincerely,\n${sign}`].map(p).join('')}</div>`;
  return { body, htmlBody };
}
