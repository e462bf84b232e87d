/** Who is in a letter run's cohort: the chosen pupils, year groups or reg groups. */
import { Pupil } from '../types';
import { normUpn } from '../pupils/names';

export interface CohortFilter {
  years?: number[];
  regGroups?: string[];
  /** Explicit choice (rows selected on the tracker). */
  upns?: string[];
}

/**
 * Whether a pupil is in the run's cohort: one of the chosen UPNs (when a choice was made), in one
 * of its years and reg groups. A UPN not on the Students tab (`p` undefined) cannot be shown to be
 * in a year or reg group: it is in the cohort only when chosen, or when the run is whole-school.
 * The one test of a cohort: the plan, the preview's tier lists and the tier memory all use it.
 */
export function inCohort(upn: string, p: Pupil | undefined, f: CohortFilter): boolean {
  if (f.upns) return f.upns.some((u) => normUpn(u) === normUpn(upn)) && (!p || inYearsAndGroups(p, f));
  if (!p) return !(f.years && f.years.length) && !(f.regGroups && f.regGroups.length);
  return inYearsAndGroups(p, f);
}

function inYearsAndGroups(p: Pupil, f: CohortFilter): boolean {
  if (f.years && f.years.length && f.years.indexOf(p.year) < 0) return false;
  if (f.regGroups && f.regGroups.length) {
    const g = p.regGroup.trim().toLowerCase();
    if (!f.regGroups.some((r) => r.trim().toLowerCase() === g)) return false;
  }
  return true;
}
