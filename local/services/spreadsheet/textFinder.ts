/**
 * TextFinder: Sheets' own search over a range, a sheet or a spreadsheet, so a script can learn
 * which cells hold a text without reading them (the pupil profile finds one pupil's rows by UPN).
 *
 * From the reference (developers.google.com/apps-script/reference/spreadsheet/text-finder, and
 * Range/Sheet/Spreadsheet.createTextFinder):
 * - `findAll()` returns every matching cell as a one-cell Range, `findNext()`/`findPrevious()` the
 *   next or previous one after the current match (null when there is none), `getCurrentMatch()`
 *   the current one (null before the first find);
 * - matching is case-insensitive and partial by default: `matchCase(true)` and
 *   `matchEntireCell(true)` make it exact; `useRegularExpression(true)` reads the text as a regular
 *   expression; `ignoreDiacritics(true)` ignores accents;
 * - cells are matched on their **displayed value**; `matchFormulaText(true)` matches a formula
 *   cell's formula text instead;
 * - the scopes are spreadsheets.currentonly or spreadsheets (the add-on's own).
 *
 * Not stated by the reference, and modelled as the natural reading: cells are searched row by
 * row, left to right (a sheet's or spreadsheet's search: each sheet in tab order), and
 * `createTextFinder('')` is refused (Sheets' Find box does nothing for an empty text; the add-on
 * never searches for one). replaceAllWith/replaceWith are not modelled: the add-on never rewrites
 * staff's cells by search (a call to them fails here as a missing method would). Each method call counts as one service call (the counting proxy); the
 * cells searched are not "read" — only the ranges come back — which is what makes it cheaper than
 * getValues on a long tab (local/services/env.ts prices findAll as one round trip).
 */
import { gasError } from './counted';
import type { LocalRange } from './range';
import type { LocalSheet } from './sheet';
import { displayValue } from './values';

/** One rectangle of one sheet to search. */
export interface SearchArea {
  sheet: LocalSheet;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export class LocalTextFinder {
  _w?: LocalTextFinder;
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  private noDiacritics = false;
  private startAfter: { sheet: LocalSheet; row: number; col: number } | null = null;
  private current: { sheet: LocalSheet; row: number; col: number } | null = null;

  constructor(
    private readonly areas: SearchArea[],
    private readonly text: string,
  ) {
    if (typeof text !== 'string' || text === '') throw gasError('Invalid argument: findText');
  }

  private self(): LocalTextFinder {
    return this._w as LocalTextFinder;
  }

  matchCase(v: boolean): LocalTextFinder {
    this.caseSensitive = !!v;
    return this.self();
  }
  matchEntireCell(v: boolean): LocalTextFinder {
    this.entireCell = !!v;
    return this.self();
  }
  useRegularExpression(v: boolean): LocalTextFinder {
    this.regex = !!v;
    return this.self();
  }
  matchFormulaText(v: boolean): LocalTextFinder {
    this.formulaText = !!v;
    return this.self();
  }
  ignoreDiacritics(v: boolean): LocalTextFinder {
    this.noDiacritics = !!v;
    return this.self();
  }
  startFrom(range: LocalRange): LocalTextFinder {
    const r = range._rect;
    this.startAfter = { sheet: range._sheet, row: r.row + r.numRows - 1, col: r.col + r.numCols - 1 };
    this.current = null;
    return this.self();
  }

  private pattern(): RegExp {
    const flags = this.caseSensitive ? 'g' : 'gi';
    const prep = (s: string) => (this.noDiacritics ? stripDiacritics(s) : s);
    let body = this.regex ? prep(this.text) : escapeRegExp(prep(this.text));
    if (this.entireCell) body = `^(?:${body})$`;
    try {
      return new RegExp(body, flags);
    } catch (e) {
      throw gasError(`Invalid regular expression: ${this.text}`);
    }
  }

  private shown(sheet: LocalSheet, row: number, col: number): string {
    const cell = sheet._grid.get(row, col);
    if (!cell) return '';
    if (this.formulaText && cell.f) return cell.f;
    const text = displayValue(cell.v, cell.fmt, sheet._spreadsheet._ctx());
    return this.noDiacritics ? stripDiacritics(text) : text;
  }

  /** Every matching cell, in search order. */
  private matches(): Array<{ sheet: LocalSheet; row: number; col: number }> {
    const re = this.pattern();
    const out: Array<{ sheet: LocalSheet; row: number; col: number }> = [];
    for (const a of this.areas) {
      // Only the rows that hold something can match (a sheet's grid is sparse past its last row).
      const lastRow = Math.min(a.row + a.numRows - 1, a.sheet._grid.lastRow());
      for (let r = a.row; r <= lastRow; r++) {
        for (let c = a.col; c < a.col + a.numCols; c++) {
          const s = this.shown(a.sheet, r, c);
          if (s === '') continue;
          re.lastIndex = 0;
          if (re.test(s)) out.push({ sheet: a.sheet, row: r, col: c });
        }
      }
    }
    return out;
  }

  private rangeOf(m: { sheet: LocalSheet; row: number; col: number }): LocalRange {
    return m.sheet._rangeAt({ row: m.row, col: m.col, numRows: 1, numCols: 1 });
  }

  findAll(): LocalRange[] {
    return this.matches().map((m) => this.rangeOf(m));
  }

  /** Position of `m` in search order (sheet in area order, then row, then column). */
  private order(m: { sheet: LocalSheet; row: number; col: number }): number[] {
    return [this.areas.findIndex((a) => a.sheet === m.sheet), m.row, m.col];
  }

  private static before(a: number[], b: number[]): boolean {
    return a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
  }

  /** The next match after the current one (or after startFrom), wrapping round to the first. */
  findNext(): LocalRange | null {
    const all = this.matches();
    if (!all.length) return null;
    const from = this.current || this.startAfter;
    const at = from ? this.order(from) : null;
    const next = at ? all.find((m) => LocalTextFinder.before(at, this.order(m))) : all[0];
    this.current = next || all[0];
    return this.rangeOf(this.current);
  }

  /** The match before the current one (or before startFrom), wrapping round to the last. */
  findPrevious(): LocalRange | null {
    const all = this.matches();
    if (!all.length) return null;
    const from = this.current || this.startAfter;
    const at = from ? this.order(from) : null;
    const earlier = at ? all.filter((m) => LocalTextFinder.before(this.order(m), at)) : all;
    this.current = earlier.length ? earlier[earlier.length - 1] : all[all.length - 1];
    return this.rangeOf(this.current);
  }

  getCurrentMatch(): LocalRange | null {
    return this.current ? this.rangeOf(this.current) : null;
  }
}
