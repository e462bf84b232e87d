/**
 * Review results by cohort, for the digests and the dashboard (year, reg group, PP, EAL, SEN).
 */
import { PupilAttendanceReview } from './review';
import { percentTenths } from './summary';

export type CohortKey = 'year' | 'regGroup' | 'pp' | 'eal' | 'sen';

const FLAG_LABEL: Record<'pp' | 'eal' | 'sen', [string, string]> = {
  pp: ['PP', 'Not PP'],
  eal: ['EAL', 'Not EAL'],
  sen: ['SEN', 'Not SEN'],
};

/** Results grouped by cohort; group names are the year ("7"), the reg group, or "PP" / "Not PP" etc. */
export function splitBy<T extends Pick<PupilAttendanceReview, CohortKey>>(results: T[], key: CohortKey): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const r of results) {
    const name = key === 'year' ? String(r.year) : key === 'regGroup' ? r.regGroup : FLAG_LABEL[key][r[key] ? 0 : 1];
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
