/**
 * Letters e-mailed to parents (issue 6 §3; off by default: Settings `letters.emailParents`). When
 * on, each letter the run adds to the merged document is also made on its own as a PDF (one
 * scratch document per run, refilled for each pupil: gas/docs/letterCopy) and e-mailed to the
 * addressee's own e-mail on file (Contacts tab Email; for a letter to the Students tab's parent,
 * Parent Email) through the one safe sender, gas/mail
 * `sendMails(…, { audience: 'parents' })`: the Mail Log (never twice, even after a crash), the
 * quota (what does not fit is not sent; the next execution of the run catches up), test mode
 * (everything to the person running it), and a recipient check that allows only addresses on file
 * for that pupil (Parent Email and the pupil's contacts). The subject names the school only.
 *
 * A pupil with no usable parent address is "printed only": reported, not an error.
 * Send key: the run and the letter's number in it ("parent-letter|<runId>|<seq>") — no UPN.
 */
import { parentAddresses, parentLetterBody, parentLetterSubject } from '../../core/email/parentLetter';
import { PlannedLetter } from '../../core/letters/plan';
import { LetterType, Pupil } from '../../core/types';
import { openLetterCopy } from '../../gas/docs/letterCopy';
import { LetterRunState, RunStore } from '../../gas/letterRunStore';
import { MailContext, ParentLetterEmail, sendMails } from '../../gas/mail';
import { mailLogKey, mailLogStatuses } from '../../gas/mailLog';
import { LetterSources } from '../../core/letters/sources';
import { Conditions } from '../../core/letters/conditions';
import { normUpn } from '../../core/pupils/names';
import { PlanRow } from '../../core/letters/runMemory';
import { indexes } from '../../core/letters/candidates';
import { letterInputs } from '../../core/letters/letterInputs';
import { letterFields } from '../../core/letters/fields';
import { upsertByKey } from '../../gas/tables';
import { plannedFromRow } from './runLog';
import type { LetterRunResult } from './runResult';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LETTER_PDF_NAME = 'letter.pdf';

export interface PrintedOnly {
  upn: string;
  type: string;
  reason: string;
}

export interface ParentMailOutcome {
  /** Letters e-mailed by this execution (in test mode: to the person running it). */
  emailed: Array<{ upn: string; type: string; key: string }>;
  /** Letters not e-mailed (no address on file, quota, refused): the printed copy is the letter. */
  printedOnly: PrintedOnly[];
  /** E-mails an interrupted execution may have sent (Mail Log "Sending"): not sent again. */
  uncertain: number;
  testMode: boolean;
  problems: string[];
  /** The scratch document the PDFs are made from ('' when none was needed). */
  copyDocId: string;
}

export interface ParentMailer {
  /**
   * E-mail letter number `seq` of the run to the pupil's parent. True when it went to the parent
   * (the Letters Log row may say Sent); false when printed only, deferred, or in test mode.
   */
  send(letter: PlannedLetter, seq: number, pupil: Pupil, values: Record<string, string>, conditions?: Partial<Conditions>): boolean;
  /** Which of these letters still need their e-mail (one Mail Log read): not Sent, not Sending. */
  pending<T extends { seq: number }>(letters: T[]): T[];
  /** Whether the Mail Log says this letter went to the parent (not a test-mode send). */
  wasSent(seq: number): boolean;
  outcome: ParentMailOutcome;
}

export function parentSendKey(runId: string, seq: number): string {
  return `parent-letter|${runId}|${seq}`;
}

