/**
 * Import a file (issue 16): the person chooses a CSV or .xlsx on their computer in the sidebar;
 * the browser reads it into rows (src/ui/lib) and sends them here in chunks small enough for
 * google.script.run. Nothing of the raw file is kept in the tracker: each chunk goes straight
 * through the same header matching, checks and merge by key as every import (importRows), values
 * are written as values (never evaluated), and refused rows go to the Import Problems tab.
 *
 * 1. `checkFileHeader` first, with the header rows only: a header the import cannot use stops
 *    here, before anything is written; otherwise it says which columns group rows into chunks.
 * 2. `importFileChunk` per chunk. The browser keeps every row of one pupil (or one key) in the
 *    same chunk — a pupil on roll twice is refused naming the first row, and a pupil's letter
 *    history stays together for its keys. A chunk that runs out of time answers `remaining`, and
 *    the browser sends it again: rows already written are matched by key, nothing doubles.
 *
 * The requests come from the browser, so they are untrusted: the caller is checked by the entry
 * point (settings level, src/entry/importFile.ts) and shapes and sizes here, before anything is read.
 */
import { TABS, tabDef, csvNameFor } from '../core/tabs';
import { isImportableTab, parseTab } from '../core/records/parse';
import { mapHeaders } from '../core/records/headers';
import { parseRegisterGrid } from '../core/records/registerGrid';
import { parseAttendanceSummary, SUMMARY_SPEC } from '../core/records/summaryImport';
import { wideProgressToLong } from '../core/records/progressWide';
import { formatRefusal } from '../core/records/refusal';
import { UserError } from '../core/errors';
import { importRows, REGISTER_GRID, PROGRESS_WIDE } from './importData';
import { registerLayout } from '../core/attendance/registerTab';
import { writeProblems, PROBLEMS_TAB } from './importProblems';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every kind of file the sidebar imports, in the order the person sees them. */
export const FILE_TARGETS: string[] = TABS.filter((t) => isImportableTab(t.name) || t.name === 'Attendance Summary' || t.name === 'Register')
  .map((t): string => t.name)
  .concat([REGISTER_GRID, PROGRESS_WIDE]);

/** A file's name (without extension) → the tab it is for: students → Students, letters-log → Letters Log. */
export function fileNames(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of FILE_TARGETS) {
    out[csvNameFor(t).replace(/\.csv$/, '')] = t;
    out[t.toLowerCase()] = t;
  }
  return out;
}

/** Cells per chunk the browser aims for, and the most this accepts in one call. */
export const CHUNK_CHARS = 400000;
export const MAX_CALL_CHARS = 2000000;
export const MAX_CALL_ROWS = 50000;


type Cell = string | number | boolean | null;

function checkTarget(raw: unknown): string {
  const t = String(raw || '');
  if (FILE_TARGETS.indexOf(t) < 0) throw new UserError(`Choose which tab the file is for (${FILE_TARGETS.join(', ')}).`);
  return t;
}

/** A grid of plain values from the browser; anything else is refused with a plain message. */
function checkGrid(raw: unknown, what: string, budget: { chars: number }): Cell[][] {
  if (!Array.isArray(raw)) throw new UserError(`The sidebar sent ${what} the add-on cannot read. Reload the sidebar and try again.`);
  return raw.map((row) => {
    if (!Array.isArray(row)) throw new UserError(`The sidebar sent ${what} the add-on cannot read. Reload the sidebar and try again.`);
    return row.map((v) => {
      if (v === null || v === undefined) return null;
      if (typeof v === 'number') {
        if (!isFinite(v)) throw new UserError(`The sidebar sent a number the add-on cannot store in ${what}.`);
        budget.chars += 12;
        return v;
      }
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string') {
        budget.chars += v.length + 3;
        if (budget.chars > MAX_CALL_CHARS) throw new UserError('Too much was sent in one go. Reload the sidebar and try again.');
        return v;
      }
      throw new UserError(`The sidebar sent ${what} the add-on cannot read. Reload the sidebar and try again.`);
    });
  });
}

export interface HeaderCheck {
  target: string;
  /** Empty when the file can be imported. */
  messages: string[];
  /** How many rows at the top are headers (a register grid may have a date row over AM/PM). */
  headerRows: number;
  /** Columns whose values keep rows together in one chunk (UPN, or the tab's key). */
  groupColumns: number[];
  /** Headers the tracker does not use (kept out, listed for the person). */
  unknownHeaders: string[];
}

