/**
 * The hidden Review Memory tab: the last attendance review as the letter preview and the legal
 * overview use it (core/attendance/reviewMemory.ts). It holds pupil data, so it lives in the
 * spreadsheet with the pupils' other data, never in properties. One column: a title, then the
 * review as JSON in pieces of 40,000 characters (a cell holds at most 50,000: Google's "Cells can
 * contain a maximum of 50,000 characters"), about 45 cells at 2,000 pupils. One write a review,
 * one read a sidebar call.
 *
 * Each piece is written as "~piece~": setValues reads a string that looks like a number, a date
 * or a formula ("=…", "2024-01-08") as one, and a piece of JSON can start or end anywhere. The
 * tildes keep every piece plain text, spaces at either end included; they are taken off on reading.
 */
import { ReviewMemory, memoryFromText, memoryText } from '../core/attendance/reviewMemory';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REVIEW_MEMORY_TAB = 'Review Memory';
const TITLE = 'Kept by Review attendance for the letter run and legal sidebars. Rewritten at each review: do not edit.';

/**
 * Five calls on a review after the first (the tab is nobody's to read: no headings, formats or
 * frozen rows to set, as a generated tab has). Made once, hidden, one column wide: a new tab's 26
 * columns would take 26,000 cells of the spreadsheet's 10 million for nothing.
 */
export function writeReviewMemory(ss: Spreadsheet, memory: ReviewMemory): void {
  const values = [[TITLE]].concat(memoryText(memory).map((piece) => [`~${piece}~`]));
  let sheet = ss.getSheetByName(REVIEW_MEMORY_TAB);
  if (!sheet) {
    sheet = ss.insertSheet(REVIEW_MEMORY_TAB);
    sheet.hideSheet();
    sheet.deleteColumns(2, sheet.getMaxColumns() - 1);
  }
  const rows = sheet.getMaxRows();
  if (rows < values.length) sheet.insertRowsAfter(rows, values.length - rows);
  sheet.clearContents();
  sheet.getRange(1, 1, values.length, 1).setValues(values);
}

/** The kept review, or null when there is none or it does not read back. */
export function readReviewMemory(ss: Spreadsheet): ReviewMemory | null {
  const sheet = ss.getSheetByName(REVIEW_MEMORY_TAB);
  if (!sheet) return null;
  const rows = sheet.getLastRow();
  if (rows < 2) return null;
  const pieces: string[] = [];
  for (const [v] of sheet.getRange(2, 1, rows - 1, 1).getValues()) {
    const s = typeof v === 'string' ? v : '';
    if (s.length < 2 || s[0] !== '~' || s[s.length - 1] !== '~') return null;
    pieces.push(s.slice(1, -1));
  }
  return memoryFromText(pieces);
}
