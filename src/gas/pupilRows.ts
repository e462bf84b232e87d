/**
 * One pupil's rows of a long tab, without reading the tab (issue 22: a sidebar call reads at most
 * 100,000 cells; a 2,000-pupil school's Homework Log is 200,000 and its Progress 130,000).
 *
 * The rows are found from the UPN column alone: read (a cell a row) up to READ_COLUMN_ROWS rows,
 * searched by Sheets beyond that — a TextFinder over the column (Range.createTextFinder,
 * developers.google.com/apps-script/reference/spreadsheet/text-finder) sends back only the
 * matching cells. Either way the match is partial and case-insensitive (Sheets' default), and
 * every row found is checked again on its values by the caller (normUpn): whether Sheets trims
 * spaces round a cell for an entire-cell match is not documented, so a UPN typed with a space is
 * still found and a longer text that merely holds the UPN is not taken for it.
 *
 * Then the rows are read in runs: neighbouring rows in one getValues, near ones too when the rows
 * between cost fewer cells than another call, and never more than MAX_READS reads (the closest
 * runs are joined first).
 */
import { fromSheetValues } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows between two runs read with them rather than by another call, up to this many cells (a call costs about 7,000: local/services/env.ts; kept low because cells read are the sidebar budget). */
const JOIN_GAP_CELLS = 200;
/** Reads at most, whatever the rows (a pupil with rows all down a long log). */
const MAX_READS = 12;

export interface PupilRows {
  /** Sheet row numbers, ascending. */
  rowNumbers: number[];
  /** Each row's values (`width` cells), in the same order. */
  rows: unknown[][];
}

/**
 * Up to this many rows, the UPN column is read (one call, a cell a row) rather than searched.
 * Whether Sheets' search skips rows hidden by a filter or by hand is not documented (Sheets' own
 * Find box does); reading the column cannot miss a row either way. A longer tab is searched, so a
 * sidebar's read stays bounded (nine tabs of 10,000 rows is 90,000 cells); there, a pupil's row
 * hidden from Sheets' search would not be shown (docs/google-limits.md).
 */
export const READ_COLUMN_ROWS = 10000;

/** Sheet rows (2…lastRow) whose cell in column `col` (1-based) holds `upn`, ascending. */
export function findRows(sheet: Sheet, col: number, upn: string, lastRow: number): number[] {
  const want = upn.trim().toUpperCase();
  if (lastRow < 2 || !want) return [];
  const column = sheet.getRange(2, col, lastRow - 1, 1);
  if (lastRow - 1 <= READ_COLUMN_ROWS) {
    const rows: number[] = [];
    column.getValues().forEach((v, i) => {
      // The same partial, case-insensitive match as the search (the caller checks each row again).
      if (String(v[0]).toUpperCase().indexOf(want) >= 0) rows.push(i + 2);
    });
    return rows;
  }
  return column.createTextFinder(want).findAll().map((r) => r.getRow()).sort((a, b) => a - b);
}

/** Runs of rows [first, last] to read: neighbours joined, near ones while cheaper, at most MAX_READS. */
export function readRuns(rowNumbers: readonly number[], width: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const joinGap = Math.max(1, Math.floor(JOIN_GAP_CELLS / Math.max(1, width)));
  for (const r of rowNumbers) {
    const last = runs[runs.length - 1];
    if (last && r - last[1] - 1 <= joinGap) last[1] = Math.max(last[1], r);
    else runs.push([r, r]);
  }
  while (runs.length > MAX_READS) {
    // Join the two runs with the fewest rows between them.
    let best = 0;
    for (let i = 1; i < runs.length - 1; i++) if (runs[i + 1][0] - runs[i][1] < runs[best + 1][0] - runs[best][1]) best = i;
    runs.splice(best, 2, [runs[best][0], runs[best + 1][1]]);
  }
  return runs;
}

/** The rows asked for, `width` cells each, read in runs (the rows between runs are dropped). */
export function readRowsAt(sheet: Sheet, rowNumbers: readonly number[], width: number): PupilRows {
  const wanted = new Set(rowNumbers);
  const out: PupilRows = { rowNumbers: [], rows: [] };
  if (!rowNumbers.length || width < 1) return out;
  for (const [first, last] of readRuns(Array.from(wanted).sort((a, b) => a - b), width)) {
    const values = fromSheetValues(sheet.getRange(first, 1, last - first + 1, width).getValues());
    values.forEach((row, i) => {
      if (!wanted.has(first + i)) return;
      out.rowNumbers.push(first + i);
      out.rows.push(row);
    });
  }
  return out;
}
