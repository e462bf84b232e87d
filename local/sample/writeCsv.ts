/**
 * Writes the sample school as one CSV per tab (SPEC §8: `students.csv`, `attendance-marks.csv` …,
 * named by `csvNameFor`), so `npm run demo -- --data DIR` reads the same school from files.
 * RFC 4180 quoting, CRLF line ends (what Excel and SIMS write), UTF-8 without a BOM. Rows are
 * written in chunks so a year of marks for 2,000 pupils never becomes one giant string.
 */
import * as fs from 'fs';
import * as path from 'path';
import { csvNameFor } from '../../src/core/tabs';
import { SampleSchool, SAMPLE_QA_CALENDAR_FILE } from './school';

/** The grid file copied beside the CSVs, for the QA calendar importer. */
export const QA_CALENDAR_GRID_NAME = 'qa-calendar-seed002.txt';

/** One CSV field: quoted when it holds a comma, quote, line break or edge space; quotes doubled. */
export function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(row: readonly unknown[]): string {
  return row.map(csvField).join(',') + '\r\n';
}

/** Writes every table (and the QA calendar grid) into `dir`; returns the files written. */
export function writeSampleCsv(dir: string, school: SampleSchool): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const tab of Object.keys(school.tables)) {
    const file = path.join(dir, csvNameFor(tab));
    const fd = fs.openSync(file, 'w');
    try {
      const rows = school.tables[tab];
      for (let i = 0; i < rows.length; i += 5000) {
        let chunk = '';
        for (const row of rows.slice(i, i + 5000)) chunk += csvLine(row);
        fs.writeSync(fd, chunk, null, 'utf8');
      }
    } finally {
      fs.closeSync(fd);
    }
    written.push(file);
  }
  const grid = path.join(dir, QA_CALENDAR_GRID_NAME);
  fs.writeFileSync(grid, fs.readFileSync(SAMPLE_QA_CALENDAR_FILE)); // a copy we can overwrite next run
  written.push(grid);
  // The school's settings (name, address, e-mail domain, half terms) as --data reads them.
  const settings = path.join(dir, 'settings.json');
  fs.writeFileSync(settings, JSON.stringify(school.settings, null, 2));
  written.push(settings);
  return written;
}
