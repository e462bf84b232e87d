/**
 * A tiny code table for the generator's own checks (choosing who gets which letter). It mirrors
 * SPEC §4.1 but is not the product's rule: src/core/attendance owns that. Kept here so the
 * sample can be generated without depending on code another engineer is still writing.
 */
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const A = DEFAULT_SETTINGS.attendance;
const ATTENDED = new Set(['/', '\\', 'L', 'K', 'V', 'P', 'W', 'B']);
const ABSENT = new Set(['C', 'C1', 'C2', 'J1', 'M', 'S', 'I', 'R', 'T', 'E', 'G', 'N', 'O', 'U']);

export interface SampleAttendance {
  possible: number;
  attended: number;
  percent: number; // 100 × attended ÷ possible (100 when nothing was possible)
}

/**
 * Attendance over sessions [0, endExclusive) of one pupil's marks (AM, PM per school day; null =
 * not on roll that session). Blank and withdrawn marks are left out: they are coding issues.
 */
export function attendanceOf(codes: ReadonlyArray<string | null>, endExclusive = codes.length): SampleAttendance {
  let possible = 0;
  let attended = 0;
  for (let i = 0; i < endExclusive && i < codes.length; i++) {
    const c = codes[i];
    if (c === null) continue;
    if (ATTENDED.has(c)) {
      possible++;
      attended++;
    } else if (ABSENT.has(c)) possible++;
  }
  return { possible, attended, percent: possible ? (100 * attended) / possible : 100 };
}

export type SampleStage = 'reward' | 'level1' | 'level2';

/** SPEC §4.2 with the default settings, on the 1-decimal percentage the tracker shows. */
export function stageOf(percent: number): SampleStage {
  const p = Math.round(percent * 10) / 10;
  if (p > A.rewardAbove) return 'reward';
  if (p >= A.level1From) return 'level1';
  return 'level2';
}

export function isPa(percent: number): boolean {
  return Math.round((100 - percent) * 10) / 10 >= A.persistentAbsenceFrom;
}
