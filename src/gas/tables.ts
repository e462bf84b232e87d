/**
 * Reading and writing tracker tabs by header (SPEC §2, issue 3). The rules:
 * - a tab is read with ONE getDataRange().getValues() and written with one setValues per run of
 *   adjacent columns the add-on owns (never per pupil): calls do not grow with the roll;
 * - columns are found by header wherever staff moved them; columns the add-on does not own are
 *   never written for existing rows;
 * - rows are matched by key (UPN, or UPN + date + session …), never by position, on values read
 *   just before writing, so a sort or an inserted row since the job's first read changes nothing
 *   it shouldn't;
 * - every string written goes through toCell (formula-safe text).
 */
import { TabDef, TabName, tabDef, ColumnDef } from '../core/tabs';
import { mapHeaders, HeaderMap, columnLetter } from '../core/records/headers';
import { parseTab, ParseOptions, ParseResult, ImportableTab } from '../core/records/parse';
import { cellText, cellDate, cellValue, toCell, toSheetDate, Cell, fromSheetValues, useSpreadsheetZone } from './cells';
import { isDateValue } from '../core/records/ukDate';
import { UserError } from '../core/errors';
import { columnRuns } from '../core/collections';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function openTab(ss: Spreadsheet, name: string): Sheet {
  useSpreadsheetZone(ss);
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new UserError(`The tracker has no "${name}" tab. Run Pastoral Tracker → Set up tracker first.`);
  return sheet;
}

/**
 * All values of a tab, header row first ([] for an empty tab). One call for the range, one to read:
 * an empty sheet's data range is A1 alone, read as one blank cell (and a data range of no cells
 * would read as []), so asking getLastRow first would be a third call for nothing.
 */
export function readValues(sheet: Sheet): unknown[][] {
  const values = sheet.getDataRange().getValues();
  if (values.length === 1 && values[0].length === 1 && values[0][0] === '') return [];
  return fromSheetValues(values);
}

/**
 * Columns of a tab (0-based) read on their own into `have` (column → its values, header first, the
 * first `rows` rows): a read per run of adjacent columns, skipping those already there with as
 * many rows. The caller keeps `columns` within the tab's width.
 */
export function readColumnsInto(sheet: Sheet, columns: number[], rows: number, have: Map<number, unknown[]>): void {
  if (rows < 1) return;
  const missing = columns.filter((c) => !((have.get(c) || []).length >= rows));
  for (const [from, to] of columnRuns(missing)) {
    const values = fromSheetValues(sheet.getRange(1, from + 1, rows, to - from + 1).getValues());
    for (let k = 0; k <= to - from; k++) have.set(from + k, values.map((row) => row[k]));
  }
}

/**
 * Some columns of a tab, found by header: the header row, then each row with only those columns
 * filled ('' elsewhere), so a parser that looks columns up by header reads it as the whole tab.
 * A read per run of adjacent columns, not the whole width ([] for an empty tab; the header alone
 * when none of the columns is there). For a sidebar that needs two columns of a wide tab (the
 * Attendance tab's UPN and HoY Override: 4,000 cells at 2,000 pupils, not 64,000).
 */
export function readColumns(sheet: Sheet, def: TabDef, fields: string[]): unknown[][] {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return [];
  const header = fromSheetValues(sheet.getRange(1, 1, 1, lastCol).getValues())[0];
  const map = mapHeaders(def, header);
  const cols = fields.map((f) => map.columnIndex[f]).filter((c): c is number => c !== undefined);
  const rows: unknown[][] = [header];
  for (let r = 1; r < lastRow; r++) rows.push(new Array(lastCol).fill(''));
  if (lastRow < 2) return rows;
  for (const [a, b] of columnRuns(cols)) {
    const values = fromSheetValues(sheet.getRange(2, a + 1, lastRow - 1, b - a + 1).getValues());
    values.forEach((line, r) => line.forEach((v, i) => (rows[r + 1][a + i] = v)));
  }
  return rows;
}

