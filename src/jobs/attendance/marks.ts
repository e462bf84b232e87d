/**
 * Every job's one way to the session marks (issue 22): the Register tab (gas/register.ts) and,
 * in a tracker made before the Register existed, its old long-form "Attendance Marks" tab — read
 * as well, so an upgraded tracker loses no mark; where both have a session, the Register's mark
 * is the one used (it is where imports and staff's corrections now go). Check tracker says how to
 * move the old tab's marks across (import it; then delete the tab).
 *
 * Problems come back as lines naming the tab, row and week ("Register row 14, w/c 08/01/2024 …").
 */
import { Mark } from '../../core/types';
import { classifyCode } from '../../core/attendance/codes';
import { ClassifyCode } from '../../core/records/cells';
import { formatRefusal } from '../../core/records/refusal';
import { readSheetTab } from '../../gas/tables';
import { readPupilRegister, readRegisterMarks } from '../../gas/register';
import { IsoDate, weekStart } from '../../core/dates';
import { REGISTER_OPEN_WEEKS } from '../../core/state';
import { OpenWeeks, coversWeeks, openSessionKeys, openWeeksAfterMerge, openWeeksOfRegister } from '../../core/attendance/openWeeks';
import { RegisterMerge } from '../../core/attendance/registerTab';
import { StateStore, documentState } from '../../gas/properties';
import { normUpn } from '../../core/pupils/names';
import { OLD_MARKS_TAB } from '../../core/trackerCheck';
import type { CopyReader } from '../tabCopies';
import { readShared } from '../sharedReads';
import { readValues } from '../../gas/tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export { OLD_MARKS_TAB };

/**
 * Withdrawn and unknown codes let through as not counted: the review reports them as coding issues
 * (recode in the MIS) instead of the mark silently becoming a gap.
 */
export const letCodesThrough: ClassifyCode = (code: string) => {
  const k = classifyCode(code);
  return k === 'withdrawn' || k === 'unknown' ? 'notCounted' : k;
};

export interface MarksRequest {
  /** Default: the 2024 codes, refusing withdrawn and unknown ones. */
  classify?: ClassifyCode;
  /** A sidebar's reader of long tabs through their kept copies (jobs/tabCopies.ts). */
  copies?: CopyReader;
}

export interface MarksRead {
  marks: Mark[];
  problems: string[];
  /** The Mondays of the Register's week columns (what the open-sessions memory covers). */
  registerWeeks: IsoDate[];
  /** The Register's values as read (undefined without a Register): the review refreshes its copy from them. */
  registerValues?: unknown[][];
}

export function readMarks(ss: Spreadsheet, req: MarksRequest = {}): MarksRead {
  const classify = req.classify || classifyCode;
  const copies = req.copies;
  // Within one execution of several jobs (the morning run: jobs/sharedReads.ts) the Register is
  // read once, whichever way each job classifies its codes: the review lets withdrawn and unknown
  // codes through to report them, a job asking for 'Attendance Marks' refuses them.
  const reg = readRegisterMarks(ss, { classify, valuesOf: copies ? (sheet) => copies.valuesOf('Register', sheet) : (sheet) => readShared('values|Register', () => readValues(sheet)) });
  const problems = reg.refusals.map((r) => formatRefusal('Register', r));
  const registerWeeks = reg.weeks;
  const old = ss.getSheetByName(OLD_MARKS_TAB);
  const registerValues = reg.values;
  if (!old || old.getLastRow() < 2) return { marks: reg.marks, problems, registerWeeks, registerValues };
  const parsed = readSheetTab(old, OLD_MARKS_TAB, { classifyCode: classify });
  for (const r of parsed.refusals) problems.push(formatRefusal(OLD_MARKS_TAB, r));
  const inRegister = new Set(reg.marks.map((m) => `${m.upn}|${m.date}|${m.session}`));
  const marks = reg.marks.slice();
  for (const m of parsed.records) {
    if (!inRegister.has(`${m.upn}|${m.date}|${m.session}`)) marks.push(m);
  }
  return { marks, problems, registerWeeks, registerValues };
}

/** One pupil's marks, and the school's open sessions to go with them (jobs/profile/readPupil.ts). */
export interface PupilMarksRead {
  marks: Mark[];
  problems: string[];
  /** Every session the school was open up to `asOf` ("2024-01-08|AM"), from the memory. */
  openSessions: string[];
}

/**
 * One pupil's marks without reading every pupil's: their Register row (found from the UPN column) and the
 * school's open sessions from the memory the imports and the review keep (core/attendance/
 * openWeeks.ts). Null — read the whole Register instead — when that memory is missing or does not
 * cover exactly the Register's weeks (a week column added or deleted by hand since), or when an
 * older tracker still has its long-form Attendance Marks tab (its marks are not in the memory).
 */
export function readPupilMarks(ss: Spreadsheet, upn: string, asOf: IsoDate, state: StateStore = documentState()): PupilMarksRead | null {
  const memory = state.get(REGISTER_OPEN_WEEKS);
  if (!memory) return null;
  const old = ss.getSheetByName(OLD_MARKS_TAB);
  if (old && old.getLastRow() >= 2) return null;
  const reg = readPupilRegister(ss, upn, { classify: letCodesThrough });
  if (!coversWeeks(memory, reg.weeks)) return null;
  const u = normUpn(upn);
  return {
    marks: reg.marks.filter((m) => normUpn(m.upn) === u),
    problems: reg.refusals.map((r) => formatRefusal('Register', r)),
    openSessions: openSessionKeys(memory, asOf),
  };
}

/** After a review read the whole Register: remember its open sessions (saved only when they changed). */
export function rememberOpenWeeks(registerWeeks: readonly IsoDate[], marks: readonly Mark[], state: StateStore = documentState()): void {
  saveOpenWeeks(state, state.get(REGISTER_OPEN_WEEKS), openWeeksOfRegister(registerWeeks, marks));
}

/** A property write only when the memory changed (most runs change nothing). */
function saveOpenWeeks(state: StateStore, before: OpenWeeks | null, next: OpenWeeks): void {
  if (before && REGISTER_OPEN_WEEKS.format(before) === REGISTER_OPEN_WEEKS.format(next)) return;
  state.set(REGISTER_OPEN_WEEKS, next);
}

/**
 * After an import merged marks into the Register: the weeks it changed or touched worked out
 * again from the merged columns (every week when the memory was out of step), saved when changed.
 */
export function rememberMergedWeeks(merge: RegisterMerge, imported: readonly Mark[], state: StateStore = documentState()): void {
  const before = state.get(REGISTER_OPEN_WEEKS);
  const weeks = Array.from(new Set(imported.map((m) => weekStart(m.date))));
  saveOpenWeeks(state, before, openWeeksAfterMerge(before, merge.grid, merge.changedColumns, weeks));
}
