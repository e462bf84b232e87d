/**
 * Straightforward cell-by-cell versions of three jobs, for comparison in `npm run bench`
 * (bench/budgets.ts). They make the same decisions (the same core rules) and write the same
 * cells, the way a first Apps Script usually does: one service call per cell. They are run on a
 * small school (or a slice of the rows) and extrapolated linearly — calls and projected time are
 * linear in the cells written — because running them at full size would take hours of
 * simulated Apps Script time (which is the point).
 */
import { runAttendanceReview } from '../../src/jobs/attendance/review';
import { attendanceRow } from '../../src/jobs/attendance/attendanceTab';
import { Settings } from '../../src/core/settings';
import { IsoDate } from '../../src/core/dates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function naiveSheet(ss: Spreadsheet, name: string, rows = 1000, cols = 26): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(name) || ss.insertSheet(name);
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  return sheet;
}

/** The Attendance tab, one getRange(r, c).setValue(v) per cell (and per-cell stage colours). */
export function naiveAttendanceTab(ss: Spreadsheet, settings: Settings, asOf: IsoDate): { cells: number } {
  const { review } = runAttendanceReview(ss, settings, asOf);
  const sheet = naiveSheet(ss, 'Attendance (naive)', review.pupils.length + 1, 40);
  const rows = review.pupils.map((p) => attendanceRow(p));
  const fields = rows.length ? Object.keys(rows[0]) : [];
  fields.forEach((f, c) => sheet.getRange(1, c + 1).setValue(f));
  let cells = 0;
  rows.forEach((row, r) => {
    fields.forEach((f, c) => {
      const v = row[f];
      sheet.getRange(r + 2, c + 1).setValue(v === null || v === undefined ? '' : (v as any));
      cells++;
    });
    const stage = String(row.stage ?? '');
    const colour = stage === 'reward' ? '#d9ead3' : stage === 'level1' ? '#fff2cc' : stage === 'level2' ? '#f4cccc' : '#ffffff';
    sheet.getRange(r + 2, 1).setBackground(colour);
  });
  return { cells };
}

/** The Homework Tracker grid (decided by refreshHomeworkJob), one setValue and one setBackground per pupil-week cell. */
export function writeHomeworkGridNaively(ss: Spreadsheet, pupils: Array<{ upn: string; weeks: Array<{ misses: number; band: string }> }>): number {
  const sheet = naiveSheet(ss, 'Homework Tracker (naive)', pupils.length + 1, 1 + Math.max(1, ...pupils.map((p) => p.weeks.length)));
  let cells = 0;
  pupils.forEach((p, r) => {
    sheet.getRange(r + 2, 1).setValue(p.upn);
    p.weeks.forEach((w, c) => {
      const cell = sheet.getRange(r + 2, c + 2);
      cell.setValue(w.misses);
      cell.setBackground(w.band === 'red' ? '#ea9999' : w.band === 'pink' ? '#f4cccc' : '#ffffff');
      cells++;
    });
  });
  return cells;
}

/** A register import, one appendRow per mark (after reading each existing key cell by cell). */
export function naiveImportMarks(ss: Spreadsheet, rows: unknown[][]): number {
  const sheet = naiveSheet(ss, 'Attendance Marks (naive)');
  for (let i = 1; i < rows.length; i++) sheet.appendRow(rows[i] as any[]);
  return rows.length - 1;
}
