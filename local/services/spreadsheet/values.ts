/**
 * How Google Sheets treats a value written by setValues/setValue, and how it shows a value.
 *
 * setValues behaves like typing into the cell (USER_ENTERED): a string starting with "=" becomes a
 * formula; strings that look like numbers, booleans or dates are converted — unless the cell's
 * number format is plain text "@". That conversion is how real trackers lose the leading zeros of
 * a UPN or admission number, so the local model reproduces it. Sources: developers.google.com/
 * apps-script/reference/spreadsheet/range (setValues: "The values ... are interpreted as if typed
 * by a user"), Sheets help "Format numbers in a spreadsheet" (plain text format keeps leading zeros).
 *
 * The spreadsheet's locale and time zone decide dates (ValueContext): a typed 03/04/2024 is
 * 3 April in en_GB and 4 March in en_US; a date cell is midnight in the spreadsheet's time zone,
 * and a JS Date written is shown at the spreadsheet's wall clock (a London midnight in a New York
 * spreadsheet shows 19:00 the day before). Sheets help "Change a spreadsheet's locale, time zone …".
 *
 * A leading apostrophe: in an ordinary cell it forces text and is hidden (not part of the value).
 * In a cell already formatted as plain text "@" Google's documentation does not say whether the
 * apostrophe is still hidden or kept as a character; both readings are modelled
 * (`apostropheInPlainText`: 'hidden', the default, or 'kept') so the add-on is tested under both.
 */
export type CellValue = string | number | boolean | Date;

/** London: the zone the add-on sets at Set up tracker (and the default for callers without a context). */
export const SHEET_TZ = 'Europe/London';
export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';
/** What a new spreadsheet gets locally, as Google gives a US account: the add-on must not assume London. */
export const DEFAULT_LOCALE = 'en_US';
export const DEFAULT_TIME_ZONE = 'America/New_York';

export interface ValueContext {
  locale: string;
  timeZone: string;
  apostropheInPlainText: 'hidden' | 'kept';
}

/** A London, en_GB spreadsheet (what Set up tracker makes). */
export const UK_CONTEXT: ValueContext = { locale: 'en_GB', timeZone: SHEET_TZ, apostropheInPlainText: 'hidden' };

/** Locales that write dates month first (Sheets' "Locale" setting). */
const MONTH_FIRST = ['en_US', 'en_PH', 'es_US', 'en_PR', 'en_UM', 'en_VI', 'en_AS', 'en_GU', 'en_MP'];

function monthFirst(locale: string): boolean {
  return MONTH_FIRST.indexOf(locale) >= 0;
}

/** The number format Sheets gives a cell that receives a date, by locale. */
export function localeDateFormat(locale: string): string {
  return monthFirst(locale) ? 'M/d/yyyy' : DEFAULT_DATE_FORMAT;
}

/** A stand-in for a formula's value: the local sheet does not calculate (see formulaValue). */
export const FORMULA_VALUE = '#NAME?';

export interface Entered {
  value: CellValue;
  formula?: string;
  /** Number format Sheets applies automatically (a typed date gets a date format). */
  autoFormat?: string;
}

