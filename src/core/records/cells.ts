/**
 * One cell → one typed value, or a reason a person can act on. Shared by every tab's parser and
 * by the register-grid and summary imports, so a value means the same thing wherever it arrives.
 */
import { londonDate, pad2, toUk } from '../dates';
import { isDateValue } from './ukDate';
import { stripControl } from './safeText';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = <T>(reason: string): Checked<T> => ({ ok: false, reason });

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.replace(/\u00a0/g, ' ').trim() === '');
}

/**
 * A cell as text, literally (a surname "=IMPORTXML(…)" stays exactly that; escaping is for writes).
 * Sheets hands times of day back as Dates on 30/12/1899, so those become "HH:MM".
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDateValue(v)) {
    if (isNaN(v.getTime())) return '';
    // London kept GMT all year in 1899, so UTC hours are the clock time Sheets showed.
    if (v.getUTCFullYear() < 1900) return `${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}`;
    return toUk(londonDate(v));
  }
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return stripControl(String(v)).replace(/\u00a0/g, ' ').trim();
}

const YES = ['yes', 'y', 'true', '1', 'x', '✓', '✔'];
const NO = ['no', 'n', 'false', '0', 'none'];

/**
 * Yes/no flags as MIS exports write them. `alsoYes` adds the column's own marker (an export's PP
 * column often holds "PP" for yes). Blank → null so the caller decides (usually "no").
 */
export function parseYesNo(v: unknown, alsoYes: string[] = []): Checked<boolean | null> {
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') return v === 1 ? ok(true) : v === 0 ? ok(false) : no(`${v} is not yes or no.`);
  if (isBlank(v)) return ok(null);
  const s = cellText(v).toLowerCase();
  if (YES.indexOf(s) >= 0 || alsoYes.some((a) => a.toLowerCase() === s)) return ok(true);
  if (NO.indexOf(s) >= 0) return ok(false);
  return no(`"${cellText(v)}" is not yes or no (use Yes or No).`);
}

// SEN provision codes (DfE census): K = SEN support, E = EHC plan; S and P are the pre-2014
// School Action / School Action Plus some older exports still hold.
const SEN_YES = ['k', 'e', 's', 'p', 'a', 'ehcp', 'ehc', 'ehc plan', 'sen support', 'statement', 'sen', 'send'];
const SEN_NO = ['n', 'no sen', 'not sen'];

/** SEN: any provision (K, E, EHCP, SEN Support …) → true; N or blank → false. */
export function parseSen(v: unknown): Checked<boolean> {
  const yn = parseYesNo(v);
  if (yn.ok) return ok(yn.value === true);
  const s = cellText(v).toLowerCase();
  if (SEN_YES.indexOf(s) >= 0) return ok(true);
  if (SEN_NO.indexOf(s) >= 0) return ok(false);
  return no(`"${cellText(v)}" is not an SEN status (use K, E, EHCP, SEN Support or N).`);
}

export interface YearRange { min: number; max: number }
/** Secondary years (KS3, KS4 and sixth form); a school with other years passes its own range. */
export const SECONDARY_YEARS: YearRange = { min: 7, max: 13 };

/** Year group from 9, "9", "Y9", "Yr 9", "Year 9", "Year 09". */
export function parseYear(v: unknown, range: YearRange = SECONDARY_YEARS): Checked<number> {
  const s = cellText(v);
  const m = /^(?:year|yr|y)?\s*(\d{1,2})$/i.exec(s);
  if (!m) return no(`"${s}" is not a year group (write it as 9, Y9 or Year 9).`);
  const n = +m[1];
  if (n < range.min || n > range.max) return no(`year ${n} is not a year group here (${range.min}–${range.max}).`);
  return ok(n);
}

/** A count or amount; blank is the caller's decision. Commas as thousands separators are allowed. */
export function parseNumber(v: unknown): Checked<number | null> {
  if (typeof v === 'number') return isFinite(v) ? ok(v) : no(`${v} is not a number.`);
  if (isBlank(v)) return ok(null);
  const s = cellText(v).replace(/,/g, '');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return no(`"${cellText(v)}" is not a number.`);
  return ok(+s);
}

// Deliberately plain: one @, something before it, a dotted domain, no spaces. Addresses that pass
// this but bounce are the mail system's to report; this catches typing and export damage.
const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** An e-mail address, trimmed and lower-cased (addresses are matched as keys). */
export function parseEmail(v: unknown): Checked<string> {
  const s = cellText(v).replace(/^mailto:/i, '');
  if (!EMAIL.test(s) || /\.\./.test(s)) return no(`"${s}" is not an e-mail address.`);
  return ok(s.toLowerCase());
}

/** One or more addresses separated by ; or , (a parent e-mail cell can hold two). */
export function parseEmailList(v: unknown): Checked<string> {
  const parts = cellText(v).split(/[;,]/).map((p) => p.trim()).filter((p) => p !== '');
  const out: string[] = [];
  for (const p of parts) {
    const e = parseEmail(p);
    if (!e.ok) return e;
    out.push(e.value);
  }
  return ok(out.join('; '));
}

/** One of a drop-down's options, matched ignoring case and spacing; returns the option's spelling. */
export function parseEnum(v: unknown, options: string[]): Checked<string> {
  const s = cellText(v);
  const key = s.toLowerCase().replace(/\s+/g, ' ');
  const hit = options.find((o) => o.toLowerCase() === key);
  if (hit !== undefined) return ok(hit);
  const listed = options.filter((o) => o !== '').join(', ');
  return no(`"${s}" is not one of: ${listed}.`);
}

/** Register session: AM/PM, also A/P, am/pm, Morning/Afternoon. */
export function parseSession(v: unknown): Checked<'AM' | 'PM'> {
  const s = cellText(v).toLowerCase();
  if (s === 'am' || s === 'a' || s === 'morning') return ok('AM');
  if (s === 'pm' || s === 'p' || s === 'afternoon') return ok('PM');
  return no(`"${cellText(v)}" is not a session (AM or PM).`);
}

export type CodeClass =
  | 'present' | 'aea' | 'authorised' | 'unauthorised' | 'notCounted' | 'withdrawn' | 'unknown' | 'blank';
export type ClassifyCode = (code: string) => CodeClass;

/**
 * An attendance code, checked against the 2024 regulations by the attendance module's classifier.
 * Blank stays '' (a gap for the coding review). Withdrawn and unknown codes are refused: a wrong
 * code changes a pupil's percentage, so the person must recode it in the MIS.
 */
export function parseCode(v: unknown, classify: ClassifyCode): Checked<string> {
  const code = cellText(v).toUpperCase();
  if (code === '') return ok('');
  const kind = classify(code);
  if (kind === 'withdrawn') return no(`code "${code}" was withdrawn in 2024 — recode it in the MIS and re-export.`);
  if (kind === 'unknown') return no(`"${code}" is not an attendance code — recode it in the MIS and re-export.`);
  return ok(code);
}
