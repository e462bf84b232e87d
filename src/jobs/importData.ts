/**
 * Imports (issues 3, 16): one code path for every way rows arrive — a file chosen in the Import a
 * file sidebar (jobs/importFile.ts, also what the CLI's --data does), or the paste path: a staging
 * tab named "Import - <Tab>", made by the add-on with every cell formatted as plain text before
 * the paste (UPNs keep their leading zeros, a pasted "=…" stays text), then "Import pasted data".
 *
 * Rows are merged into the tab by key: re-importing the same file changes nothing, an updated
 * file updates rows by key, and only the columns the file has are written. Refused rows go to the
 * Import Problems tab (jobs/importProblems.ts); a staging tab is removed after its import whatever
 * happened — only a big import still carrying on (time limit) keeps it until it is done.
 */
import { TabName, tabDef, TABS } from '../core/tabs';
import { parseTab, isImportableTab, ParseResult } from '../core/records/parse';
import { wideProgressToLong } from '../core/records/progressWide';
import { chooseFftTargets, FftChoice } from '../core/records/fftTargets';
import { FftBenchmark, RUN_BUDGET_MS, homeworkReasons } from '../core/settings';
import { loadSettings } from '../gas/settingsStore';
import { parseAttendanceSummary } from '../core/records/summaryImport';
import { mergeByKey, importReport, ImportReport } from '../core/records/merge';
import { startClock, Elapsed, todayIso } from '../gas/clock';
import { scheduleContinuation } from '../gas/triggers';
import { Refusal } from '../core/records/refusal';
import { openTab, readValues, writeByKey } from '../gas/tables';
import { ensureTab } from '../gas/setupTabs';
import { IsoDate } from '../core/dates';
import { writeProblems, ProblemsWrite } from './importProblems';
import { Checkpoint, fingerprintOf } from '../core/importCheckpoint';
import { importCheckpointKey } from '../core/state';
import { noteTrackerChanged } from './imported';
import { keepCopyAfterImport } from './tabCopies';
import { UserError } from '../core/errors';
import { StateStore, documentState } from '../gas/properties';
import { importMarks } from './importMarks';

export const STAGING_PREFIX = 'Import - ';
/** Staging for the wide register grid (a column per date and session). */
export const REGISTER_GRID = 'Register Grid';
/** Staging for a marksheet with one column per subject (issue 8); imported into Progress. */
export const PROGRESS_WIDE = 'Progress Wide';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Create (or find) the staging tab for `target`, formatted as plain text — every time, so the
 * paste that follows lands in plain-text cells (a pasted "=…" stays text, UPNs keep their zeros).
 */
export function stagingTab(ss: Spreadsheet, target: string): GoogleAppsScript.Spreadsheet.Sheet {
  const name = STAGING_PREFIX + target;
  const sheet = ss.getSheetByName(name) || ss.insertSheet(name);
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).setNumberFormat('@');
  return sheet;
}

/** The staging tab of the QA calendar's Word grid has its own import (QA calendar menu). */
const OWN_IMPORT = ['QA Calendar Grid'];

export function stagedTargets(ss: Spreadsheet): string[] {
  return ss
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => n.startsWith(STAGING_PREFIX))
    .map((n) => n.slice(STAGING_PREFIX.length))
    .filter((t) => OWN_IMPORT.indexOf(t) < 0);
}

/** Cells per setValues when appending: 100,000 marks (4 columns) a call. */
export const CHUNK_CELLS = 400000;

export interface ImportOptions {
  /** Time this run has used so far (default: the real clock from the start of the import). */
  elapsed?: Elapsed;
  /** Stop starting new chunks after this long (default 4.5 minutes of Apps Script's 6). */
  budgetMs?: number;
  /** Cells per append call (default CHUNK_CELLS). */
  chunkCells?: number;
  /** Progress imports: the FFT benchmark whose column is the Target (default: the settings'). */
  benchmark?: FftBenchmark;
  /** Letters Log imports: today (letters dated later are refused; default: the clock). */
  today?: IsoDate;
  /**
   * Sheet/file row of each data row (rows[1…]) when they are not consecutive — a file sent in
   * chunks grouped by pupil (jobs/importFile.ts). Refusals and notes name these rows.
   */
  rowNumbers?: number[];
  /** Where a big import's checkpoint is kept (the document's properties by default). */
  state?: StateStore;
}

