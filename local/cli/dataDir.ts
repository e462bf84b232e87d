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
import { SettingsOverrides } from '../../src/core/settings';

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
  for (const t of TABS) wanted.set(csvNameFor(t.name), t.name);
  for (const [f, t] of Object.entries(EXTRA_FILES)) wanted.set(f, t);
  for (const file of fs.readdirSync(dir)) {
    const tab = wanted.get(file.toLowerCase());
    if (!tab) continue;
    const parsed = readCsv(new Uint8Array(fs.readFileSync(path.join(dir, file))));
    if (parsed.problems.length) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
    tables[tab] = parsed.rows as string[][];
  }
  if (!tables.Students) throw new Error(`--data: "${dir}" has no students.csv (one file per tab, e.g. students.csv, staff.csv, attendance-marks.csv).`);
  let settings: SettingsOverrides = {};
  const settingsFile = path.join(dir, 'settings.json');
  if (fs.existsSync(settingsFile)) {
    try {
      settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    } catch (e) {
      throw new Error(`settings.json: not valid JSON (${(e as Error).message}).`);
    }
  }
  const gridFile = fs.readdirSync(dir).find((f) => /^qa-calendar.*\.txt$/i.test(f));
  return { tables, settings, qaGrid: gridFile ? fs.readFileSync(path.join(dir, gridFile), 'utf8') : undefined };
}
