/**
 * Looking ahead to the end of the half term (SPEC §4.3).
 *
 * Projection: for a pupil at level 1, level 2 or persistent absence, the fewest of the remaining
 * sessions (2 per remaining school day, all assumed possible) they must attend to reach the next
 * threshold up — out of persistent absence first (on the exact fraction, as PA is judged), else
 * from level 2 to level 1, else from level 1 to reward (on the rounded percentage, as stages are
 * judged) — or "cannot reach this half term".
 *
 * Early warning: the pupil's rate over the last `earlyWarningWeeks` school weeks of this academic
 * year, continued over
 * the rest of the half term, would take them below a threshold they are above now (reward → level 1,
 * → level 2, into persistent or severe absence; the most serious is reported). When the half-term
 * end is not known (no term dates set), the trend is continued for as many sessions again as the
 * look-back held.
 */
import { Settings } from '../settings';
import { AttendanceFigures, percentTenths } from './summary';
import { Stage, isPersistentAbsence, isSevereAbsence, stageOf, stageRank, toTenths } from './stage';

export type ProjectionTarget = 'notPA' | 'level1' | 'reward';

export interface Projection {
  target: ProjectionTarget;
  remainingSessions: number | null; // null: the half-term end is not known
  sessionsNeeded: number | null; // null: cannot reach, or end not known
  reachable: boolean;
  text: string;
}

export function projectSessionsNeeded(
  fig: AttendanceFigures,
  stage: Stage | null,
  pa: boolean,
  remainingSchoolDays: number | null,
  settings: Settings,
): Projection | null {
  if (stage === null || (stage === 'reward' && !pa)) return null;
  const target: ProjectionTarget = pa ? 'notPA' : stage === 'level2' ? 'level1' : 'reward';
  const label = target === 'notPA' ? 'out of persistent absence' : target === 'level1' ? 'level 1' : 'reward';
  const meets = (a: number, p: number): boolean => {
    if (target === 'notPA') return p > 0 && !isPersistentAbsence(a, p, settings);
    const t = percentTenths(a, p);
    if (t === null) return false;
    return stageRank(stageOf(t / 10, settings) as Stage) >= (target === 'reward' ? 2 : 1);
  };
  if (remainingSchoolDays === null) {
    return { target, remainingSessions: null, sessionsNeeded: null, reachable: false, text: `Half-term end not known: add the half-term dates in Settings to see what is needed to reach ${label}` };
  }
  const r = 2 * Math.max(0, remainingSchoolDays);
  const a = fig.attended;
  const p = fig.possible;
  if (!meets(a + r, p + r)) {
    return { target, remainingSessions: r, sessionsNeeded: null, reachable: false, text: `Cannot reach ${label} this half term` };
  }
  // meets() only gets truer as x grows: binary search for the fewest sessions.
  let lo = 0;
  let hi = r;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (meets(a + mid, p + r)) hi = mid;
    else lo = mid + 1;
  }
  return { target, remainingSessions: r, sessionsNeeded: lo, reachable: true, text: `Must attend ${lo} of the ${r} sessions left this half term to reach ${label}` };
}

export type WarningThreshold = 'level1' | 'level2' | 'PA' | 'SA';

export interface EarlyWarning {
  threshold: WarningThreshold;
  recentPercent: number; // attendance over the look-back weeks, 1 dp
  projectedPercent: number; // cumulative at the end of the half term, 1 dp
  text: string;
}

export function earlyWarning(
  fig: AttendanceFigures,
  recent: { attended: number; possible: number },
  remainingSchoolDays: number | null,
  settings: Settings,
): EarlyWarning | null {
  if (fig.percent === null || recent.possible === 0) return null;
  const r = remainingSchoolDays === null ? recent.possible : 2 * Math.max(0, remainingSchoolDays);
  if (r === 0) return null;
  const rate = recent.attended / recent.possible;
  const projA = fig.attended + rate * r;
  const projP = fig.possible + r;
  const projTenths = percentTenths(projA, projP) as number;
  const projected = projTenths / 10;
  const now = fig.percent;
  let threshold: WarningThreshold | null = null;
  if (isSevereAbsence(projA, projP, settings) && !isSevereAbsence(fig.attended, fig.possible, settings)) threshold = 'SA';
  else if (isPersistentAbsence(projA, projP, settings) && !isPersistentAbsence(fig.attended, fig.possible, settings)) threshold = 'PA';
  else {
    const from = stageOf(now, settings) as Stage;
    const to = stageOf(projected, settings) as Stage;
    if (stageRank(to) < stageRank(from)) threshold = to === 'level2' ? 'level2' : 'level1';
  }
  if (!threshold) return null;
  const recentPercent = toTenths((100 * recent.attended) / recent.possible) / 10;
  const words: Record<WarningThreshold, string> = {
    level1: 'fall to level 1',
    level2: 'fall to level 2',
    PA: 'become a persistent absentee',
    SA: 'become severely absent',
  };
  return {
    threshold,
    recentPercent,
    projectedPercent: projected,
    text: `Recent attendance ${recentPercent.toFixed(1)}% would take the pupil to ${projected.toFixed(1)}% by the end of the half term: would ${words[threshold]}`,
  };
}
