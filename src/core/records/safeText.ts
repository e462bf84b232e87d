/**
 * Text going into a cell stays text. Sheets evaluates a string that starts with = + - @ as a
 * formula (formula injection: `=IMPORTXML("http://…")` in a surname would call out with pupil
 * data), and turns number-, date- and boolean-looking strings into values (UPN digits lose their
 * zeros, phone numbers become numbers, "1/2" becomes a date). A leading apostrophe makes Sheets
 * store the rest as text and hide the apostrophe, so that is the one escape we use.
 *
 * Records keep the text literally; escaping happens only on the way into a cell.
 */

/** Sheets' limit on the characters in one cell. */
export const CELL_TEXT_LIMIT = 50000;

// Starts a formula or is read specially: = + - @, and tab / carriage return (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
// Would be parsed as a number, percentage, currency amount, date, time or boolean.
const VALUE_LIKE = [
  /^\s*[+-]?[£$€]?\s*(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?\s*%?\s*$/i,
  /^\s*\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$/,
  /^\s*\d{1,2}[\s-][A-Za-z]{3,9}([\s-]\d{2,4})?\s*$/,
  /^\s*\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?\s*$/i,
  /^\s*(true|false)\s*$/i,
];

/** True when the string, written as it is, would not be stored as that same text. */
export function needsTextEscape(s: string): boolean {
  if (s === '') return false;
  // A string that already starts with an apostrophe would lose it: Sheets hides the first one.
  if (s.charAt(0) === "'") return true;
  if (FORMULA_START.test(s)) return true;
  return VALUE_LIKE.some((re) => re.test(s));
}

/**
 * The value to put in a cell for anything the add-on writes. Strings that Sheets would evaluate
 * or convert get a leading apostrophe; numbers, booleans and Dates are real values and pass
 * through unchanged (so -3 stays the number -3, while the string "-3" is kept as text).
 */
export function asSheetText(value: string): string;
export function asSheetText<T extends number | boolean | Date>(value: T): T;
export function asSheetText(value: null | undefined): string;
export function asSheetText(value: unknown): unknown;
export function asSheetText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return needsTextEscape(value) ? "'" + value : value;
}

/**
 * Remove control characters a person cannot see or fix (NUL, escape, form feed, DEL, C1 controls)
 * and make line ends plain \n. Tab and newline are kept: they are real content in notes.
 */
export function stripControl(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

