/**
 * Range: a rectangle of one sheet. Reading and writing follow Apps Script
 * (developers.google.com/apps-script/reference/spreadsheet/range): getValues gives '' for blanks,
 * numbers as numbers, booleans, dates as Date; setValues interprets strings as typed (see values.ts)
 * and refuses data of the wrong shape with Apps Script's message. A cell holds at most 50,000
 * characters (Google's help, "Files you can store in Google Drive": a cell's limit); more is refused
 * before anything is written, with the message Sheets gives ("Your input contains more than the
 * maximum of 50000 characters in a single cell.").
 */
import type { LocalEnv } from '../env';
import { toA1, type GridRect } from './a1';
import type { RuleRange } from './conditional';
import { gasError, normaliseColour, wrap } from './counted';
import type { Cell } from './grid';
import { LocalProtection } from './protection';
import { LocalTextFinder } from './textFinder';
import type { LocalSheet } from './sheet';
import type { LocalDataValidation } from './validation';
import { displayValue, enterValue, type CellValue, type ValueContext } from './values';

type Matrix<T> = T[][];

export class LocalRange {
  _w?: LocalRange;
  constructor(
    private readonly env: LocalEnv,
    sheet: LocalSheet,
    readonly _rect: GridRect,
  ) {
    this._sheet = sheet._raw;
  }
  readonly _sheet: LocalSheet;

  private self(): LocalRange {
    return this._w as LocalRange;
  }

