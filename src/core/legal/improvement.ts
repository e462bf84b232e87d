/**
 * A Notice to Improve's improvement period (national framework: 3 to 6 weeks; the school's choice
 * is `settings.legal.improvementWeeks`, default 4).
 *
 * Rule chosen (docs/RULES.md): the period is counted in **school weeks**, as every other wait in
 * the tracker is (SPEC §2a): a half term or holiday inside it does not use it up. It ends on the
 * same weekday as the notice, that many school weeks later — a notice on Wednesday 7 February 2024
 * with a 4-week period ends on Wednesday 6 March, or on Wednesday 13 March when 12–16 February is
 * half term. A notice dated in a holiday starts its period with the next school week and ends the
 * Sunday after the last of its school weeks.
 *
 * School weeks come from the calendar: the register's weeks, and future weeks from the term dates
 * in Settings. Past the known calendar (no term dates set) every week is taken as a school week —
 * the written Period End may then need moving by hand if a holiday falls inside the period.
 */
import { IsoDate, addDays, weekStart, weekday } from '../dates';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { PupilMarks } from '../attendance/register';
import { normaliseCode } from '../attendance/codes';

/** First index of `mondays` not before `m` (mondays ascending). */
function lowerBound(mondays: readonly IsoDate[], m: IsoDate): number {
  let lo = 0;
  let hi = mondays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mondays[mid] < m) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function improvementPeriodEnd(noticeDate: IsoDate, weeks: number, cal: Pick<SchoolCalendar, 'schoolWeeks'>): IsoDate {
  const mondays = cal.schoolWeeks;
  const monday = weekStart(noticeDate);
  const i = lowerBound(mondays, monday);
  const mondayAt = (k: number): IsoDate => {
    if (k < mondays.length) return mondays[k];
    // Past the known calendar: consecutive calendar weeks (holidays not known).
    const last = mondays.length ? mondays[mondays.length - 1] : monday;
    const lastIdx = mondays.length ? mondays.length - 1 : i - 1;
    return addDays(last, 7 * (k - lastIdx));
  };
  if (i >= mondays.length) return addDays(noticeDate, 7 * weeks); // beyond the calendar
  if (mondays[i] === monday) return addDays(mondayAt(i + weeks), weekday(noticeDate));
  // In a holiday: the period is the next `weeks` school weeks, ending the Sunday after the last.
  return addDays(mondayAt(i + weeks), -1);
}

/**
 * Sessions with a penalty code (unauthorised absence: G N O U by default) dated after `after`
 * (exclusive: the notice day itself is the day it was given) up to `upTo` (inclusive).
 */
export function unauthorisedBetween(pm: PupilMarks | null, after: IsoDate, upTo: IsoDate, penaltyCodes: string[]): number {
  if (!pm) return 0;
  const codes = new Set(penaltyCodes.map(normaliseCode));
  let n = 0;
  for (let i = 0; i < pm.marks.length; i++) {
    const d = pm.marks[i].date;
    if (d > after && d <= upTo && codes.has(pm.codes[i])) n++;
  }
  return n;
}

/** The first school day after `to` on which the pupil attended a session (present or approved activity); '' when not back. */
export function returnDate(pm: PupilMarks | null, to: IsoDate, asOf: IsoDate): IsoDate | '' {
  if (!pm) return '';
  for (let i = 0; i < pm.marks.length; i++) {
    const d = pm.marks[i].date;
    if (d <= to || d > asOf) continue;
    const c = pm.classes[i];
    if (c === 'present' || c === 'aea') return d;
  }
  return '';
}
