/**
 * A row the importer would not take, and why. Every refusal names the sheet row (1-based, as the
 * person sees it in Sheets or Excel, header row included) so they can find and fix it.
 */
import { londonDate, toUk } from '../dates';

export interface Refusal {
  row: number;
  /** The column's header as the tracker names it (e.g. "UPN"), when one column is at fault. */
  column?: string;
  /** The value as it was in the cell, so the person can search for it. */
  value?: string;
  reason: string;
}

/** The cell as the person typed it, for a message (dates as dd/mm/yyyy-ish, never "[object]"). */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const t = value as Date;
    return isNaN(t.getTime()) ? 'an invalid date' : toUk(londonDate(t));
  }
  return String(value);
}

/** "Students row 5, UPN "A123": check letter is wrong." — one line a person can act on. */
export function formatRefusal(tab: string, r: Refusal): string {
  const where = r.column ? `${tab} row ${r.row}, ${r.column}` : `${tab} row ${r.row}`;
  const what = r.value !== undefined && r.value !== '' ? ` "${r.value}"` : '';
  return `${where}${what}: ${r.reason}`;
}
