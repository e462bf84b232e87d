/**
 * A tab's rows (header row first, as getValues() or a CSV gives them) → typed records, and a
 * refusal for every row that could not be taken, naming its sheet row, column and value.
 * One code path for the Sheets import menu and the CLI's --data DIR.
 */
import { tabDef } from '../tabs';
import { classifyCode as nationalCodes } from '../attendance/codes';
import { mapHeaders } from './headers';
import { Refusal } from './refusal';
import { RowReader } from './rowReader';
import { ClassifyCode, SECONDARY_YEARS, YearRange, isBlank } from './cells';
import { BUILDERS, ImportableTab, TabRecords } from './tabParsers';
import { finishLettersLog } from './lettersLog';
import { TermDates } from '../settings';
import { IsoDate } from '../dates';
import { LetterLogEntry } from '../types';

export type { ImportableTab, TabRecords } from './tabParsers';

export interface ParseOptions {
  /** Attendance code check; defaults to the national 2024 table (core/attendance/codes). */
  classifyCode?: ClassifyCode;
  /** Sheet row number of rows[0] (the header row); 1 unless the data starts lower down. */
  firstRow?: number;
  /** Year groups accepted; 7–13 unless the school says otherwise. */
  years?: YearRange;
  /** Sheet row of each data row (rows[1…]) when they are not consecutive (a file sent in chunks). */
  rowNumbers?: number[];
  /** Letters Log: the school's half terms, to key imported non-ladder letters by half term. */
  halfTerms?: TermDates[];
  /** Letters Log on import: letters dated after this day are refused. */
  today?: IsoDate;
  /** Homework Log: the school's reasons (core/settings homeworkReasons); the default settings' otherwise. */
  homeworkReasons?: string[];
}

export interface ParseResult<T> {
  records: T[];
  /** Sheet row each record came from (same order as `records`), for later messages. */
  rows: number[];
  refusals: Refusal[];
  /** Headers the add-on does not know: kept in the sheet, never touched. */
  unknownHeaders: string[];
  /** Missing required or duplicated columns. When any, no row is read. */
  headerMessages: string[];
  /** Fields whose column was present: a merge updates only these (a missing column is not blank). */
  fields: string[];
  /** What the person should know about how the rows were read (not refusals). */
  notes?: string[];
}

export function isImportableTab(name: string): name is ImportableTab {
  return Object.prototype.hasOwnProperty.call(BUILDERS, name);
}

function keyText(record: Record<string, unknown>, fields: string[]): string {
  return fields.map((f) => String(record[f])).join('\u0001');
}

/**
 * Parse one tab. Blank rows are skipped. A row with any problem is refused whole (all its problems
 * listed); a row whose key (tabs.ts `key`, e.g. the UPN on Students) repeats an earlier row is
 * refused naming that row — a pupil is on roll once, a miss is recorded once.
 */
export function parseTab<K extends ImportableTab>(
  tabName: K,
  rows: unknown[][],
  opts: ParseOptions = {},
): ParseResult<TabRecords[K]> {
  const tab = tabDef(tabName);
  const firstRow = opts.firstRow || 1;
  const header = rows.length ? rows[0] : [];
  const map = mapHeaders(tab, header);
  const result: ParseResult<TabRecords[K]> = {
    records: [],
    rows: [],
    refusals: [],
    unknownHeaders: map.unknown,
    headerMessages: map.messages,
    fields: Object.keys(map.columnIndex),
  };
  if (tabName === 'Contacts' && ['name', 'forename', 'surname'].every((f) => map.columnIndex[f] === undefined)) {
    map.messages.push('Contacts: no contact name column (looked for Name, Contact Name, Guardian Name, Parent Name, or Contact Forename and Contact Surname).');
    result.headerMessages = map.messages;
  }
  if (map.messages.length) {
    result.refusals = map.messages.map((reason) => ({ row: firstRow, reason }));
    return result;
  }

  const ctx = { classifyCode: opts.classifyCode || nationalCodes, years: opts.years || SECONDARY_YEARS, homeworkReasons: opts.homeworkReasons };
  const build = BUILDERS[tabName] as (r: RowReader, c: typeof ctx) => TabRecords[K];
  const keyHeaders = tab.key.map((f) => (tab.columns.find((c) => c.field === f) || { header: f }).header);

  // Every row read first; then what needs the whole table (the Letters Log's keys); then the
  // same-key check, in sheet order.
  let built: TabRecords[K][] = [];
  let builtRows: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] || [];
    if (cells.every(isBlank)) continue;
    const sheetRow = opts.rowNumbers && opts.rowNumbers[i - 1] !== undefined ? opts.rowNumbers[i - 1] : firstRow + i;
    const reader = new RowReader(tab, map, cells, sheetRow);
    const record = build(reader, ctx);
    if (reader.problems.length) {
      result.refusals.push(...reader.problems);
      continue;
    }
    built.push(record);
    builtRows.push(sheetRow);
  }
  if (tabName === 'Letters Log') {
    const done = finishLettersLog(built as unknown as LetterLogEntry[], builtRows, { halfTerms: opts.halfTerms, today: opts.today });
    built = done.records as unknown as TabRecords[K][];
    builtRows = done.rows;
    result.refusals.push(...done.refusals);
    if (done.notes.length) result.notes = done.notes;
    if (map.columnIndex.key === undefined) result.fields.push('key'); // made here: written like a column the file had
  }

  const firstWithKey = new Map<string, number>();
  built.forEach((record, n) => {
    const sheetRow = builtRows[n];
    const key = keyText(record as unknown as Record<string, unknown>, tab.key);
    const earlier = firstWithKey.get(key);
    if (earlier !== undefined && tabName === 'Letters Log') {
      const l = record as unknown as LetterLogEntry;
      result.refusals.push({ row: sheetRow, column: 'Type', value: l.type,
        reason: `the same letter as row ${earlier} (${l.type} to ${l.upn}, key ${l.key}) — it is recorded once; delete one of them.` });
      return;
    }
    if (earlier !== undefined) {
      result.refusals.push({
        row: sheetRow,
        column: keyHeaders[0],
        value: tab.key.map((f) => String((record as unknown as Record<string, unknown>)[f])).join(', '),
        reason: `same ${keyHeaders.join(', ')} as row ${earlier} — it is recorded once; fix or delete one of them.`,
      });
      return;
    }
    firstWithKey.set(key, sheetRow);
    result.records.push(record);
    result.rows.push(sheetRow);
  });
  result.refusals.sort((a, b) => a.row - b.row);
  return result;
}
