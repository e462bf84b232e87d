/**
 * The stage and the absence flags (SPEC §4.2), from the percentage alone.
 *
 * Thresholds compare the percentage rounded to one decimal place, in whole tenths (see
 * summary.ts): with the defaults, 97.0% is level1 and 97.1% reward, 94.0% is level1 and 93.9%
 * level2, 90.0% is persistent absence (absence 10.0% ≥ 10) and 90.1% is not, 50.0% is severe.
 * No possible sessions → no stage and no flags.
 */
import { Settings } from '../settings';

export type Stage = 'reward' | 'level1' | 'level2';

/** A percentage (any precision) in whole tenths, rounded half up. */
export function toTenths(percent: number): number {
  return Math.round(percent * 10 + 1e-9);
}

export function stageOf(percent: number | null, settings: Settings): Stage | null {
  if (percent === null || !isFinite(percent)) return null;
  const t = toTenths(percent);
  if (t > toTenths(settings.attendance.rewardAbove)) return 'reward';
  if (t >= toTenths(settings.attendance.level1From)) return 'level1';
  return 'level2';
}

/** Persistent absentee: absence ≥ persistentAbsenceFrom (10%), so exactly 90.0% attendance is PA. */
export function isPersistentAbsence(percent: number | null, settings: Settings): boolean {
  if (percent === null || !isFinite(percent)) return false;
  return 1000 - toTenths(percent) >= toTenths(settings.attendance.persistentAbsenceFrom);
}

/** Severe absence: absence ≥ severeAbsenceFrom (50%). */
export function isSevereAbsence(percent: number | null, settings: Settings): boolean {
  if (percent === null || !isFinite(percent)) return false;
  return 1000 - toTenths(percent) >= toTenths(settings.attendance.severeAbsenceFrom);
}

/** Lower is worse: used to say a pupil moved down (early warning) or which stage is "next up". */
export function stageRank(s: Stage): number {
  return s === 'reward' ? 2 : s === 'level1' ? 1 : 0;
}
