/**
 * Writing a generated tab (Homework Tracker, This Week …): tabs the add-on owns whole and rebuilds
 * on every refresh. The call pattern is fixed — it never depends on the number of rows — so a
 * school of 2,000 pupils costs the same service calls as one of 200:
 *   - the sheet is sized to the grid plus a margin with at most one insert/delete per dimension;
 *   - the values go in with one setValues;
 *   - heading rows, number formats, frozen panes and conditional-format rules are a handful of
 *     calls each (one range list per look, whatever the number of headings or columns).
 * Colours are conditional-format rules over ranges, never a background per cell, so a value staff
 * type by hand recolours itself.
 */
import { PERCENT_FORMAT } from './cells';
import { identityColumns } from '../core/pupils/identity';
import { normaliseHeader } from '../core/tabs';
import { a1Range } from '../core/records/headers';
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
  /** Memory tabs nobody reads (Tier History, QA Reminders): hidden when this write creates them. */
  hidden?: boolean;
}

/** Empty rows left under the grid so staff can see it ends (and a typed row is still inside the sheet). */
const MARGIN_ROWS = 1;

/**
 * Every look is set on every run (the grid moves: a heading row this week is a pupil's row next
 * week), but only what the sheet might hold is undone: a sheet this run inserted has no content,
 * formatting, rules or frozen panes yet, so nothing is cleared or reset on it. Headings and
 * number formats go through one range list per look, whatever the number of rows or columns.
 */
export function writeGeneratedTab(ss: Spreadsheet, tab: GeneratedTab): Sheet {
  const found = ss.getSheetByName(tab.name);
  const sheet = found || ss.insertSheet(tab.name);
  const rows = tab.values.length;
  const cols = rows ? Math.max(...tab.values.map((r) => r.length)) : 0;
  const grid = tab.values.map((r) => (r.length === cols ? r : r.concat(new Array(cols - r.length).fill(''))));
  const height = rows + MARGIN_ROWS;
  fitSheet(sheet, height, Math.max(cols, 1));
  // Exactly the grid's size now, so the values go straight in (no size check before the write).
  if (found) sheet.clearContents();
  if (rows) sheet.getRange(1, 1, rows, cols).setValues(grid as any);
  // Replacing the rules removes old ones, which would colour the new grid's cells wrongly.
  const rules = rows && tab.rules ? tab.rules : [];
  if (found || rules.length) sheet.setConditionalFormatRules(rules.map((r) => buildRule(sheet, r)));
  if (tab.hidden && !found) sheet.hideSheet();
  if (!rows) return sheet;
  if (found) sheet.getRange(1, 1, height, cols).setFontWeight('normal').setBackground(null);
  sheet.getRangeList((tab.headingRows || [1]).map((r) => a1Range(r, 1, 1, cols))).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  const formats = { ...percentColumns(tab), ...(tab.columnFormats || {}) };
  const byFormat = new Map<string, string[]>();
  for (const c of Object.keys(formats)) {
    if (rows > 1) byFormat.set(formats[Number(c)], (byFormat.get(formats[Number(c)]) || []).concat(a1Range(2, Number(c), rows - 1, 1)));
  }
  byFormat.forEach((ranges, format) => sheet.getRangeList(ranges).setNumberFormat(format));
  // The pupil stays in view beside the figures: the tab's own choice, else its identity columns.
  const frozenRows = tab.frozenRows || 0;
  const frozenColumns = tab.frozenColumns !== undefined ? tab.frozenColumns : identityColumns(grid[0].map(normaliseHeader));
  if (found || frozenRows) sheet.setFrozenRows(frozenRows);
  if (found || frozenColumns) sheet.setFrozenColumns(frozenColumns);
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
