/**
 * One cell of the Register tab: a pupil's school week, ten session marks in register order —
 * Monday AM, Monday PM, Tuesday AM … Friday PM — as an MIS shows a register on screen (issue 22:
 * two years of marks for 2,000 pupils in well under a million cells; the long form needed four
 * cells a mark, 3 million for one year).
 *
 *   "/\ /\ N\ C1C1 --"   Mon present, Tue present, Wed AM N + PM present, Thu C1 all day, Fri no mark
 *
 * - days are separated by one space, AM then PM within a day; `-` is "no mark" (not taken yet, not
 *   on roll, or a blank the coding review reports as a gap on an open day);
 * - every 2024 code is one character, or a letter and a digit (C1, C2, J1, Y1 … Y7): a letter
 *   followed by a digit is read as one code, so `C1C1` is two sessions of C1;
 * - a cell without spaces is read as ten marks in a row ("/\/\N\C1C1--"), as some MIS exports
 *   write it; staff's lower-case letters are upper-cased (as the long form does);
 * - a blank cell is a week with no marks at all.
 *
 * Pure: no Google, no clock. The grid of cells is core/attendance/registerTab.ts.
 */
import { Session } from '../types';
import { IsoDate, WEEKDAY_NAMES, addDays, toUk, weekday } from '../dates';
import { parseUkDate } from '../records/ukDate';
import { cellText } from '../records/cells';
import { withoutStrayApostrophe } from '../records/rowReader';

export const SESSIONS_A_WEEK = 10;
/** A session with no mark, inside a week cell. */
export const NO_MARK = '-';

/** Position 0…9 of a date and session inside its week, or -1 on a Saturday or Sunday. */
export function sessionIndex(date: IsoDate, session: Session): number {
  const d = weekday(date);
  if (d > 4) return -1;
  return d * 2 + (session === 'PM' ? 1 : 0);
}

/** The date and session of position `i` of the week starting `monday`. */
export function sessionAt(monday: IsoDate, i: number): { date: IsoDate; session: Session } {
  return { date: addDays(monday, Math.floor(i / 2)), session: i % 2 ? 'PM' : 'AM' };
}

/** "Tuesday PM" — for a message about one mark of a week. */
export function sessionName(i: number): string {
  return `${WEEKDAY_NAMES[Math.floor(i / 2)]} ${i % 2 ? 'PM' : 'AM'}`;
}

/** Ten codes ('' where there is no mark) → the cell's text; a week with no mark is ''. */
export function formatWeek(codes: readonly string[]): string {
  if (!codes.some((c) => c)) return '';
  const days: string[] = [];
  for (let d = 0; d < 5; d++) days.push((codes[d * 2] || NO_MARK) + (codes[d * 2 + 1] || NO_MARK));
  return days.join(' ');
}

export type WeekRead = { ok: true; codes: string[] } | { ok: false; reason: string };

function isLetter(ch: string): boolean {
  return ch >= 'A' && ch <= 'Z';
}
function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** Split a run of marks into codes: a letter and a digit are one code, anything else one character. */
function tokens(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (isLetter(ch) && i + 1 < s.length && isDigit(s[i + 1])) {
      out.push(ch + s[i + 1]);
      i++;
    } else out.push(ch);
  }
  return out;
}

/**
 * A week cell → ten codes ('' for no mark), or why it cannot be read. The codes are not checked
 * against the 2024 table here: the caller does (an import refuses a wrong code, the review reports it).
 */
export function parseWeek(cell: unknown): WeekRead {
  // A week starting "-" is written with Sheets' text apostrophe ("'-- /\ …"); where a plain-text
  // cell keeps it as a character (docs/google-limits.md, row 9: not confirmed either way) it is dropped.
  const text = cellText(withoutStrayApostrophe(cell)).toUpperCase();
  if (text === '') return { ok: true, codes: new Array(SESSIONS_A_WEEK).fill('') };
  let marks: string[];
  if (/\s/.test(text)) {
    const days = text.split(/\s+/);
    if (days.length !== 5) {
      return { ok: false, reason: `a week has five days separated by spaces (Monday to Friday); this has ${days.length}. Write two marks a day, "-" where there is none, e.g. "/\\ /\\ N\\ /\\ --".` };
    }
    marks = [];
    for (let d = 0; d < 5; d++) {
      const t = tokens(days[d]);
      if (t.length !== 2) {
        return { ok: false, reason: `${WEEKDAY_NAMES[d]} has ${t.length} mark${t.length === 1 ? '' : 's'} ("${days[d]}"); each day has two, AM then PM ("-" where there is none).` };
      }
      marks.push(t[0], t[1]);
    }
  } else {
    marks = tokens(text);
    if (marks.length !== SESSIONS_A_WEEK) {
      return { ok: false, reason: `a week has ten sessions (Monday AM to Friday PM); this has ${marks.length}. Write "-" where there is no mark, e.g. "/\\ /\\ N\\ /\\ --".` };
    }
  }
  return { ok: true, codes: marks.map((m) => (m === NO_MARK ? '' : m)) };
}

const HEADER_PREFIX = 'w/c ';

/** The header of the week column starting `monday`: "w/c 08/01/2024" (week commencing). */
export function weekHeader(monday: IsoDate): string {
  return HEADER_PREFIX + toUk(monday);
}

export type WeekHeader = { kind: 'week'; monday: IsoDate } | { kind: 'bad'; reason: string } | { kind: 'other' };

/**
 * A header cell of the Register: "w/c 08/01/2024", "08/01/2024", "Week commencing 08/01/2024" or a
 * date cell — always the Monday of the week. Anything not starting with a date is another column.
 */
export function readWeekHeader(cell: unknown): WeekHeader {
  let value: unknown = cell;
  if (typeof cell === 'string') {
    const m = /^\s*(?:w\/?c|wc|week\s+(?:commencing|beginning|of|starting)|week)?\s*:?\s*(\d.*)$/i.exec(cell);
    if (!m) return { kind: 'other' };
    value = m[1].trim();
  } else if (Object.prototype.toString.call(cell) !== '[object Date]') return { kind: 'other' };
  const d = parseUkDate(value);
  if (!d.ok) return { kind: 'bad', reason: d.reason };
  if (!d.date) return { kind: 'other' };
  if (weekday(d.date) !== 0) {
    return { kind: 'bad', reason: `a week column is headed with its Monday; ${toUk(d.date)} is a ${WEEKDAY_NAMES[weekday(d.date)]}.` };
  }
  return { kind: 'week', monday: d.date };
}
