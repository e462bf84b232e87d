/**
 * The weekly digests (SPEC §6): who gets which sections, one e-mail per person per run. A person
 * who holds several roles (a Head of Year who is also a form tutor and SLT link) gets one e-mail
 * with every section, not three. The recipients come from the Staff tab's roles; a role that
 * needs a year, reg group or department without one is reported, not guessed.
 *
 * Replies go to the person who answers for what the digest reports (docs/emails.md): a form
 * tutor's to their Head of Year, a Head of Year's to their year's SLT link, SLT's to the SLT
 * attendance lead, a curriculum leader's and a cohort lead's to the intervention team or
 * attendance officer who keep the tracker's data — never to the recipient themselves.
 */
import { toUk } from '../dates';
import { Settings } from '../settings';
import { StaffMember } from '../types';
import { canonicalRoles } from '../qa/roles';
import { holdsRole, sameEmail } from '../qa/chains';
import { sendKeyFor } from '../qa/today';
import { checkRecipients, composeEmail, ComposeContext, StaffEmail } from './compose';
import { daysCounted, DigestInput } from './digestData';
import { cohortSection, curriculumLeaderSection, digestIntro, formTutorSection, headOfYearSection, sltSection } from './digestSections';
import { Block } from './render';

export const DIGEST_RUN = 'digest';

// Every senior leader's role reads the whole-school section.
const SLT_ROLES = ['SLT', 'SLT attendance', 'SLT link', 'Tutor/Assembly SLT lead'];

/** Who owns what an audience's section reports, most fitting first. */
type Owner = { role: string; years: number[] };

export interface DigestPlanItem {
  to: string;
  name: string;
  /** What this person reads, e.g. ["SLT", "Head of Year 10", "Form tutor 10A"]. */
  audiences: string[];
  subject: string;
  title: string;
  blocks: Block[];
  sendKey: string;
  /** Where replies go (staff e-mails), most fitting first. */
  replyTo: string[];
}

export function digestSubject(weekStart: string): string {
  return `Weekly pastoral digest, week beginning ${toUk(weekStart)}`;
}

/** The year of a reg group: its pupils' year, else the number it starts with ("10A" → 10). */
function yearOfRegGroup(input: DigestInput, regGroup: string): number | null {
  const p = input.pupils.find((x) => x.regGroup.toLowerCase() === regGroup.toLowerCase());
  if (p) return p.year;
  const m = /^(\d{1,2})/.exec(regGroup.trim());
  return m ? +m[1] : null;
}

const DATA_KEEPERS: Owner[] = [{ role: 'Intervention team', years: [] }, { role: 'Attendance officer', years: [] }];

/** The first owner (in order) someone holds, other than the recipient. */
function replyFor(owners: Owner[], staff: StaffMember[], recipient: string): string[] {
  for (const o of owners) {
    const holders = staff.filter((m) => String(m.email || '').trim() && !sameEmail(m.email, recipient) && holdsRole(m, o));
    if (holders.length) return holders.slice(0, 2).map((m) => String(m.email).trim());
  }
  return [];
}