const NUMBER_RE = /^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT_RE = /^([+-]?\d+(\.\d+)?)%$/;
const UK_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Interpret one value as Sheets does when it is written through setValues/setValue. */
export function enterValue(raw: unknown, numberFormat: string | undefined, ctx: ValueContext = UK_CONTEXT): Entered {
  if (raw === null || raw === undefined) return { value: '' };
  if (raw instanceof Date) {
    // A Date with a time of day (in the sheet's zone) gets a date-time format, as Sheets does.
    const w = wallClock(raw, ctx.timeZone);
    const fmt = localeDateFormat(ctx.locale) + (w.hh || w.mi || w.ss ? ' hh:mm:ss' : '');
    return { value: new Date(raw.getTime()), autoFormat: fmt };
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw };
  const s = String(raw);
  if (s.startsWith("'")) return { value: numberFormat === '@' && ctx.apostropheInPlainText === 'kept' ? s : s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { value: formulaValue(s), formula: s };
  if (numberFormat === '@') return { value: s };
  const t = s.trim();
  if (t === '') return { value: s };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (NUMBER_RE.test(t)) return { value: Number(t.replace(/,/g, '')) };
  const pc = PERCENT_RE.exec(t);
  if (pc) return { value: Number(pc[1]) / 100, autoFormat: numberFormat ? undefined : '0%' };
  const d = parseDateText(t, ctx);
  if (d) return { value: d, autoFormat: localeDateFormat(ctx.locale) };
  return { value: s };
}

/** A formula's value locally: HYPERLINK(url, label) shows its label; anything else is #NAME?. */
export function formulaValue(formula: string): CellValue {
  const m = /^=HYPERLINK\(\s*"[^"]*"\s*,\s*"([^"]*)"\s*\)$/i.exec(formula.trim());
  return m ? m[1] : FORMULA_VALUE;
}

/**
 * "08/01/2024" in the spreadsheet's locale's order (8 January in en_GB, 1 August in en_US) or
 * "2024-01-08" (any locale) → midnight in the spreadsheet's time zone. Not a date → undefined.
 */
export function parseDateText(t: string, ctx: ValueContext = UK_CONTEXT): Date | undefined {
  let y: number, m: number, d: number;
  const slashed = UK_DATE_RE.exec(t);
  const iso = ISO_DATE_RE.exec(t);
  if (slashed) {
    const [a, b, c] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    [d, m, y] = monthFirst(ctx.locale) ? [b, a, c] : [a, b, c];
  } else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return zonedDate(ctx.timeZone, y, m, d);
}

export interface WallClock {
  y: number;
  m: number;
  d: number;
  hh: number;
  mi: number;
  ss: number;
}

const PARTS = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = PARTS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    PARTS.set(timeZone, f);
  }
  return f;
}

/**
 * Wall clocks already worked out, by time zone and instant. Intl's formatToParts is slow (several
 * µs a call) and a tracker's dates are a few hundred school days written tens of thousands of
 * times: memoised, building a 1,000-pupil sample tracker takes a fifth less time. Bounded, so a
 * long run cannot grow it without end.
 */
const WALL_CLOCKS = new Map<string, Map<number, WallClock>>();
const WALL_CLOCKS_MAX = 50000;

/** The calendar date and time an instant shows in `timeZone`. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const t = date.getTime();
  let byTime = WALL_CLOCKS.get(timeZone);
  if (!byTime) WALL_CLOCKS.set(timeZone, (byTime = new Map()));
  let w = byTime.get(t);
  if (!w) {
    const parts: Record<string, number> = {};
    for (const p of partsFormat(timeZone).formatToParts(date)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    w = { y: parts.year, m: parts.month, d: parts.day, hh: parts.hour % 24, mi: parts.minute, ss: parts.second };
    if (byTime.size >= WALL_CLOCKS_MAX) byTime.clear();
    byTime.set(t, w);
  }
  return { ...w };
}

/** The London calendar date and time of an instant. */
export function londonWallClock(date: Date): WallClock {
  return wallClock(date, SHEET_TZ);
}

/** The instant at which the clock in `timeZone` shows y-m-d hh:mi:ss. */
export function zonedDate(timeZone: string, y: number, m: number, d: number, hh = 0, mi = 0, ss = 0): Date {
  const asUtc = Date.UTC(y, m - 1, d, hh, mi, ss);
  // Offsets run from UTC-12 to UTC+14: the first guess is corrected by what the clock shows.
  let t = asUtc;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(new Date(t), timeZone);
    const shown = Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mi, w.ss);
    if (shown === asUtc) return new Date(t);
    t += asUtc - shown;
  }
  return new Date(t);
}

/** The instant at which London's clock shows y-m-d hh:mi:ss. */
export function londonDate(y: number, m: number, d: number, hh = 0, mi = 0, ss = 0): Date {
  return zonedDate(SHEET_TZ, y, m, d, hh, mi, ss);
}

