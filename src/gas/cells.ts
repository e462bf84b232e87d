/**
 * Converting between what a cell holds and what the rules use. Sheets gives `Date` objects for date
 * cells, numbers for numbers and '' for blanks (Range.getValues); the rules use ISO date strings,
 * numbers, booleans and trimmed text. Every string the add-on writes goes through `toCellText`, so
 * an imported `=IMPORTXML(...)` or a UPN with leading zeros is stored as text, never evaluated.
 *
 * The spreadsheet's time zone (issue 15 §6). Apps Script hands a date cell over as midnight in the
 * SPREADSHEET's time zone, and writes a Date at the spreadsheet's wall clock — not the script's
 * (developers.google.com/apps-script/reference/base/session#getScriptTimeZone(): "spreadsheets
 * have a separate time zone"). The rules think in Europe/London calendar dates. Set up tracker
 * sets the tracker to Europe/London; should someone change it afterwards, dates are moved across
 * the boundary here: a Date read is re-based from the sheet's wall clock to the same London wall
 * clock (`fromSheetDate`), and a Date written the other way (`toSheetDate`). In a London tracker
 * both are the identity and cost nothing. The zone is read once per spreadsheet per execution
 * (`useSpreadsheetZone`, called where tabs are opened).
 */
import { IsoDate, londonDate, londonMidnight, isIsoDate } from '../core/dates';
import { ColumnKind } from '../core/tabs';
import { asSheetText } from '../core/records/safeText';
import { isDateValue } from '../core/records/ukDate';
import { withoutStrayApostrophe } from '../core/records/rowReader';

export type Cell = string | number | boolean | Date;

const LONDON = 'Europe/London';
let sheetZone = LONDON;
const zones = new WeakMap<object, string>();

/** Date cells of `ss` are read and written in its own time zone from now on (one call per spreadsheet). */
export function useSpreadsheetZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  let tz = zones.get(ss);
  if (tz === undefined) {
    try {
      tz = String(ss.getSpreadsheetTimeZone() || LONDON);
      wallClock(new Date(0), tz); // a zone this runtime cannot convert is treated as London
    } catch (e) {
      tz = LONDON;
    }
    zones.set(ss, tz);
  }
  sheetZone = tz;
  return tz;
}

/** After Set up tracker changes the zone: the next use reads it again. */
export function forgetSpreadsheetZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  zones.delete(ss);
}

interface Clock { y: number; m: number; d: number; hh: number; mi: number; ss: number }
const FORMATS: Record<string, Intl.DateTimeFormat> = {};

function wallClock(t: Date, tz: string): Clock {
  let f = FORMATS[tz];
  if (!f) {
    f = FORMATS[tz] = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, m: p.month, d: p.day, hh: p.hour % 24, mi: p.minute, ss: p.second };
}

/** The instant at which the clock in `tz` shows `c`. */
function instantOf(c: Clock, tz: string): Date {
  const want = Date.UTC(c.y, c.m - 1, c.d, c.hh, c.mi, c.ss);
  let t = want;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(new Date(t), tz);
    const shown = Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mi, w.ss);
    if (shown === want) break;
    t += want - shown;
  }
  return new Date(t);
}

/** A Date read from the sheet → the instant showing the same wall clock in London. */
export function fromSheetDate(d: Date): Date {
  if (sheetZone === LONDON || isNaN(d.getTime())) return d;
  return instantOf(wallClock(d, sheetZone), LONDON);
}

/** A Date for the sheet: the instant showing, in the sheet's zone, the wall clock it shows in London. */
export function toSheetDate(d: Date): Date {
  if (sheetZone === LONDON || isNaN(d.getTime())) return d;
  return instantOf(wallClock(d, LONDON), sheetZone);
}

/** Every Date of a block of values read from the sheet, re-based to London (in place; returns it). */
export function fromSheetValues<T extends unknown[][]>(values: T): T {
  if (sheetZone === LONDON) return values;
  for (const row of values) for (let c = 0; c < row.length; c++) if (isDateValue(row[c])) row[c] = fromSheetDate(row[c] as Date);
  return values;
}

/** A value decided by the rules → what to put in the cell. */
export function toCell(value: unknown, kind: ColumnKind): Cell {
  const v = cellValue(value, kind);
  if (typeof v === 'string') return asSheetText(v);
  return isDateValue(v) ? toSheetDate(v as Date) : v;
}

/** What the cell will hold (and getValues give back) once `toCell(value, kind)` is written. */
export function cellValue(value: unknown, kind: ColumnKind): Cell {
  if (value === null || value === undefined || value === '') return '';
  if (kind === 'date' && typeof value === 'string' && isIsoDate(value)) return londonMidnight(value);
  if (kind === 'yesno' && typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDateValue(value)) return value as Date;
  return String(value);
}

/** A cell as text for the rules (dates as ISO; one stray leading apostrophe dropped, see core RowReader). */
export function cellText(v: unknown): string {
  if (isDateValue(v)) return londonDate(v as Date);
  if (v === null || v === undefined) return '';
  return String(withoutStrayApostrophe(v)).trim();
}

export function cellDate(v: unknown): IsoDate | '' {
  if (isDateValue(v)) return londonDate(v as Date);
  const s = cellText(v);
  return isIsoDate(s) ? s : '';
}

/** A percentage held as a number (93.3) shown with one decimal and a % sign: "93.3%" (issue 20). */
export const PERCENT_FORMAT = '0.0"%"';
