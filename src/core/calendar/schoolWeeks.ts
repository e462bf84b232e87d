/**
 * The school calendar (SPEC §2a), built once per review from the dates the register has sessions
 * on, so every rule counts school weeks and school days the same way.
 *
 * - A **school day** is a date with at least one session in the register.
 * - A **school week** is a Monday-to-Sunday week with at least one session (the DfE definition).
 *   Weeks inside configured half terms that are still to come also count, so a review date can be
 *   projected forward. A review run on a weekday morning before the register is taken would
 *   otherwise miss its own week: when no term dates are set, the week of `asOf` counts if `asOf` is
 *   a weekday and the week before it was a school week (the school is in term).
 * - "N school weeks ago" counts school weeks, never calendar weeks: a holiday does not age a case.
 */
import { IsoDate, dayNumber, fromDayNumber, weekday } from '../dates';
import { Settings } from '../settings';
import { HalfTerm, Term, configuredHalfTerms, findHalfTerm, findTerm, inferHalfTerms, weekdaysAfter } from './halfTerms';

export interface SchoolCalendar {
  /** School days (dates with sessions), ascending. */
  readonly schoolDays: IsoDate[];
  /** Mondays of the school weeks, ascending. */
  readonly schoolWeeks: IsoDate[];
  readonly halfTerms: HalfTerm[];
  /** Index of a school day in `schoolDays`, or -1 when the school had no session that day. */
  dayIndex(d: IsoDate): number;
  /** Index of the school week holding `d`, or of the latest school week before it (in a holiday); -1 before the first. */
  schoolWeekIndex(d: IsoDate): number;
  isSchoolWeek(d: IsoDate): boolean;
  /** School weeks from the week of `a` to the week of `b` (0 when in the same school week or holiday). */
  schoolWeeksBetween(a: IsoDate, b: IsoDate): number;
  /** Monday of the school week `n` school weeks after the week of `d` (planned weeks past the register count as school weeks). */
  addSchoolWeeks(d: IsoDate, n: number): IsoDate;
  /** School days after `a` up to and including `b`. */
  schoolDaysBetween(a: IsoDate, b: IsoDate): number;
  halfTermOf(d: IsoDate): HalfTerm | null;
  termOf(d: IsoDate): Term | null;
  /**
   * Weekdays left in the half term after `asOf`, from the settings' half-term end. Null when the
   * end is not known (no term dates set, or `asOf` is in a holiday): an inferred half term has not
   * ended yet, so its end cannot be read from the register.
   */
  remainingSchoolDays(asOf: IsoDate): number | null;
}

/** Build the calendar once; `openDates` may repeat and be in any order. */
export function buildCalendar(openDates: IsoDate[], settings: Settings, asOf?: IsoDate): SchoolCalendar {
  const schoolDays = Array.from(new Set(openDates)).sort();
  const dayIdx = new Map<IsoDate, number>();
  schoolDays.forEach((d, i) => dayIdx.set(d, i));

  const mondaySet = new Set<number>();
  for (const d of schoolDays) {
    const n = dayNumber(d);
    mondaySet.add(n - weekdayOfDayNumber(n));
  }
  const lastRegisterMonday = mondaySet.size ? Math.max(...Array.from(mondaySet)) : -Infinity;

  const configured = configuredHalfTerms(settings.calendar.halfTerms);
  // Planned weeks: configured half-term weeks after the register's last week.
  for (const h of configured) {
    const from = dayNumber(h.start);
    const firstMonday = from - weekdayOfDayNumber(from);
    for (let m = firstMonday, end = dayNumber(h.end); m <= end; m += 7) {
      if (m > lastRegisterMonday && hasWeekdayWithin(m, from, end)) mondaySet.add(m);
    }
  }
  if (asOf && configured.length === 0) {
    const n = dayNumber(asOf);
    const m = n - weekdayOfDayNumber(n);
    if (weekday(asOf) < 5 && m > lastRegisterMonday && mondaySet.has(m - 7)) mondaySet.add(m);
  }
  const mondays = Array.from(mondaySet).sort((a, b) => a - b);
  const schoolWeeks = mondays.map(fromDayNumber);
  const halfTerms = configured.length ? configured : inferHalfTerms(mondays, schoolDays, settings.calendar.breakWeeks);

  // Most callers ask about the same few dates (asOf, letter dates): cache the week index.
  const weekIdxCache = new Map<IsoDate, number>();
  const schoolWeekIndex = (d: IsoDate): number => {
    let i = weekIdxCache.get(d);
    if (i === undefined) {
      const n = dayNumber(d);
      i = upperBound(mondays, n - weekdayOfDayNumber(n)) - 1;
      weekIdxCache.set(d, i);
    }
    return i;
  };

  return {
    schoolDays,
    schoolWeeks,
    halfTerms,
    dayIndex: (d) => {
      const i = dayIdx.get(d);
      return i === undefined ? -1 : i;
    },
    schoolWeekIndex,
    isSchoolWeek: (d) => {
      const n = dayNumber(d);
      return mondaySet.has(n - weekdayOfDayNumber(n));
    },
    schoolWeeksBetween: (a, b) => schoolWeekIndex(b) - schoolWeekIndex(a),
    addSchoolWeeks: (d, n) => {
      const i = schoolWeekIndex(d);
      if (i < 0) {
        const dn = dayNumber(d);
        return fromDayNumber(dn - weekdayOfDayNumber(dn) + 7 * n);
      }
      const target = Math.max(0, i + n);
      if (target < mondays.length) return fromDayNumber(mondays[target]);
      // Past the known calendar: assume consecutive calendar weeks (the holidays are not known).
      const last = mondays.length - 1;
      return fromDayNumber(mondays[last] + 7 * (target - last));
    },
    schoolDaysBetween: (a, b) => upperBound(schoolDays, b) - upperBound(schoolDays, a),
    halfTermOf: (d) => findHalfTerm(halfTerms, d),
    termOf: (d) => findTerm(halfTerms, d),
    remainingSchoolDays: (d) => {
      const h = findHalfTerm(halfTerms, d);
      if (!h || !h.configured || d > h.end) return null;
      return weekdaysAfter(d, h.end);
    },
  };
}

function weekdayOfDayNumber(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

function hasWeekdayWithin(monday: number, from: number, to: number): boolean {
  for (let d = monday; d < monday + 5; d++) if (d >= from && d <= to) return true;
  return false;
}

/** First index whose value is greater than `v` (values ascending: day numbers or ISO dates). */
function upperBound<T extends number | string>(values: T[], v: T): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