/** Days since 1899-12-30 (the Sheets/Excel serial) of an instant's wall clock in `timeZone`. */
export function serialOf(date: Date, timeZone = SHEET_TZ): number {
  const w = wallClock(date, timeZone);
  const days = Date.UTC(w.y, w.m - 1, w.d) / 86400000 + 25569;
  return days + (w.hh * 3600 + w.mi * 60 + w.ss) / 86400;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isDateFormat(fmt: string): boolean {
  return /[dy]/i.test(fmt.replace(/"[^"]*"/g, '')) || /^h+:mm/i.test(fmt);
}

/** Format a date with a Sheets date pattern (dd/mm/yyyy, d mmm yyyy, dddd, hh:mm …). */
export function formatDate(date: Date, fmt: string, timeZone = SHEET_TZ): string {
  const w = wallClock(date, timeZone);
  const dow = DAYS[new Date(Date.UTC(w.y, w.m - 1, w.d)).getUTCDay()];
  const tokens = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|"[^"]*"|./gi;
  const out: string[] = [];
  let lastWasHour = false;
  for (const tok of fmt.match(tokens) ?? []) {
    const t = tok.toLowerCase();
    let piece: string;
    if (t === 'yyyy') piece = String(w.y);
    else if (t === 'yy') piece = pad(w.y % 100);
    else if (t === 'mmmm') piece = MONTHS[w.m - 1];
    else if (t === 'mmm') piece = MONTHS[w.m - 1].slice(0, 3);
    else if (t === 'mm' || t === 'm') piece = lastWasHour ? pad(w.mi) : t === 'mm' ? pad(w.m) : String(w.m);
    else if (t === 'dddd') piece = dow;
    else if (t === 'ddd') piece = dow.slice(0, 3);
    else if (t === 'dd') piece = pad(w.d);
    else if (t === 'd') piece = String(w.d);
    else if (t === 'hh') piece = pad(w.hh);
    else if (t === 'h') piece = String(w.hh);
    else if (t === 'ss') piece = pad(w.ss);
    else if (t === 's') piece = String(w.ss);
    else if (tok.startsWith('"')) piece = tok.slice(1, -1);
    else piece = tok;
    if (t === 'hh' || t === 'h') lastWasHour = true;
    else if (/^[a-z]+$/.test(t)) lastWasHour = false;
    out.push(piece);
  }
  return out.join('');
}

/** Format a number with a simple Sheets number pattern: 0, 0.0, #,##0.00, 0%, 0.0% … */
export function formatNumber(n: number, fmt: string): string {
  const trimmed = fmt.trim();
  if (trimmed === '' || /^general$/i.test(trimmed)) return generalNumber(n);
  // Text in double quotes (or one character after a backslash) is shown as it is, around the
  // number: '0.0"%"' shows 94.3 as "94.3%" without multiplying by 100
  // (developers.google.com/sheets/api/guides/formats, "\"text\"" and "\\").
  const m = /^((?:"[^"]*"|\\.)*)(.*?)((?:"[^"]*"|\\.)*)$/.exec(trimmed) as RegExpExecArray;
  const literal = (x: string) => x.replace(/"([^"]*)"|\\(.)/g, (_w, q: string | undefined, c: string | undefined) => (q !== undefined ? q : (c as string)));
  if (m[1] || m[3]) return literal(m[1]) + formatNumber(n, m[2] || 'General') + literal(m[3]);
  const f = trimmed;
  const percent = f.endsWith('%');
  const body = percent ? f.slice(0, -1) : f;
  const dot = body.indexOf('.');
  const decimals = dot >= 0 ? body.length - dot - 1 : 0;
  const value = percent ? n * 100 : n;
  let s = value.toFixed(decimals);
  if (body.includes(',')) {
    const [int, frac] = s.split('.');
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return percent ? `${s}%` : s;
}

/** Sheets' automatic format: integers as they are, others to ten significant digits. */
function generalNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** What getDisplayValues shows for a value under a number format, in the spreadsheet's zone. */
export function displayValue(v: CellValue, fmt: string | undefined, ctx: ValueContext = UK_CONTEXT): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const tz = ctx.timeZone;
  if (v instanceof Date) {
    if (fmt && isDateFormat(fmt)) return formatDate(v, fmt, tz);
    if (fmt && /[0#]/.test(fmt)) return formatNumber(serialOf(v, tz), fmt);
    const w = wallClock(v, tz);
    const day = localeDateFormat(ctx.locale);
    return w.hh || w.mi || w.ss ? formatDate(v, `${day} hh:mm:ss`, tz) : formatDate(v, day, tz);
  }
  if (typeof v === 'number') {
    if (fmt && isDateFormat(fmt) && !/[0#]/.test(fmt)) return formatDate(dateFromSerial(v, tz), fmt, tz);
    return formatNumber(v, fmt && fmt !== '@' ? fmt : '');
  }
  return v;
}

/** The instant of a Sheets serial day number, read as a wall clock in `timeZone`. */
export function dateFromSerial(serial: number, timeZone = SHEET_TZ): Date {
  const ms = Math.round((serial - 25569) * 86400000);
  const t = new Date(ms);
  return zonedDate(timeZone, t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}
