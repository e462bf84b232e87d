/**
 * The morning's mentoring e-mails (SPEC §7, seed 003) as data, built from what the mentoring
 * morning job found. One e-mail per recipient per run:
 *  - each mentor: meetings due this week and overdue (first run of the week), their mentees'
 *    missed sessions to follow up, and on the first run of a month the **pack** per mentee
 *    (targets, current grades, status, attendance %, homework misses, slips since the last meeting);
 *  - the tracking and mentoring lead: meetings newly overdue (each chased once) and pupils without a mentor;
 *  - the leadership team (SLT): today's Y11 session list and yesterday's non-attenders.
 * Subjects carry dates and counts only (composeEmail checks that no pupil is named).
 */
import { IsoDate, toUk, toLongUk } from '../dates';
import { Pupil, StaffMember } from '../types';
import { Block, COLOURS } from '../email/render';
import { ComposeContext, StaffEmail, composeEmail } from '../email/compose';
import { hasRole } from '../homework/owners';
import { MenteeDue, MentorPackEntry } from './mentoring';
import { DayListRow } from './sessions';
import { normText } from '../text';
import { sessionYear } from './forms';

export interface MissedSession {
  key: string;
  upn: string;
  name: string;
  regGroup: string;
  mentor: string;
  subject: string;
  date: IsoDate;
}

export interface MentoringMorningData {
  asOf: IsoDate;
  /** First run of the school week: mentors are reminded of meetings due this week. */
  remindMentors: boolean;
  dueThisWeek: MenteeDue[];
  overdue: MenteeDue[];
  /** Overdue meetings not chased before: an Interventions row each, and the lead's e-mail. */
  newlyOverdue: MenteeDue[];
  withoutMentor: Array<{ upn: string; name: string; year: number; regGroup: string }>;
  sessionsToday: DayListRow[];
  /** Non-attendances followed up this run (once each). */
  missedSessions: MissedSession[];
  /** First run of the month: each mentor's pack. */
  packDay: boolean;
  packs: Array<{ mentor: string; entries: MentorPackEntry[] }>;
  /** How far back homework misses in the pack count ("this half term (from 08/01/2024)"). */
  homeworkPeriod: string;
}

/** The member of staff a Mentor cell names (e-mail or name). */
export function mentorStaff(mentor: string, staff: StaffMember[]): StaffMember | undefined {
  const m = normText(mentor);
  return staff.find((s) => normText(s.email) === m) || staff.find((s) => normText(s.name) === m);
}

function addressOf(mentor: string, staff: StaffMember[]): string {
  const s = mentorStaff(mentor, staff);
  return s ? s.email : mentor;
}

const dueTable = (rows: MenteeDue[], title: string, empty: string): Block => ({
  type: 'table', title, columns: ['Pupil', 'Reg group', 'Last formal meeting', 'Due', 'Days overdue'],
  rows: rows.map((r) => [r.name, r.regGroup, r.lastFormal ? toUk(r.lastFormal) : 'none yet', toUk(r.due), r.daysOverdue || '']),
  rowColours: rows.map((r) => (r.daysOverdue > 0 ? COLOURS.red : null)), empty,
});

const missedTable = (rows: MissedSession[], withMentor: boolean, staff: StaffMember[]): Block => ({
  type: 'table', title: 'Missed sessions to follow up', empty: 'None.',
  columns: withMentor ? ['Pupil', 'Reg group', 'Session', 'Date', 'Mentor'] : ['Pupil', 'Reg group', 'Session', 'Date'],
  rows: rows.map((r) => {
    const row: (string | number)[] = [r.name, r.regGroup, r.subject, toUk(r.date)];
    if (withMentor) {
      const s = mentorStaff(r.mentor, staff);
      row.push(s ? s.name : r.mentor || 'no mentor');
    }
    return row;
  }),
});

function packBlocks(entries: MentorPackEntry[], homeworkPeriod: string): Block[] {
  const blocks: Block[] = [{ type: 'heading', text: 'Mentoring pack' }];
  for (const e of entries) {
    blocks.push({ type: 'heading', text: `${e.name} (${e.regGroup})` });
    const att = e.attendancePercent === null ? 'no register data' : `${e.attendancePercent.toFixed(1)}%`;
    const hw = e.homeworkMisses === null ? 'no homework data' : String(e.homeworkMisses);
    blocks.push({
      type: 'paragraph',
      text: `Last formal meeting: ${e.lastFormal ? toUk(e.lastFormal) : 'none yet'}; next due ${toUk(e.due)}. Attendance: ${att}. Homework misses ${homeworkPeriod}: ${hw}.`,
    });
    blocks.push({
      type: 'table', columns: ['Subject', 'Target', 'Current', 'Predicted', 'Status'], empty: 'No grades on the Progress tab.',
      rows: e.subjects.map((s) => [s.subject, s.target, s.current, s.predicted, s.status === 'ungradeable' ? 'not graded' : s.status]),
      rowColours: e.subjects.map((s) => (s.status === 'above' ? COLOURS.green : s.status === 'below' ? COLOURS.red : null)),
    });
    blocks.push(
      e.slips.length
        ? { type: 'list', items: e.slips.map((s) => `${toUk(s.date)} ${s.kind} from ${s.from}: ${s.comment}${s.target ? ` — target: ${s.target}` : ''}`) }
        : { type: 'paragraph', text: 'No mentoring slips since the last meeting.' },
    );
  }
  return blocks;
}