/** Read and parse an importable tab into records (staff-typed rows that are wrong are refusals). */
export function readTab<K extends ImportableTab>(
  ss: Spreadsheet,
  name: K,
  opts: ParseOptions = {},
): ParseResult<import('../core/records/parse').TabRecords[K]> {
  return readSheetTab(openTab(ss, name), name, opts);
}

/** readTab on a sheet the caller already holds (saves looking the tab up twice). */
export function readSheetTab<K extends ImportableTab>(
  sheet: Sheet,
  name: K,
  opts: ParseOptions = {},
): ParseResult<import('../core/records/parse').TabRecords[K]> {
  return parseValues(readValues(sheet), name, opts);
}

/** readSheetTab on values the caller already has (a tab's kept copy: jobs/tabCopies.ts). */
export function parseValues<K extends ImportableTab>(
  values: unknown[][],
  name: K,
  opts: ParseOptions = {},
): ParseResult<import('../core/records/parse').TabRecords[K]> {
  if (!values.length) return { records: [], rows: [], refusals: [], unknownHeaders: [], headerMessages: [], fields: [] };
  const parsed = parseTab(name, values, opts);
  if (parsed.headerMessages.length) throw new UserError(parsed.headerMessages.join('\n'));
  return parsed;
}

/** The key of a row as text: dates as ISO, everything else trimmed text. */
function keyOfRow(row: unknown[], def: TabDef, map: HeaderMap): string {
  return def.key
    .map((f) => {
      const col = def.columns.find((c) => c.field === f) as ColumnDef;
      const v = row[map.columnIndex[f]];
      return col.kind === 'date' ? cellDate(v) : cellText(v).toUpperCase();
    })
    .join('\u0001');
}

function keyOfRecord(rec: Record<string, unknown>, def: TabDef): string {
  return def.key.map((f) => String(rec[f] ?? '').trim().toUpperCase()).join('\u0001');
}

function headerMapFor(def: TabDef, header: unknown[], fields: string[]): HeaderMap {
  const map = mapHeaders(def, header);
  const missing = fields.filter((f) => map.columnIndex[f] === undefined);
  if (missing.length || map.duplicated.length) {
    const names = missing.map((f) => def.columns.find((c) => c.field === f)?.header ?? f);
    throw new UserError(
      [
        ...names.map((h) => `${def.name}: no "${h}" column. Run Pastoral Tracker → Set up tracker to add it.`),
        ...map.duplicated.map((h) => `${def.name}: the header "${h}" appears twice. Rename or delete one of them.`),
      ].join('\n'),
    );
  }
  return map;
}

export interface UpsertResult {
  added: number;
  updated: number;
  cleared: number;
  /** New rows not written because `append.shouldStop` said the run is out of time (0 when done). */
  pending: number;
}

export interface AppendPlan {
  /** Rows per setValues when appending (a year of marks is written in pieces, not one call). */
  chunkRows: number;
  /** Asked before each chunk after the first: true stops (the caller resumes in a later run). */
  shouldStop?: () => boolean;
  /** Told after each chunk how many new rows are now in the sheet (for a checkpoint). */
  afterChunk?: (appendedSoFar: number) => void;
}

export interface UpsertOptions {
  /** Fields to write; default: the tab's owned columns (key fields are written for new rows). */
  fields?: string[];
  /** Rows already in the tab whose key is not in `records`: clear their written fields. */
  clearOthers?: boolean;
  /** Add rows for records not yet in the tab (default true). */
  addMissing?: boolean;
  /** Update rows already in the tab (default true); false for logs, which only ever grow. */
  updateExisting?: boolean;
  /** Append new rows in chunks (default: one setValues for all of them). */
  append?: AppendPlan;
}

/**
 * Write `records` into a tab by key: the given fields of matching rows are replaced, new keys are
 * appended as rows, every other cell is left exactly as it is. The tab is re-read here, just before
 * writing, so a sort or an inserted row since the job read it changes nothing it shouldn't.
 */
