/**
 * The one small "Import Problems" tab (issue 16): every row an import refused — file, tab, row,
 * column, value, why — so the person can fix them in the MIS and import again. Nothing of the raw
 * file stays in the tracker; this tab holds only the refused cells and the reasons.
 *
 * Each import of a tab replaces that tab's lines (importing Students again replaces the Students
 * problems and leaves the Staff ones); a tab with no problems left is removed. At most
 * PROBLEM_LINES lines per tab import, then one line saying how many more. Values are written as
 * text, never evaluated (gas/cells.ts toCell).
 */
import { Refusal } from '../core/records/refusal';
import { toCell, Cell } from '../gas/cells';
import { readValues } from '../gas/tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PROBLEMS_TAB = 'Import Problems';
export const PROBLEMS_HEADER = ['File', 'Tab', 'Row', 'Column', 'Value', 'Why'];
/** Lines kept per tab import: enough to work through, small enough to stay a to-do list. */
export const PROBLEM_LINES = 1000;

export interface ProblemsWrite {
  /** The file the person chose (or "pasted into Import - Students"). */
  file: string;
  /** The tab the rows were for (Students, Register Grid …). */
  tab: string;
  refusals: Refusal[];
  /** true: this import's first lines (the tab's earlier lines go); false: more of the same import. */
  replace: boolean;
}

/** One read and one write of the Import Problems tab for any number of tab imports. */
export function writeProblems(ss: Spreadsheet, writes: ProblemsWrite[]): void {
  if (!writes.length) return;
  const sheet = ss.getSheetByName(PROBLEMS_TAB);
  const old = sheet ? readValues(sheet).slice(1) : [];
  const replaced = new Set(writes.filter((w) => w.replace).map((w) => w.tab));
  const lines: Cell[][] = old.filter((r) => !replaced.has(String(r[1]))).map((r) => r.map((v) => (typeof v === 'string' ? toCell(v, 'text') : (v as Cell))));
  for (const w of writes) {
    const already = lines.filter((r) => String(r[1]) === w.tab || r[1] === toCell(w.tab, 'text')).length;
    const room = Math.max(0, PROBLEM_LINES - already);
    const sorted = w.refusals.slice().sort((a, b) => a.row - b.row);
    for (const f of sorted.slice(0, room)) {
      lines.push([toCell(w.file, 'text'), toCell(w.tab, 'text'), f.row, toCell(f.column || '', 'text'), toCell(f.value || '', 'text'), toCell(f.reason, 'text')]);
    }
    if (sorted.length > room) {
      lines.push([toCell(w.file, 'text'), toCell(w.tab, 'text'), '', '', '', toCell(`… and ${sorted.length - room} more refused rows: fix these first, then import the file again.`, 'text')]);
    }
  }
  if (!lines.length) {
    if (sheet) ss.deleteSheet(sheet);
    return;
  }
  const target = sheet || ss.insertSheet(PROBLEMS_TAB);
  // Write the new lines first, then clear what is left below them: clearing first would lose other
  // tabs' lines if the run stopped in between (the crash-anywhere proof found it).
  const grid = [PROBLEMS_HEADER as Cell[]].concat(lines);
  if (target.getMaxRows() < grid.length) target.insertRowsAfter(target.getMaxRows(), grid.length - target.getMaxRows());
  target.getRange(1, 1, grid.length, PROBLEMS_HEADER.length).setValues(grid);
  const oldRows = old.length + (sheet ? 1 : 0);
  if (oldRows > grid.length) target.getRange(grid.length + 1, 1, oldRows - grid.length, PROBLEMS_HEADER.length).clearContent();
  if (!sheet) {
    // A new tab: a header people can find, kept in view while they scroll.
    target.getRange(1, 1, 1, PROBLEMS_HEADER.length).setFontWeight('bold');
    target.setFrozenRows(1);
  }
}
