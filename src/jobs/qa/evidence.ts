/**
 * The evidence a morning e-mail carries for a task that matches a built-in check (SPEC §6), built
 * from the attendance review — pure data, no service calls:
 *   coding review → the coding review report (pupil issues, incomplete registers);
 *   tier letters → names included / to be removed per year, and the draft letters document;
 *   G codes → the gateway list; punctuality / late to lesson → their lists;
 *   failure to return → today's list (Year 11 first); EWO on site → SA and PA cases;
 *   attendance contract meetings → Level 2 and panel cases;
 *   and with EWO on site, attendance contract meetings and G codes (the calendar's "fines"): the
 *   legal steps due (issue 19: what is due next for pupils of compulsory school age).
 * Names appear in e-mail bodies and attachments (to staff in the school's domain), never subjects.
 * Pupils are "Surname, Forename" in surname order (failure to return keeps Year 11 first: the
 * calendar's priority); dates are ISO in the rows, shown dd/mm/yyyy and kept ISO in the CSV.
 */
import { toUk } from '../../core/dates';
import { AttendanceReview, PupilAttendanceReview } from '../../core/attendance/review';
import { CountEntry } from '../../core/attendance/lists';
import { Evidence, EvidenceSection } from '../../core/email/morning';
import { LetterLogEntry } from '../../core/types';
import { legalDueSection } from '../../core/legal/email';
import { byListName } from '../../core/pupils/names';

const STAGE: Record<string, string> = { reward: 'Reward', level1: 'Level 1', level2: 'Level 2' };

