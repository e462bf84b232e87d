/**
 * Spreadsheet: the tracker file. Tab names are unique (Apps Script refuses a duplicate with the
 * message below); the time zone is Europe/London. Source:
 * developers.google.com/apps-script/reference/spreadsheet/spreadsheet.
 */
import type { LocalEnv } from '../env';
import { parseA1, rectFromA1, type GridRect } from './a1';
import { gasError, wrap } from './counted';
import { LocalRange } from './range';
import { LocalSheet } from './sheet';
import { newUiRecord, type UiRecord } from './ui';
import { SHEET_TZ } from './values';
import { ownerAtCreation, ownerUser, setOwner } from './owner';

let nextSpreadsheet = 1;

export class LocalSpreadsheet {
  _w?: LocalSpreadsheet;
  _sheets: LocalSheet[] = [];
  _active: LocalSheet | undefined;
  _activeRange: GridRect | undefined;
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

  /** Add a tab without counting (for the loader and tests). */
  _addSheet(name: string, index?: number, maxRows?: number, maxColumns?: number): LocalSheet {
    this._checkNewName(name);
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
    return sheet._rangeAt(this._activeRange ?? { row: 1, col: 1, numRows: 1, numCols: 1 });
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
    return SHEET_TZ;
  }
  getSpreadsheetLocale(): string {
    return 'en_GB';
  }
  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this._record.toasts.push({ message: String(message), title, timeoutSeconds });
  }
  /** Sheets-side edits are applied at once locally; nothing to flush. */
  flush(): void {}
}
