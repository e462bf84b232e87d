/**
 * A1 notation for the local SpreadsheetApp: "B2", "A1:C10", whole columns "D:D", whole rows
 * "2:2", open-ended "A2:A" (to the last row), optionally prefixed with a sheet name
 * ("'Homework Log'!A1:B2"). Rows and columns are 1-based, as in Apps Script.
 */
export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ParsedA1 {
  sheetName?: string;
  /** Undefined parts mean "to the edge of the sheet" (a whole row or column). */
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

export function parseA1(a1: string): ParsedA1 {
  let text = a1.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [a, b] = text.split(':');
  const pa = PART.exec(a ?? '');
  const pb = b === undefined ? pa : PART.exec(b);
  if (!pa || !pb || (!pa[1] && !pa[2])) throw new Error(`Exception: Range not found`);
  const out: ParsedA1 = { sheetName };
  if (pa[1]) out.startCol = columnNumber(pa[1]);
  if (pa[2]) out.startRow = Number(pa[2]);
  if (pb[1]) out.endCol = columnNumber(pb[1]);
  if (pb[2]) out.endRow = Number(pb[2]);
  // "A2:A" starts at row 2 and runs to the bottom; "A:A" covers every row.
  if (out.startRow === undefined && out.endRow !== undefined) out.startRow = 1;
  if (out.startCol === undefined && out.endCol !== undefined) out.startCol = 1;
  return out;
}

/** Resolve parsed A1 against a sheet's size into a rectangle ("A2:A" runs to the last row). */
export function rectFromA1(p: ParsedA1, maxRows: number, maxCols: number): GridRect {
  const r1 = p.startRow ?? 1;
  const r2 = p.endRow ?? maxRows;
  const c1 = p.startCol ?? 1;
  const c2 = p.endCol ?? maxCols;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

export function toA1(r: GridRect): string {
  const a = `${columnLetter(r.col)}${r.row}`;
  if (r.numRows === 1 && r.numCols === 1) return a;
  return `${a}:${columnLetter(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

export function contains(r: GridRect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}