export interface ImportResult extends ImportReport {
  /** Rows parsed and waiting to be written by the next run (0 when the import is complete). */
  remaining: number;
  /** How many runs this import has taken, this one included. */
  runs: number;
}

/**
 * Import one table of rows (header first) into its tab. Nothing is written if the header is wrong.
 * The tab is read once (one getValues), merged by key, and written once: one setValues per run
 * of changed columns, and new rows appended in chunks of CHUNK_CELLS. When the run is running out
 * of time the rest waits, with a checkpoint: importing the same data again carries on (rows
 * already written are matched by key, so nothing is written twice) and the report counts the
 * whole import.
 */
export function importRows(ss: Spreadsheet, target: string, rows: unknown[][], opts: ImportOptions = {}): ImportResult {
  // Session marks, long or wide, go into the Register (jobs/importMarks.ts).
  if (target === 'Attendance Marks') return importMarks(ss, rows, 'long', opts);
  if (target === 'Register') return importMarks(ss, rows, 'register', opts);
  if (target === REGISTER_GRID) {
    const report = importMarks(ss, rows, 'grid', opts);
    if (opts.rowNumbers) report.refusals = report.refusals.map((r) => ({ ...r, row: fileRow(r.row, rows.length - opts.rowNumbers!.length, opts.rowNumbers!) }));
    return report;
  }
  const elapsed = opts.elapsed ?? startClock();
  let tab = target as TabName; // each branch below that does not throw is a tab of core/tabs.ts
  let parsed: ParseResult<any>;
  // Progress: which column is the Target (the FFT benchmark chosen in the settings, or the file's own).
  let fft: FftChoice | null = null;
  if (target === PROGRESS_WIDE) {
    tab = 'Progress';
    fft = chooseFftTargets(rows, opts.benchmark ?? loadSettings().progress.benchmark, 'wide');
    const wide = wideProgressToLong(fft.rows);
    if (wide.messages.length) throw new UserError(wide.messages.join('\n'));
    parsed = parseTab('Progress', wide.rows);
    // Refusals name the marksheet's row, not the row of the long form made from it.
    parsed.refusals = parsed.refusals.map((r) => (r.row >= 2 && wide.sourceRows[r.row - 2] ? { ...r, row: wide.sourceRows[r.row - 2] } : r));
  } else if (target === 'Attendance Summary') {
    const s = parseAttendanceSummary(rows);
    parsed = { records: s.records, rows: [], refusals: s.refusals, unknownHeaders: s.unknownHeaders, headerMessages: s.headerMessages, fields: ['upn', 'possible', 'attended', 'authorised', 'unauthorised'] };
  } else if (target === 'Progress') {
    fft = chooseFftTargets(rows, opts.benchmark ?? loadSettings().progress.benchmark, 'long');
    parsed = parseTab('Progress', fft.rows);
  } else if (isImportableTab(target)) {
    const settings = target === 'Letters Log' || target === 'Homework Log' ? loadSettings() : null;
    parsed = parseTab(target, rows, {
      rowNumbers: opts.rowNumbers,
      ...(settings && target === 'Letters Log' ? { halfTerms: settings.calendar.halfTerms, today: opts.today ?? todayIso() } : {}),
      ...(settings && target === 'Homework Log' ? { homeworkReasons: homeworkReasons(settings) } : {}),
    });
  } else {
    throw new UserError(`"${target}" is not a tab the add-on imports. Name the staging tab "${STAGING_PREFIX}" followed by one of: ${TABS.map((t) => t.name).join(', ')}, ${REGISTER_GRID}, ${PROGRESS_WIDE}.`);
  }
  if (parsed.headerMessages.length) throw new UserError(parsed.headerMessages.join('\n'));
  // Parsers that number rows by position (grid, summary, wide marksheet): the file's own rows.
  const numberedByParser = isImportableTab(target) && target !== 'Progress';
  if (opts.rowNumbers && !numberedByParser) {
    parsed.refusals = parsed.refusals.map((r) => ({ ...r, row: fileRow(r.row, rows.length - opts.rowNumbers!.length, opts.rowNumbers!) }));
  }

  const def = tabDef(tab);
  ensureTab(ss, def);
  const sheet = openTab(ss, tab);
  const values = readValues(sheet); // the one read of the tab: merged and written on these values
  const existing = values.length > 1 ? readExisting(tab, values) : [];
  const fields = parsed.fields.filter((f) => f !== 'row');
  const merged = mergeByKey(existing, parsed.records, def.key, { fields });
  const changed = [...merged.updated, ...merged.added] as Record<string, unknown>[];

  const state = opts.state || documentState();
  const cpKey = importCheckpointKey(target);
  const fingerprint = fingerprintOf(parsed.records as Record<string, unknown>[], def.key);
  const saved = state.get(cpKey);
  const before: Checkpoint = saved && saved.fingerprint === fingerprint ? saved : { fingerprint, added: 0, updated: 0, runs: 0 };

  let written = { added: 0, updated: 0, pending: 0 };
  if (changed.length) {
    const budget = opts.budgetMs ?? RUN_BUDGET_MS;
    const width = Math.max(1, (values[0] || []).length);
    written = writeByKey(sheet, def, values, changed, {
      fields: fields.filter((f) => !def.key.includes(f)),
      append: { chunkRows: Math.max(1, Math.floor((opts.chunkCells ?? CHUNK_CELLS) / width)), shouldStop: () => elapsed() > budget },
    });
  }
  if (written.added + written.updated > 0) noteTrackerChanged(state, tab);
  // Complete: the sidebars' copy of the tab, kept now rather than read whole at their next call.
  if (written.pending === 0) keepCopyAfterImport(ss, tab, opts.today ?? todayIso(), state);
  const now: Checkpoint = { fingerprint, added: before.added + written.added, updated: before.updated + written.updated, runs: before.runs + 1 };
  if (written.pending > 0) state.set(cpKey, now);
  else if (saved) state.set(cpKey, null);

  const report = importReport(tab, merged, parsed as any);
  // Rows an earlier run of this import wrote are not "unchanged": count them as what they were.
  report.added = now.added;
  report.updated = now.updated;
  report.unchanged = Math.max(0, merged.unchanged.length - before.added - before.updated);
  if (parsed.notes && parsed.notes.length) report.notes = parsed.notes.slice();
  if (fft && fft.note) {
    report.notes = (report.notes || []).concat(fft.note);
    // The wide form dropped the unused benchmark columns: list them with the columns not used.
    for (const u of fft.unused) if (report.unknownHeaders.indexOf(u) < 0) report.unknownHeaders = report.unknownHeaders.concat(u);
  }
  return { ...report, remaining: written.pending, runs: now.runs };
}

