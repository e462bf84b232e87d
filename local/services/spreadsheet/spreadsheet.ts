/**
 * Spreadsheet: the tracker file (developers.google.com/apps-script/reference/spreadsheet/spreadsheet).
 * - Tab names are unique (Apps Script refuses a duplicate with the message below).
 * - The spreadsheet has its OWN locale and time zone, not the script's ("Note that spreadsheets
 *   have a separate time zone … spreadsheet time zones that differ from the script time zone are a
 *   frequent source of scripting bugs": …/base/session#getScriptTimeZone()). A new one gets what
 *   the creator's account gives it; locally that is en_US / America/New_York unless the test says
 *   otherwise, so the add-on must set them (setSpreadsheetLocale / setSpreadsheetTimeZone) or read
 *   them. Typed dates are read in the locale's order, date cells are midnight in the time zone
 *   (values.ts).
 * - 10,000,000 cells per spreadsheet, blank cells of every tab included (Drive help "Files you
 *   can store in Google Drive": "Up to 10 million cells or 18,278 columns (column ZZZ) for
 *   spreadsheets that are created in or converted to Google Sheets"). A new tab is 1000 × 26 =
 *   26,000 cells before anything is written. Over the limit Apps Script throws the message in
 *   CELL_LIMIT_ERROR — the wording is as reported by scripts that hit it (public code search;
 *   Google's reference does not print it).
 * - getActiveRange() is the LAST range of a Ctrl-click selection; getActiveRangeList() is all of
 *   them (…/spreadsheet/selection#getActiveRange(): "If multiple ranges are selected this method
 *   returns only the last selected range").
 * - getOwner(): the person who created the file (owner.ts).
 */
import type { LocalEnv } from '../env';
import { parseA1, rectFromA1, type GridRect } from './a1';
import { gasError, wrap } from './counted';
import { LocalRange } from './range';
import { LocalRangeList } from './rangeList';
import { LocalSheet } from './sheet';
import { LocalTextFinder } from './textFinder';
import { newUiRecord, type UiRecord } from './ui';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type ValueContext } from './values';
import { ownerAtCreation, ownerUser, setOwner } from './owner';

export const CELL_LIMIT = 10000000;
export const CELL_LIMIT_ERROR = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

let nextSpreadsheet = 1;

export class LocalSpreadsheet {
  _w?: LocalSpreadsheet;
  _sheets: LocalSheet[] = [];
  _active: LocalSheet | undefined;
  /** The selection: one or more ranges (Ctrl-click); the last is the active range. */
  _activeRanges: GridRect[] | undefined;
  _locale = DEFAULT_LOCALE;
  _timeZone = DEFAULT_TIME_ZONE;
  /** Reading of an apostrophe typed into a plain-text ("@") cell: see values.ts. */
  _apostropheInPlainText: 'hidden' | 'kept' = 'hidden';
  /** The most cells the file has held (for the CLI's report against the 10 million limit). */
  _peakCells = 0;
  /** Toasts land here; SpreadsheetApp._setActive points it at the app's record. */
  _record: UiRecord = newUiRecord();
  private nextSheetId = 0;
  readonly _id: string;

  constructor(
    readonly _env: LocalEnv,
    public _name: string,
    id?: string,
  ) {
    this._id = id ?? `local-spreadsheet-${nextSpreadsheet++}`;
    ownerAtCreation(_env, this);
  }

  /** How values are typed in and shown in this spreadsheet. */
  _ctx(): ValueContext {
    return { locale: this._locale, timeZone: this._timeZone, apostropheInPlainText: this._apostropheInPlainText };
  }

  /** Cells in every tab, blank ones included (what Google counts against the limit). */
  _cells(): number {
    let n = 0;
    for (const sh of this._sheets) n += sh._maxRows * sh._maxColumns;
    return n;
  }

  /** Refuse a change that would take the file past 10 million cells (Apps Script's message). */
  _checkGrowth(extraCells: number): void {
    const after = this._cells() + extraCells;
    if (extraCells > 0 && after > CELL_LIMIT) throw gasError(CELL_LIMIT_ERROR);
    if (after > this._peakCells) this._peakCells = after;
  }

  /** Add a tab without counting (for the loader and tests). */
  _addSheet(name: string, index?: number, maxRows?: number, maxColumns?: number): LocalSheet {
    this._checkNewName(name);
    this._checkGrowth((maxRows ?? 1000) * (maxColumns ?? 26));
    const sheet = new LocalSheet(this._env, this, name, this.nextSheetId++, maxRows, maxColumns);
    wrap(this._env, sheet, 'Sheet');
    if (index === undefined || index >= this._sheets.length) this._sheets.push(sheet);
    else this._sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }

