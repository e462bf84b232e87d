/**
 * The coding review (SPEC §4.3, seed 002 "Check quality of coding"): what in the register must be
 * fixed before letters go out. A pupil with any issue is **held** from letters.
 *
 * - gap: an open session (see register.ts) before today with a blank mark or no row, from the
 *   pupil's admission date when the Students tab has one, else from their first row (earlier
 *   sessions may predate their admission). Today's registers may still be being taken, so today
 *   is not checked.
 * - Only the current academic year is reviewed (`from`): earlier years' registers were closed at
 *   their year end; their marks still count in the penalty window as they stand.
 * - oldN: an `N` (reason not yet provided) more than `nOlderThanSchoolDays` school days old.
 * - withdrawn: `H`, `J` or plain `Y`, removed in 2024; unknown: any code not in the table.
 * - registers: a reg group session with some pupils marked and some not is *incomplete*; one with
 *   nobody marked while the school was open is *missing* (the seed: "staff with missing registers:
 *   line manager notified").
 */
import { IsoDate, toUk } from '../dates';
import { Settings } from '../settings';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { PupilMarks } from './register';

export type IssueKind = 'gap' | 'oldN' | 'withdrawn' | 'unknown';

export interface CodingIssue {
  upn: string;
  date: IsoDate;
  session: string;
  code: string;
  kind: IssueKind;
  message: string;
}

export interface RegisterIssue {
  regGroup: string;
  date: IsoDate;
  session: string;
  kind: 'incomplete' | 'missing';
  unmarked: string[]; // UPNs
  groupSize: number;
  message: string;
}

export interface OpenSession {
  date: IsoDate;
  session: string;
}

/** The open sessions in date order, built once per review. */
export function sortedOpenSessions(openSessions: Set<string>): OpenSession[] {
  return Array.from(openSessions)
    .sort()
    .map((k) => ({ date: k.slice(0, 10), session: k.slice(11) }));
}

function where(upn: string, date: IsoDate, session: string): string {
  return `Attendance Marks, UPN ${upn}, ${toUk(date)} ${session}`;
}

export function pupilCodingIssues(
  pm: PupilMarks,
  open: OpenSession[],
  cal: SchoolCalendar,
  settings: Settings,
  asOf: IsoDate,
  from: IsoDate = '',
  admissionDate: IsoDate | '' = '',
): CodingIssue[] {
  const issues: CodingIssue[] = [];
  const upn = pm.upn;
  const nAge = settings.attendance.nOlderThanSchoolDays;
  let start = 0;
  while (start < pm.marks.length && pm.marks[start].date < from) start++;
  for (let i = start; i < pm.marks.length; i++) {
    const m = pm.marks[i];
    const code = pm.codes[i];
    const cls = pm.classes[i];
    if (cls === 'withdrawn') {
      issues.push({ upn, date: m.date, session: m.session, code, kind: 'withdrawn', message: `${where(upn, m.date, m.session)}: "${m.code}" was withdrawn in 2024 — recode it with a current code.` });
    } else if (cls === 'unknown') {
      issues.push({ upn, date: m.date, session: m.session, code, kind: 'unknown', message: `${where(upn, m.date, m.session)}: "${m.code}" is not an attendance code — correct it.` });
    } else if (code === 'N' && cal.schoolDaysBetween(m.date, asOf) > nAge) {
      issues.push({ upn, date: m.date, session: m.session, code, kind: 'oldN', message: `${where(upn, m.date, m.session)}: "N" is more than ${nAge} school days old — find the reason and recode it.` });
    }
  }
  if (pm.marks.length) {
    // Both lists are in (date, AM before PM) order: walk them together.
    let first = admissionDate || pm.marks[0].date;
    if (first < from) first = from;
    const n = pm.marks.length;
    let j = start;
    let lo = 0;
    let hi = open.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (open[mid].date < first) lo = mid + 1;
      else hi = mid;
    }
    for (let o = lo; o < open.length; o++) {
      const s = open[o];
      if (s.date >= asOf) break;
      while (j < n && before(pm.marks[j].date, pm.marks[j].session, s.date, s.session)) j++;
      let has = false;
      for (let k = j; k < n && pm.marks[k].date === s.date && pm.marks[k].session === s.session; k++) {
        if (pm.classes[k] !== 'blank') has = true;
      }
      if (!has) {
        issues.push({ upn, date: s.date, session: s.session, code: '', kind: 'gap', message: `${where(upn, s.date, s.session)}: no mark although the school was open — fill in the register.` });
      }
    }
  }
  return issues;
}

function before(d1: IsoDate, s1: string, d2: IsoDate, s2: string): boolean {
  return d1 < d2 || (d1 === d2 && s1 < s2);
}

/** Incomplete and missing registers, from the pupils' gaps and the reg group sizes. */
export function registerIssues(gaps: Array<{ regGroup: string; issue: CodingIssue }>, groupSizes: Map<string, number>): RegisterIssue[] {
  const byKey = new Map<string, { regGroup: string; date: IsoDate; session: string; upns: string[] }>();
  for (const { regGroup, issue } of gaps) {
    if (issue.kind !== 'gap') continue;
    const k = `${regGroup}|${issue.date}|${issue.session}`;
    let e = byKey.get(k);
    if (!e) byKey.set(k, (e = { regGroup, date: issue.date, session: issue.session, upns: [] }));
    e.upns.push(issue.upn);
  }
  const out: RegisterIssue[] = [];
  byKey.forEach((e) => {
    const size = groupSizes.get(e.regGroup) || e.upns.length;
    const missing = e.upns.length >= size;
    out.push({
      regGroup: e.regGroup,
      date: e.date,
      session: e.session,
      kind: missing ? 'missing' : 'incomplete',
      unmarked: e.upns,
      groupSize: size,
      message: missing
        ? `Reg group ${e.regGroup}, ${toUk(e.date)} ${e.session}: register not taken — tell the line manager.`
        : `Reg group ${e.regGroup}, ${toUk(e.date)} ${e.session}: register incomplete — ${e.upns.length} of ${size} pupils have no mark.`,
    });
  });
  out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.session !== b.session ? (a.session < b.session ? -1 : 1) : a.regGroup < b.regGroup ? -1 : a.regGroup > b.regGroup ? 1 : 0));
  return out;
}
