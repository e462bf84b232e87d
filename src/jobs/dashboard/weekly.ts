/**
 * Attendance week by week (pure): a pupil's trend for the profile (the dashboard's school-level
 * weeks are core/attendance/dashboardRates.ts). A "week" is a school week of the calendar
 * (SPEC §2a); figures are cumulative over the academic year to date, as the Attendance tab's %
 * is — the callers build the WeeklyFigures from the year's start (or the pupil's admission), and
 * for a leaver up to the leaving date.
 */
import { IsoDate, weekStart } from '../../core/dates';
import { SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { PupilMarks } from '../../core/attendance/register';
import { WeeklyFigures } from '../../core/attendance/history';
import { percentTenths } from '../../core/attendance/summary';

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

export type { PupilMarks };
