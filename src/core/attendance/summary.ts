/**
 * A pupil's attendance figures (SPEC §4.1), from session marks or from an MIS summary import.
 *
 * Rounding rule: attendance % = 100 × attended ÷ possible, rounded half-up to one decimal place.
 * The school's stages compare that rounded figure — the figure the parent reads in the letter is
 * the figure that decides: 151/160 = 94.375 shows 94.4, and 93.96 shows 94.0 and is level 1. The
 * statutory PA and SA flags compare the exact fraction instead (stage.ts). The rounding is done in
 * whole tenths (integers) so no floating-point error can move a pupil across a threshold.
 * Absence % = 100 − attendance %, also in tenths.
 *
 * Which sessions: the review counts the current academic year from the pupil's first session on
 * roll (`tallyMarks` with the year's start); earlier marks stay in the register for the penalty
 * window, the ten-day count and last year's figures.
 */
import { IsoDate } from '../dates';
import { AttendanceSummary, Mark } from '../types';
import { CodeClass, classifyCode, isPossible, normaliseCode } from './codes';
import { PupilMarks } from './register';

export interface AttendanceFigures {
  possible: number;
  attended: number; // present or at an approved educational activity
  authorised: number;
  unauthorised: number;
  lates: number; // L marks
  uCount: number;
  gCount: number;
  /** Attendance % to one decimal place; null when there are no possible sessions. */
  percent: number | null;
  /** 100 − percent, to one decimal place; null when there are no possible sessions. */
  absencePercent: number | null;
  /** 100 × attended ÷ possible, unrounded (what PA and SA compare); null when there are no possible sessions. */
  exactPercent: number | null;
}

/** Attendance in whole tenths of a percent (943 = 94.3%), rounded half up; null when possible is 0. */
export function percentTenths(attended: number, possible: number): number | null {
  if (!(possible > 0)) return null;
  if (Number.isInteger(attended) && Number.isInteger(possible)) {
    // Exact integer half-up rounding of 1000·a/p.
    return Math.floor((2000 * attended + possible) / (2 * possible));
  }
  return Math.round((1000 * attended) / possible);
}

/** A running count, filled one mark at a time by the review's single pass over the marks. */
export interface Tally {
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  lates: number;
  uCount: number;
  gCount: number;
}

export function emptyTally(): Tally {
  return { possible: 0, attended: 0, authorised: 0, unauthorised: 0, lates: 0, uCount: 0, gCount: 0 };
}

/** Count one mark whose class is `cls` and whose normalised code is `code`. */
export function addToTally(t: Tally, cls: CodeClass, code: string): void {
  // Not counted, blank, withdrawn, unknown: not a possible session (the last three are coding
  // issues). Which classes are possible sessions is decided once, in codes.ts.
  if (!isPossible(cls)) return;
  t.possible++;
  switch (cls) {
    case 'present':
      t.attended++;
      if (code === 'L') t.lates++;
      return;
    case 'aea':
      t.attended++;
      return;
    case 'authorised':
      t.authorised++;
      return;
    case 'unauthorised':
      t.unauthorised++;
      if (code === 'U') t.uCount++;
      else if (code === 'G') t.gCount++;
      return;
  }
}

export function figuresFromTally(t: Tally): AttendanceFigures {
  const tenths = percentTenths(t.attended, t.possible);
  return {
    possible: t.possible,
    attended: t.attended,
    authorised: t.authorised,
    unauthorised: t.unauthorised,
    lates: t.lates,
    uCount: t.uCount,
    gCount: t.gCount,
    percent: tenths === null ? null : tenths / 10,
    absencePercent: tenths === null ? null : (1000 - tenths) / 10,
    exactPercent: t.possible > 0 ? (100 * t.attended) / t.possible : null,
  };
}

/**
 * Figures from one pupil's marks; marks after `asOf` (when given) are not yet history, and marks
 * before `from` (when given — the academic year's start, see calendar/academicYear.ts) are
 * earlier years'.
 */
export function summariseMarks(marks: Mark[], asOf?: string, from?: IsoDate): AttendanceFigures {
  const t = emptyTally();
  for (const m of marks) {
    if (asOf && m.date > asOf) continue;
    if (from && m.date < from) continue;
    const code = normaliseCode(m.code);
    addToTally(t, classifyCode(code), code);
  }
  return figuresFromTally(t);
}

/** Index of the first of a pupil's (date-sorted) marks dated on or after `d`. */
export function firstMarkFrom(pm: PupilMarks, d: IsoDate): number {
  let lo = 0;
  let hi = pm.marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pm.marks[mid].date < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tally a pupil's marks dated from `from` to `to` inclusive (`to` '' = no end). */
export function tallyMarks(pm: PupilMarks, from: IsoDate, to: IsoDate | ''): Tally {
  const t = emptyTally();
  for (let i = firstMarkFrom(pm, from); i < pm.marks.length; i++) {
    if (to && pm.marks[i].date > to) break;
    addToTally(t, pm.classes[i], pm.codes[i]);
  }
  return t;
}

/**
 * Figures from an MIS summary import (no session marks). The import has no L, U or G counts, so
 * those are 0 and the rules that need marks (penalty, punctuality, holidays, coding) do not apply.
 */
export function figuresFromSummary(s: AttendanceSummary): AttendanceFigures {
  return figuresFromTally({
    possible: s.possible,
    attended: s.attended,
    authorised: s.authorised,
    unauthorised: s.unauthorised,
    lates: 0,
    uCount: 0,
    gCount: 0,
  });
}

