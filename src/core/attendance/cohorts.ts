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

/**
 * Reg groups and other group names in the order staff expect: a leading year number compared as a
 * number (7A, 8B … 10A, 11C — not 10A before 7A as text would), then the rest as text.
 */
export function byGroupName(a: string, b: string): number {
  const m = (s: string) => /^(\d+)(.*)$/.exec(s.trim());
  const x = m(a);
  const y = m(b);
  if (x && y && Number(x[1]) !== Number(y[1])) return Number(x[1]) - Number(y[1]);
  if (x && !y) return -1;
  if (!x && y) return 1;
  const ra = x ? x[2] : a;
  const rb = y ? y[2] : b;
  return ra.toLowerCase() < rb.toLowerCase() ? -1 : ra.toLowerCase() > rb.toLowerCase() ? 1 : 0;
}
