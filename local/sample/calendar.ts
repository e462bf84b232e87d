/**
 * The sample school's year: 2023–24 half terms (as a school would type them into settings) and
 * the school days they make. 8 January 2024 is a staff training day: the school is closed, so it
 * has no sessions at all (not even not-counted marks).
 */
import { IsoDate, addDays, dayNumber, isWeekend, weekStart } from '../../src/core/dates';
import { TermDates } from '../../src/core/settings';

export const SAMPLE_HALF_TERMS: TermDates[] = [
  { name: 'Autumn 1', start: '2023-09-04', end: '2023-10-20' },
  { name: 'Autumn 2', start: '2023-10-30', end: '2023-12-20' },
  { name: 'Spring 1', start: '2024-01-09', end: '2024-02-09' },
  { name: 'Spring 2', start: '2024-02-19', end: '2024-03-28' },
  { name: 'Summer 1', start: '2024-04-15', end: '2024-05-24' },
  { name: 'Summer 2', start: '2024-06-03', end: '2024-07-19' },
];

/** Closed days inside half terms (staff training). */
export const SAMPLE_CLOSURES: IsoDate[] = ['2024-01-08'];

export const SAMPLE_AS_OF: IsoDate = '2024-01-26';

/** Every weekday inside a half term, minus closures, from the first day up to `asOf` inclusive. */
export function schoolDaysUpTo(asOf: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (const t of SAMPLE_HALF_TERMS) {
    for (let d = t.start; d <= t.end && d <= asOf; d = addDays(d, 1)) {
      if (!isWeekend(d) && SAMPLE_CLOSURES.indexOf(d) < 0) out.push(d);
    }
  }
  return out;
}

export function isSampleSchoolDay(d: IsoDate): boolean {
  if (isWeekend(d) || SAMPLE_CLOSURES.indexOf(d) >= 0) return false;
  return SAMPLE_HALF_TERMS.some((t) => t.start <= d && d <= t.end);
}

/** The half term holding `d`, or undefined in a holiday. */
export function halfTermOf(d: IsoDate): TermDates | undefined {
  return SAMPLE_HALF_TERMS.find((t) => t.start <= d && d <= t.end);
}

/** Mondays of the school weeks (weeks with at least one school day) among `days`, in order. */
export function schoolWeeks(days: IsoDate[]): IsoDate[] {
  const out: IsoDate[] = [];
  for (const d of days) {
    const w = weekStart(d);
    if (out[out.length - 1] !== w) out.push(w);
  }
  return out;
}

/** Index of `d` among sorted `days` (or of the last day before it). */
export function dayIndex(days: IsoDate[], d: IsoDate): number {
  let lo = 0;
  let hi = days.length - 1;
  let best = -1;
  const n = dayNumber(d);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dayNumber(days[mid]) <= n) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
