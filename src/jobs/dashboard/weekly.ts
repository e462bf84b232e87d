/**
 * Attendance week by week (pure): a pupil's trend for the profile and the whole school's
 * persistent-absence rate for the dashboard. A "week" is a school week of the calendar
 * (SPEC §2a); figures are cumulative over the academic year to date, as the Attendance tab's %
 * is — the callers build the WeeklyFigures from the year's start (or the pupil's admission), and
 * for a leaver up to the leaving date.
 */
import { IsoDate, weekStart } from '../../core/dates';
import { Settings } from '../../core/settings';
import { SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { PupilMarks } from '../../core/attendance/register';
import { WeeklyFigures } from '../../core/attendance/history';
import { percentTenths } from '../../core/attendance/summary';
import { isPersistentAbsence } from '../../core/attendance/stage';

/** Indexes of the school weeks shown: the term of asOf up to its week (or the last `fallback` weeks). */
export function termWeekIndexes(cal: SchoolCalendar, asOf: IsoDate, fallback = 14): number[] {
  const last = Math.min(cal.schoolWeekIndex(asOf), cal.schoolWeeks.length - 1);
  if (last < 0) return [];
  const term = cal.termOf(asOf);
  const out: number[] = [];
  for (let i = 0; i <= last; i++) {
    const w = cal.schoolWeeks[i];
    if (term ? w >= weekStart(term.start) && w <= term.end : i > last - fallback) out.push(i);
  }
  return out.length ? out : [last];
}

export interface TrendWeek {
  weekStart: IsoDate;
  attended: number;
  possible: number;
  /** That week alone, 1 dp; null when the pupil had no possible session. */
  weekPercent: number | null;
  /** The academic year to the end of that week, 1 dp. */
  toDatePercent: number | null;
}

export function pupilTrend(w: WeeklyFigures, cal: SchoolCalendar, weeks: number[]): TrendWeek[] {
  const want = new Set(weeks);
  const out: TrendWeek[] = [];
  let a = 0;
  let p = 0;
  const last = weeks.length ? weeks[weeks.length - 1] : -1;
  for (let i = 0; i <= last && i < w.possible.length; i++) {
    a += w.attended[i];
    p += w.possible[i];
    if (!want.has(i)) continue;
    const wp = percentTenths(w.attended[i], w.possible[i]);
    const tp = percentTenths(a, p);
    out.push({
      weekStart: cal.schoolWeeks[i],
      attended: w.attended[i],
      possible: w.possible[i],
      weekPercent: wp === null ? null : wp / 10,
      toDatePercent: tp === null ? null : tp / 10,
    });
  }
  return out;
}

export interface PaWeek {
  weekStart: IsoDate;
  pupils: number; // enrolments (pupils and this year's leavers) with a possible session by then
  pa: number;
  /** PA enrolments as a % of them, 1 dp. */
  rate: number;
}

/**
 * Persistent absence (the year to each week's end, on the exact fraction as the DfE judges it)
 * across enrolments, for the given weeks. A leaver's WeeklyFigures stop at the leaving date, so
 * they count with their figures as they left, as the DfE counts an enrolment.
 */
export function paRateByWeek(all: WeeklyFigures[], cal: SchoolCalendar, weeks: number[], settings: Settings): PaWeek[] {
  const n = weeks.length;
  const pupils = new Int32Array(n);
  const pa = new Int32Array(n);
  const last = n ? weeks[n - 1] : -1;
  const slot = new Map<number, number>();
  weeks.forEach((w, k) => slot.set(w, k));
  for (const w of all) {
    let a = 0;
    let p = 0;
    for (let i = 0; i <= last && i < w.possible.length; i++) {
      a += w.attended[i];
      p += w.possible[i];
      const k = slot.get(i);
      if (k === undefined || p === 0) continue;
      pupils[k]++;
      if (isPersistentAbsence(a, p, settings)) pa[k]++;
    }
  }
  return weeks.map((i, k) => ({
    weekStart: cal.schoolWeeks[i],
    pupils: pupils[k],
    pa: pa[k],
    rate: pupils[k] ? Math.round((1000 * pa[k]) / pupils[k]) / 10 : 0,
  }));
}

export type { PupilMarks };
