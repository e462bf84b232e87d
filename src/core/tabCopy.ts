/**
 * A copy of a long tab, kept for the sidebars that would otherwise read it whole at every call
 * (issue 22: a sidebar call reads at most 100,000 cells). At 2,000 pupils the Homework Log is
 * 200,000 cells and the Contacts tab 40,000 to 80,000; the letter preview needs both.
 *
 * The copy is the tab's values exactly as a read gives them (dates as dates), so parsing the copy
 * gives the same records and the same problems as parsing the tab: the copy is never a second
 * reading of the rules, only a second place the cells come from.
 *
 * When a sidebar can use it (`copyCheck`), from what is cheap to read:
 *  - no import into that tab since (the tab's import count, core/state.ts TAB_IMPORTS): an
 *    import can change any row;
 *  - the same width and the same header row;
 *  - at least as many rows, and the copy's last row still the same there. Rows added below it
 *    since (a teacher logging a miss) are read and added to the copy; a row deleted or a sort
 *    moves that row, so the tab is read whole again.
 *
 * What this cannot see is a cell edited by hand in the middle of the tab. The letter run always
 * reads the tabs whole and stops when its letters (who, which letter, why with the figures shown,
 * to whom, the address) differ from the preview's (jobs/letters/run.ts). That stop keeps copies
 * of the long tabs as the run read them whole, so the next preview sees the edit without reading
 * them whole itself. A middle edit can leave what a preview does not show (a homework subject) a
 * step behind in later previews; never a letter.
 */
import { splitText } from './text';

export const TAB_COPY_VERSION = 1;

export interface TabCopy {
  version: number;
  tab: string;
  /** The tab's import count when it was read (jobs/imported.ts importCounts). */
  generation: string;
  /**
   * The day it was read: the Register's copy is read with the weeks from the one before this day
   * read again (core/attendance/registerTab.ts recentWeekColumns), since marks are typed there.
   */
  madeOn?: string;
  /** The tab's values, header row first, as a read gives them. */
  values: unknown[][];
}

/** What is cheap to read of the tab now, to tell whether the copy still stands for it. */
export interface TabNow {
  generation: string;
  lastRow: number;
  lastColumn: number;
  header: unknown[];
  /** The tab's row at the copy's last row (row `copy.values.length`), when the tab has that many. */
  atCopysLast: unknown[] | null;
}

export type CopyUse = { use: 'same' } | { use: 'extend'; from: number } | { stale: string };

/** Whether the tab's size alone says the copy cannot stand for it (then its rows need not be read). */
export function shapeStale(copy: TabCopy | null, generation: string, lastRow: number, lastColumn: number): boolean {
  if (!copy || copy.generation !== generation || !copy.values.length) return true;
  return lastColumn !== copy.values[0].length || lastRow < copy.values.length;
}

/** Whether the copy stands for the tab, stands once the rows below it are added, or why not. */
export function copyCheck(copy: TabCopy | null, now: TabNow): CopyUse {
  if (!copy) return { stale: 'no copy' };
  if (copy.generation !== now.generation) return { stale: 'an import since' };
  const rows = copy.values.length;
  const width = rows ? copy.values[0].length : 0;
  if (now.lastRow === 0 || rows === 0) return now.lastRow === 0 && rows === 0 ? { use: 'same' } : { stale: 'emptied or filled' };
  if (now.lastColumn !== width) return { stale: 'a column added or removed' };
  if (now.lastRow < rows || !now.atCopysLast) return { stale: 'rows deleted' };
  if (rowText(now.header) !== rowText(copy.values[0])) return { stale: 'the header row changed' };
  if (rowText(now.atCopysLast) !== rowText(copy.values[rows - 1])) return { stale: 'rows deleted, sorted or the last row edited' };
  return now.lastRow === rows ? { use: 'same' } : { use: 'extend', from: rows + 1 };
}

/** A row as text, dates by their instant: two rows are the same when their texts are. */
export function rowText(row: unknown[]): string {
  return JSON.stringify(row.map(cellKey));
}

/** Whether two tabs' values are the same, cell for cell (dates by their instant, 1 not "1"). */
export function sameValues(a: unknown[][], b: unknown[][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (rowText(a[i]) !== rowText(b[i])) return false;
  return true;
}

function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** A cell's value as a key that tells a number from the same text, and a date from both. */
function cellKey(v: unknown): string {
  if (isDate(v)) return `d:${(v as Date).getTime()}`;
  return `${typeof v}:${String(v)}`;
}

/**
 * Values as text, each distinct value once: a long tab repeats itself (the same UPN, subject,
 * teacher, date and "Yes" row after row), so the copy is a list of the distinct values and each
 * row the positions of its values in it, in base 36 — about a quarter of the values as JSON. A
 * date is kept as {"$d": milliseconds}, which JSON alone would make a string.
 */
function valuesText(values: unknown[][]): string {
  const cells: unknown[] = [];
  const at = new Map<string, number>();
  const rows = values.map((row) => row.map((v) => {
    const k = cellKey(v);
    let i = at.get(k);
    if (i === undefined) {
      i = cells.length;
      at.set(k, i);
      cells.push(isDate(v) ? { $d: isNaN((v as Date).getTime()) ? null : (v as Date).getTime() } : v);
    }
    return i.toString(36);
  }).join(','));
  return JSON.stringify({ n: values.length, cells, rows: rows.join(';') });
}

function valuesFromText(text: string): unknown[][] | null {
  const o = JSON.parse(text);
  if (!o || typeof o.n !== 'number' || !Array.isArray(o.cells) || typeof o.rows !== 'string') return null;
  const cells: unknown[] = o.cells.map((c: unknown) => (c && typeof c === 'object' && '$d' in (c as object) ? new Date((c as { $d: number | null }).$d ?? NaN) : c));
  if (o.n === 0) return [];
  const rows = (o.rows as string).split(';');
  if (rows.length !== o.n) return null;
  const out: unknown[][] = [];
  for (const line of rows) {
    const row: unknown[] = [];
    for (const k of line.split(',')) {
      const i = parseInt(k, 36);
      if (!(i >= 0 && i < cells.length)) return null;
      row.push(cells[i]);
    }
    out.push(row);
  }
  return out;
}

/** The copy as pieces a cell can hold (gas/tabCopiesTab.ts): a first line, then the values. */
export function copyText(copy: TabCopy, size: number): string[] {
  const head: Record<string, unknown> = { version: copy.version, tab: copy.tab, generation: copy.generation };
  if (copy.madeOn) head.madeOn = copy.madeOn;
  return splitText(`${JSON.stringify(head)}\n${valuesText(copy.values)}`, size);
}

/** The copy back, or null when it is not one (edited by hand, another version, another tab). */
export function copyFromText(pieces: string[], tab: string): TabCopy | null {
  const text = pieces.join('');
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  try {
    const head = JSON.parse(text.slice(0, nl));
    if (!head || head.version !== TAB_COPY_VERSION || head.tab !== tab || typeof head.generation !== 'string') return null;
    const values = valuesFromText(text.slice(nl + 1));
    if (!values) return null;
    const copy: TabCopy = { version: head.version, tab, generation: head.generation, values };
    if (typeof head.madeOn === 'string') copy.madeOn = head.madeOn;
    return copy;
  } catch (e) {
    return null;
  }
}
