/**
 * Reading a long tab through its kept copy, for the whole-school sidebars (core/tabCopy.ts): the
 * Contacts tab and the Homework Log, which the letter preview needs whole and which at 2,000 pupils
 * are 40,000 to 80,000 and 200,000 cells; and the Register (84,000 a year) and Lates to Lesson,
 * which a sidebar reads when it must review attendance afresh (a Letters Log row typed by hand).
 *
 * A copy stands only while no import into its tab has come since (an import of marks leaves the
 * Homework Log's copy standing). A call reads the Tab Copies tab once (about 70 cells), then per
 * tab its size, its header row and the row where the copy ends: when they agree with the copy, the
 * copy's values are used, with any rows added below since read and added, and for the Register the
 * latest weeks' columns read again (see REGISTER). Otherwise the tab is read whole. What
 * was read is kept for the next call afterwards, unless a job holds the lock (a sidebar's write is
 * better skipped than made to wait).
 *
 * An import into one of these tabs keeps its copy when it completes (`keepCopyAfterImport`), so
 * the first sidebar call after an import need not read it whole either.
 *
 * Only sidebars read through copies. A letter run, the reviews and the refreshes read every tab
 * whole: what they decide is what families receive. A letter run that refuses because the letters
 * changed since its preview keeps copies of the long tabs it read whole (`wholeReader`), so the
 * next preview need not read them whole again.
 */
import { TabCopy, TAB_COPY_VERSION, copyCheck, sameValues, shapeStale } from '../core/tabCopy';
import { importCounts, noteTrackerChanged } from './imported';
import { IsoDate } from '../core/dates';
import { recentWeekColumns } from '../core/attendance/registerTab';
import { hasTabCopy, readTabCopies, writeTabCopy } from '../gas/tabCopiesTab';
import { readColumnsInto, readValues } from '../gas/tables';
import { fromSheetValues } from '../gas/cells';
import { ifDocumentUnlocked } from '../gas/lock';
import { StateStore, documentState } from '../gas/properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The tabs the sidebars read through copies: long, and read whole by the letter preview (Contacts,
 * the Homework Log) or by a sidebar that must review attendance afresh (the Register, Lates to
 * Lesson, Attendance Summary).
 */
export const COPIED_TABS = ['Contacts', 'Homework Log', 'Register', 'Lates to Lesson', 'Attendance Summary'];

/**
 * The Register is edited in place, not at its foot: a day's marks go into the latest week's column,
 * by import or by hand. So its copy is read with the latest weeks' columns read again (the week it
 * was made, the week before and every week after: core/attendance/registerTab.ts
 * recentWeekColumns), 2,000 cells a week at 2,000 pupils. A mark corrected in an older week since
 * the copy was made is not seen: the morning run writes the copy again each day (`refreshCopy`),
 * and the letter run reads the Register whole and stops when its letters differ from the preview's.
 */
const REGISTER = 'Register';

export interface CopyReader {
  /**
   * The tab's values as readValues gives them: through its copy when it is one of the copied tabs,
   * read whole otherwise; each tab once per reader (one sidebar call).
   */
  valuesOf(name: string, sheet: Sheet): unknown[][];
  /**
   * Some columns of the tab (0-based), every row, header first ([] when one is past its width):
   * read once per reader, and used again when the Register's copy reads its latest weeks again.
   */
  columnsOf(name: string, sheet: Sheet, columns: number[]): unknown[][];
  /** Keeps the copies read whole or extended, unless a job holds the lock. */
  keep(): void;
}

/** What a copy of `tab` is keyed by: its import count (an import can change any row). */
function copyGeneration(tab: string, state?: StateStore): string {
  return importCounts([tab], state);
}

/** A copy of `tab` read now, on `asOf`. */
function copyOf(tab: string, values: unknown[][], asOf: IsoDate, state?: StateStore): TabCopy {
  return { version: TAB_COPY_VERSION, tab, generation: copyGeneration(tab, state), madeOn: asOf, values };
}

