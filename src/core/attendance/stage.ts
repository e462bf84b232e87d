/**
 * The stage and the statutory absence flags (SPEC §4.1–4.2). Two different comparisons, on purpose:
 *
 * - The **stage** is the school's own policy and compares the percentage staff and parents see,
 *   rounded to one decimal place, in whole tenths (see summary.ts): with the defaults 97.0% is
 *   level1 and 97.1% reward, 94.0% is level1 and 93.9% level2.
 * - **PA** (absence ≥ 10%) and **SA** (absence ≥ 50%) are the DfE's measures and compare the
 *   exact fraction of possible sessions missed: 37 of 371 (9.97%) is not PA although it shows as
 *   90.0%; 38 of 380 (exactly 10%) is. The comparison is done in integers
 *   (1000 × missed ≥ tenths × possible), so no floating-point error can move a pupil across it.
 *
 * No possible sessions → no stage and no flags.
 */
import { Settings } from '../settings';

export type Stage = 'reward' | 'level1' | 'level2';

/** What lists show instead of a stage below the minimum of possible sessions (too early to tell). */
export const TOO_FEW_SESSIONS = 'Too few sessions';

/** The stage as staff read it on a tab: words, not the rule's code ('' when there is none). */
export const STAGE_WORDS: Record<Stage, string> = { reward: 'Reward', level1: 'Level 1', level2: 'Level 2' };
export function stageWords(stage: Stage | null): string {
  return stage ? STAGE_WORDS[stage] : '';
}

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

/** Absence of `attended` of `possible` is at least `thresholdPercent`, on the exact fraction. */
function absenceAtLeast(attended: number, possible: number, thresholdPercent: number): boolean {
  if (!(possible > 0) || !isFinite(attended)) return false;
  return 1000 * (possible - attended) >= toTenths(thresholdPercent) * possible - 1e-9;
}

/** Persistent absentee: missed ≥ persistentAbsenceFrom (10%) of possible sessions, exactly. */
export function isPersistentAbsence(attended: number, possible: number, settings: Settings): boolean {
  return absenceAtLeast(attended, possible, settings.attendance.persistentAbsenceFrom);
}

/** Severe absence: missed ≥ severeAbsenceFrom (50%) of possible sessions, exactly. */
export function isSevereAbsence(attended: number, possible: number, settings: Settings): boolean {
  return absenceAtLeast(attended, possible, settings.attendance.severeAbsenceFrom);
}

/**
 * Where the figure staff see and a statutory flag could disagree — the shown percentage sits
 * exactly on the PA or SA line (90.0% or 50.0% with the defaults) — the exact figure and the
 * verdict, e.g. "exactly 90.03% (absence 9.97%): not PA". Empty everywhere else.
 */
export function exactFigureNote(attended: number, possible: number, shownPercent: number | null, settings: Settings): string {
  if (shownPercent === null || !(possible > 0)) return '';
  const shownAbsence = 1000 - toTenths(shownPercent);
  const lines: Array<[number, string, boolean]> = [
    [toTenths(settings.attendance.severeAbsenceFrom), 'SA', isSevereAbsence(attended, possible, settings)],
    [toTenths(settings.attendance.persistentAbsenceFrom), 'PA', isPersistentAbsence(attended, possible, settings)],
  ];
  for (const [line, flag, on] of lines) {
    if (shownAbsence !== line) continue;
    const exact = (100 * attended) / possible;
    return `exactly ${moreDecimals(exact, 100 - line / 10)}% (absence ${moreDecimals(100 - exact, line / 10)}%): ${on ? '' : 'not '}${flag}`;
  }
  return '';
}

/** Two decimals, or more until the figure no longer reads as `line` (it never equals it here unless exact). */
function moreDecimals(v: number, line: number): string {
  for (let dp = 2; dp < 8; dp++) {
    const t = v.toFixed(dp);
    if (Number(t) !== line || Math.abs(v - line) < 1e-12) return t;
  }
  return v.toFixed(8);
}

/** Lower is worse: used to say a pupil moved down (early warning) or which stage is "next up". */
export function stageRank(s: Stage): number {
  return s === 'reward' ? 2 : s === 'level1' ? 1 : 0;
}