export function buildEvidence(review: AttendanceReview, letters: LetterLogEntry[]): Evidence {
  const byUpn = new Map<string, PupilAttendanceReview>();
  for (const p of review.pupils) byUpn.set(p.upn, p);
  const who = (upn: string) => byUpn.get(upn);
  const pct = (p: PupilAttendanceReview) => (p.figures.percent === null ? '' : p.figures.percent.toFixed(1));
  const sortPupils = (list: PupilAttendanceReview[]) => list.slice().sort((a, b) => byListName(a.name, b.name));

  const countSection = (title: string, file: string, entries: CountEntry[], what: string): EvidenceSection => ({
    title,
    file,
    columns: ['Pupil', 'Year', 'Reg group', what, 'Dates'],
    rows: entries
      .map((e) => ({ e, p: who(e.upn) }))
      .filter((x) => x.p)
      .sort((a, b) => byListName(a.p!.name, b.p!.name))
      .map(({ e, p }) => [p!.name, p!.year, p!.regGroup, e.count, e.dates.map(shortDate).join('; ')]),
    note: entries.length ? undefined : 'No pupils on this list today.',
    noun: entries.length === 1 ? 'pupil' : 'pupils',
  });

  const caseTable = (title: string, file: string, list: PupilAttendanceReview[], extra?: (p: PupilAttendanceReview) => string): EvidenceSection => ({
    title,
    file,
    columns: ['Pupil', 'Year', 'Reg group', '%', 'Stage', 'PA', 'SA', 'Next action'],
    rows: sortPupils(list).map((p) => [p.name, p.year, p.regGroup, pct(p), p.stage ? STAGE[p.stage] : '', p.pa ? 'Yes' : '', p.sa ? 'Yes' : '', extra ? extra(p) : p.ladder.nextAction]),
    note: list.length ? undefined : 'No pupils.',
    noun: list.length === 1 ? 'pupil' : 'pupils',
  });

  const { lists } = review;
  const coding: EvidenceSection[] = [
    {
      title: 'Coding review: open issues by pupil (held from letters until fixed)',
      file: 'coding-review-pupils',
      columns: ['Pupil', 'Year', 'Reg group', 'Date', 'Session', 'Code', 'Issue'],
      rows: lists.coding.pupils
        .map((i) => ({ i, p: who(i.upn) }))
        .filter((x) => x.p)
        .sort((a, b) => byListName(a.p!.name, b.p!.name) || (a.i.date < b.i.date ? -1 : a.i.date > b.i.date ? 1 : 0))
        .map(({ i, p }) => [p!.name, p!.year, p!.regGroup, i.date, i.session, i.code, i.message]),
      note: lists.coding.pupils.length ? undefined : 'No open coding issues.',
      noun: 'issues',
      dateColumns: [3],
    },
    {
      title: 'Coding review: incomplete registers',
      file: 'coding-review-registers',
      columns: ['Reg group', 'Date', 'Session', 'Pupils with no mark', 'Group size'],
      rows: lists.coding.registers.map((r) => [r.regGroup, r.date, r.session, r.unmarked.length, r.groupSize]),
      note: lists.coding.registers.length ? undefined : 'Every register is complete.',
      noun: 'registers',
      dateColumns: [1],
    },
  ];

  const draft = latestTierLink(letters);
  const tiers: EvidenceSection[] = [];
  for (const t of lists.tiers) {
    const row = (upn: string, tier: number): (string | number)[] | null => {
      const p = who(upn);
      return p ? [p.name, p.regGroup, `Tier ${tier}`, pct(p)] : null;
    };
    const byName = (a: (string | number)[], b: (string | number)[]) => byListName(String(a[0]), String(b[0]));
    const included = t.included.map((e) => row(e.upn, e.tier)).filter((r): r is (string | number)[] => r !== null).sort(byName);
    const removed = t.removed.map((e) => row(e.upn, e.tier)).filter((r): r is (string | number)[] => r !== null).sort(byName);
    tiers.push({
      title: `Year ${t.year} tier letters: names included`,
      file: `year-${t.year}-tier-names-included`,
      columns: ['Pupil', 'Reg group', 'Tier', '%'],
      rows: included,
      years: [t.year],
      links: draft ? [{ text: 'Draft letters (latest tier letter run)', url: draft }] : undefined,
      note: draft ? 'No names newly included.' : 'No names newly included, and no tier letter run yet (Letters → Letter run).',
      noun: `pupils newly in a tier (now: tier 1 ${t.tier1.length}, tier 2 ${t.tier2.length}, tier 3 ${t.tier3.length})`,
    });
    tiers.push({ title: `Year ${t.year} tier letters: names to be removed`, file: `year-${t.year}-tier-names-removed`, columns: ['Pupil', 'Reg group', 'Was', '%'], rows: removed, years: [t.year], note: removed.length ? undefined : 'No one to remove.', noun: removed.length === 1 ? 'pupil' : 'pupils' });
  }

  const failure: EvidenceSection = {
    title: lists.registerTakenToday ? "Failure to return: absent today with N or no mark (Year 11 first)" : 'Failure to return: today’s register is not taken yet',
    file: 'failure-to-return',
    columns: ['Pupil', 'Year', 'Reg group', 'Sessions'],
    rows: lists.failureToReturn.map((f) => [f.name, f.year, f.regGroup, f.sessions.join(', ')]),
    note: lists.registerTakenToday ? 'No pupils absent with N or no mark today.' : 'The list fills once the morning register is taken: open Attendance → Attendance lists later today.',
    noun: lists.failureToReturn.length === 1 ? 'pupil' : 'pupils',
  };

  const onRoll = review.pupils;
  const legal: EvidenceSection = legalDueSection(onRoll.map((p) => ({ name: p.name, year: p.year, regGroup: p.regGroup, due: p.legal })));
  return {
    codingReview: coding,
    tierLetters: tiers,
    gCodes: [countSection('G codes for the gateway: 6 or more G sessions this term', 'g-codes-gateway', lists.holidays, 'G sessions'), legal],
    punctuality: [countSection('Punctuality letters: L marks this half term', 'punctuality', lists.punctuality, 'L marks')],
    lateToLesson: [countSection('Late to lesson letters: lates to lessons this half term', 'late-to-lesson', lists.lateToLesson, 'Lates')],
    failureToReturn: [failure],
    ewoOnSite: [caseTable('Severe absence (SA) cases', 'sa-cases', onRoll.filter((p) => p.sa)), caseTable('Persistent absence (PA) cases', 'pa-cases', onRoll.filter((p) => p.pa && !p.sa)), legal],
    contractMeetings: [
      caseTable('Level 2 cases', 'level-2-cases', onRoll.filter((p) => p.stage === 'level2')),
      caseTable('Panel cases', 'panel-cases', onRoll.filter((p) => p.ladder.rung === 'panel' || p.ladder.lettersDue.indexOf('panel') >= 0), (p) => (p.ladder.rung === 'panel' ? 'Panel held; monitor' : 'Panel due')),
      legal,
    ],
  };
}

/** "2024-01-10 AM" → "10/01/2024 AM". */
function shortDate(s: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(.*)$/.exec(s);
  return m ? toUk(m[1]) + m[2] : s;
}

/** The batch document of the most recent tier letter run in the Letters Log, if any. */
function latestTierLink(letters: LetterLogEntry[]): string {
  let best: LetterLogEntry | null = null;
  for (const l of letters) {
    if (!/tier/i.test(l.type) || !l.link) continue;
    if (!best || l.date > best.date) best = l;
  }
  return best ? best.link : '';
}