/**
 * The copy's values with the Register's latest weeks read again from the tab (see REGISTER), or
 * taken from `have` when this call has read those columns already (the kept review's check).
 */
function withRecentWeeks(sheet: Sheet, values: unknown[][], madeOn: IsoDate, have: Map<number, unknown[]>): unknown[][] {
  if (values.length < 2) return values;
  const columns = recentWeekColumns(values[0], madeOn);
  readColumnsInto(sheet, columns, values.length, have);
  const out = values.map((row) => row.slice());
  for (const c of columns) {
    const column = have.get(c) as unknown[];
    for (let r = 1; r < values.length; r++) out[r][c] = column[r];
  }
  return out;
}

/** Columns of a tab as their own grid, every row, header first, from the tab's values or `have`. */
function columnsGrid(sheet: Sheet, columns: number[], whole: unknown[][] | undefined, have: Map<number, unknown[]>): unknown[][] {
  const lastRow = sheet.getLastRow();
  if (!columns.length || lastRow < 1 || columns.some((c) => c >= sheet.getLastColumn())) return [];
  if (whole) return whole.map((row) => columns.map((c) => row[c]));
  readColumnsInto(sheet, columns, lastRow, have);
  return Array.from({ length: lastRow }, (_, r) => columns.map((c) => (have.get(c) as unknown[])[r]));
}

/**
 * An import into a copied tab, once complete, reads the tab whole and keeps its copy, so the first
 * sidebar call after the import does not (the import is a menu job with minutes to spend; a
 * sidebar has a second). Nothing is written when the kept copy is of this import count and holds
 * what the tab holds (a re-run of an import that changed nothing). When it is of this count but
 * the tab differs — an import that died after its rows were saved and before it counted them, so
 * its re-run found nothing to write — the change is counted now, so neither a copy nor the kept
 * review goes on standing for the tab as it was. Returns whether it kept a copy.
 */
export function keepCopyAfterImport(ss: Spreadsheet, tab: string, asOf: IsoDate, state: StateStore = documentState()): boolean {
  if (COPIED_TABS.indexOf(tab) < 0) return false;
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return false;
  const values = readValues(sheet);
  const kept = readTabCopies(ss, [tab]).get(tab);
  if (kept && kept.generation === copyGeneration(tab, state)) {
    if (sameValues(kept.values, values)) return false;
    noteTrackerChanged(state, tab);
  }
  writeTabCopy(ss, copyOf(tab, values, asOf, state));
  return true;
}

/**
 * The morning run reads the Register whole for its attendance review: when the sidebars already
 * keep a copy of it, the run writes it again (jobs/daily.ts), so a sidebar that must review afresh
 * today (after a Letters Log row typed by hand) sees a mark corrected in an older week yesterday,
 * and reads only this week's and last week's columns again. In the morning run, not in the review
 * job: *Review attendance* stays within its 10 seconds at 2,000 pupils over two years, and the
 * trigger has minutes to spare. No copy yet, none made.
 */
export function refreshCopy(ss: Spreadsheet, tab: string, values: unknown[][], asOf: IsoDate): boolean {
  if (COPIED_TABS.indexOf(tab) < 0 || !hasTabCopy(ss, tab)) return false;
  writeTabCopy(ss, copyOf(tab, values, asOf));
  return true;
}

