/**
 * A registration certificate for one academic year (SPEC §4.4 evidence pack): every session of
 * the pupil's register, a row per school week, a cell per weekday holding the morning and
 * afternoon marks ("/ \", "G G", "I N"). A session the school was not open is "–"; a session the
 * school was open but the pupil has no mark is "·" (a gap the coding review reports).
 *
 * Rows run from the pupil's first mark in the year (a pupil admitted in March has no rows for the
 * autumn) to the last school week up to `to`. The weeks of a penalty-threshold window are shaded,
 * and inside them the days with an unauthorised session that counts (a penalty code) more deeply,
 * so the officer sees at a glance the ten school weeks and the sessions that met the threshold.
 */
import { IsoDate, addDays, toUk, weekStart } from '../dates';
import { PupilMarks, sessionKey } from '../attendance/register';
import { normaliseCode } from '../attendance/codes';
import { AttendanceFigures, addToTally, emptyTally, figuresFromTally } from '../attendance/summary';

export interface CellShade {
  row: number;
  col: number;
  colour: string;
}

export interface CertificateYear {
  label: string; // "2023-24"
  from: IsoDate; // first day of the academic year
  to: IsoDate; // last day shown (the year's end, or today for this year)
}

export interface ShadedWindow {
  from: IsoDate; // Monday of the window's first school week
  to: IsoDate; // Sunday of its last school week
}

export interface CertificateInput {
  pm: PupilMarks | null;
  /** Sessions the school was open (register.ts sessionKey). */
  openSessions: Set<string>;
  /** Mondays of the school weeks (the school calendar). */
  schoolWeeks: readonly IsoDate[];
  year: CertificateYear;
  windows: ShadedWindow[];
  penaltyCodes: string[];
}

export interface Certificate {
  year: CertificateYear;
  /** Header row first. Empty when the pupil has no marks in the year. */
  rows: string[][];
  shade: CellShade[];
  figures: AttendanceFigures;
  /** Distinct codes used, in register order of first use. */
  codes: string[];
  /** Open sessions with no mark (gaps). */
  gaps: number;
}

export const WINDOW_WEEK_COLOUR = '#fff2cc';
export const WINDOW_SESSION_COLOUR = '#f4cccc';
export const HEADER_COLOUR = '#d9e2f3';
export const NOT_OPEN = '–';
export const NO_MARK = '·';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

export function certificate(input: CertificateInput): Certificate {
  const { pm, year } = input;
  const header = ['Week of', ...DAYS, 'Present / possible'];
  const empty: Certificate = { year, rows: [], shade: [], figures: figuresFromTally(emptyTally()), codes: [], gaps: 0 };
  if (!pm) return empty;
  const byKey = new Map<string, number>();
  let first = '';
  const t = emptyTally();
  const codes: string[] = [];
  for (let i = 0; i < pm.marks.length; i++) {
    const d = pm.marks[i].date;
    if (d < year.from || d > year.to) continue;
    if (!first) first = d;
    byKey.set(sessionKey(d, pm.marks[i].session), i);
    addToTally(t, pm.classes[i], pm.codes[i]);
    if (pm.codes[i] && codes.indexOf(pm.codes[i]) < 0) codes.push(pm.codes[i]);
  }
  if (!first) return empty;
  const penalty = new Set(input.penaltyCodes.map(normaliseCode));
  const rows: string[][] = [header];
  const shade: CellShade[] = header.map((_, c) => ({ row: 0, col: c, colour: HEADER_COLOUR }));
  let gaps = 0;
  for (const monday of input.schoolWeeks) {
    if (monday < weekStart(first) || monday > year.to) continue;
    const r = rows.length;
    const inWindow = input.windows.some((w) => monday >= w.from && monday <= w.to);
    const row = [toUk(monday)];
    const week = emptyTally();
    for (let day = 0; day < 5; day++) {
      const date = addDays(monday, day);
      const parts: string[] = [];
      let counts = false;
      for (const s of ['AM', 'PM']) {
        const i = date > year.to ? undefined : byKey.get(sessionKey(date, s));
        const open = input.openSessions.has(sessionKey(date, s));
        if (i !== undefined && pm.codes[i]) {
          parts.push(pm.codes[i]);
          addToTally(week, pm.classes[i], pm.codes[i]);
          if (penalty.has(pm.codes[i])) counts = true;
        } else if (open && date <= year.to && date >= first) {
          parts.push(NO_MARK);
          gaps++;
        } else parts.push(NOT_OPEN);
      }
      row.push(parts.join(' '));
      if (inWindow && counts) shade.push({ row: r, col: day + 1, colour: WINDOW_SESSION_COLOUR });
    }
    row.push(`${week.attended} / ${week.possible}`);
    if (inWindow) shade.push({ row: r, col: 0, colour: WINDOW_WEEK_COLOUR });
    rows.push(row);
  }
  return { year, rows, shade, figures: figuresFromTally(t), codes, gaps };
}
