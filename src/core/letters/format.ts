/**
 * How figures read in a letter to parents. Kept apart from fields.ts so the sidebar preview and
 * the letters agree on one way of writing a percentage or a list.
 */
import { IsoDate, toUk } from '../dates';

/** 94.444 → "94.4%": one decimal place (SPEC §4.1), rounded half up on the decimal, not binary, value. */
export function percentText(p: number): string {
  if (typeof p !== 'number' || !isFinite(p)) return '';
  const tenths = Math.round(Number((p * 10).toPrecision(12)));
  return `${(tenths / 10).toFixed(1)}%`;
}

/** A threshold from the settings as parents read it: 97 → "97%", 94.5 → "94.5%". */
export function thresholdText(p: number): string {
  if (typeof p !== 'number' || !isFinite(p)) return '';
  return `${p}%`;
}

/** "English", "English and Maths", "English, Maths and Science" (no serial comma, UK style). */
export function listText(items: string[]): string {
  const xs = items.map((s) => s.trim()).filter((s) => s !== '');
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Dates as parents read them: "08/01/2024, 09/01/2024". */
export function datesText(dates: IsoDate[]): string {
  return dates.slice().sort().map(toUk).join(', ');
}

/** The UK academic year (1 September to 31 August) holding a date: 2024-01-26 → "2023/24". */
export function academicYearText(d: IsoDate): string {
  const y = +d.slice(0, 4);
  const m = +d.slice(5, 7);
  const start = m >= 9 ? y : y - 1;
  const end = (start + 1) % 100;
  return `${start}/${end < 10 ? '0' : ''}${end}`;
}

export function countText(n: number | undefined): string {
  return typeof n === 'number' && isFinite(n) ? String(n) : '';
}
