/**
 * Reading a school's CSV exports for --data DIR: one file per tab, named after the tab in lower
 * case with hyphens (SPEC §8). The bytes go through the add-on's own decoder (src/core/records/
 * csv.ts: UTF-8 with or without BOM, Windows-1252, comma/semicolon/tab) — the same code the Sheets
 * import uses. A file that cannot be read stops the run naming the file, before anything is written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TABS, csvNameFor } from '../../src/core/tabs';
import { readCsv } from '../../src/core/records/csv';
import { parseTab, isImportableTab } from '../../src/core/records/parse';
import { parseRegisterGrid } from '../../src/core/records/registerGrid';
import { parseAttendanceSummary } from '../../src/core/records/summaryImport';
import { wideProgressToLong } from '../../src/core/records/progressWide';
import { SettingsOverrides, validateSettings, withDefaults } from '../../src/core/settings';

export interface DataDir {
  tables: Record<string, string[][]>;
  settings: SettingsOverrides;
  /** The QA calendar grid as schools have it (Word table as text), if present. */
  qaGrid?: string;
}

export const EXTRA_FILES: Record<string, string> = {
  'register-grid.csv': 'Register Grid',
  'progress-wide.csv': 'Progress Wide',
};

export function readDataDir(dir: string): DataDir {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`--data: "${dir}" is not a folder.`);
  const tables: Record<string, string[][]> = {};
  const wanted = new Map<string, string>();
  // Only the tabs a school's data goes into; the add-on's own output tabs (Attendance, Homework
  // Tracker) are made by the jobs, never imported.
  for (const t of TABS) if (isImportableTab(t.name) || t.name === 'Attendance Summary') wanted.set(csvNameFor(t.name), t.name);
  for (const [f, t] of Object.entries(EXTRA_FILES)) wanted.set(f, t);
  for (const file of fs.readdirSync(dir)) {
    const tab = wanted.get(file.toLowerCase());
    if (!tab) continue;
    const parsed = readCsv(new Uint8Array(fs.readFileSync(path.join(dir, file))));
    if (parsed.problems.length) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
    const header = headerProblems(tab, parsed.rows);
    if (header.length) throw new Error(`${file}: ${header.join(' ')} Nothing was written.`);
    tables[tab] = parsed.rows as string[][];
  }
  if (!tables.Students) throw new Error(`--data: "${dir}" has no students.csv (one file per tab, e.g. students.csv, staff.csv, attendance-marks.csv).`);
  const ignored = fs.readdirSync(dir).filter((f) => /\.csv$/i.test(f) && !wanted.has(f.toLowerCase()));
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
  const gridFile = fs.readdirSync(dir).find((f) => /^qa-calendar.*\.txt$/i.test(f));
  return { tables, settings, qaGrid: gridFile ? fs.readFileSync(path.join(dir, gridFile), 'utf8') : undefined };
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
