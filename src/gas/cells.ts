/**
 * Converting between what a cell holds and what the rules use. Sheets gives `Date` objects for date
 * cells, numbers for numbers and '' for blanks (Range.getValues); the rules use ISO date strings,
 * numbers, booleans and trimmed text. Every string the add-on writes goes through `toCellText`, so
 * an imported `=IMPORTXML(...)` or a UPN with leading zeros is stored as text, never evaluated.
 */
import { IsoDate, londonDate, londonMidnight, isIsoDate } from '../core/dates';
import { ColumnKind } from '../core/tabs';
import { asSheetText } from '../core/records/safeText';
import { isDateValue } from '../core/records/ukDate';

export type Cell = string | number | boolean | Date;

/** A value decided by the rules → what to put in the cell. */
export function toCell(value: unknown, kind: ColumnKind): Cell {
  const v = cellValue(value, kind);
  return typeof v === 'string' ? asSheetText(v) : v;
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

/** A cell as text for the rules (dates as ISO). */
export function cellText(v: unknown): string {
  if (isDateValue(v)) return londonDate(v as Date);
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

export function cellDate(v: unknown): IsoDate | '' {
  if (isDateValue(v)) return londonDate(v as Date);
  const s = cellText(v);
  return isIsoDate(s) ? s : '';
}