export function upsertByKey(ss: Spreadsheet, tabName: TabName, records: Record<string, unknown>[], opts: UpsertOptions = {}): UpsertResult {
  const sheet = openTab(ss, tabName);
  return writeByKey(sheet, tabDef(tabName), readValues(sheet), records, opts);
}

/** Header text of a field, for messages. */
function headerOf(def: TabDef, field: string): string {
  return def.columns.find((c) => c.field === field)?.header ?? field;
}

/**
 * The write half of upsertByKey, on values the caller has just read with readValues (an import
 * reads the tab once to merge and writes on the same values: one getValues per tab). `values` is
 * updated in place to what the sheet holds afterwards, appended rows included.
 */
export function writeByKey(
  sheet: Sheet,
  def: TabDef,
  values: unknown[][],
  records: Record<string, unknown>[],
  opts: UpsertOptions = {},
): UpsertResult {
  const fields = opts.fields ?? def.columns.filter((c) => c.owned && !def.key.includes(c.field)).map((c) => c.field);
  if (!values.length) throw new UserError(`${def.name}: the header row is missing. Run Pastoral Tracker → Set up tracker to add it.`);
  const header = values[0];
  const map = headerMapFor(def, header, [...def.key, ...fields]);
  const width = header.length;
  const kinds: Record<string, ColumnDef> = {};
  def.columns.forEach((c) => (kinds[c.field] = c));

  // Check first, then write: a record without its key cannot be matched, so nothing is written.
  // A key part whose column is optional may be blank (the Legal tab's Parent: a Notice to Improve
  // or an LA notification has none) as long as the rest of the key is there.
  const blankKeys: string[] = [];
  const requiredKey = (f: string) => !!(def.columns.find((c) => c.field === f) || { required: true }).required;
  records.forEach((rec, i) => {
    const blank = def.key.filter((f) => String(rec[f] ?? '').trim() === '');
    const refused = blank.length === def.key.length || blank.some(requiredKey);
    if (refused && blankKeys.length < 5) blankKeys.push(`record ${i + 1}: ${blank.map((f) => headerOf(def, f)).join(', ')}`);
  });
  if (blankKeys.length) {
    throw new UserError(`${def.name}: blank ${def.key.map((f) => headerOf(def, f)).join(' + ')} — a row is found by it, so nothing was written (${blankKeys.join('; ')}).`);
  }

  const rowOfKey = new Map<string, number>();
  for (let r = 1; r < values.length; r++) {
    const k = keyOfRow(values[r], def, map);
    // eslint-disable-next-line no-control-regex -- \u0001 joins the key's fields (it never appears in a cell)
    if (k.replace(/\u0001/g, '') !== '' && !rowOfKey.has(k)) rowOfKey.set(k, r);
  }

  const result: UpsertResult = { added: 0, updated: 0, cleared: 0, pending: 0 };
  const seen = new Set<number>();
  const fresh: Cell[][] = [];
  for (const rec of records) {
    const k = keyOfRecord(rec, def);
    const r = rowOfKey.get(k);
    if (r !== undefined) {
      seen.add(r);
      if (opts.updateExisting === false || r < 0) continue;
      let changed = false;
      for (const f of fields) {
        if (!(f in rec)) continue;
        const cell = cellValue(rec[f], kinds[f].kind); // escaped (toCell) only on the way out
        if (!sameCell(values[r][map.columnIndex[f]], cell)) changed = true;
        values[r][map.columnIndex[f]] = cell;
      }
      if (changed) result.updated++;
    } else if (opts.addMissing !== false) {
      const row: Cell[] = new Array(width).fill('');
      for (const f of [...def.key, ...fields]) {
        if (f in rec) row[map.columnIndex[f]] = cellValue(rec[f], kinds[f].kind);
      }
      fresh.push(row);
      rowOfKey.set(k, -1);
    }
  }
  if (opts.clearOthers) {
    for (let r = 1; r < values.length; r++) {
      if (seen.has(r)) continue;
      if (fields.some((f) => values[r][map.columnIndex[f]] !== '')) result.cleared++;
      for (const f of fields) values[r][map.columnIndex[f]] = '';
    }
  }

  // Existing rows: one setValues per run of adjacent written columns, with the re-read values.
  const existingRows = values.length - 1;
  if (existingRows > 0 && (result.updated > 0 || result.cleared > 0)) {
    for (const [first, last] of columnRuns(fields.map((f) => map.columnIndex[f]))) {
      const block = values.slice(1).map((row) => row.slice(first, last + 1).map(reWritable));
      sheet.getRange(2, first + 1, existingRows, last - first + 1).setValues(block);
    }
  }
  if (fresh.length) {
    const plan = opts.append ?? { chunkRows: fresh.length };
    const step = Math.max(1, plan.chunkRows);
    prepareRows(sheet, values.length + fresh.length, width);
    let done = 0;
    while (done < fresh.length) {
      if (done > 0 && plan.shouldStop && plan.shouldStop()) break;
      const block = fresh.slice(done, done + step);
      sheet.getRange(values.length + 1, 1, block.length, width).setValues(block.map((row) => row.map(reWritable)));
      for (const row of block) values.push(row);
      done += block.length;
      if (plan.afterChunk) plan.afterChunk(done);
    }
    result.added = done;
    result.pending = fresh.length - done;
  }
  return result;
}

