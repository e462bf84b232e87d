/**
 * Sheet: one tab. Size is real: a new tab has 1000 rows × 26 columns and getRange outside them
 * throws, as in Sheets — so the add-on must insert columns before writing a 40-week grid — and
 * every row or column added counts against the spreadsheet's 10 million cells (spreadsheet.ts).
 * Rows can be hidden by a person (hideRows) or by a filter; isRowHiddenByUser / isRowHiddenByFilter
 * tell them apart, as in Apps Script; columns are hidden with hideColumns (isColumnHiddenByUser).
 * Source: developers.google.com/apps-script/reference/spreadsheet/sheet.
 */
import type { LocalEnv } from '../env';
import { parseA1, rectFromA1, type GridRect } from './a1';
import { newChart, type LocalEmbeddedChart, type LocalEmbeddedChartBuilder } from './charts';
import { firstMatchingRule, shiftRuleRanges, type LocalConditionalFormatRule } from './conditional';
import { gasError, normaliseColour, wrap } from './counted';
import { Grid } from './grid';
import { sortRows, type SortSpec } from './sort';
import { LocalProtection } from './protection';
import { LocalRange } from './range';
import { LocalRangeList } from './rangeList';
import { LocalTextFinder } from './textFinder';
import type { LocalSpreadsheet } from './spreadsheet';
import { enterValue } from './values';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export class LocalSheet {
  _w?: LocalSheet;
  readonly _grid = new Grid();
  _frozenRows = 0;
  _frozenColumns = 0;
  _rules: LocalConditionalFormatRule[] = [];
  _protections: LocalProtection[] = [];
  _charts: LocalEmbeddedChart[] = [];
  /** Column widths in pixels, by 1-based column; absent means the default 100. */
  _columnWidths = new Map<number, number>();
  _hidden = false;
  _tabColor: string | null = null;
  /** Rows hidden by a person (Hide row) and by a filter, 1-based. */
  _hiddenRows = new Set<number>();
  /** Columns hidden with hideColumns (shift with inserted and deleted columns, like widths). */
  _hiddenColumns = new Set<number>();
  _filteredRows = new Set<number>();
  /** The object itself, even when reached through its counting proxy (for identity checks). */
  readonly _raw: LocalSheet = this;

  constructor(
    private readonly env: LocalEnv,
    readonly _spreadsheet: LocalSpreadsheet,
    public _name: string,
    readonly _id: number,
    public _maxRows = DEFAULT_ROWS,
    public _maxColumns = DEFAULT_COLUMNS,
  ) {}

  private self(): LocalSheet {
    return this._w as LocalSheet;
  }

  // ---- ranges -------------------------------------------------------------------------------
  _rangeAt(rect: GridRect): LocalRange {
    return wrap(this.env, new LocalRange(this.env, this, { ...rect }), 'Range');
  }

  /** A range after Apps Script's bounds checks (same messages). */
  _checkedRange(row: number, col: number, numRows = 1, numCols = 1): LocalRange {
    if (!Number.isInteger(row) || row < 1) throw gasError('The starting row of the range is too small.');
    if (!Number.isInteger(col) || col < 1) throw gasError('The starting column of the range is too small.');
    if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw gasError('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxColumns) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this._rangeAt({ row, col, numRows, numCols });
  }

  getRange(a: string | number, col?: number, numRows?: number, numCols?: number): LocalRange {
    if (typeof a === 'string') {
      const rect = rectFromA1(parseA1(a), this._maxRows, this._maxColumns);
      return this._checkedRange(rect.row, rect.col, rect.numRows, rect.numCols);
    }
    return this._checkedRange(a, col as number, numRows ?? 1, numCols ?? 1);
  }
  getDataRange(): LocalRange {
    return this._rangeAt({ row: 1, col: 1, numRows: Math.max(1, this._grid.lastRow()), numCols: Math.max(1, this._grid.lastColumn()) });
  }
  getLastRow(): number {
    return this._grid.lastRow();
  }
  getLastColumn(): number {
    return this._grid.lastColumn();
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxColumns;
  }

  /** Appends after the last row with content, adding a row to the sheet when it is full. */
  appendRow(values: unknown[]): LocalSheet {
    const row = this._grid.lastRow() + 1;
    const rows = Math.max(row, this._maxRows);
    const cols = Math.max(values.length, this._maxColumns);
    this._spreadsheet._checkGrowth(rows * cols - this._maxRows * this._maxColumns);
    this._maxRows = rows;
    this._maxColumns = cols;
    const ctx = this._spreadsheet._ctx();
    values.forEach((v, i) => {
      const cell = this._grid.touch(row, i + 1);
      const e = enterValue(v, cell.fmt, ctx);
      cell.v = e.value;
      if (e.formula) cell.f = e.formula;
      if (e.autoFormat && !cell.fmt) cell.fmt = e.autoFormat;
    });
    return this.self();
  }

  // ---- rows and columns ---------------------------------------------------------------------
  insertRowsAfter(afterRow: number, howMany: number): LocalSheet {
    return this.insertRowsAt(afterRow + 1, howMany);
  }
  insertRowsBefore(beforeRow: number, howMany: number): LocalSheet {
    return this.insertRowsAt(beforeRow, howMany);
  }
  insertRowAfter(afterRow: number): LocalSheet {
    return this.insertRowsAt(afterRow + 1, 1);
  }
  insertRowBefore(beforeRow: number): LocalSheet {
    return this.insertRowsAt(beforeRow, 1);
  }
  private insertRowsAt(at: number, n: number): LocalSheet {
    if (at < 1 || at > this._maxRows + 1) throw gasError('Those rows are out of bounds.');
    this._spreadsheet._checkGrowth(n * this._maxColumns);
    this._grid.insertRows(at, n);
    this._hiddenRows = shiftRows(this._hiddenRows, at, n);
    this._filteredRows = shiftRows(this._filteredRows, at, n);
    this._maxRows += n;
    shiftRuleRanges(this._rules, this, 'row', at, n);
    return this.self();
  }
  deleteRow(row: number): LocalSheet {
    return this.deleteRows(row, 1);
  }
  deleteRows(row: number, howMany: number): LocalSheet {
    if (row < 1 || row + howMany - 1 > this._maxRows) throw gasError('Those rows are out of bounds.');
    if (howMany >= this._maxRows) throw gasError("You can't delete all the rows on the sheet.");
    this._grid.deleteRows(row, howMany);
    this._maxRows -= howMany;
    this._hiddenRows = shiftRows(this._hiddenRows, row, -howMany);
    this._filteredRows = shiftRows(this._filteredRows, row, -howMany);
    shiftRuleRanges(this._rules, this, 'row', row, -howMany);
    return this.self();
  }
  insertColumnsAfter(afterCol: number, howMany: number): LocalSheet {
    return this.insertColumnsAt(afterCol + 1, howMany);
  }
  insertColumnsBefore(beforeCol: number, howMany: number): LocalSheet {
    return this.insertColumnsAt(beforeCol, howMany);
  }
  insertColumnAfter(afterCol: number): LocalSheet {
    return this.insertColumnsAt(afterCol + 1, 1);
  }
  insertColumnBefore(beforeCol: number): LocalSheet {
    return this.insertColumnsAt(beforeCol, 1);
  }
  private insertColumnsAt(at: number, n: number): LocalSheet {
    if (at < 1 || at > this._maxColumns + 1) throw gasError('Those columns are out of bounds.');
    this._spreadsheet._checkGrowth(n * this._maxRows);
    this._grid.insertColumns(at, n);
    this._maxColumns += n;
    this.shiftWidths(at, n);
    shiftRuleRanges(this._rules, this, 'col', at, n);
    return this.self();
  }
  deleteColumn(col: number): LocalSheet {
    return this.deleteColumns(col, 1);
  }
  deleteColumns(col: number, howMany: number): LocalSheet {
    if (col < 1 || col + howMany - 1 > this._maxColumns) throw gasError('Those columns are out of bounds.');
    if (howMany >= this._maxColumns) throw gasError("You can't delete all the columns on the sheet.");
    this._grid.deleteColumns(col, howMany);
    this._maxColumns -= howMany;
    this.shiftWidths(col, -howMany);
    shiftRuleRanges(this._rules, this, 'col', col, -howMany);
    return this.self();
  }
  private shiftWidths(at: number, delta: number): void {
    const next = new Map<number, number>();
    for (const [c, w] of this._columnWidths) {
      if (c < at) next.set(c, w);
      else if (delta > 0) next.set(c + delta, w);
      else if (c >= at - delta) next.set(c + delta, w);
    }
    this._columnWidths = next;
    const hidden = new Set<number>();
    for (const c of this._hiddenColumns) {
      if (c < at) hidden.add(c);
      else if (delta > 0 || c >= at - delta) hidden.add(c + delta);
    }
    this._hiddenColumns = hidden;
  }

  // ---- hidden columns (Sheet.hideColumns / showColumns / isColumnHiddenByUser) -----------------
  hideColumns(col: number, howMany = 1): void {
    if (col < 1 || howMany < 1 || col + howMany - 1 > this._maxColumns) throw gasError('Those columns are out of bounds.');
    for (let c = col; c < col + howMany; c++) this._hiddenColumns.add(c);
  }
  showColumns(col: number, howMany = 1): void {
    for (let c = col; c < col + howMany; c++) this._hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(col: number): boolean {
    return this._hiddenColumns.has(col);
  }

  /** Sheet.sort: sorts the rows below the frozen rows by one column; blanks go last. */
  sort(column: number, ascending = true): LocalSheet {
    this._sortRows(this._frozenRows + 1, this._grid.lastRow(), column, ascending);
    return this.self();
  }
  _sortRows(from: number, to: number, column: number | SortSpec[], ascending = true): void {
    sortRows(this._grid, from, to, column, ascending);
  }

  // ---- hidden and filtered rows --------------------------------------------------------------
  hideRows(row: number, howMany = 1): void {
    for (let r = row; r < row + howMany; r++) this._hiddenRows.add(r);
  }
  showRows(row: number, howMany = 1): void {
    for (let r = row; r < row + howMany; r++) this._hiddenRows.delete(r);
  }
  isRowHiddenByUser(row: number): boolean {
    return this._hiddenRows.has(row);
  }
  isRowHiddenByFilter(row: number): boolean {
    return this._filteredRows.has(row);
  }
  /** Local only: the rows a filter (or filter view) currently hides. */
  _filterHide(rows: number[]): void {
    this._filteredRows = new Set(rows);
  }
  /** Several ranges of this tab at once (A1 notations). */
  getRangeList(a1s: string[]): LocalRangeList {
    return wrap(this.env, new LocalRangeList(a1s.map((a) => this.getRange(a))), 'RangeList');
  }

  /** Sheets' search over the whole tab (textFinder.ts). */
  createTextFinder(findText: string): LocalTextFinder {
    const area = { sheet: this._raw, row: 1, col: 1, numRows: this._maxRows, numCols: this._maxColumns };
    return wrap(this.env, new LocalTextFinder([area], findText), 'TextFinder');
  }

  // ---- frozen panes, widths, look -----------------------------------------------------------
  setFrozenRows(n: number): void {
    this._frozenRows = n;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(n: number): void {
    this._frozenColumns = n;
  }
  getFrozenColumns(): number {
    return this._frozenColumns;
  }
  setColumnWidth(col: number, px: number): LocalSheet {
    this._columnWidths.set(col, px);
    return this.self();
  }
  setColumnWidths(start: number, n: number, px: number): LocalSheet {
    for (let c = start; c < start + n; c++) this._columnWidths.set(c, px);
    return this.self();
  }
  getColumnWidth(col: number): number {
    return this._columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }
  /** Sheets fits the text; locally about 7 px a character plus padding, 60 px at least. */
  autoResizeColumns(start: number, n: number): LocalSheet {
    for (let c = start; c < start + n; c++) {
      let longest = 0;
      for (let r = 1; r <= this._grid.lastRow(); r++) {
        const cell = this._grid.get(r, c);
        if (cell) longest = Math.max(longest, String(cell.v instanceof Date ? 'dd/mm/yyyy' : cell.v).length);
      }
      this._columnWidths.set(c, Math.max(60, longest * 7 + 16));
    }
    return this.self();
  }
  autoResizeColumn(col: number): LocalSheet {
    return this.autoResizeColumns(col, 1);
  }
  setRowHeight(): LocalSheet {
    return this.self();
  }
  setTabColor(colour: string | null): LocalSheet {
    this._tabColor = normaliseColour(colour) ?? null;
    return this.self();
  }
  getTabColor(): string | null {
    return this._tabColor;
  }
  hideSheet(): LocalSheet {
    this._hidden = true;
    return this.self();
  }
  showSheet(): LocalSheet {
    this._hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  /** Contents and formats go; conditional format rules stay (as in Sheets). */
  clear(): LocalSheet {
    this._grid.clear();
    return this.self();
  }
  clearContents(): LocalSheet {
    this.getRange(1, 1, this._maxRows, this._maxColumns).clearContent();
    return this.self();
  }
  clearFormats(): LocalSheet {
    this.getRange(1, 1, this._maxRows, this._maxColumns).clearFormat();
    return this.self();
  }

  // ---- conditional formatting ---------------------------------------------------------------
  setConditionalFormatRules(rules: LocalConditionalFormatRule[]): void {
    this._rules = [...rules];
  }
  getConditionalFormatRules(): LocalConditionalFormatRule[] {
    return [...this._rules];
  }
  clearConditionalFormatRules(): void {
    this._rules = [];
  }
  /** The background a person sees: the first matching rule's, else the cell's own. */
  _effectiveBackground(row: number, col: number): string {
    const rule = firstMatchingRule(this._rules, this._raw, row, col, (r, c) => this._grid.value(r, c));
    if (rule && rule._spec.background) return rule._spec.background;
    return this._grid.get(row, col)?.bg ?? '#ffffff';
  }
  _effectiveFontColor(row: number, col: number): string {
    const rule = firstMatchingRule(this._rules, this._raw, row, col, (r, c) => this._grid.value(r, c));
    if (rule && rule._spec.fontColor) return rule._spec.fontColor;
    return this._grid.get(row, col)?.color ?? '#000000';
  }

  // ---- protection, charts, identity ---------------------------------------------------------
  protect(): LocalProtection {
    const p = new LocalProtection(this.env, this, 'SHEET', { row: 1, col: 1, numRows: this._maxRows, numCols: this._maxColumns });
    this._protections.push(p);
    return wrap(this.env, p, 'Protection');
  }
  getProtections(type: 'RANGE' | 'SHEET'): LocalProtection[] {
    return this._protections.filter((p) => p._type === String(type)).map((p) => p._w ?? p);
  }
  newChart(): LocalEmbeddedChartBuilder {
    return newChart(this.env, this);
  }
  insertChart(chart: LocalEmbeddedChart): void {
    this._charts.push(chart);
  }
  updateChart(chart: LocalEmbeddedChart): void {
    const i = this._charts.findIndex((c) => c._spec.id === chart._spec.id);
    if (i >= 0) this._charts[i] = chart;
    else this._charts.push(chart);
  }
  removeChart(chart: LocalEmbeddedChart): void {
    this._charts = this._charts.filter((c) => c._spec.id !== chart._spec.id);
  }
  getCharts(): LocalEmbeddedChart[] {
    return [...this._charts];
  }
  getName(): string {
    return this._name;
  }
  setName(name: string): LocalSheet {
    if (name !== this._name) this._spreadsheet._checkNewName(name);
    this._name = name;
    return this.self();
  }
  getSheetId(): number {
    return this._id;
  }
  getSheetName(): string {
    return this._name;
  }
  getIndex(): number {
    return this._spreadsheet._sheets.indexOf(this) + 1;
  }
  getParent(): LocalSpreadsheet {
    return this._spreadsheet._w as LocalSpreadsheet;
  }
  activate(): LocalSheet {
    this._spreadsheet._active = this;
    return this.self();
  }
}

/** Row numbers after inserting (delta > 0) or deleting (delta < 0) rows at `at`. */
function shiftRows(rows: Set<number>, at: number, delta: number): Set<number> {
  const out = new Set<number>();
  for (const r of rows) {
    if (r < at) out.add(r);
    else if (delta > 0) out.add(r + delta);
    else if (r >= at - delta) out.add(r + delta);
  }
  return out;
}
