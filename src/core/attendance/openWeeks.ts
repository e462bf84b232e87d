/**
 * Which sessions the school was open, week by week — remembered so one pupil's view (the profile)
 * need not read every pupil's marks to learn the school's calendar (issue 22: a sidebar reads at
 * most 100,000 cells; the Register alone is 84,000 cells a year at 2,000 pupils).
 *
 * A session is open when any pupil has a mark in it other than blank or `#` (core/attendance/
 * register.ts, the review's own rule). Each school week is a number whose ten bits are its ten
 * sessions in register order (bit 0 Monday AM … bit 9 Friday PM, registerWeek.ts): 1023 is a
 * full week, 0 a week with a column but no session open.
 *
 * Kept by the jobs that read or write the whole Register — the import (the weeks it changed) and
 * the attendance review (every week) — in a document property: a calendar, not pupil data.
 */
import { IsoDate, weekStart } from '../dates';
import { Mark } from '../types';
import { codeInfo, sessionKey } from './register';
import { SESSIONS_A_WEEK, parseWeek, sessionAt, sessionIndex } from './registerWeek';
import { registerLayout } from './registerTab';

/** Monday of each school week → its open sessions as ten bits. */
export type OpenWeeks = Record<IsoDate, number>;

/** Whether a code opens its session (anything but blank or a planned closure). */
function opens(code: string): boolean {
  const [norm, cls] = codeInfo(code);
  return cls !== 'blank' && norm !== '#';
}

/**
 * The open sessions the marks show, by week. A review's marks are 760,000 at 2,000 pupils but fall
 * on a few hundred dates: one map lookup a mark (AM 1, PM 2 per date, as indexRegister does), and
 * each date's week worked out once at the end.
 */
export function openWeeksOfMarks(marks: readonly Mark[]): OpenWeeks {
  const bitsByDate = new Map<IsoDate, number>();
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    const bit = m.session === 'PM' ? 2 : 1;
    const had = bitsByDate.get(m.date) || 0;
    if (had & bit || !opens(m.code)) continue;
    bitsByDate.set(m.date, had | bit);
  }
  const out: OpenWeeks = {};
  bitsByDate.forEach((bits, date) => {
    const am = sessionIndex(date, 'AM');
    if (am < 0) return; // a weekend mark (typed into an older tracker's long form): no register session
    const monday = weekStart(date);
    out[monday] = (out[monday] || 0) | ((bits & 1 ? 1 << am : 0) | (bits & 2 ? 1 << (am + 1) : 0));
  });
  return out;
}

/**
 * One week column of the Register (every pupil's cell for that week): its open sessions. A cell
 * that cannot be read opens nothing (the review refuses it too, and names its row).
 */
export function openSessionsOfColumn(cells: readonly unknown[]): number {
  let bits = 0;
  for (const cell of cells) {
    if (bits === 1023) break;
    const week = parseWeek(cell);
    if (!week.ok) continue;
    for (let i = 0; i < SESSIONS_A_WEEK; i++) if (week.codes[i] && opens(week.codes[i])) bits |= 1 << i;
  }
  return bits;
}

/** The remembered weeks as the review's session keys ("2024-01-08|AM"), up to `asOf`. */
export function openSessionKeys(weeks: OpenWeeks, asOf: IsoDate): string[] {
  const keys: string[] = [];
  for (const monday of Object.keys(weeks).sort()) {
    const bits = weeks[monday];
    for (let i = 0; i < SESSIONS_A_WEEK; i++) {
      if (!(bits & (1 << i))) continue;
      const s = sessionAt(monday, i);
      if (s.date <= asOf) keys.push(sessionKey(s.date, s.session));
    }
  }
  return keys;
}

/** Whether the memory covers exactly these weeks (the Register's header): else it is not used. */
export function coversWeeks(weeks: OpenWeeks, mondays: readonly IsoDate[]): boolean {
  const have = Object.keys(weeks);
  if (have.length !== new Set(mondays).size) return false;
  return mondays.every((m) => weeks[m] !== undefined);
}

/**
 * The memory after an import merged into the Register (`grid`: the whole tab after the merge,
 * header first). The weeks whose columns changed, and the weeks the import's marks fall in (so
 * re-running an import that stopped before saving the memory mends it), are worked out again
 * from their columns; the others are kept. When the memory did not match the Register's weeks
 * before, or the week columns were put back in order, every week is worked out again.
 */
export function openWeeksAfterMerge(prev: OpenWeeks | null, grid: readonly (readonly unknown[])[], changedColumns: readonly number[], importedWeeks: readonly IsoDate[]): OpenWeeks {
  if (!grid.length) return {};
  const weeks = registerLayout(grid[0] as unknown[]).weeks;
  const changed = new Set(changedColumns);
  const imported = new Set(importedWeeks);
  const known = (w: { monday: IsoDate; col: number }) => !!prev && prev[w.monday] !== undefined && !changed.has(w.col);
  const keep = !!prev && weeks.every((w) => known(w) || changed.has(w.col)) && Object.keys(prev).every((m) => weeks.some((w) => w.monday === m));
  const out: OpenWeeks = {};
  for (const w of weeks) {
    out[w.monday] = keep && known(w) && !imported.has(w.monday)
      ? (prev as OpenWeeks)[w.monday]
      : openSessionsOfColumn(grid.slice(1).map((row) => row[w.col]));
  }
  return out;
}

/** The whole memory from the marks a review read, every week of the Register there (0 when none open). */
export function openWeeksOfRegister(registerWeeks: readonly IsoDate[], marks: readonly Mark[]): OpenWeeks {
  const out: OpenWeeks = {};
  for (const m of registerWeeks) out[m] = 0;
  const seen = openWeeksOfMarks(marks);
  for (const m of Object.keys(seen)) if (out[m] !== undefined) out[m] = seen[m];
  return out;
}
