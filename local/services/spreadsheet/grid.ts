/**
 * The cells of one sheet, stored densely by row (1-based coordinates at the API, 0-based inside).
 * A cell keeps its value, its formula and its formats separately, because Sheets does: clearing
 * contents keeps the number format "@" that protects a UPN column, and formats can exist on blank
 * cells.
 */
import type { CellValue } from './values';
import type { LocalDataValidation } from './validation';

export interface Cell {
  v: CellValue;
  f?: string;
  fmt?: string;
  bg?: string;
  bold?: boolean;
  color?: string;
  wrap?: boolean;
  align?: string;
  dv?: LocalDataValidation;
  note?: string;
}

export class Grid {
  private rows: (Cell | undefined)[][] = [];

  get(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** The cell, created blank when absent, so a format can be set on it. */
  touch(row: number, col: number): Cell {
    const r = (this.rows[row - 1] ??= []);
    return (r[col - 1] ??= { v: '' });
  }

  value(row: number, col: number): CellValue {
    return this.get(row, col)?.v ?? '';
  }

  hasContent(c: Cell | undefined): boolean {
    return !!c && (c.v !== '' || !!c.f);
  }

  /** Last row holding a value or formula (0 when the sheet is empty), as Sheet.getLastRow. */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some((c) => this.hasContent(c))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let max = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length; c > max; c--) {
        if (this.hasContent(row[c - 1])) {
          max = c;
          break;
        }
      }
    }
    return max;
  }

  /** Highest row/column that has any cell at all (content or format), for the exporter. */
  extent(): { rows: number; cols: number } {
    let cols = 0;
    for (const row of this.rows) if (row) cols = Math.max(cols, row.length);
    return { rows: this.rows.length, cols };
  }

  insertRows(beforeRow: number, count: number): void {
    // Rows past the stored ones are blank already. No splice(...spread): a year of marks inserts
    // hundreds of thousands of rows, more arguments than a JS call takes.
    if (this.rows.length <= beforeRow - 1) return;
    const blanks: (Cell | undefined)[][] = Array.from({ length: count }, () => []);
    this.rows = this.rows.slice(0, beforeRow - 1).concat(blanks, this.rows.slice(beforeRow - 1));
  }

  deleteRows(row: number, count: number): void {
    this.rows.splice(row - 1, count);
  }

  insertColumns(beforeCol: number, count: number): void {
    for (const row of this.rows) {
      if (!row || row.length < beforeCol - 1) continue;
      row.splice(beforeCol - 1, 0, ...new Array<Cell | undefined>(count));
    }
  }

  deleteColumns(col: number, count: number): void {
    for (const row of this.rows) if (row) row.splice(col - 1, count);
  }

  /** Rows from..to as arrays, for sorting; replaced with setRows. */
  takeRows(from: number, to: number): (Cell | undefined)[][] {
    const out: (Cell | undefined)[][] = [];
    for (let r = from; r <= to; r++) out.push(this.rows[r - 1] ?? []);
    return out;
  }

  setRows(from: number, rows: (Cell | undefined)[][]): void {
    rows.forEach((row, i) => {
      this.rows[from - 1 + i] = row;
    });
  }

  clear(): void {
    this.rows = [];
  }

  /** The stored rows themselves (for the write journal: copy before keeping). */
  _rows(): (Cell | undefined)[][] {
    return this.rows;
  }

  _setAllRows(rows: (Cell | undefined)[][]): void {
    this.rows = rows;
  }
}
