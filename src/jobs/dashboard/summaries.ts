/**
 * The Dashboard's tables for SLT (pure): attendance by stage and year, the persistent-absence rate
 * week by week over the term, homework pink/red by week and letters by type. Counts only, no
 * names: the dashboard is for the whole school.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { AttendanceReview } from '../../core/attendance/review';
import { schoolFigures } from '../../core/attendance/schoolRates';
import { HomeworkWeeks } from '../../core/homework/weeks';
import { LetterLogEntry } from '../../core/types';
import { letterTitle, LETTER_TYPES } from '../../core/letters/defaultTemplates';
import { PaWeek } from './weekly';
import { academicYearOfDate } from '../../core/calendar/academicYear';

/**
 * One row per year group. Stage counts, PA and SA are pupils on roll (the pupils to act on); a
 * pupil with too few sessions this year has no stage and is counted apart. The attendance % is the
 * year group's rate as the DfE counts it: this year's leavers up to their leaving date.
 */
export interface StageRow {
  year: number;
  pupils: number;
  reward: number;
  level1: number;
  level2: number;
  tooFew: number;
  noData: number;
  pa: number;
  sa: number;
  /** The year group's attendance %, leavers counted to their leaving date; null with no sessions. */
  percent: number | null;
}

export function attendanceByStageAndYear(review: AttendanceReview): StageRow[] {
  const by = new Map<number, StageRow>();
  const row = (year: number): StageRow => {
    let r = by.get(year);
    if (!r) by.set(year, (r = { year, pupils: 0, reward: 0, level1: 0, level2: 0, tooFew: 0, noData: 0, pa: 0, sa: 0, percent: null }));
    return r;
  };
  for (const p of review.pupils) {
    const r = row(p.year);
    r.pupils++;
    if (p.stage) r[p.stage]++;
    else if (p.tooFewSessions) r.tooFew++;
    else r.noData++;
    if (p.pa) r.pa++;
    if (p.sa) r.sa++;
  }
  for (const l of review.leavers) if (!by.has(l.year) && l.figures.possible > 0) row(l.year);
  by.forEach((r) => {
    r.percent = schoolFigures(review, (p) => p.year === r.year).percent;
  });
  return Array.from(by.values()).sort((a, b) => a.year - b.year);
}

export interface HomeworkWeekRow {
  weekStart: IsoDate;
  pink: number;
  red: number;
  misses: number;
}

/** Pupils pink and red in each of the last `weeks` school weeks. */
export function homeworkByWeek(hw: HomeworkWeeks, weeks = 12): HomeworkWeekRow[] {
  const n = hw.weeks.length;
  const from = Math.max(0, n - weeks);
  const rows: HomeworkWeekRow[] = hw.weeks.slice(from).map((w) => ({ weekStart: w, pink: 0, red: 0, misses: 0 }));
  hw.pupils.forEach((ph) => {
    for (let i = from; i < n; i++) {
      const w = ph.weeks[i];
      const row = rows[i - from];
      row.misses += w.misses;
      if (w.band === 'pink') row.pink++;
      else if (w.band === 'red') row.red++;
    }
  });
  return rows;
}

export interface LetterTypeRow {
  type: string;
  title: string;
  count: number;
}

/** Letters produced by type this academic year (cancelled ones and episode markers left out). */
export function lettersByType(log: LetterLogEntry[], asOf: IsoDate, settings: Settings): LetterTypeRow[] {
  const yearStart = academicYearOfDate(asOf, settings).start;
  const counts = new Map<string, number>();
  for (const l of log) {
    if (!l.date || l.date < yearStart || l.date > asOf) continue;
    if (/cancel/i.test(l.status)) continue;
    if (!(LETTER_TYPES as string[]).includes(l.type)) continue;
    counts.set(l.type, (counts.get(l.type) || 0) + 1);
  }
  return LETTER_TYPES.filter((t) => counts.has(t)).map((t) => ({ type: t, title: letterTitle(t), count: counts.get(t) || 0 }));
}

export interface DashboardData {
  asOf: IsoDate;
  stages: StageRow[];
  pa: PaWeek[];
  homework: HomeworkWeekRow[];
  letters: LetterTypeRow[];
}

export type Cell = string | number;

export interface Block {
  title: string;
  header: string[];
  rows: Cell[][];
  chart: { type: 'COLUMN' | 'LINE' | 'BAR' | 'PIE'; stacked?: boolean; title: string };
}

const uk = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export function dashboardBlocks(d: DashboardData): Block[] {
  return [
    {
      title: 'Attendance by stage and year (pupils)',
      header: ['Year', 'Reward', 'Level 1', 'Level 2', 'Too few sessions', 'No data', 'PA', 'SA', 'Attendance % (incl. leavers)'],
      rows: d.stages.map((r) => [`Year ${r.year}`, r.reward, r.level1, r.level2, r.tooFew, r.noData, r.pa, r.sa, r.percent === null ? '' : r.percent]),
      chart: { type: 'COLUMN', stacked: true, title: 'Attendance stage by year' },
    },
    {
      title: 'Persistent absence rate over the term (%)',
      header: ['Week of', 'PA rate %', 'PA pupils', 'Pupils (incl. leavers)'],
      rows: d.pa.map((w) => [uk(w.weekStart), w.rate, w.pa, w.pupils]),
      chart: { type: 'LINE', title: 'PA rate over the term (%)' },
    },
    {
      title: 'Homework: pupils pink and red by week',
      header: ['Week of', 'Pink', 'Red', 'Misses'],
      rows: d.homework.map((w) => [uk(w.weekStart), w.pink, w.red, w.misses]),
      chart: { type: 'COLUMN', stacked: true, title: 'Homework pink and red by week' },
    },
    {
      title: 'Letters this academic year by type',
      header: ['Letter', 'Letters'],
      rows: d.letters.map((l) => [l.title, l.count]),
      chart: { type: 'BAR', title: 'Letters by type' },
    },
  ];
}

export interface Layout {
  grid: Cell[][];
  /** Where each block's chart data sits (1-based row/col, header row included). */
  ranges: { row: number; col: number; rows: number; cols: number; chartColumns: number }[];
}

/** Blocks one under another in columns A…, a blank row between: one rectangular grid, one write. */
export function layoutBlocks(title: string, asOf: IsoDate, blocks: Block[]): Layout {
  const width = Math.max(2, ...blocks.map((b) => b.header.length));
  const pad = (r: Cell[]) => r.concat(new Array(width - r.length).fill(''));
  const grid: Cell[][] = [pad([title]), pad([`As of ${uk(asOf)}. Counts only; refreshed by Pastoral Tracker → Data → Refresh dashboard.`]), pad([])];
  const ranges: Layout['ranges'] = [];
  for (const b of blocks) {
    grid.push(pad([b.title]));
    const headerRow = grid.length + 1;
    grid.push(pad(b.header));
    const rows = b.rows.length ? b.rows : [pad(['(none yet)', ...new Array(b.header.length - 1).fill(0)]).slice(0, b.header.length)];
    for (const r of rows) grid.push(pad(r));
    // The chart shows the category column and the series before the "context" columns.
    const chartColumns = b.chart.type === 'LINE' ? 2 : b.title.startsWith('Homework') ? 3 : b.title.startsWith('Attendance') ? 4 : b.header.length;
    ranges.push({ row: headerRow, col: 1, rows: rows.length + 1, cols: b.header.length, chartColumns });
    grid.push(pad([]));
  }
  return { grid, ranges };
}
