/**
 * The hidden Review Memory tab: the last attendance review as the letter preview and the legal
 * overview use it (core/attendance/reviewMemory.ts). It holds pupil data, so it lives in the
 * spreadsheet with the pupils' other data, never in properties. One column: a title, then the
 * review as JSON in pieces of 30,000 characters (gas/pieces.ts), about 60 cells at 2,000 pupils.
 * One write a review, one read a sidebar call.
 */
import { ReviewMemory, memoryFromText, memoryText } from '../core/attendance/reviewMemory';
import { PIECE_CHARS, memoryTab, unwrapPieces, wrapPiece } from './pieces';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REVIEW_MEMORY_TAB = 'Review Memory';
const TITLE = 'Kept by Review attendance for the letter run and legal sidebars. Rewritten at each review: do not edit.';

/** Five calls on a review after the first (the tab made once: gas/pieces.ts memoryTab). */
export function writeReviewMemory(ss: Spreadsheet, memory: ReviewMemory): void {
  const values = [[TITLE]].concat(memoryText(memory, PIECE_CHARS).map((piece) => [wrapPiece(piece)]));
  const sheet = memoryTab(ss, REVIEW_MEMORY_TAB);
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
  const pieces = unwrapPieces(sheet.getRange(2, 1, rows - 1, 1).getValues().map((r) => r[0]));
  return pieces ? memoryFromText(pieces) : null;
}
