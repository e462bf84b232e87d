/**
 * Review results by cohort, for the digests and the dashboard (year, reg group, PP, EAL, SEN).
 * `cohortFigures` sums the pupils on roll it is given; for school-level rates as the DfE counts
 * them (this year's leavers up to their leaving date) use schoolRates.ts `schoolFigures`.
 */
import { PupilAttendanceReview } from './review';
import { percentTenths } from './summary';

export type CohortKey = 'year' | 'regGroup' | 'pp' | 'eal' | 'sen';

const FLAG_LABEL: Record<'pp' | 'eal' | 'sen', [string, string]> = {
  pp: ['PP', 'Not PP'],
  eal: ['EAL', 'Not EAL'],
  sen: ['SEN', 'Not SEN'],
};

/** The cohort a pupil (or leaver) is in: the year ("7"), the reg group, or "PP" / "Not PP" etc. */
export function cohortName(r: Pick<PupilAttendanceReview, CohortKey>, key: CohortKey): string {
  return key === 'year' ? String(r.year) : key === 'regGroup' ? r.regGroup : FLAG_LABEL[key][r[key] ? 0 : 1];
}

/** Results grouped by cohort (group names as `cohortName`). */
export function splitBy<T extends Pick<PupilAttendanceReview, CohortKey>>(results: T[], key: CohortKey): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const r of results) {
    const name = cohortName(r, key);
    (out[name] = out[name] || []).push(r);
  }
  return out;
}

export interface CohortFigures {
  pupils: number;
  possible: number;
  attended: number;
  percent: number | null; // the cohort's sessions, not the mean of pupils' percentages
  persistentAbsentees: number;
  severeAbsentees: number;
}

export function cohortFigures(results: PupilAttendanceReview[]): CohortFigures {
  let possible = 0;
  let attended = 0;
  let pa = 0;
  let sa = 0;
  for (const r of results) {
    possible += r.figures.possible;
    attended += r.figures.attended;
    if (r.pa) pa++;
    if (r.sa) sa++;
  }
  const t = percentTenths(attended, possible);
  return { pupils: results.length, possible, attended, percent: t === null ? null : t / 10, persistentAbsentees: pa, severeAbsentees: sa };
}
