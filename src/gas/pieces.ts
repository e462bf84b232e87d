/**
 * Long text kept in cells, a piece a cell, for the add-on's hidden memory tabs. A piece is at most
 * PIECE_CHARS characters: Sheets holds 50,000 in a cell ("Cells can contain a maximum of 50,000
 * characters"), but the tracker also travels as .xlsx (the dry run's workbook, File → Download),
 * and Excel holds 32,767 ("Total number of characters that a cell can contain": Excel
 * specifications and limits); a longer cell makes Excel repair the file.
 *
 * Each piece is written as "~piece~": setValues reads a string that looks like a number, a date
 * or a formula ("=…", "2024-01-08") as one, and a piece of JSON can start or end anywhere. The
 * tildes keep every piece plain text, spaces at either end included; they are taken off on reading.
 */
export const PIECE_CHARS = 30000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A memory tab of the add-on (Review Memory, Tab Copies): made the first time hidden and one column
 * wide, since a new tab's 26 columns would take 26,000 of the spreadsheet's 10 million cells for
 * nothing; no headings, formats or frozen rows (nobody's to read).
 */
export function memoryTab(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    sheet.hideSheet();
    sheet.deleteColumns(2, sheet.getMaxColumns() - 1);
  }
  return sheet;
}

export function wrapPiece(piece: string): string {
  return `~${piece}~`;
}

/** The pieces back, or null when a cell is not a wrapped piece (edited by hand). */
export function unwrapPieces(cells: unknown[]): string[] | null {
  const pieces: string[] = [];
  for (const v of cells) {
    const s = typeof v === 'string' ? v : '';
    if (s.length < 2 || s[0] !== '~' || s[s.length - 1] !== '~') return null;
    pieces.push(s.slice(1, -1));
  }
  return pieces;
}