/** Step 1: the header rows (up to 3) only. Nothing is written. */
export function checkFileHeader(ss: Spreadsheet, req: unknown): HeaderCheck {
  const r = (req || {}) as Record<string, unknown>;
  const target = checkTarget(r.target);
  const top = checkGrid(r.rows, 'the header', { chars: 0 }).slice(0, 3);
  const out: HeaderCheck = { target, messages: [], headerRows: 1, groupColumns: [], unknownHeaders: [] };
  if (!top.length || top[0].every((c) => c === null || String(c).trim() === '')) {
    out.messages.push(`The file's first row is empty: the first row must be the column headers (UPN, …).`);
    return out;
  }
  const header = top[0];
  const spec = isImportableTab(target) ? tabDef(target) : target === 'Attendance Summary' ? SUMMARY_SPEC : tabDef(target === REGISTER_GRID ? 'Attendance Marks' : target === 'Register' ? 'Register' : 'Progress');
  if (target === 'Register') {
    out.messages = registerLayout(top[0]).messages;
  } else if (target === REGISTER_GRID) {
    const g = parseRegisterGrid(top);
    out.messages = g.headerMessages;
    out.headerRows = g.headerRows;
    out.unknownHeaders = g.unknownHeaders;
  } else if (target === PROGRESS_WIDE) {
    out.messages = wideProgressToLong(top.slice(0, 1)).messages;
  } else if (target === 'Attendance Summary') {
    const s = parseAttendanceSummary(top.slice(0, 1));
    out.messages = s.headerMessages;
    out.unknownHeaders = s.unknownHeaders;
  } else {
    const p = parseTab(target as any, top.slice(0, 1));
    out.messages = p.headerMessages;
    out.unknownHeaders = p.unknownHeaders;
  }
  const map = mapHeaders(spec, header);
  const upn = map.columnIndex.upn;
  if (upn !== undefined) out.groupColumns = [upn];
  else if (isImportableTab(target)) {
    const key = tabDef(target).key.map((f) => map.columnIndex[f]);
    if (key.every((i) => i !== undefined)) out.groupColumns = key as number[];
  }
  return out;
}

export interface ChunkResult {
  tab: string;
  added: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** Rows of this chunk still to write (ran out of time): send the same chunk again. */
  remaining: number;
  /** Refused rows as one line each, "students.csv row 5, Surname "=…": why" (at most 50). */
  problems: string[];
  notes: string[];
  unknownHeaders: string[];
}

/** Step 2: one chunk — header rows, data rows and each data row's row number in the file. */
export function importFileChunk(ss: Spreadsheet, req: unknown): ChunkResult {
  const r = (req || {}) as Record<string, unknown>;
  const target = checkTarget(r.target);
  const file = String(r.file || 'file').replace(/[^\w .,()'-]+/g, '').slice(0, 120) || 'file';
  const budget = { chars: 0 };
  const header = checkGrid(r.header, 'the header', budget);
  const rows = checkGrid(r.rows, 'the rows', budget);
  if (!header.length || header.length > 3) throw new UserError('The sidebar sent no header row. Reload the sidebar and try again.');
  if (rows.length > MAX_CALL_ROWS) throw new UserError('Too many rows were sent in one go. Reload the sidebar and try again.');
  const rowNumbers = r.rowNumbers;
  if (!Array.isArray(rowNumbers) || rowNumbers.length !== rows.length || rowNumbers.some((n) => !Number.isInteger(n) || n < 2 || n > 10000000)) {
    throw new UserError('The sidebar sent rows without their row numbers. Reload the sidebar and try again.');
  }
  const first = r.first === true;
  // A chunk sent again after running out of time: its refusals were listed the first time.
  const again = r.again === true;
  let report;
  try {
    report = importRows(ss, target, (header as unknown[][]).concat(rows), { rowNumbers: rowNumbers as number[] });
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${file}: ${e.message} Nothing was imported from this file.`);
    throw e;
  }
  if (!again) writeProblems(ss, [{ file, tab: target, refusals: report.refusals, replace: first }]);
  const problems = report.refusals.slice().sort((a, b) => a.row - b.row).slice(0, 50).map((f) => formatRefusal(file, f));
  return {
    tab: report.tab,
    added: report.added,
    updated: report.updated,
    unchanged: report.unchanged,
    refused: report.refused,
    remaining: report.remaining,
    problems,
    notes: report.notes || [],
    unknownHeaders: report.unknownHeaders,
  };
}

export { PROBLEMS_TAB };