  _checkNewName(name: string): void {
    if (this._sheets.some((s) => s._name.toLowerCase() === name.toLowerCase())) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  /** insertSheet() | insertSheet(index) | insertSheet(name) | insertSheet(name, index). */
  insertSheet(a?: string | number, b?: number): LocalSheet {
    let name: string;
    let index: number | undefined;
    if (typeof a === 'number') index = a;
    else if (typeof a === 'string') [name, index] = [a, b];
    name ??= this.freeName();
    const sheet = this._addSheet(name, index);
    this._active = sheet; // Apps Script makes the new tab active.
    return sheet._w as LocalSheet;
  }
  private freeName(): string {
    for (let n = this._sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this._sheets.some((s) => s._name === name)) return name;
    }
  }
  deleteSheet(sheet: LocalSheet): void {
    if (this._sheets.length <= 1) throw gasError("You can't remove all the sheets in a document.");
    const i = this._sheets.findIndex((s) => s._id === sheet._id);
    if (i < 0) throw gasError('Sheet not found');
    const [gone] = this._sheets.splice(i, 1);
    if (this._active === gone) this._active = this._sheets[0];
  }
  getSheetByName(name: string): LocalSheet | null {
    return (this._sheets.find((s) => s._name === name)?._w as LocalSheet) ?? null;
  }
  getSheets(): LocalSheet[] {
    return this._sheets.map((s) => s._w as LocalSheet);
  }
  /** Sheets' search over every tab, in tab order (textFinder.ts). */
  createTextFinder(findText: string): LocalTextFinder {
    const areas = this._sheets.map((sheet) => ({ sheet, row: 1, col: 1, numRows: sheet._maxRows, numCols: sheet._maxColumns }));
    return wrap(this._env, new LocalTextFinder(areas, findText), 'TextFinder');
  }
  getSheetById(id: number): LocalSheet | null {
    return (this._sheets.find((s) => s._id === id)?._w as LocalSheet) ?? null;
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getActiveSheet(): LocalSheet {
    return (this._active ?? this._sheets[0])._w as LocalSheet;
  }
  setActiveSheet(sheet: LocalSheet): LocalSheet {
    const s = this._sheets.find((x) => x._id === sheet._id);
    if (s) this._active = s;
    return sheet;
  }
  getActiveRange(): LocalRange {
    const sheet = this._active ?? this._sheets[0];
    const ranges = this._activeRanges;
    return sheet._rangeAt(ranges && ranges.length ? ranges[ranges.length - 1] : { row: 1, col: 1, numRows: 1, numCols: 1 });
  }
  /** Every range of the selection, in the order they were selected. */
  getActiveRangeList(): LocalRangeList | null {
    const sheet = this._active ?? this._sheets[0];
    const ranges = this._activeRanges ?? [{ row: 1, col: 1, numRows: 1, numCols: 1 }];
    return wrap(this._env, new LocalRangeList(ranges.map((r) => sheet._rangeAt(r))), 'RangeList');
  }
  /** Local only: what a person selected with Ctrl-click on `sheet` (A1 ranges, in order). */
  _select(sheet: LocalSheet, a1s: string[]): void {
    const raw = sheet._raw;
    this._active = raw;
    this._activeRanges = a1s.map((a) => rectFromA1(parseA1(a), raw._maxRows, raw._maxColumns));
  }
  /** "'Homework Log'!A1:C3" or "A1" on the active tab. */
  getRange(a1: string): LocalRange {
    const p = parseA1(a1);
    const sheet = p.sheetName ? this._sheets.find((s) => s._name === p.sheetName) : this._active ?? this._sheets[0];
    if (!sheet) throw gasError('Range not found');
    const r = rectFromA1(p, sheet._maxRows, sheet._maxColumns);
    return sheet._checkedRange(r.row, r.col, r.numRows, r.numCols);
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  rename(name: string): void {
    this._name = name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getOwner(): GoogleAppsScript.Base.User | null {
    return ownerUser(this._env, this);
  }
  /** Tests: who owns the file in Drive; null for a file in a shared drive. */
  _setOwner(email: string | null): void {
    setOwner(this, email);
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    const tz = String(timeZone);
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    } catch (e) {
      throw gasError(`Invalid argument: timeZone (${tz})`);
    }
    this._timeZone = tz;
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  setSpreadsheetLocale(locale: string): void {
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(String(locale))) throw gasError(`Invalid argument: locale (${locale})`);
    this._locale = String(locale);
  }
  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this._record.toasts.push({ message: String(message), title, timeoutSeconds });
  }
}
