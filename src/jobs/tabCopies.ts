/**
 * Reading a long tab through its kept copy, for the whole-school sidebars (core/tabCopy.ts): the
 * Contacts tab and the Homework Log, which the letter preview needs whole and which at 2,000 pupils
 * are 40,000 to 80,000 and 200,000 cells; and the Register (84,000 a year) and Lates to Lesson,
 * which a sidebar reads when it must review attendance afresh (a Letters Log row typed by hand).
 *
 * A copy stands only while no import into its tab has come since (an import of marks leaves the
 * Homework Log's copy standing) and no letter run has found its letters changed since the preview.
 * A call reads the Tab Copies tab once (about 70 cells), then per tab its size, its header row and
 * the row where the copy ends: when they agree with the copy, the copy's values are used, with any
 * rows added below since read and added. Otherwise the tab is read whole, as without a copy. What
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
import { noteTrackerChanged, tabImportCount } from './imported';
import { IsoDate } from '../core/dates';
import { hasTabCopy, readTabCopies, writeTabCopy } from '../gas/tabCopiesTab';
import { readValues } from '../gas/tables';
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
 * Copies that stand for one day only: what the attendance review reads. The morning's review read
 * them whole, and a mark typed by hand since is seen by neither the kept review nor the copy (the
 * run checks its letters against the preview's); a copy from an earlier day could hold less than
 * the morning's review saw.
 */
const FOR_A_DAY = ['Register', 'Lates to Lesson', 'Attendance Summary'];

export interface CopyReader {
  /**
   * The tab's values as readValues gives them: through its copy when it is one of the copied tabs,
   * read whole otherwise; each tab once per reader (one sidebar call).
   */
  valuesOf(name: string, sheet: Sheet): unknown[][];
  /** Keeps the copies read whole or extended, unless a job holds the lock. */
  keep(): void;
}

/** What a copy of `tab` read now on `asOf` is keyed by: its import count, and the day when it stands for a day. */
function copyGeneration(tab: string, asOf: IsoDate, state?: StateStore): string {
  return tabImportCount(tab, state) + (FOR_A_DAY.indexOf(tab) >= 0 ? `|${asOf}` : '');
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
  if (kept && kept.generation === copyGeneration(tab, asOf, state)) {
    if (sameValues(kept.values, values)) return false;
    noteTrackerChanged(state, tab);
  }
  writeTabCopy(ss, { version: TAB_COPY_VERSION, tab, generation: copyGeneration(tab, asOf, state), values });
  return true;
}

/**
 * The morning run reads the Register whole for its attendance review: when the sidebars already
 * keep a copy of it, the run writes it again for the day (jobs/daily.ts), so the first sidebar that
 * must review afresh today (after a Letters Log row typed by hand) need not read the Register whole.
 * In the morning run, not in the review job: *Review attendance* stays within its 10 seconds at
 * 2,000 pupils over two years, and the trigger has minutes to spare. No copy yet, none made.
 */
export function refreshCopy(ss: Spreadsheet, tab: string, values: unknown[][], asOf: IsoDate): boolean {
  if (COPIED_TABS.indexOf(tab) < 0 || !hasTabCopy(ss, tab)) return false;
  writeTabCopy(ss, { version: TAB_COPY_VERSION, tab, generation: copyGeneration(tab, asOf), values });
  return true;
}

export function copyReader(ss: Spreadsheet, tabs: string[], asOf: IsoDate): CopyReader {
  const wanted = tabs.filter((t) => COPIED_TABS.indexOf(t) >= 0);
  // Before the reads: an import landing during them leaves a copy out of date, never the other way round.
  const generations = new Map(wanted.map((t) => [t, copyGeneration(t, asOf)] as [string, string]));
  let copies: Map<string, TabCopy> | null = null;
  const read = new Map<string, unknown[][]>();
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
      if ('use' in use && use.use === 'same') {
        read.set(name, copy.values);
        return copy.values;
      }
      if ('use' in use && use.use === 'extend') {
        // Rows added below the copy since (a miss logged this morning): read and added.
        const added = fromSheetValues(sheet.getRange(use.from, 1, lastRow - use.from + 1, lastColumn).getValues());
        values = copy.values.concat(added);
      }
    }
    if (!values) values = readValues(sheet);
    toKeep.push({ version: TAB_COPY_VERSION, tab: name, generation, values });
    read.set(name, values);
    return values;
  };

  return {
    valuesOf,
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
  return {
    valuesOf: (name, sheet) => {
      const again = read.get(name);
      if (again) return again;
      const whole = readValues(sheet);
      read.set(name, whole);
      return whole;
    },
    keep: () => {
      for (const tab of COPIED_TABS) {
        const values = read.get(tab);
        if (values) writeTabCopy(ss, { version: TAB_COPY_VERSION, tab, generation: copyGeneration(tab, asOf), values });
      }
    },
  };
}
