/**
 * Finding one pupil's rows (gas/pupilRows.ts) — the UPN column read up to 10,000 rows, Sheets'
 * TextFinder beyond — and reading them: neighbouring rows in one read,
 * rows a few apart joined while the rows between cost fewer cells than another call (200 cells),
 * never more than 12 reads; only the rows asked for come back, with their sheet row numbers.
 */
import { READ_COLUMN_ROWS, readRuns, readRowsAt, findRows } from '../../src/gas/pupilRows';
import type { LocalSheet } from '../../local/services/spreadsheet/sheet';
import { LocalEnv } from '../../local/services/env';
import { createSpreadsheetApp } from '../../local/services/spreadsheet';

describe('readRuns', () => {
  it('joins neighbours, and rows a few apart while the gap is under 200 cells', () => {
    // width 10: gaps of up to 20 rows are joined.
    expect(readRuns([5, 6, 7], 10)).toEqual([[5, 7]]);
    expect(readRuns([5, 26], 10)).toEqual([[5, 26]]); // 20 rows between
    expect(readRuns([5, 27], 10)).toEqual([[5, 5], [27, 27]]); // 21 rows between
    expect(readRuns([5, 27], 100)).toEqual([[5, 5], [27, 27]]);
    expect(readRuns([5, 7], 100)).toEqual([[5, 7]]); // 1 row between: always joined
  });

  it('never reads more than 12 times, joining the closest runs first', () => {
    const rows = Array.from({ length: 20 }, (_, i) => 1000 * (i + 1));
    rows.push(1500);
    const runs = readRuns(rows.sort((a, b) => a - b), 10);
    expect(runs.length).toBe(12);
    // 1000, 1500 and 2000 (500 apart) are joined first; then pairs 1000 apart, from the top.
    expect(runs[0]).toEqual([1000, 9000]);
    expect(runs.slice(1)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((k) => [k * 1000, k * 1000]));
    expect(runs.flatMap(([a, b]) => rows.filter((r) => r >= a && r <= b)).length).toBe(rows.length);
  });
});

describe('readRowsAt and findRows', () => {
  function sheetWith(rows: string[][]) {
    const env = new LocalEnv();
    const ss = createSpreadsheetApp(env)._create('T', { locale: 'en_GB', timeZone: 'Europe/London' });
    const sheet = ss.getActiveSheet();
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    env.resetCounts();
    return { env, sheet: sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet };
  }

  it('finds the rows holding the UPN (partial, any case) and reads only those back', () => {
    const table = [['UPN', 'Subject']];
    for (let i = 0; i < 100; i++) table.push([i % 10 === 3 ? 'A123456789012' : `B${String(i).padStart(12, '0')}`, `S${i}`]);
    table[51][0] = 'a123456789012 ';
    const { env, sheet } = sheetWith(table);
    const rows = findRows(sheet, 1, 'A123456789012', 101);
    expect(rows).toEqual([5, 15, 25, 35, 45, 52, 55, 65, 75, 85, 95]);
    const read = readRowsAt(sheet, rows, 2);
    expect(read.rowNumbers).toEqual(rows);
    expect(read.rows.map((r) => r[1])).toEqual(['S3', 'S13', 'S23', 'S33', 'S43', 'S50', 'S53', 'S63', 'S73', 'S83', 'S93']);
    // The UPN column (100 cells), then width 2: gaps of up to 100 rows are joined, so one read from row 5 to row 95.
    expect(env.cellsRead).toBe(100 + 91 * 2);
  });

  it('reads the column of a tab up to 10,000 rows, so a row hidden by a filter or by hand is found whatever Sheets\' search does', () => {
    const table = [['UPN', 'Subject']];
    for (let i = 0; i < 30; i++) table.push([i % 10 === 3 ? 'A123456789012' : `B${String(i).padStart(12, '0')}`, `S${i}`]);
    const { env, sheet } = sheetWith(table);
    const raw = sheet as unknown as LocalSheet;
    raw._filterHide([5]);
    raw.hideRows(15);
    expect(findRows(sheet, 1, 'A123456789012', 31)).toEqual([5, 15, 25]);
    expect(env.countsByName()['TextFinder.findAll']).toBeUndefined();
  });

  it('searches a longer tab with Sheets\' TextFinder, reading none of its cells', () => {
    const table = [['UPN']];
    for (let i = 0; i < READ_COLUMN_ROWS + 5; i++) table.push([i === 7000 ? 'A123456789012' : 'B000000000001']);
    const { env, sheet } = sheetWith([['UPN']]);
    const raw = sheet as unknown as LocalSheet;
    raw.insertRowsAfter(1000, READ_COLUMN_ROWS);
    raw.getRange(1, 1, table.length, 1).setValues(table);
    env.resetCounts();
    expect(findRows(sheet, 1, 'A123456789012', table.length)).toEqual([7002]);
    expect(env.countsByName()['TextFinder.findAll']).toBe(1);
    expect(env.cellsRead).toBe(0);
  });

  it('finds nothing in an empty tab or for an empty UPN, without a call', () => {
    const { env, sheet } = sheetWith([['UPN']]);
    expect(findRows(sheet, 1, 'A123456789012', 1)).toEqual([]);
    expect(findRows(sheet, 1, '  ', 50)).toEqual([]);
    expect(env.total).toBe(0);
  });
});