  private map<T>(fn: (cell: Cell | undefined, row: number, col: number) => T): Matrix<T> {
    const { row, col, numRows, numCols } = this._rect;
    const grid = this._sheet._grid;
    const out: Matrix<T> = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numCols; c++) line.push(fn(grid.get(row + r, col + c), row + r, col + c));
      out.push(line);
    }
    return out;
  }

  private each(fn: (cell: Cell, r: number, c: number) => void): void {
    const { row, col, numRows, numCols } = this._rect;
    const grid = this._sheet._grid;
    for (let r = 0; r < numRows; r++) for (let c = 0; c < numCols; c++) fn(grid.touch(row + r, col + c), r, c);
  }

  /** Apps Script's refusal of a 2-D array whose shape differs from the range. */
  private checkShape(data: unknown): asserts data is unknown[][] {
    const { numRows, numCols } = this._rect;
    if (!Array.isArray(data)) throw gasError(`The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.setValues.`);
    if (data.length !== numRows) {
      throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`);
    }
    for (const line of data) {
      const n = Array.isArray(line) ? line.length : 0;
      if (n !== numCols) {
        throw gasError(`The number of columns in the data does not match the number of columns in the range. The data has ${n} but the range has ${numCols}.`);
      }
    }
  }

  // ---- values -------------------------------------------------------------------------------
  getValues(): CellValue[][] {
    // The busiest read of every test (whole tabs of marks): written out rather than through map().
    const { row, col, numRows, numCols } = this._rect;
    const rows = this._sheet._grid._rows();
    const out: CellValue[][] = [];
    for (let r = 0; r < numRows; r++) {
      const cells = rows[row - 1 + r];
      const line: CellValue[] = [];
      for (let c = 0; c < numCols; c++) {
        const cell = cells ? cells[col - 1 + c] : undefined;
        const v = cell ? cell.v : '';
        line.push(v instanceof Date ? new Date(v.getTime()) : v);
      }
      out.push(line);
    }
    return out;
  }
  getValue(): CellValue {
    const c = this._sheet._grid.get(this._rect.row, this._rect.col);
    return c ? (c.v instanceof Date ? new Date(c.v.getTime()) : c.v) : '';
  }
  getDisplayValues(): string[][] {
    const ctx = this._sheet._spreadsheet._ctx();
    return this.map((c) => (c ? displayValue(c.v, c.fmt, ctx) : ''));
  }
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }
  setValues(values: unknown[][]): LocalRange {
    this.checkShape(values);
    for (const line of values) for (const v of line) checkCellLength(v);
    const ctx = this._sheet._spreadsheet._ctx();
    this.each((cell, r, c) => writeEntered(cell, values[r][c], ctx));
    return this.self();
  }
  setValue(value: unknown): LocalRange {
    // Apps Script's setValue on a multi-cell range fills every cell.
    checkCellLength(value);
    const ctx = this._sheet._spreadsheet._ctx();
    this.each((cell) => writeEntered(cell, value, ctx));
    return this.self();
  }
  getFormulas(): string[][] {
    return this.map((c) => c?.f ?? '');
  }
  getFormula(): string {
    return this.getFormulas()[0][0];
  }
  setFormulas(formulas: string[][]): LocalRange {
    this.checkShape(formulas);
    const ctx = this._sheet._spreadsheet._ctx();
    this.each((cell, r, c) => writeEntered(cell, formulas[r][c] === '' ? '' : formulas[r][c], ctx));
    return this.self();
  }
  setFormula(formula: string): LocalRange {
    const ctx = this._sheet._spreadsheet._ctx();
    this.each((cell) => writeEntered(cell, formula, ctx));
    return this.self();
  }
  isBlank(): boolean {
    return this.map((c) => !c || (c.v === '' && !c.f)).every((l) => l.every(Boolean));
  }
  clearContent(): LocalRange {
    this.each((cell) => {
      cell.v = '';
      delete cell.f;
    });
    return this.self();
  }
  /** Contents and formats; data validation and notes stay (as Range.clear() with no options). */
  clear(): LocalRange {
    this.each((cell) => {
      const { dv, note } = cell;
      for (const k of Object.keys(cell)) delete (cell as unknown as Record<string, unknown>)[k];
      Object.assign(cell, { v: '' }, dv ? { dv } : {}, note ? { note } : {});
    });
    return this.self();
  }
  clearFormat(): LocalRange {
    this.each((cell) => {
      for (const k of ['fmt', 'bg', 'bold', 'color', 'wrap', 'align'] as const) delete cell[k];
    });
    return this.self();
  }

  // ---- formats ------------------------------------------------------------------------------
  setNumberFormat(fmt: string): LocalRange {
    this.each((cell) => (cell.fmt = fmt));
    return this.self();
  }
  setNumberFormats(fmts: string[][]): LocalRange {
    this.checkShape(fmts);
    this.each((cell, r, c) => (cell.fmt = fmts[r][c]));
    return this.self();
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    // Sheets reports "0.###############" for an unformatted cell.
    return this.map((c) => c?.fmt ?? '0.###############');
  }
  setBackground(colour: string | null): LocalRange {
    const bg = normaliseColour(colour);
    this.each((cell) => (bg ? (cell.bg = bg) : delete cell.bg));
    return this.self();
  }
  setBackgrounds(colours: (string | null)[][]): LocalRange {
    this.checkShape(colours);
    this.each((cell, r, c) => {
      const bg = normaliseColour(colours[r][c]);
      if (bg) cell.bg = bg;
      else delete cell.bg;
    });
    return this.self();
  }
  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }
  getBackgrounds(): string[][] {
    return this.map((c) => c?.bg ?? '#ffffff');
  }
  setFontWeight(w: 'bold' | 'normal' | null): LocalRange {
    this.each((cell) => (cell.bold = w === 'bold'));
    return this.self();
  }
  setFontWeights(ws: (string | null)[][]): LocalRange {
    this.checkShape(ws);
    this.each((cell, r, c) => (cell.bold = ws[r][c] === 'bold'));
    return this.self();
  }
  getFontWeight(): string {
    return this.getFontWeights()[0][0];
  }
  getFontWeights(): string[][] {
    return this.map((c) => (c?.bold ? 'bold' : 'normal'));
  }
  setFontColor(colour: string | null): LocalRange {
    const fc = normaliseColour(colour);
    this.each((cell) => (fc ? (cell.color = fc) : delete cell.color));
    return this.self();
  }
  getFontColor(): string {
    return this._sheet._grid.get(this._rect.row, this._rect.col)?.color ?? '#000000';
  }
  setWrap(wrap: boolean): LocalRange {
    this.each((cell) => (cell.wrap = wrap));
    return this.self();
  }
  getWrap(): boolean {
    return !!this._sheet._grid.get(this._rect.row, this._rect.col)?.wrap;
  }
  setHorizontalAlignment(a: string | null): LocalRange {
    this.each((cell) => (a ? (cell.align = a) : delete cell.align));
    return this.self();
  }
  getHorizontalAlignment(): string {
    return this._sheet._grid.get(this._rect.row, this._rect.col)?.align ?? 'general';
  }
  setNote(note: string | null): LocalRange {
    this.each((cell) => (note ? (cell.note = note) : delete cell.note));
    return this.self();
  }
  getNote(): string {
    return this._sheet._grid.get(this._rect.row, this._rect.col)?.note ?? '';
  }
  /** Borders and font sizes are not modelled: accepted and ignored (nothing reads them back). */
  setBorder(): LocalRange {
    return this.self();
  }
  setFontSize(): LocalRange {
    return this.self();
  }
  setFontStyle(): LocalRange {
    return this.self();
  }
  setVerticalAlignment(): LocalRange {
    return this.self();
  }

  // ---- validation ---------------------------------------------------------------------------
  setDataValidation(rule: LocalDataValidation | null): LocalRange {
    this.each((cell) => (rule ? (cell.dv = rule) : delete cell.dv));
    return this.self();
  }
  setDataValidations(rules: (LocalDataValidation | null)[][]): LocalRange {
    this.checkShape(rules);
    this.each((cell, r, c) => {
      const rule = rules[r][c];
      if (rule) cell.dv = rule;
      else delete cell.dv;
    });
    return this.self();
  }
  getDataValidation(): LocalDataValidation | null {
    return this._sheet._grid.get(this._rect.row, this._rect.col)?.dv ?? null;
  }
  getDataValidations(): (LocalDataValidation | null)[][] {
    return this.map((c) => c?.dv ?? null);
  }
  clearDataValidations(): LocalRange {
    return this.setDataValidation(null);
  }

  /** Sheets' search over this range (textFinder.ts). */
  createTextFinder(findText: string): LocalTextFinder {
    return wrap(this.env, new LocalTextFinder([{ sheet: this._sheet, ...this._rect }], findText), 'TextFinder');
  }

  // ---- geometry -----------------------------------------------------------------------------
  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getWidth(): number {
    return this._rect.numCols;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getA1Notation(): string {
    return toA1(this._rect);
  }
  getSheet(): LocalSheet {
    return this._sheet._w as LocalSheet;
  }
  getGridId(): number {
    return this._sheet._id;
  }
  getCell(row: number, col: number): LocalRange {
    if (row < 1 || row > this._rect.numRows || col < 1 || col > this._rect.numCols) throw gasError('Cell reference out of range');
    return this._sheet._rangeAt({ row: this._rect.row + row - 1, col: this._rect.col + col - 1, numRows: 1, numCols: 1 });
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number): LocalRange {
    return this._sheet._checkedRange(this._rect.row + rowOffset, this._rect.col + colOffset, numRows ?? this._rect.numRows, numCols ?? this._rect.numCols);
  }
  activate(): LocalRange {
    this._sheet._spreadsheet._activeRanges = [{ ...this._rect }];
    this._sheet._spreadsheet._active = this._sheet;
    return this.self();
  }
  protect(): LocalProtection {
    const p = new LocalProtection(this.env, this._sheet, 'RANGE', { ...this._rect });
    this._sheet._protections.push(p);
    return wrap(this.env, p, 'Protection');
  }
  /**
   * Sorts the range's rows, as Range.sort(sortSpecObj): a column number (1-based sheet column),
   * { column, ascending }, or an array of those, the first deciding. A sort column outside the
   * range is refused (the stricter reading: Google's page does not say what it does with one).
   * The whole sheet row moves with it, so callers pass a range as wide as the data.
   */
  sort(spec: number | { column: number; ascending?: boolean } | Array<number | { column: number; ascending?: boolean }>): LocalRange {
    const list = Array.isArray(spec) ? spec : [spec];
    const specs = list.map((s) => (typeof s === 'number' ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending !== false }));
    for (const s of specs) {
      if (!(s.column >= this._rect.col && s.column < this._rect.col + this._rect.numCols)) throw gasError(`Exception: The sort column ${s.column} is outside the range.`);
    }
    this._sheet._sortRows(this._rect.row, this._rect.row + this._rect.numRows - 1, specs);
    return this.self();
  }

  /** For rule builders and protections: where this range is. */
  _ruleRange(): RuleRange {
    return { sheet: this._sheet, rect: { ...this._rect } };
  }
}

/** Write one value as typed into the cell, keeping its formats. */
const MAX_CELL_CHARACTERS = 50000;

function checkCellLength(v: unknown): void {
  if (typeof v === 'string' && v.length > MAX_CELL_CHARACTERS) {
    throw gasError(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
  }
}

function writeEntered(cell: Cell, raw: unknown, ctx: ValueContext): void {
  const e = enterValue(raw, cell.fmt, ctx);
  cell.v = e.value;
  if (e.formula) cell.f = e.formula;
  else delete cell.f;
  if (e.autoFormat && !cell.fmt) cell.fmt = e.autoFormat;
}