/**
 * Append rows whose key is not yet in the tab (Letters Log, Interventions): never edits a row.
 * `optional`: fields written only where the tab has the column (a tracker set up before the
 * column existed keeps working, without it, until Set up tracker adds it).
 */
export function appendNewByKey(ss: Spreadsheet, tabName: TabName, records: Record<string, unknown>[], optional: string[] = []): number {
  const def = tabDef(tabName);
  const sheet = openTab(ss, tabName);
  const values = readValues(sheet);
  const present = values.length ? mapHeaders(def, values[0]).columnIndex : {};
  const allFields = Array.from(new Set(records.flatMap((r) => Object.keys(r)))).filter((f) => def.columns.some((c) => c.field === f));
  const fields = allFields.filter((f) => !def.key.includes(f) && (optional.indexOf(f) < 0 || present[f] !== undefined));
  return writeByKey(sheet, def, values, records, { fields, updateExisting: false }).added;
}

/** Replace a generated tab's whole content (tabs the add-on owns entirely, e.g. Homework Tracker). */
export function replaceContent(sheet: Sheet, grid: Cell[][]): void {
  const rows = grid.length;
  const cols = rows ? grid[0].length : 0;
  sheet.clearContents();
  if (!rows) return;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  sheet.getRange(1, 1, rows, cols).setValues(grid);
}

/** A tab growing past this many rows loses the blank columns right of its header (see prepareRows). */
const LONG_TAB_ROWS = 50000;

/**
 * Make the sheet `lastRow` rows tall, in one call. A long tab (a year of marks) first drops the
 * blank columns to the right of its data: a new tab has 26 columns, and 760,000 rows × 26 would be
 * 19.8 million cells — twice what a whole spreadsheet may hold. Only columns with no header and no
 * value are removed (getDataRange stops at the last column with content).
 */
function prepareRows(sheet: Sheet, lastRow: number, width: number): void {
  const maxRows = sheet.getMaxRows();
  if (lastRow <= maxRows) return;
  if (lastRow > LONG_TAB_ROWS) {
    const maxCols = sheet.getMaxColumns();
    if (maxCols > width) sheet.deleteColumns(width + 1, maxCols - width);
  }
  sheet.insertRowsAfter(maxRows, lastRow - maxRows);
}

/** A value read with getValues (or decided by a job), fit to write: text stays text (toCell). */
function reWritable(v: unknown): Cell {
  if (typeof v === 'string') return toCell(v, 'text');
  if (isDateValue(v)) return toSheetDate(v as Date); // values here are London-framed (readValues)
  return v as Cell;
}

function sameCell(a: unknown, b: unknown): boolean {
  if (isDateValue(a) && isDateValue(b)) return (a as Date).getTime() === (b as Date).getTime();
  return a === b;
}

export { columnLetter };
