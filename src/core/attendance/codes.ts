/**
 * The national attendance code table (SPEC §4.1).
 *
 * Source: The School Attendance (Pupil Registration) (England) Regulations 2024, Schedule, and
 * DfE "Working together to improve school attendance" (August 2024), "Attendance codes".
 * This is law, not a school threshold, so it is a constant here rather than a setting; the codes
 * that count towards a penalty notice are a setting (`settings.attendance.penaltyCodes`).
 */

export type CodeCategory =
  | 'present' // in school: counts as possible and attended
  | 'aea' // attending an approved educational activity off site: possible and attended
  | 'authorised' // possible, absent with permission
  | 'unauthorised' // possible, absent without permission
  | 'notCounted'; // not a possible session

export type CodeClass = CodeCategory | 'withdrawn' | 'unknown' | 'blank';

export const ATTENDANCE_CODES: Readonly<Record<CodeCategory, readonly string[]>> = {
  present: ['/', '\\', 'L'],
  aea: ['K', 'V', 'P', 'W', 'B'],
  authorised: ['C', 'C1', 'C2', 'J1', 'M', 'S', 'I', 'R', 'T', 'E'],
  unauthorised: ['G', 'N', 'O', 'U'],
  notCounted: ['Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'X', 'D', 'Z', '#'],
};

/** Codes the 2024 regulations removed: reported for recoding, never guessed at. */
export const WITHDRAWN_CODES: readonly string[] = ['H', 'J', 'Y'];

const TABLE: Record<string, CodeCategory> = {};
(Object.keys(ATTENDANCE_CODES) as CodeCategory[]).forEach((cat) => {
  ATTENDANCE_CODES[cat].forEach((c) => {
    TABLE[c] = cat;
  });
});
const WITHDRAWN: Record<string, true> = {};
WITHDRAWN_CODES.forEach((c) => {
  WITHDRAWN[c] = true;
});

/**
 * MIS exports write codes in upper case; a hand-typed lower-case `l` or `c1` is accepted by
 * upper-casing. `/` and `\` have no case and are taken literally. Surrounding spaces are trimmed.
 */
export function normaliseCode(code: string): string {
  return String(code == null ? '' : code).trim().toUpperCase();
}

/** The category of a register mark, or why it cannot be counted. */
export function classifyCode(code: string): CodeClass {
  const c = normaliseCode(code);
  if (c === '') return 'blank';
  const cat = TABLE[c];
  if (cat) return cat;
  if (WITHDRAWN[c]) return 'withdrawn';
  return 'unknown';
}

/** Possible sessions: the denominator of the attendance percentage. */
export function isPossible(cls: CodeClass): boolean {
  return cls === 'present' || cls === 'aea' || cls === 'authorised' || cls === 'unauthorised';
}