export function openParentMailer(ss: Spreadsheet, s: LetterSources, state: LetterRunState, store: RunStore, templateIds: Record<string, string>): ParentMailer {
  const settings = s.settings;
  const testMode = settings.testMode;
  const types = Object.keys(templateIds) as LetterType[];
  const type = types[0];
  const templateId = templateIds[type];
  const outcome: ParentMailOutcome = { emailed: [], printedOnly: [], uncertain: 0, testMode, problems: [], copyDocId: state.copyDocId || '' };
  // On file for a pupil: the Students tab's Parent Email and the pupil's contacts' e-mails — the
  // recipient check allows nothing else.
  const onFile = s.pupils.map((p) => {
    const extra = (s.contacts.get(normUpn(p.upn)) || []).map((c) => String(c.email || '').trim()).filter((e) => e !== '');
    return extra.length ? { ...p, parentEmail: [p.parentEmail].concat(extra).filter((e) => String(e || '').trim() !== '').join('; ') } : p;
  });
  const ctx: MailContext = { settings, staff: [], pupils: onFile, asOf: s.asOf };
  const subject = parentLetterSubject(settings.school);
  let quotaOut = false;
  let statuses: Map<string, string> | null = null;
  const copy = openLetterCopy({
    templateId,
    type,
    // The scratch document's name says what it is; never a pupil.
    title: `Pastoral Tracker – letter copy (for e-mail) – ${state.title} – ${state.cohort}`,
    existingDocId: state.copyDocId || undefined,
    onDocument: (id) => {
      state.copyDocId = id;
      outcome.copyDocId = id;
      store.save(state);
    },
  });
  const printed = (l: PlannedLetter, reason: string) => outcome.printedOnly.push({ upn: l.upn, type: l.type, reason });

  return {
    outcome,
    pending(letters) {
      if (!statuses) statuses = mailLogStatuses(ss);
      const st = statuses;
      return letters.filter((l) => {
        const v = st.get(mailLogKey(parentSendKey(state.runId, l.seq), testMode));
        return v !== 'Sent' && v !== 'Sending';
      });
    },
    wasSent(seq) {
      if (testMode) return false;
      if (!statuses) statuses = mailLogStatuses(ss);
      return statuses.get(mailLogKey(parentSendKey(state.runId, seq), false)) === 'Sent';
    },
    send(letter, seq, pupil, values, conditions) {
      // The addressee's own e-mail; a letter to the Students tab's parent uses Parent Email.
      const fromContacts = letter.addressee.source === 'contacts';
      const to = fromContacts ? parentAddresses({ parentEmail: letter.addressee.emails.join('; ') }) : parentAddresses(pupil);
      if (!to.length) {
        printed(letter, fromContacts
          ? (letter.addressee.emails.length ? 'the contact\'s Email on the Contacts tab is not an e-mail address' : 'no Email for this contact on the Contacts tab (no Parent Email)')
          : String(pupil.parentEmail || '').trim() ? 'the Parent Email on the Students tab is not an e-mail address' : 'no Parent Email on the Students tab');
        return false;
      }
      if (!seq) {
        printed(letter, 'the letter is missing from the run\'s plan (Letter Runs tab)');
        return false;
      }
      if (quotaOut) {
        printed(letter, 'the daily e-mail quota ran out');
        return false;
      }
      const pdf = copy.pdf(values, LETTER_PDF_NAME, conditions, templateIds[letter.type], letter.type);
      const { body, htmlBody } = parentLetterBody(pupil, settings.school, letter.addressee.salutation);
      const email: ParentLetterEmail = { to, subject, body, htmlBody, sendKey: parentSendKey(state.runId, seq), upn: pupil.upn, files: [pdf] };
      const r = sendMails(ss, [email], ctx, { audience: 'parents' });
      outcome.copyDocId = copy.docId();
      for (const p of r.problems) if (outcome.problems.indexOf(p) < 0) outcome.problems.push(p);
      if (r.sent.length) {
        outcome.emailed.push({ upn: letter.upn, type: letter.type, key: letter.key });
        return !testMode;
      }
      if (r.alreadySent.length) return !testMode;
      if (r.uncertain.length) {
        outcome.uncertain++;
        return false;
      }
      if (r.deferred.length) {
        quotaOut = true;
        printed(letter, 'the daily e-mail quota ran out');
        return false;
      }
      printed(letter, r.refused.length ? r.refused.map((x) => x.reason).join('; ') : 'not sent');
      return false;
    },
  };
}

/** One paragraph for the person: how many went by e-mail and how many are printed only (no names). */
export function describeParentMail(o: ParentMailOutcome): string[] {
  const notes: string[] = [];
  if (o.emailed.length) {
    notes.push(o.testMode
      ? `TEST MODE: ${o.emailed.length} letter(s) e-mailed as PDFs to you instead of the parents.`
      : `${o.emailed.length} letter(s) e-mailed to parents as PDFs (subject "Letter from …"; see the Mail Log).`);
  }
  const noAddress = o.printedOnly.filter((p) => /Parent Email/.test(p.reason)).length;
  const quota = o.printedOnly.filter((p) => /quota/.test(p.reason)).length;
  const other = o.printedOnly.length - noAddress - quota;
  if (noAddress) notes.push(`${noAddress} letter(s) printed only: no usable Parent Email on the Students tab.`);
  if (quota) notes.push(`${quota} letter(s) not e-mailed: today's e-mail quota ran out. Post the printed copies.`);
  if (other) notes.push(`${other} letter(s) printed only: the e-mail was refused (see the run's problems).`);
  if (o.uncertain) notes.push(`${o.uncertain} letter e-mail(s) may have been sent by an interrupted run: not sent again — check with the family if unsure.`);
  return notes;
}

/** E-mails the parent letters an earlier execution of the run made but did not send. */
export function catchUpParentMail(ss: Spreadsheet, s: LetterSources, mailer: ParentMailer, made: PlanRow[], state: LetterRunState, result: LetterRunResult): void {
  const idx = indexes(s);
  const letters = made.map((p) => ({ p, l: plannedFromRow(p, s) })).filter((x) => x.l && idx.pupils.get(normUpn(x.p.upn)));
  if (!letters.length) return;
  const todo = mailer.pending(letters.map((x) => ({ ...x, seq: x.p.seq })));
  const sent: string[] = [];
  for (const x of todo) {
    const letter = x.l as PlannedLetter;
    const pupil = idx.pupils.get(normUpn(letter.upn)) as Pupil;
    const inputs = letterInputs(letter, pupil, s, idx, state.panel);
    if (mailer.send(letter, x.p.seq, pupil, letterFields(inputs.ctx), inputs.conditions)) sent.push(...letter.keys);
  }
  // The Letters Log says Sent for letters that went to the parent (one write for them all).
  if (sent.length) upsertByKey(ss, 'Letters Log', sent.map((key) => ({ key, status: 'Sent' })), { fields: ['status'], addMissing: false });
  result.parentMail = mailer.outcome;
}
