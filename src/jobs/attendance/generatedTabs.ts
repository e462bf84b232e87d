/**
 * Tabs the attendance review rebuilds whole (the QA lists, SPEC §4.3), written through
 * gas/generatedTab (a fixed call pattern whatever the number of rows). Every string goes through
 * toCell, so a name staff typed as "=…" stays text. The only staff column in these tabs
 * (G Codes "Entered on Gateway") is read first and carried across by UPN by the caller.
 */
import { readValues } from '../../gas/tables';
import { Cell, toCell } from '../../gas/cells';
import { writeGeneratedTab } from '../../gas/generatedTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ListTab {
  name: string;
  header: string[];
  /** Headers of columns staff fill in (carried across runs by the caller). */
  staffColumns?: string[];
  /** Memory tabs (Tier History) are hidden when created. */
  hidden?: boolean;
  /** Number formats by 1-based column, e.g. { 2: 'dd/mm/yyyy' } for a column of dates. */
  columnFormats?: Record<number, string>;
  /**
   * Columns fitted to their contents (one call) so names and dates are not cut off (issue 20): every
   * list staff read; false for memory tabs nobody reads.
   */
  fitColumns?: boolean;
}

/** Current values of a generated tab ([] when it does not exist yet): one read. */
export function readGenerated(ss: Spreadsheet, name: string): unknown[][] {
  const sheet = ss.getSheetByName(name);
  return sheet ? readValues(sheet) : [];
}

/** Replace the tab's content with header + rows (rows padded to the header's width). Returns rows written. */
export function writeGenerated(ss: Spreadsheet, tab: ListTab, rows: Cell[][]): number {
  const width = tab.header.length;
  const values: Cell[][] = [tab.header.slice()];
  for (const r of rows) {
    const row: Cell[] = [];
    for (let c = 0; c < width; c++) row.push(c < r.length ? (typeof r[c] === 'string' ? toCell(r[c], 'text') : r[c]) : '');
    values.push(row);
  }
  const sheet = writeGeneratedTab(ss, { name: tab.name, values, frozenRows: 1, columnFormats: tab.columnFormats, hidden: tab.hidden });
  if ((tab.fitColumns ?? !tab.hidden) && rows.length) sheet.autoResizeColumns(1, width);
  return rows.length;
}
