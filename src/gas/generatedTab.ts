/**
 * Writing a generated tab (Homework Tracker, This Week …): tabs the add-on owns whole and rebuilds
 * on every refresh. The call pattern is fixed — it never depends on the number of rows — so a
 * school of 2,000 pupils costs the same service calls as one of 200:
 *   - the sheet is sized to the grid plus a margin with at most one insert/delete per dimension;
 *   - the values go in with one setValues (tables.replaceContent);
 *   - heading rows, frozen panes and conditional-format rules are a handful of calls each.
 * Colours are conditional-format rules over ranges, never a background per cell, so a value staff
 * type by hand recolours itself.
 */
import { PERCENT_FORMAT } from './cells';
import { identityColumns } from '../core/pupils/identity';
import { normaliseHeader } from '../core/tabs';
import { replaceContent } from './tables';
import { HEADER_BACKGROUND } from './setupTabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type GridCell = string | number | boolean | Date;

/** A conditional-format rule as data (core/homework/grid's FormatRule fits). */
export interface CellRule {
  range: { row: number; col: number; numRows: number; numCols: number };
  kind: 'between' | 'gte' | 'text';
  values: Array<number | string>;
  background: string;
  fontColor?: string;
  bold?: boolean;
}

export interface GeneratedTab {
  name: string;
  /** Every row; cells are written as given (callers pass text through toCell). */
  values: GridCell[][];
  /** 1-based rows shown as headings (bold, shaded): a fixed few, e.g. each section's title. */
  headingRows?: number[];
  frozenRows?: number;
  frozenColumns?: number;
  rules?: CellRule[];
  /** Number formats for whole columns from row 2, e.g. { 1: '@' } (1-based column). */
  columnFormats?: Record<number, string>;
}

/** Empty rows left under the grid so staff can see it ends (and a typed row is still inside the sheet). */
const MARGIN_ROWS = 1;

/** The sheet, inserted if it is missing. */
export function generatedSheet(ss: Spreadsheet, name: string): Sheet {
  return ss.getSheetByName(name) || ss.insertSheet(name);
}

export function writeGeneratedTab(ss: Spreadsheet, tab: GeneratedTab): Sheet {
  const sheet = generatedSheet(ss, tab.name);
  const rows = tab.values.length;
  const cols = rows ? Math.max(...tab.values.map((r) => r.length)) : 0;
  const grid = tab.values.map((r) => (r.length === cols ? r : r.concat(new Array(cols - r.length).fill(''))));
  fitSheet(sheet, rows + MARGIN_ROWS, Math.max(cols, 1));
  sheet.setConditionalFormatRules([]); // old rules would colour the new grid's cells wrongly
  replaceContent(sheet, grid as any);
  if (!rows) return sheet;
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), cols);
  all.setFontWeight('normal').setBackground(null);
  for (const r of tab.headingRows || [1]) {
    sheet.getRange(r, 1, 1, cols).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  }
  const formats = { ...percentColumns(tab), ...(tab.columnFormats || {}) };
  for (const c of Object.keys(formats)) {
    const col = Number(c);
    if (rows > 1) sheet.getRange(2, col, rows - 1, 1).setNumberFormat(formats[col]);
  }
  sheet.setFrozenRows(tab.frozenRows || 0);
  // The pupil stays in view beside the figures: the tab's own choice, else its identity columns.
  sheet.setFrozenColumns(tab.frozenColumns !== undefined ? tab.frozenColumns : identityColumns(grid[0].map(normaliseHeader)));
  if (tab.rules && tab.rules.length) sheet.setConditionalFormatRules(tab.rules.map((r) => buildRule(sheet, r)));
  return sheet;
}

/**
 * A column headed "%" or "… %" holds a percentage as a number (93.3): shown with one decimal and
 * a % sign, as on the Attendance tab and in the letters (issue 20 §1), still sorting as a number.
 * Only for tabs whose first row is their header.
 */
function percentColumns(tab: GeneratedTab): Record<number, string> {
  const out: Record<number, string> = {};
  if (tab.headingRows && tab.headingRows.indexOf(1) < 0) return out;
  (tab.values[0] || []).forEach((h, i) => {
    if (typeof h === 'string' && /(^|\s)%$/.test(h.trim())) out[i + 1] = PERCENT_FORMAT;
  });
  return out;
}

/** Exactly rows × cols: one insert or delete per dimension at most, whatever the sizes. */
function fitSheet(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  else if (maxCols > cols) sheet.deleteColumns(cols + 1, maxCols - cols);
}

function buildRule(sheet: Sheet, r: CellRule): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let b = SpreadsheetApp.newConditionalFormatRule();
  if (r.kind === 'between') b = b.whenNumberBetween(Number(r.values[0]), Number(r.values[1]));
  else if (r.kind === 'gte') b = b.whenNumberGreaterThanOrEqualTo(Number(r.values[0]));
  else b = b.whenTextEqualTo(String(r.values[0]));
  b = b.setBackground(r.background);
  if (r.fontColor) b = b.setFontColor(r.fontColor);
  if (r.bold !== undefined) b = b.setBold(r.bold);
  const range = sheet.getRange(r.range.row, r.range.col, Math.max(1, r.range.numRows), Math.max(1, r.range.numCols));
  return b.setRanges([range]).build();
}

/**
 * Before appending `n` rows to a log tab (Interventions): add exactly `n` rows at the bottom, so
 * the append never has to decide whether to grow the sheet. One call whatever the school's size
 * (a tab that only sometimes needs growing would make the call count depend on the roll).
 */
export function addRoomFor(ss: Spreadsheet, name: string, n: number): void {
  const sheet = ss.getSheetByName(name);
  if (!sheet || n <= 0) return;
  sheet.insertRowsAfter(sheet.getMaxRows(), n);
}
