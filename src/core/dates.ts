/**
 * Calendar dates for the rules. A date in core/ is an ISO string `yyyy-mm-dd` (a Europe/London
 * calendar date, never a timestamp): it compares with `<`, sorts, and cannot drift by an hour at
 * the clock change. The gas/ adapters turn the sheet's Date objects into these and back.
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO date (UTC arithmetic, so no DST surprises). */
export function dayNumber(d: IsoDate): number {
  const m = ISO_RE.exec(d);
  if (!m) throw new Error(`Not an ISO date: "${d}"`);
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000);
}

export function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * 86400000);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

export function addDays(d: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(d) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(d: IsoDate): number {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return (((dayNumber(d) + 3) % 7) + 7) % 7;
}

/** The Monday that starts the Monday-to-Sunday week holding `d`. */
export function weekStart(d: IsoDate): IsoDate {
  return addDays(d, -weekday(d));
}

export function isWeekend(d: IsoDate): boolean {
  return weekday(d) >= 5;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  return fromDayNumber(dayNumber(s)) === s; // rejects 2024-02-30
}

/** dd/mm/yyyy for people (SPEC §2a). */
export function toUk(d: IsoDate): string {
  const m = ISO_RE.exec(d);
  if (!m) return d;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** The days of the week as `weekday` numbers them (0 = Monday), and the months, for people. */
export const WEEKDAY_NAMES: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** "Friday 26 January 2024" — for letters. */
export function toLongUk(d: IsoDate): string {
  const m = ISO_RE.exec(d);
  if (!m) return d;
  return `${WEEKDAY_NAMES[weekday(d)]} ${+m[3]} ${MONTH_NAMES[+m[2] - 1]} ${m[1]}`;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The Europe/London calendar date of a JS Date. Apps Script's own `Utilities.formatDate` does this
 * on the server; this pure version lets core/ and local/ agree without a service call.
 * British Summer Time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
 * of October (Summer Time Order 2002).
 */
export function londonDate(t: Date): IsoDate {
  const utc = t.getTime();
  // Sheets hand over tens of thousands of date cells per read, nearly all at a handful of
  // midnights: remember the last few answers (a pure cache: same instant, same date).
  const hit = LONDON_CACHE.get(utc);
  if (hit !== undefined) return hit;
  const [bstStart, bstEnd] = bstBounds(new Date(utc).getUTCFullYear());
  const offset = utc >= bstStart && utc < bstEnd ? 3600000 : 0;
  const local = new Date(utc + offset);
  const iso = `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
  if (LONDON_CACHE.size > 5000) LONDON_CACHE.clear();
  LONDON_CACHE.set(utc, iso);
  return iso;
}

const LONDON_CACHE = new Map<number, IsoDate>();
const BST_BOUNDS: Record<number, [number, number]> = {};

/** UTC instants when British Summer Time starts and ends in `year`. */
function bstBounds(year: number): [number, number] {
  let b = BST_BOUNDS[year];
  if (!b) {
    b = [Date.UTC(year, 2, lastSundayOf(year, 2), 1), Date.UTC(year, 9, lastSundayOf(year, 9), 1)];
    BST_BOUNDS[year] = b;
  }
  return b;
}

/** Midnight Europe/London of an ISO date, as a JS Date (what a date cell holds in Sheets). */
export function londonMidnight(d: IsoDate): Date {
  const m = ISO_RE.exec(d);
  if (!m) throw new Error(`Not an ISO date: "${d}"`);
  const [bstStart, bstEnd] = bstBounds(+m[1]);
  const utcMidnight = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const inBst = utcMidnight >= bstStart - 3600000 && utcMidnight < bstEnd;
  return new Date(utcMidnight - (inBst ? 3600000 : 0));
}

function lastSundayOf(year: number, month0: number): number {
  const lastDay = new Date(Date.UTC(year, month0 + 1, 0));
  return lastDay.getUTCDate() - lastDay.getUTCDay();
}