export function mentoringEmails(m: MentoringMorningData, ctx: ComposeContext): { emails: StaffEmail[]; problems: string[] } {
  const emails: StaffEmail[] = [];
  const problems: string[] = [];
  const push = (r: { email: StaffEmail | null; problems: string[] }) => {
    if (r.email) emails.push(r.email);
    problems.push(...r.problems);
  };
  const staff = ctx.staff;
  const day = toUk(m.asOf);

  // Mentors: one e-mail each with whatever concerns them today.
  const mentors = new Map<string, { due: MenteeDue[]; overdue: MenteeDue[]; missed: MissedSession[]; pack: MentorPackEntry[] }>();
  const slot = (mentor: string) => {
    const k = normText(addressOf(mentor, staff));
    let s = mentors.get(k);
    if (!s) mentors.set(k, (s = { due: [], overdue: [], missed: [], pack: [] }));
    return s;
  };
  if (m.remindMentors) {
    m.dueThisWeek.forEach((d) => slot(d.mentor).due.push(d));
    m.overdue.forEach((d) => slot(d.mentor).overdue.push(d));
  }
  m.missedSessions.filter((x) => x.mentor).forEach((x) => slot(x.mentor).missed.push(x));
  if (m.packDay) m.packs.forEach((p) => { if (p.entries.length) slot(p.mentor).pack.push(...p.entries); });
  mentors.forEach((s, address) => {
    const blocks: Block[] = [];
    if (s.due.length || s.overdue.length) {
      blocks.push(dueTable(s.overdue.concat(s.due), 'Formal mentor meetings due', 'None.'));
      blocks.push({ type: 'paragraph', text: 'Record each meeting on the Mentor Meetings tab (Type: Formal).' });
    }
    if (s.missed.length) blocks.push(missedTable(s.missed, false, staff), { type: 'paragraph', text: 'The leadership team has been told too: please follow up with your mentee.' });
    if (s.pack.length) blocks.push(...packBlocks(s.pack, m.homeworkPeriod));
    if (!blocks.length) return;
    const subject = s.pack.length ? `Mentoring pack and reminders: ${day}` : `Mentoring reminders: ${day}`;
    push(composeEmail({ to: [address], subject, title: s.pack.length ? `Your mentees: ${toLongUk(m.asOf)}` : `Mentoring: ${toLongUk(m.asOf)}`, label: s.pack.length ? 'mentoring pack and reminders' : 'mentoring reminders', blocks, sendKey: `mentoring|mentor|${address}|${m.asOf}` }, ctx));
  });

  // The tracking and mentoring lead: newly overdue meetings (chased once each).
  if (m.newlyOverdue.length) {
    const leads = staff.filter((x) => hasRole(x, 'Tracking and mentoring lead')).map((x) => x.email);
    if (!leads.length) problems.push('No "Tracking and mentoring lead" on the Staff tab: overdue mentor meetings were not reported.');
    else {
      const blocks: Block[] = [
        dueTable(m.newlyOverdue, `Newly overdue formal meetings (${m.newlyOverdue.length})`, 'None.'),
        { type: 'paragraph', text: `${m.overdue.length} formal meetings are overdue in all; each is on the Interventions tab (area Mentoring).` },
      ];
      if (m.withoutMentor.length) {
        blocks.push({ type: 'table', title: 'Pupils without a mentor', columns: ['Pupil', 'Year', 'Reg group'], rows: m.withoutMentor.map((p) => [p.name, p.year, p.regGroup]) });
      }
      // One message per lead, so it joins the rest of their morning (core/email/oneMessage.ts).
      for (const lead of leads) {
        push(composeEmail({ to: [lead], subject: `Mentor meetings overdue: ${m.newlyOverdue.length} new (${day})`, title: 'Overdue mentor meetings', label: `mentor meetings overdue: ${m.newlyOverdue.length} new`, blocks, sendKey: `mentoring|lead|${lead}|${m.asOf}` }, ctx));
      }
    }
  }

  // The leadership team: today's session list and the non-attenders to follow up.
  if (m.sessionsToday.length || m.missedSessions.length) {
    const slt = staff.filter((x) => hasRole(x, 'SLT')).map((x) => x.email);
    const year = sessionYear(ctx.settings); // the final mentored year (Year 11 by default)
    if (!slt.length) problems.push(`No SLT on the Staff tab: the Year ${year} session list was not sent.`);
    else {
      const blocks: Block[] = [{
        type: 'table', title: `Sessions today (${m.sessionsToday.length})`, empty: 'No sessions requested for today.',
        columns: ['When', 'Time', 'Subject', 'Pupil', 'Reg group', 'Teacher'],
        rows: m.sessionsToday.map((r) => [r.slot, r.time, r.subject, r.name, r.regGroup, r.teacher]),
      }];
      if (m.missedSessions.length) blocks.push(missedTable(m.missedSessions, true, staff));
      // One message per member of SLT, so it joins the rest of their morning (oneMessage.ts).
      for (const member of slt) {
        push(composeEmail({ to: [member], subject: `Year ${year} sessions: ${day}`, title: `Year ${year} sessions: ${toLongUk(m.asOf)}`, label: `Year ${year} sessions`, blocks, sendKey: `mentoring|slt|${member}|${m.asOf}` }, ctx));
      }
    }
  }
  return { emails, problems };
}

export type { Pupil };
