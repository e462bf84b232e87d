/**
 * The hidden Tab Copies tab: copies of long tabs for the letter preview and the legal overview
 * (core/tabCopy.ts). It holds pupil data (contacts' addresses, the Homework Log), so it lives in
 * the spreadsheet with the pupils' other data, never in properties.
 *
 * One column per copied tab: row 1 which tab it copies, then the copy in pieces of 30,000 characters
 * (gas/pieces.ts), about 55 cells for a 20,000-row Homework Log. Reading every copy is three calls
 * (the tab's size, then one getValues); writing one copy rewrites its column alone.
 */
import { TabCopy, copyFromText, copyText } from '../core/tabCopy';
import { PIECE_CHARS, memoryTab, unwrapPieces, wrapPiece } from './pieces';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TAB_COPIES_TAB = 'Tab Copies';

/** A column's heading: which tab it copies, and that it is the add-on's (a person may open the tab). */
function heading(tab: string): string {
  return `${tab}: a copy kept for the letter preview and the legal overview. Rewritten by them: do not edit.`;
}

/** Every copy kept, by tab name (only those that read back). */
export function readTabCopies(ss: Spreadsheet, tabs: string[]): Map<string, TabCopy> {
  const out = new Map<string, TabCopy>();
  const sheet = ss.getSheetByName(TAB_COPIES_TAB);
  if (!sheet) return out;
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows < 2 || cols < 1) return out;
  const values = sheet.getRange(1, 1, rows, cols).getValues();
  for (let c = 0; c < cols; c++) {
    const tab = tabs.find((t) => heading(t) === String(values[0][c]));
    if (!tab) continue;
    const cells: unknown[] = [];
    for (let r = 1; r < rows && values[r][c] !== ''; r++) cells.push(values[r][c]);
    const pieces = unwrapPieces(cells);
    const copy = pieces && pieces.length ? copyFromText(pieces, tab) : null;
    if (copy) out.set(tab, copy);
  }
  return out;
}

/** Whether a copy of `tab` is kept (its column's heading, one call past finding the tab). */
export function hasTabCopy(ss: Spreadsheet, tab: string): boolean {
  const sheet = ss.getSheetByName(TAB_COPIES_TAB);
  if (!sheet) return false;
  const cols = sheet.getLastColumn();
  return cols > 0 && sheet.getRange(1, 1, 1, cols).getValues()[0].map(String).indexOf(heading(tab)) >= 0;
}

/**
 * Keeps `copy` in its tab's column (a new column the first time): the old pieces cleared, the new
 * written in one call (the tab made as every memory tab is: gas/pieces.ts memoryTab).
 */
export function writeTabCopy(ss: Spreadsheet, copy: TabCopy): void {
  const pieces = copyText(copy, PIECE_CHARS).map((p) => [wrapPiece(p)]);
  const sheet = memoryTab(ss, TAB_COPIES_TAB);
  const cols = Math.max(sheet.getLastColumn(), 1);
  const names = sheet.getRange(1, 1, 1, cols).getValues()[0].map(String);
  let col = names.indexOf(heading(copy.tab)) + 1;
  if (col === 0) col = names[0] === '' ? 1 : cols + 1;
  if (col > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), col - sheet.getMaxColumns());
  const maxRows = sheet.getMaxRows();
  if (maxRows < pieces.length + 1) sheet.insertRowsAfter(maxRows, pieces.length + 1 - maxRows);
  sheet.getRange(1, col, sheet.getMaxRows(), 1).clearContent();
  sheet.getRange(1, col, pieces.length + 1, 1).setValues([[heading(copy.tab)]].concat(pieces));
}
