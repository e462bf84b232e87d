/**
 * The register read once for a review: marks grouped by UPN, the sessions the school was open, and
 * per pupil the marks sorted by date with their normalised code, class, school-day and school-week
 * index worked out once, so each rule is a cheap loop over arrays (2,000 pupils × 380 marks).
 *
 * A session (date + AM/PM) is **open** when any pupil has a mark in it other than blank or `#`
 * (planned closure). A day nobody has a mark for is not a school day: registers not yet taken and
 * future dates in an export are not gaps. Marks after `asOf` are ignored (not yet history).
 */
import { IsoDate } from '../dates';
import { Mark, Session } from '../types';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { CodeClass, classifyCode, normaliseCode } from './codes';

export interface RegisterIndex {
  byUpn: Map<string, Mark[]>;
  /** `${date}|${session}` of every open session. */
  openSessions: Set<string>;
  openDates: IsoDate[];
}

export interface PupilMarks {
  upn: string;
  marks: Mark[]; // sorted by date then session (AM first)
  codes: string[]; // normalised
  classes: CodeClass[];
  dayIdx: Int32Array; // calendar school-day index, -1 when the school was not open that day
  weekIdx: Int32Array; // calendar school-week index, -1 when not a school day
}

const classCache = new Map<string, [string, CodeClass]>();

/** Normalised code and class, memoised: a register has a handful of distinct codes. */
export function codeInfo(raw: string): [string, CodeClass] {
  let v = classCache.get(raw);
  if (!v) {
    const code = normaliseCode(raw);
    v = [code, classifyCode(code)];
    classCache.set(raw, v);
  }
  return v;
}

export function sessionKey(date: IsoDate, session: Session | string): string {
  return `${date}|${session}`;
}

/** One pass over every mark: group by UPN and find the open sessions. */
export function indexRegister(marks: Mark[], asOf: IsoDate): RegisterIndex {
  const byUpn = new Map<string, Mark[]>();
  // Open sessions per date as bits (AM 1, PM 2): one map lookup per mark, no string building.
  const openBits = new Map<IsoDate, number>();
  let lastUpn = '';
  let list: Mark[] = [];
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    if (m.date > asOf) continue;
    if (m.upn !== lastUpn) {
      // Exports are usually grouped by pupil: only look the list up when the UPN changes.
      lastUpn = m.upn;
      const found = byUpn.get(m.upn);
      if (found) list = found;
      else byUpn.set(m.upn, (list = []));
    }
    list.push(m);
    const info = codeInfo(m.code);
    if (info[1] !== 'blank' && info[0] !== '#') {
      const bit = m.session === 'PM' ? 2 : 1;
      const had = openBits.get(m.date) || 0;
      if (!(had & bit)) openBits.set(m.date, had | bit);
    }
  }
  const openSessions = new Set<string>();
  openBits.forEach((bits, date) => {
    if (bits & 1) openSessions.add(sessionKey(date, 'AM'));
    if (bits & 2) openSessions.add(sessionKey(date, 'PM'));
  });
  return { byUpn, openSessions, openDates: Array.from(openBits.keys()) };
}

function compareMarks(a: Mark, b: Mark): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.session === b.session ? 0 : a.session === 'AM' ? -1 : 1;
}

/** A pupil's marks with everything the rules need worked out once. */
export function pupilMarks(upn: string, marks: Mark[], cal: SchoolCalendar): PupilMarks {
  let sorted = true;
  for (let i = 1; i < marks.length && sorted; i++) if (compareMarks(marks[i - 1], marks[i]) > 0) sorted = false;
  const list = sorted ? marks : marks.slice().sort(compareMarks);
  const n = list.length;
  const codes = new Array<string>(n);
  const classes = new Array<CodeClass>(n);
  const dayIdx = new Int32Array(n);
  const weekIdx = new Int32Array(n);
  let lastDate = '';
  let lastDay = -1;
  let lastWeek = -1;
  for (let i = 0; i < n; i++) {
    const m = list[i];
    const [code, cls] = codeInfo(m.code);
    codes[i] = code;
    classes[i] = cls;
    if (m.date !== lastDate) {
      lastDate = m.date;
      lastDay = cal.dayIndex(m.date);
      lastWeek = lastDay < 0 ? -1 : cal.schoolWeekIndex(m.date);
    }
    dayIdx[i] = lastDay;
    weekIdx[i] = lastWeek;
  }
  return { upn, marks: list, codes, classes, dayIdx, weekIdx };
}