/** A position-based row (header rows first, 1-based) → the row in the person's file. */
function fileRow(position: number, headerRows: number, rowNumbers: number[]): number {
  const i = position - 1 - headerRows;
  return i >= 0 && i < rowNumbers.length ? rowNumbers[i] : position;
}

function readExisting(tab: string, values: unknown[][]): Record<string, unknown>[] {
  if (tab === 'Attendance Summary') return parseAttendanceSummary(values).records as any;
  if (!isImportableTab(tab)) return [];
  return parseTab(tab, values).records as any;
}

export interface StagedImportResult {
  reports: ImportResult[];
  refusals: { tab: string; refusal: Refusal }[];
  /** Imports that ran out of time and will carry on (tab, rows still to write). */
  paused: { tab: string; remaining: number }[];
  /** When paused: whether a continuation trigger was set (false: run "Import pasted data" again). */
  continuationScheduled: boolean;
}

/** The function a continuation trigger calls (src/entry/data.ts). */
export const CONTINUE_IMPORT = 'continueImport';

/**
 * Import every "Import - …" staging tab, Students first. Each staging tab is removed once its
 * import has finished, whatever it found (rows imported, rows refused, a header it could not use):
 * pupil data never waits in a tab nobody looks after. Refused rows go to the Import Problems tab
 * first, so a crash between the two loses nothing. A tab stays only while its import has not
 * finished — it ran out of time (a one-off trigger carries on a minute later, or the person runs
 * the import again) or it stopped on an unexpected error (running the import again carries on:
 * rows already written are matched by key).
 */
