/**
 * School-level attendance rates for the weekly digests: a week's own sessions, the week before,
 * the academic year to date, and week by week over the term — for any group of pupils (the whole
 * school, a year, a reg group, a cohort).
 *
 * Counted as the DfE counts school-level rates (SPEC §2, §4.1):
 *  - only sessions from `yearFrom` (the academic year's first day) to `through` (the last
 *    **completed** school day: a digest sent at 07:00 on Monday never counts Monday's marks);
 *  - a leaver counts up to and including their leaving date, never after it;
 *  - a pupil's figures start at their admission date when the Students tab has one (countFrom,
 *    the review's own rule), else at their first session in the register;
 *  - possible = present + approved educational activity + authorised + unauthorised; not-counted
 *    codes (`X`, `Y1`…, `#`), blanks, withdrawn and unknown codes are not possible sessions.
 * Pure: one pass over the marks, then each group is a sum over its pupils.
 */
import { IsoDate, weekStart } from '../dates';
import { Settings } from '../settings';
import { Mark, Pupil } from '../types';
import { academicYearOfDate } from '../calendar/academicYear';
import { codeInfo } from './register';
import { percentTenths } from './summary';

export interface SessionCount {
  attended: number;
  possible: number;
}

export interface PupilRates {
  upn: string;
  /** Academic year to date, up to `through`. */
  ytd: SessionCount;
  /** One per `weekStarts` entry (that Monday-to-Sunday week, up to `through`). */
  weeks: SessionCount[];
}

export interface WeekRatesInput {
  marks: Mark[];
  /** Every pupil, leavers included (they count up to their leaving date). */
  pupils: Pupil[];
  yearFrom: IsoDate;
  through: IsoDate;
  /** Mondays of the weeks wanted, ascending. */
  weekStarts: IsoDate[];
}

/** The first day of the academic year holding `d` (`attendance.academicYearStartMonth`, September). */
export function academicYearFrom(d: IsoDate, settings: Settings): IsoDate {
  return academicYearOfDate(d, settings).start;
}

/** Each pupil's year-to-date and weekly session counts, in one pass over the register. */
export function pupilRates(input: WeekRatesInput): Map<string, PupilRates> {
  const out = new Map<string, PupilRates>();
  const leaving = new Map<string, IsoDate>();
  const admitted = new Map<string, IsoDate>();
  for (const p of input.pupils) {
    if (out.has(p.upn)) continue;
    out.set(p.upn, { upn: p.upn, ytd: { attended: 0, possible: 0 }, weeks: input.weekStarts.map(() => ({ attended: 0, possible: 0 })) });
    if (p.leavingDate) leaving.set(p.upn, p.leavingDate);
    if (p.admissionDate) admitted.set(p.upn, p.admissionDate);
  }
  const weekIndex = new Map<IsoDate, number>();
  input.weekStarts.forEach((w, i) => weekIndex.set(w, i));
  // Marks come grouped by date or by pupil: cache the week of the last date seen.
  let lastDate = '';
  let lastWeek = -1;
  for (let i = 0; i < input.marks.length; i++) {
    const m = input.marks[i];
    if (m.date < input.yearFrom || m.date > input.through) continue;
    const r = out.get(m.upn);
    if (!r) continue;
    const left = leaving.get(m.upn);
    if (left && m.date > left) continue;
    const from = admitted.get(m.upn);
    if (from && m.date < from) continue;
    const cls = codeInfo(m.code)[1];
    const attended = cls === 'present' || cls === 'aea';
    if (!attended && cls !== 'authorised' && cls !== 'unauthorised') continue;
    if (m.date !== lastDate) {
      lastDate = m.date;
      const w = weekIndex.get(weekStart(m.date));
      lastWeek = w === undefined ? -1 : w;
    }
    r.ytd.possible++;
    if (attended) r.ytd.attended++;
    if (lastWeek >= 0) {
      const wk = r.weeks[lastWeek];
      wk.possible++;
      if (attended) wk.attended++;
    }
  }
  return out;
}

export interface GroupRates {
  /** Pupils with at least one possible session this year. */
  pupils: number;
  ytd: SessionCount;
  weeks: SessionCount[];
  /** Persistent / severe absentees this year, on the exact fraction (37 of 371 missed is not PA). */
  pa: number;
  sa: number;
}

/** The sum over a group's pupils (UPNs not in `rates` are ignored). */
export function groupRates(rates: Map<string, PupilRates>, upns: Iterable<string>, weekCount: number, settings: Settings): GroupRates {
  const g: GroupRates = { pupils: 0, ytd: { attended: 0, possible: 0 }, weeks: [], pa: 0, sa: 0 };
  for (let i = 0; i < weekCount; i++) g.weeks.push({ attended: 0, possible: 0 });
  const seen = new Set<string>();
  const paFrom = settings.attendance.persistentAbsenceFrom;
  const saFrom = settings.attendance.severeAbsenceFrom;
  for (const upn of upns) {
    if (seen.has(upn)) continue;
    seen.add(upn);
    const r = rates.get(upn);
    if (!r) continue;
    if (r.ytd.possible > 0) {
      g.pupils++;
      const absent = r.ytd.possible - r.ytd.attended;
      if (absent * 100 >= paFrom * r.ytd.possible) g.pa++;
      if (absent * 100 >= saFrom * r.ytd.possible) g.sa++;
    }
    g.ytd.attended += r.ytd.attended;
    g.ytd.possible += r.ytd.possible;
    for (let i = 0; i < weekCount && i < r.weeks.length; i++) {
      g.weeks[i].attended += r.weeks[i].attended;
      g.weeks[i].possible += r.weeks[i].possible;
    }
  }
  return g;
}

/** Attendance % to one decimal place (half up, exact), or null with no possible sessions. */
export function ratePercent(c: SessionCount): number | null {
  const t = percentTenths(c.attended, c.possible);
  return t === null ? null : t / 10;
}

/** The change between two shown figures, in tenths of a point (so 92.7 − 94.1 is exactly −1.4). */
export function changeTenths(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return Math.round(now * 10) - Math.round(before * 10);
}