/** Who gets a digest and what is in it. Pure data: digestEmails turns it into e-mails. */
export function planDigests(input: DigestInput, staff: StaffMember[], settings: Settings): { items: DigestPlanItem[]; problems: string[] } {
  const problems: string[] = [];
  const byEmail: { [k: string]: DigestPlanItem & { owners: Owner[] } } = {};
  const order: string[] = [];
  const weekStart = input.week.start;

  for (const m of staff) {
    const email = String(m.email || '').trim();
    const audiences: string[] = [];
    const blocks: Block[] = [];
    const owners: Owner[] = [];
    const seen: { [a: string]: boolean } = {};
    const addSection = (audience: string, make: () => Block[], owner: Owner[]) => {
      if (seen[audience]) return;
      seen[audience] = true;
      audiences.push(audience);
      owners.push(...owner);
      Array.prototype.push.apply(blocks, make());
    };
    const held = ([] as { role: string; years: number[] }[]).concat(...m.roles.map(canonicalRoles));
    for (const h of held) {
      if (SLT_ROLES.indexOf(h.role) >= 0) addSection('SLT', () => sltSection(input, settings), [{ role: 'SLT attendance', years: [] }]);
      else if (h.role === 'Head of Year') {
        const years = h.years.length ? h.years : m.year ? [m.year] : [];
        if (years.length === 0) problems.push(`Staff tab: ${m.name} is a Head of Year but has no Year, so gets no year digest.`);
        for (const y of years) addSection(`Head of Year ${y}`, () => headOfYearSection(input, y, settings), [{ role: 'SLT link', years: [y] }, { role: 'SLT attendance', years: [] }]);
      } else if (h.role === 'Form tutor') {
        if (!m.regGroup) problems.push(`Staff tab: ${m.name} is a Form tutor but has no Reg Group, so gets no reg group digest.`);
        else {
          const y = yearOfRegGroup(input, m.regGroup);
          addSection(`Form tutor ${m.regGroup}`, () => formTutorSection(input, m.regGroup, settings), y === null ? [] : [{ role: 'Head of Year', years: [y] }]);
        }
      } else if (h.role === 'Curriculum leader') {
        if (!m.department) problems.push(`Staff tab: ${m.name} is a Curriculum leader but has no Department, so gets no department digest.`);
        else addSection(`Curriculum leader ${m.department}`, () => curriculumLeaderSection(input, m.department, settings), []);
      } else if (h.role === 'PP lead') addSection('PP lead', () => cohortSection(input, 'pp', settings), []);
      else if (h.role === 'SENCO') addSection('SENCO', () => cohortSection(input, 'sen', settings), []);
      else if (h.role === 'EAL coordinator') addSection('EAL coordinator', () => cohortSection(input, 'eal', settings), []);
    }
    if (audiences.length === 0) continue;
    if (!email) {
      problems.push(`Staff tab: ${m.name} has no Email, so their weekly digest cannot be sent.`);
      continue;
    }
    const key = email.toLowerCase();
    const existing = byEmail[key];
    if (existing) {
      // The same address on two Staff rows: still one e-mail, with both rows' sections.
      for (let i = 0; i < audiences.length; i++) if (existing.audiences.indexOf(audiences[i]) < 0) existing.audiences.push(audiences[i]);
      Array.prototype.push.apply(existing.blocks, blocks);
      existing.owners.push(...owners);
      continue;
    }
    order.push(key);
    byEmail[key] = {
      to: email,
      name: m.name,
      audiences,
      subject: digestSubject(weekStart),
      title: `Weekly digest: week beginning ${toUk(weekStart)}`,
      blocks,
      sendKey: sendKeyFor(DIGEST_RUN, weekStart, email),
      replyTo: [],
      owners,
    };
  }
  const counted = daysCounted(input.week);
  const items: DigestPlanItem[] = order.map((k) => {
    const it = byEmail[k];
    const replyTo = replyFor(it.owners.concat(DATA_KEEPERS), staff, it.to);
    const { owners: _owners, ...item } = it;
    const attendance = it.audiences.some((a) => a.indexOf('Curriculum leader') !== 0);
    return { ...item, replyTo, blocks: digestIntro(it.name, it.audiences, input, counted, attendance).concat(it.blocks) };
  });
  return { items, problems };
}

/** The planned digests as e-mails, through the compose guards (refusals come back as problems). */
export function digestEmails(input: DigestInput, ctx: ComposeContext): { emails: StaffEmail[]; problems: string[] } {
  const plan = planDigests(input, ctx.staff, ctx.settings);
  const emails: StaffEmail[] = [];
  const problems = plan.problems.slice();
  for (const item of plan.items) {
    const replyTo = checkRecipients(item.replyTo, ctx.staff, ctx.settings).allowed;
    const names = replyTo.map((e) => (ctx.staff.find((s) => sameEmail(s.email, e)) || { name: e }).name);
    const blocks = ctx.settings.email.noReply || !names.length ? item.blocks : item.blocks.concat([{ type: 'note', text: `Replies to this e-mail go to ${names.join(' and ')}.` }]);
    const r = composeEmail({ to: [item.to], subject: item.subject, title: item.title, blocks, sendKey: item.sendKey, replyTo, fileDate: item.sendKey.split('|')[1] }, ctx);
    if (r.email) emails.push(r.email);
    Array.prototype.push.apply(problems, r.problems);
  }
  return { emails, problems };
}