export function importStaged(ss: Spreadsheet, opts: ImportOptions = {}): StagedImportResult {
  const elapsed = opts.elapsed ?? startClock();
  const budget = opts.budgetMs ?? RUN_BUDGET_MS;
  const result: StagedImportResult = { reports: [], refusals: [], paused: [], continuationScheduled: false };
  // Students first: other tabs are checked against the roll.
  const order = (t: string) => (t === 'Students' ? 0 : t === 'Staff' ? 1 : 2);
  for (const target of stagedTargets(ss).sort((a, b) => order(a) - order(b))) {
    if (result.reports.length && elapsed() > budget) { // the first tab always starts: every run makes progress
      result.paused.push({ tab: target, remaining: -1 }); // not started this run
      continue;
    }
    const sheet = ss.getSheetByName(STAGING_PREFIX + target) as GoogleAppsScript.Spreadsheet.Sheet;
    let report: ImportResult;
    try {
      report = importRows(ss, target, stagedValues(sheet), { ...opts, elapsed, budgetMs: budget });
    } catch (e) {
      if (!(e instanceof UserError)) throw e; // unexpected: the tab stays for the next run
      // A header it cannot use: nothing was imported; the message says what to fix.
      report = { tab: target, added: 0, updated: 0, unchanged: 0, refused: 0, refusals: [], unknownHeaders: [], headerMessages: e.message.split('\n'), remaining: 0, runs: 1 };
    }
    result.reports.push(report);
    report.refusals.forEach((r) => result.refusals.push({ tab: target, refusal: r }));
    if (report.remaining > 0) {
      result.paused.push({ tab: target, remaining: report.remaining });
      continue;
    }
    const problems: ProblemsWrite = { file: `pasted into ${STAGING_PREFIX}${target}`, tab: target, refusals: report.refusals, replace: true };
    if (!report.headerMessages.length) writeProblems(ss, [problems]);
    ss.deleteSheet(sheet);
  }
  if (result.paused.length) result.continuationScheduled = scheduleContinuation(ss, CONTINUE_IMPORT);
  return result;
}

/** One line for the person when an import is carrying on in a later run. */
export function describePause(result: StagedImportResult): string {
  if (!result.paused.length) return '';
  const what = result.paused
    .map((p) => (p.remaining >= 0 ? `${p.tab} (${p.remaining} rows to go)` : `${p.tab} (not started)`))
    .join(', ');
  return result.continuationScheduled
    ? `Still importing ${what}: Apps Script allows 6 minutes a run, so the import carries on by itself in a minute. Leave the "${STAGING_PREFIX}" tabs as they are.`
    : `Still importing ${what}: Apps Script allows 6 minutes a run. Choose Import pasted data again to carry on where it stopped.`;
}

/**
 * A staging tab's cells as the person pasted them. A pasted "=IMPORTXML(…)" may have become a
 * formula in the staging tab; what was pasted is its text, so that text is imported (and stored
 * as text), never the formula's result. One getFormulas for the whole tab.
 */
function stagedValues(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  if (sheet.getLastRow() === 0) return [];
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  for (let r = 0; r < formulas.length; r++) {
    for (let c = 0; c < formulas[r].length; c++) if (formulas[r][c] !== '') values[r][c] = formulas[r][c];
  }
  return values;
}
