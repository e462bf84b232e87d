/**
 * The Monday digests (SPEC §6): who gets which sections, one e-mail per person per run. A person
 * who holds several roles (a Head of Year who is also a form tutor and SLT link) gets one e-mail
 * with every section, not three. The recipients come from the Staff tab's roles; a role that
 * needs a year, reg group or department without one is reported, not guessed.
 */
import { toUk } from '../dates';
import { Settings } from '../settings';
import { StaffMember } from '../types';
import { canonicalRoles } from '../qa/roles';
import { sendKeyFor } from '../qa/today';
import { composeEmail, ComposeContext, StaffEmail } from './compose';
import { DigestInput } from './digestData';
import { cohortSection, curriculumLeaderSection, formTutorSection, headOfYearSection, sltSection } from './digestSections';
import { Block } from './render';

export const DIGEST_RUN = 'digest';

// Every senior leader's role reads the whole-school section.
const SLT_ROLES = ['SLT', 'SLT attendance', 'SLT link', 'Tutor/Assembly SLT lead'];

export interface DigestPlanItem {
  to: string;
  name: string;
  /** What this person reads, e.g. ["SLT", "Head of Year 10", "Form tutor 10A"]. */
  audiences: string[];
  subject: string;
  title: string;
  blocks: Block[];
  sendKey: string;
}

export function digestSubject(weekStart: string): string {
  return `Weekly pastoral digest, week beginning ${toUk(weekStart)}`;
}

/** Who gets a digest and what is in it. Pure data: digestEmails turns it into e-mails. */
export function planDigests(input: DigestInput, staff: StaffMember[], settings: Settings): { items: DigestPlanItem[]; problems: string[] } {
  const problems: string[] = [];
  const byEmail: { [k: string]: DigestPlanItem } = {};
  const order: string[] = [];

  for (const m of staff) {
    const email = String(m.email || '').trim();
    const audiences: string[] = [];
    const blocks: Block[] = [];
    const seen: { [a: string]: boolean } = {};
    const addSection = (audience: string, make: () => Block[]) => {
      if (seen[audience]) return;
      seen[audience] = true;
      audiences.push(audience);
      Array.prototype.push.apply(blocks, make());
    };
    const held = ([] as { role: string; years: number[] }[]).concat(...m.roles.map(canonicalRoles));
    for (const h of held) {
      if (SLT_ROLES.indexOf(h.role) >= 0) addSection('SLT', () => sltSection(input, settings));
      else if (h.role === 'Head of Year') {
        const years = h.years.length ? h.years : m.year ? [m.year] : [];
        if (years.length === 0) problems.push(`Staff tab: ${m.name} is a Head of Year but has no Year, so gets no year digest.`);
        for (const y of years) addSection(`Head of Year ${y}`, () => headOfYearSection(input, y));
      } else if (h.role === 'Form tutor') {
        if (!m.regGroup) problems.push(`Staff tab: ${m.name} is a Form tutor but has no Reg Group, so gets no reg group digest.`);
        else addSection(`Form tutor ${m.regGroup}`, () => formTutorSection(input, m.regGroup));
      } else if (h.role === 'Curriculum leader') {
        if (!m.department) problems.push(`Staff tab: ${m.name} is a Curriculum leader but has no Department, so gets no department digest.`);
        else addSection(`Curriculum leader ${m.department}`, () => curriculumLeaderSection(input, m.department));
      } else if (h.role === 'PP lead') addSection('PP lead', () => cohortSection(input, 'pp', settings));
      else if (h.role === 'SENCO') addSection('SENCO', () => cohortSection(input, 'sen', settings));
      else if (h.role === 'EAL coordinator') addSection('EAL coordinator', () => cohortSection(input, 'eal', settings));
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
      for (let i = 0; i < audiences.length; i++) {
        if (existing.audiences.indexOf(audiences[i]) >= 0) continue;
        existing.audiences.push(audiences[i]);
      }
      Array.prototype.push.apply(existing.blocks, blocks);
      continue;
    }
    order.push(key);
    byEmail[key] = {
      to: email,
      name: m.name,
      audiences,
      subject: digestSubject(input.weekStart),
      title: `Weekly digest for the week beginning ${toUk(input.weekStart)}`,
      blocks,
      sendKey: sendKeyFor(DIGEST_RUN, input.weekStart, email),
    };
  }
  const items = order.map((k) => byEmail[k]);
  for (const it of items) it.blocks = [{ type: 'paragraph', text: `For ${it.name}: ${it.audiences.join('; ')}.` } as Block].concat(it.blocks);
  return { items, problems };
}

/** The planned digests as e-mails, through the compose guards (refusals come back as problems). */
export function digestEmails(input: DigestInput, ctx: ComposeContext): { emails: StaffEmail[]; problems: string[] } {
  const plan = planDigests(input, ctx.staff, ctx.settings);
  const emails: StaffEmail[] = [];
  const problems = plan.problems.slice();
  for (const item of plan.items) {
    const r = composeEmail({ to: [item.to], subject: item.subject, title: item.title, blocks: item.blocks, sendKey: item.sendKey }, ctx);
    if (r.email) emails.push(r.email);
    Array.prototype.push.apply(problems, r.problems);
  }
  return { emails, problems };
}
