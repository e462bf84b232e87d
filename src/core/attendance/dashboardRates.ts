/**
 * The Dashboard's attendance figures (issue 20 §6): this week and the academic year to date for
 * the whole school, each year group and pupil premium vs not, and week by week over the academic
 * year the school's, PP and not-PP attendance and the persistent-absence rate.
 *
 * Counted as every school-level rate is (core/attendance/weekRates.ts, SPEC §2, §4.1): only
 * **completed** school days — this academic year's register days before `asOf` (today's registers may still be
 * open, so a refresh at 10:00 never counts half a day); "this week" is the school week holding the
 * last completed day, its own sessions only; leavers up to their leaving date; a pupil's figures
 * from their admission date. The PA rate of a week is the enrolments persistently absent on the
 * year to that week's end (exact fraction) over the enrolments with a possible session by then:
 * one point per school week so far, so the last point is the year-to-date PA rate. Pure.
 */
import { IsoDate, weekStart } from '../dates';
import { Settings } from '../settings';
import { Mark, Pupil } from '../types';
import { academicYearFrom, groupRates, pupilRates, ratePercent } from './weekRates';
import { isPersistentAbsence } from './stage';
import { percentTenths } from './summary';

export interface DashboardGroup {
  label: string;
  /** Enrolments with a possible session this year (leavers this year included). */
  pupils: number;
  /** The week's own sessions, 1 dp; null with none. */
  week: number | null;
  /** Academic year to date, 1 dp; null with none. */
  ytd: number | null;
  pa: number;
  /** PA enrolments over `pupils`, 1 dp; null with no pupils. */
  paRate: number | null;
}

export interface DashboardWeek {
  weekStart: IsoDate;
  /** That week's own sessions, 1 dp (null with none; PP/not PP null when the school has none of them). */
  school: number | null;
  pp: number | null;
  notPp: number | null;
  /** Enrolments with a possible session in the year to that week's end, and those PA then. */
  pupils: number;
  pa: number;
  paRate: number | null;
}

export interface DashboardAttendance {
  /** The last completed school day counted; null when there is none yet this year. */
  through: IsoDate | null;
  /** Monday of the week shown as "this week" (the week of `through`). */
  weekStart: IsoDate | null;
  groups: DashboardGroup[];
  weeks: DashboardWeek[];
}

const oneDp = (n: number, of: number): number | null => {
  const t = percentTenths(n, of);
  return t === null ? null : t / 10;
};

/**
 * `pupils`: every pupil on the Students tab, leavers included; `schoolDays`: the days the register
 * has open sessions (the review's calendar).
 */
export function dashboardAttendance(input: { marks: Mark[]; pupils: Pupil[]; schoolDays: IsoDate[]; asOf: IsoDate; settings: Settings }): DashboardAttendance {
  const { settings, asOf } = input;
  // This academic year's completed days: on its first day the dashboard is empty, not last July's.
  const yearFrom = academicYearFrom(asOf, settings);
  const days = input.schoolDays.filter((d) => d >= yearFrom && d < asOf);
  const through = days.length ? days[days.length - 1] : null;
  if (!through) return { through: null, weekStart: null, groups: [], weeks: [] };
  const weekStarts = Array.from(new Set(days.map(weekStart))).sort();
  const rates = pupilRates({ marks: input.marks, pupils: input.pupils, yearFrom: days[0], through, weekStarts });
  const n = weekStarts.length;

  const group = (label: string, of: Pupil[]): DashboardGroup => {
    const g = groupRates(rates, of.map((p) => p.upn), n, settings);
    return { label, pupils: g.pupils, week: ratePercent(g.weeks[n - 1]), ytd: ratePercent(g.ytd), pa: g.pa, paRate: oneDp(g.pa, g.pupils) };
  };
  const years = Array.from(new Set(input.pupils.map((p) => p.year))).sort((a, b) => a - b);
  const pp = input.pupils.filter((p) => p.pp);
  const notPp = input.pupils.filter((p) => !p.pp);
  const groups = [group('Whole school', input.pupils)]
    .concat(years.map((y) => group(`Year ${y}`, input.pupils.filter((p) => p.year === y))))
    .concat(pp.length ? [group('Pupil premium', pp), group('Not pupil premium', notPp)] : [])
    .filter((g) => g.pupils > 0);

  // Week by week: each week's own sessions per group, and PA on the year to each week's end.
  const all = groupRates(rates, input.pupils.map((p) => p.upn), n, settings);
  const ppRates = groupRates(rates, pp.map((p) => p.upn), n, settings);
  const notPpRates = groupRates(rates, notPp.map((p) => p.upn), n, settings);
  const enrolled = new Int32Array(n);
  const paAt = new Int32Array(n);
  rates.forEach((r) => {
    let a = 0;
    let p = 0;
    for (let k = 0; k < n; k++) {
      a += r.weeks[k].attended;
      p += r.weeks[k].possible;
      if (p === 0) continue;
      enrolled[k]++;
      if (isPersistentAbsence(a, p, settings)) paAt[k]++;
    }
  });
  const weeks = weekStarts.map((w, k) => ({
    weekStart: w,
    school: ratePercent(all.weeks[k]),
    pp: pp.length ? ratePercent(ppRates.weeks[k]) : null,
    notPp: notPp.length ? ratePercent(notPpRates.weeks[k]) : null,
    pupils: enrolled[k],
    pa: paAt[k],
    paRate: oneDp(paAt[k], enrolled[k]),
  }));
  return { through, weekStart: weekStarts[n - 1], groups, weeks };
}
