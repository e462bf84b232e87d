/**
 * Dates as schools' exports write them, read in UK order (03/04/2024 is 3 April). A date we cannot
 * be sure of is refused with a reason, never guessed: a wrong date moves a mark into another week
 * and changes a pupil's band or letter.
 */
import { IsoDate, fromDayNumber, isIsoDate, londonDate, pad2 } from '../dates';

export type DateCheck = { ok: true; date: IsoDate | '' } | { ok: false; reason: string };

export interface UkDateOptions {
  /** The column holds dates, so a number is a Sheets/Excel serial (days since 1899-12-30). */
  serial?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Day number (since 1970-01-01) of the Sheets/Excel epoch 1899-12-30.
const SERIAL_EPOCH = -25569;
// Sheets' serials run from 1 (31/12/1899) to 2958465 (31/12/9999).
const SERIAL_MAX = 2958465;

/**
 * A JS Date, also one made in another realm (gas-local runs the bundle in a vm sandbox, where
 * `instanceof Date` is false for the local services' Dates).
 */
export function isDateValue(v: unknown): v is Date {
  // Most cells are text and numbers: answered without the slower tag check, which is kept for
  // Dates made in another realm (the bundle's sandbox), where instanceof says no.
  if (v === null || typeof v !== 'object') return false;
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** Two-digit years: 00–69 → 2000s, 70–99 → 1900s (the rule Sheets and Excel use). */
export function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y <= 69 ? 2000 + y : 1900 + y;
}

function build(y: number, m: number, d: number, original: string): DateCheck {
  const iso = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (m < 1 || m > 12 || d < 1 || !isIsoDate(iso)) {
    return { ok: false, reason: `"${original}" is not a real date (day ${d}, month ${m}, year ${y}).` };
  }
  return { ok: true, date: iso };
}

/** The date part of an ISO timestamp; with a zone it is the Europe/London date of that instant. */
function fromIsoTimestamp(s: string): DateCheck | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m) return null;
  const day = build(+m[1], +m[2], +m[3], s);
  if (!day.ok || !m[7]) return day;
  if (+m[4] > 23 || +m[5] > 59 || +(m[6] || 0) > 59) return { ok: false, reason: `"${s}" has an impossible time.` };
  const t = new Date(s.replace(' ', 'T'));
  if (isNaN(t.getTime())) return { ok: false, reason: `"${s}" is not a date we can read.` };
  return { ok: true, date: londonDate(t) };
}

function fromDayMonthYear(s: string): DateCheck | null {
  // d/m/yy, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, optionally followed by a time of day.
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (!m) return null;
  const a = +m[1];
  const b = +m[3];
  const y = fullYear(+m[4], m[4].length);
  if (b > 12 && a <= 12) {
    return { ok: false, reason: `"${s}" looks like a US date (month first) — dates must be day/month/year.` };
  }
  return build(y, b, a, s);
}

function fromMonthName(s: string): DateCheck | null {
  // 8 Jan 2024, 08-Jan-24, 8 January 2024 (Arbor and Excel's "medium date").
  const m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return { ok: false, reason: `"${s}": "${m[2]}" is not a month.` };
  return build(fullYear(+m[3], m[3].length), month, +m[1], s);
}

/** A Sheets/Excel serial day number → its calendar date (a fraction is the time of day). */
export function fromSerial(n: number): DateCheck {
  if (!isFinite(n) || n < 1 || n > SERIAL_MAX) {
    return { ok: false, reason: `${n} is not a date (as a spreadsheet date number it is out of range).` };
  }
  return { ok: true, date: fromDayNumber(SERIAL_EPOCH + Math.floor(n)) };
}

/**
 * Read one cell as a date. Blank → `''` (the caller decides whether a date was required).
 * Strings: dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd (with or without a time),
 * 8 Jan 2024. A JS Date is read as its Europe/London calendar date. A number is only a date
 * where the column is a date column (`serial`).
 */
export function parseUkDate(value: unknown, opts: UkDateOptions = {}): DateCheck {
  if (value === null || value === undefined) return { ok: true, date: '' };
  if (isDateValue(value)) {
    if (isNaN(value.getTime())) return { ok: false, reason: 'the cell holds an invalid date.' };
    return { ok: true, date: londonDate(value) };
  }
  if (typeof value === 'number') {
    if (opts.serial) return fromSerial(value);
    return { ok: false, reason: `${value} is a number, not a date.` };
  }
  const s = String(value).replace(/\u00a0/g, ' ').trim();
  if (s === '') return { ok: true, date: '' };
  const found = fromIsoTimestamp(s) || fromDayMonthYear(s) || fromMonthName(s);
  if (found) return found;
  if (opts.serial && /^\d{1,7}(\.\d+)?$/.test(s)) return fromSerial(+s);
  return { ok: false, reason: `"${s}" is not a date we can read — write it as dd/mm/yyyy.` };
}