export function copyReader(ss: Spreadsheet, tabs: string[], asOf: IsoDate): CopyReader {
  const wanted = tabs.filter((t) => COPIED_TABS.indexOf(t) >= 0);
  // Before the reads: an import landing during them leaves a copy out of date, never the other way round.
  const generations = new Map(wanted.map((t) => [t, copyGeneration(t)] as [string, string]));
  let copies: Map<string, TabCopy> | null = null;
  const read = new Map<string, unknown[][]>();
  // Columns read on their own in this call, by tab (the kept review's check of the latest weeks).
  const columnReads = new Map<string, Map<number, unknown[]>>();
  const haveOf = (name: string) => {
    if (!columnReads.has(name)) columnReads.set(name, new Map());
    return columnReads.get(name) as Map<number, unknown[]>;
  };
  const toKeep: TabCopy[] = [];

  const valuesOf = (name: string, sheet: Sheet): unknown[][] => {
    // A sidebar that finds the kept review out of date reviews afresh, asking for the same tabs
    // again: within one call each tab is read once (nothing writes to it in between).
    const again = read.get(name);
    if (again) return again;
    if (wanted.indexOf(name) < 0) {
      const whole = readValues(sheet);
      read.set(name, whole);
      return whole;
    }
    if (!copies) copies = readTabCopies(ss, wanted);
    const copy = copies.get(name) || null;
    const generation = generations.get(name) as string;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    let values: unknown[][] | null = null;
    if (copy && !shapeStale(copy, generation, lastRow, lastColumn)) {
      const rows = copy.values.length;
      const header = fromSheetValues(sheet.getRange(1, 1, 1, lastColumn).getValues())[0];
      const atCopysLast = rows === 1 ? header : fromSheetValues(sheet.getRange(rows, 1, 1, lastColumn).getValues())[0];
      const use = copyCheck(copy, { generation, lastRow, lastColumn, header, atCopysLast });
      // The Register's copy from before madeOn was kept is read whole: it cannot say which weeks are recent.
      // From the earlier of the copy's day and today: a copy kept on a later day than the one asked
      // about (a dry run's or a test's simulated day) still has that day's latest weeks read again,
      // as the kept review's check reads them.
      const since = copy.madeOn && copy.madeOn < asOf ? copy.madeOn : asOf;
      const recent = name !== REGISTER ? (v: unknown[][]) => v : copy.madeOn ? (v: unknown[][]) => withRecentWeeks(sheet, v, since, haveOf(name)) : null;
      if (recent && 'use' in use && use.use === 'same') {
        const same = recent(copy.values);
        read.set(name, same);
        return same;
      }
      if (recent && 'use' in use && use.use === 'extend') {
        // Rows added below the copy since (a miss logged this morning): read and added.
        const added = fromSheetValues(sheet.getRange(use.from, 1, lastRow - use.from + 1, lastColumn).getValues());
        values = recent(copy.values).concat(added);
      }
    }
    if (!values) values = readValues(sheet);
    toKeep.push({ version: TAB_COPY_VERSION, tab: name, generation, madeOn: asOf, values });
    read.set(name, values);
    return values;
  };

  return {
    valuesOf,
    columnsOf: (name, sheet, columns) => columnsGrid(sheet, columns, read.get(name), haveOf(name)),
    keep: () => {
      if (toKeep.length) ifDocumentUnlocked(() => toKeep.forEach((c) => writeTabCopy(ss, c)));
      toKeep.length = 0;
    },
  };
}

/**
 * The letter run reads every tab whole. When it refuses because the letters changed since the
 * preview (something the preview's copies could not see, such as a cell edited in the middle of the
 * Homework Log), it keeps copies of the long tabs as it read them (`keep`), so the next preview
 * reads their copies instead of every tab whole. The run holds the document lock, so no import
 * lands between its read and its keep. Copies of long tabs it did not read (the Homework Log, for
 * an AT1 run) stand as they were.
 */
export function wholeReader(ss: Spreadsheet, asOf: IsoDate): CopyReader {
  const read = new Map<string, unknown[][]>();
  const valuesOf = (name: string, sheet: Sheet): unknown[][] => {
    const again = read.get(name);
    if (again) return again;
    const whole = readValues(sheet);
    read.set(name, whole);
    return whole;
  };
  return {
    valuesOf,
    columnsOf: (name, sheet, columns) => columnsGrid(sheet, columns, valuesOf(name, sheet), new Map()),
    keep: () => {
      for (const tab of COPIED_TABS) {
        const values = read.get(tab);
        if (values) writeTabCopy(ss, copyOf(tab, values, asOf));
      }
    },
  };
}
