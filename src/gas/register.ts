/**
 * Reading and writing the Register tab (issue 22; the layout and the rules of a merge are in
 * core/attendance/registerTab.ts).
 *
 * Reads are sized to what a call needs, because cells read are what Apps Script charges for
 * (Sheets: "Use batch operations", developers.google.com/apps-script/guides/support/best-practices):
 * - a job's read is the whole tab in one getValues (2,000 pupils × two years is 162,000 cells,
 *   where the long form was 6 million): a penalty threshold met last year and never answered is
 *   still flagged (SPEC §4.3), so every week and every pupil;
 * - one pupil's profile reads the header and that pupil's row, found from the UPN column (gas/pupilRows.ts);
 *   the school's open sessions come from a memory (core/attendance/openWeeks.ts), because a
 *   pupil's own blank is a gap only on a day others were marked.
 * A merge reads the whole tab once and writes back only the columns that changed (a day's import
 * rewrites one week column), one setValues per run of adjacent columns; the whole grid only when a
 * week older than the last column arrives and the week columns are put back in date order.
 */
import { Mark } from '../core/types';
import { IsoDate } from '../core/dates';
import { REGISTER } from '../core/tabDefs/attendance';
import { ClassifyCode } from '../core/records/cells';
import { Refusal } from '../core/records/refusal';
import { columnRuns } from '../core/collections';
import { UserError } from '../core/errors';
import { PupilNames, RegisterLayout, RegisterMerge, mergeIntoRegister, readRegister, registerLayout } from '../core/attendance/registerTab';
import { fromSheetValues, toCell, useSpreadsheetZone } from './cells';
import { readValues } from './tables';
import { HEADER_BACKGROUND, ensureTab } from './setupTabs';
import { findRows, readRowsAt } from './pupilRows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Pixels: 14 bold characters at about 7.5 px, and a margin (as gas/setupTabs.ts columnWidth). */
const WEEK_WIDTH = 120;

export interface RegisterReadRequest {
  classify: ClassifyCode;
  /** The Register's values from elsewhere (a sidebar's kept copy, jobs/tabCopies.ts); default: read them. */
  valuesOf?: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => unknown[][];
}

export interface RegisterMarks {
  marks: Mark[];
  refusals: Refusal[];
  /** The Mondays of the Register's week columns, in the order they stand. */
  weeks: IsoDate[];
  /** The Register's values as read, header row first (a whole read only): for its kept copy. */
  values?: unknown[][];
}

function checkedLayout(header: unknown[]): RegisterLayout {
  // A missing UPN column is among the messages (it is a required column).
  const layout = registerLayout(header);
  if (layout.messages.length) throw new UserError(layout.messages.join('\n'));
  return layout;
}

/** The Register's marks for a job ({marks: []} when the tracker has no Register yet). */
export function readRegisterMarks(ss: Spreadsheet, req: RegisterReadRequest): RegisterMarks {
  useSpreadsheetZone(ss);
  const sheet = ss.getSheetByName(REGISTER.name);
  if (!sheet) return { marks: [], refusals: [], weeks: [] };
  const values = req.valuesOf ? req.valuesOf(sheet) : readValues(sheet);
  if (!values.length) return { marks: [], refusals: [], weeks: [] };
  const layout = checkedLayout(values[0]);
  const weeks = layout.weeks.map((w) => w.monday);
  if (values.length < 2) return { marks: [], refusals: [], weeks, values };
  return { ...readRegister(layout, values.slice(1), { classify: req.classify }), weeks, values };
}

/**
 * One pupil's row of the Register, found from the UPN column (gas/pupilRows.ts) instead of reading every
 * pupil's: the header and that row only. `marks` holds this pupil's marks (a second row for the
 * same UPN is refused, as in a whole read); the caller checks the UPN again (normUpn).
 */
export function readPupilRegister(ss: Spreadsheet, upn: string, req: RegisterReadRequest): RegisterMarks {
  useSpreadsheetZone(ss);
  const sheet = ss.getSheetByName(REGISTER.name);
  if (!sheet) return { marks: [], refusals: [], weeks: [] };
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return { marks: [], refusals: [], weeks: [] };
  const layout = checkedLayout(fromSheetValues(sheet.getRange(1, 1, 1, lastCol).getValues())[0]);
  const weeks = layout.weeks.map((w) => w.monday);
  const found = readRowsAt(sheet, findRows(sheet, layout.upnCol + 1, upn, lastRow), lastCol);
  return { ...readRegister(layout, found.rows, { classify: req.classify, rowNumbers: found.rowNumbers }), weeks };
}
/** The week Mondays the Register has (its header row only): the school weeks with marks. */
export function registerWeeks(ss: Spreadsheet): IsoDate[] {
  const sheet = ss.getSheetByName(REGISTER.name);
  if (!sheet) return [];
  const lastCol = sheet.getLastColumn();
  if (lastCol < 1) return [];
  const header = fromSheetValues(sheet.getRange(1, 1, 1, lastCol).getValues())[0];
  return checkedLayout(header).weeks.map((w) => w.monday);
}

/**
 * Merge marks into the Register (made if missing) and write what changed. `names`: each pupil's
 * name and reg group from the Students tab, for the add-on's own columns.
 */
export function writeRegisterMarks(ss: Spreadsheet, marks: Mark[], names: Map<string, PupilNames>): RegisterMerge {
  useSpreadsheetZone(ss);
  const created = !ss.getSheetByName(REGISTER.name);
  if (created) ensureTab(ss, REGISTER);
  const sheet = ss.getSheetByName(REGISTER.name)!;
  const values = readValues(sheet);
  if (values.length) checkedLayout(values[0]);
  const merge = mergeIntoRegister(values, marks, names);
  if (!merge.changedColumns.length) return merge;
  const rows = merge.grid.length;
  const width = merge.grid[0].length;
  const oldWidth = values.length ? values[0].length : 0;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  // Week cells are text: a typed "/\ /\ …" or "-- /\ …" must never become a number or a formula.
  if (width > oldWidth) {
    sheet.getRange(1, oldWidth + 1, sheet.getMaxRows(), width - oldWidth).setNumberFormat('@');
    sheet.getRange(1, oldWidth + 1, 1, width - oldWidth).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
    // Wide enough for the bold "w/c 08/01/2024" (the week's marks need less); set on new columns only.
    sheet.setColumnWidths(oldWidth + 1, width - oldWidth, WEEK_WIDTH);
  }
  const runs = merge.sameColumns ? columnRuns(merge.changedColumns) : [[0, width - 1] as [number, number]];
  for (const [a, b] of runs) {
    const cells = merge.grid.map((row) => row.slice(a, b + 1).map((v) => toCell(v, 'text')));
    sheet.getRange(1, a + 1, rows, b - a + 1).setValues(cells);
  }
  return merge;
}
