/**
 * Reading a school's own exports for --data DIR (SPEC §8, issue 16): one file per tab, named after
 * the tab in lower case with hyphens — `students.csv` or `students.xlsx`, `contacts.csv`,
 * `letters-log.csv` … (docs/imports.md lists them). CSV bytes go through the add-on's own decoder
 * (src/core/records/csv.ts: UTF-8 with or without BOM, UTF-16, Windows-1252; comma, semicolon or
 * tab) — the same code the sidebar runs in the browser; an .xlsx's first sheet is read with exceljs
 * into the same cells the sidebar's reader gives (xlsxData.ts).
 *
 * Everything is read and every header checked before anything is written: a file that cannot be
 * read, a header the import cannot use, or the same tab twice (students.csv and students.xlsx)
 * stops the run naming the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TABS, csvNameFor } from '../../src/core/tabs';
import { readCsv } from '../../src/core/records/csv';
import { parseTab, isImportableTab } from '../../src/core/records/parse';
import { parseRegisterGrid } from '../../src/core/records/registerGrid';
import { parseAttendanceSummary } from '../../src/core/records/summaryImport';
import { wideProgressToLong } from '../../src/core/records/progressWide';
import { SettingsOverrides, withDefaults } from '../../src/core/settings';
import { validateSettings } from '../../src/core/settingsCheck';
import { XlsxCell } from '../../src/ui/lib/xlsx';
import { readXlsxFile } from './xlsxData';

export type DataCell = XlsxCell;

export interface DataDir {
  tables: Record<string, DataCell[][]>;
  /** The file each table came from (students.csv, letters-log.xlsx …), for messages. */
  files: Record<string, string>;
  settings: SettingsOverrides;
  /** The QA calendar grid as schools have it (Word table as text), if present. */
  qaGrid?: string;
}

export const EXTRA_FILES: Record<string, string> = {
  'register-grid': 'Register Grid',
  'progress-wide': 'Progress Wide',
};

/** File name without extension → the tab it is for. */
export function dataFileNames(): Map<string, string> {
  const wanted = new Map<string, string>();
  // Only the tabs a school's data goes into; the add-on's own output tabs (Attendance, Homework
  // Tracker) are made by the jobs, never imported.
  for (const t of TABS) if (isImportableTab(t.name) || t.name === 'Attendance Summary' || t.name === 'Register') wanted.set(csvNameFor(t.name).replace(/\.csv$/, ''), t.name);
  for (const [f, t] of Object.entries(EXTRA_FILES)) wanted.set(f, t);
  return wanted;
}

/** One file's rows: CSV through the add-on's decoder, .xlsx through exceljs. */
export async function readDataFile(file: string): Promise<DataCell[][]> {
  const name = path.basename(file);
  if (/\.xlsx$/i.test(file)) {
    try {
      return (await readXlsxFile(file)).rows;
    } catch (e) {
      throw new Error(`${name}: cannot be read as an Excel workbook (${(e as Error).message}). Save it from Excel as "Excel Workbook (.xlsx)" or as CSV. Nothing was written.`);
    }
  }
  const parsed = readCsv(new Uint8Array(fs.readFileSync(file)));
  if (parsed.problems.length) throw new Error(`${name}: ${parsed.problems.join('; ')} Nothing was written.`);
  return parsed.rows;
}

export async function readDataDir(dir: string): Promise<DataDir> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`--data: "${dir}" is not a folder.`);
  const wanted = dataFileNames();
  const tables: Record<string, DataCell[][]> = {};
  const files: Record<string, string> = {};
  const names = fs.readdirSync(dir).sort();
  for (const file of names) {
    const old = /^(.*)\.xls$/i.exec(file);
    if (old && wanted.has(old[1].toLowerCase())) {
      throw new Error(`${file}: an old Excel .xls file. Open it in Excel and save it as "Excel Workbook (.xlsx)" or as CSV. Nothing was written.`);
    }
    const m = /^(.*)\.(csv|xlsx)$/i.exec(file);
    const tab = m ? wanted.get(m[1].toLowerCase()) : undefined;
    if (!tab) continue;
    if (files[tab]) throw new Error(`--data: both ${files[tab]} and ${file} are for the ${tab} tab — keep one of them. Nothing was written.`);
    const rows = await readDataFile(path.join(dir, file));
    const header = headerProblems(tab, rows);
    if (header.length) throw new Error(`${file}: ${header.join(' ')} Nothing was written.`);
    tables[tab] = rows;
    files[tab] = file;
  }
  if (!tables.Students) throw new Error(`--data: "${dir}" has no students.csv or students.xlsx (one file per tab, e.g. students.csv, staff.csv, attendance-marks.csv).`);
  const ignored = names.filter((f) => /\.(csv|xlsx)$/i.test(f) && !wanted.has(f.replace(/\.(csv|xlsx)$/i, '').toLowerCase()));
  if (ignored.length) process.stderr.write(`--data: not imported (not a tab the add-on imports): ${ignored.join(', ')}\n`);
  let settings: SettingsOverrides = {};
  const settingsFile = path.join(dir, 'settings.json');
  if (fs.existsSync(settingsFile)) {
    try {
      settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    } catch (e) {
      throw new Error(`settings.json: not valid JSON (${(e as Error).message}).`);
    }
    // The same checks as the Settings sidebar: a threshold of 197% stops the run here.
    const problems = validateSettings(withDefaults(settings));
    if (problems.length) throw new Error(`settings.json: ${problems.join(' ')} Nothing was written.`);
  }
  const gridFile = names.find((f) => /^qa-calendar.*\.txt$/i.test(f));
  return { tables, files, settings, qaGrid: gridFile ? fs.readFileSync(path.join(dir, gridFile), 'utf8') : undefined };
}

/**
 * A file whose header the importer cannot use (a required column missing, a header twice) stops
 * the run before anything is written — the same check the import makes, done first for every file.
 */
function headerProblems(tab: string, rows: unknown[][]): string[] {
  if (!rows.length) return ['the file is empty.'];
  if (tab === 'Register Grid') return parseRegisterGrid(rows.slice(0, 3)).headerMessages;
  if (tab === 'Attendance Summary') return parseAttendanceSummary(rows.slice(0, 1)).headerMessages;
  if (tab === 'Progress Wide') return wideProgressToLong(rows.slice(0, 1)).messages;
  if (isImportableTab(tab)) return parseTab(tab, rows.slice(0, 1)).headerMessages;
  return [];
}
