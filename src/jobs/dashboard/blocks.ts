/**
 * The Dashboard tab's layout (pure): six small tables one under another, each the data of the
 * chart drawn beside it. Percentages stay numbers (formatted 93.3% by the job), so Sheets can chart
 * them; a week is its Monday as an ISO date in `dateCols`, written as a date cell (dd/mm/yyyy) by
 * the job, whatever the spreadsheet's locale — a chart takes date cells as its categories.
 * National figures (Settings → Dashboard) sit beside the school's: a row of the attendance table
 * and a flat line on the weekly charts; left out while the school has not filled them in.
 */
import { toUk } from '../../core/dates';
import { DashboardData } from './summaries';

export type Cell = string | number;

export interface Block {
  title: string;
  header: string[];
  rows: Cell[][];
  /** Columns (0-based) holding percentages: shown with one decimal and a % sign. */
  percentCols: number[];
  /** Columns (0-based) holding ISO dates, written as date cells. */
  dateCols?: number[];
  /** The chart shows the first `chartColumns` columns (categories, then its series). */
  chart: { type: 'COLUMN' | 'LINE' | 'BAR'; stacked?: boolean; title: string; columns: number; colors?: string[]; axisMin?: number };
}

const blank = (v: number | null): Cell => (v === null ? '' : v);

/** A round value (a multiple of 5) at least 2 points below the lowest % of columns B–C, never below 0. */
function axisFloor(rows: Cell[][]): number {
  const vals = rows.flatMap((r) => [r[1], r[2]]).filter((v): v is number => typeof v === 'number');
  return vals.length ? Math.max(0, Math.floor((Math.min(...vals) - 2) / 5) * 5) : 0;
}

function nationalName(d: DashboardData): string {
  return d.national.nationalLabel ? `National (${d.national.nationalLabel})` : 'National';
}

export function dashboardBlocks(d: DashboardData): Block[] {
  const a = d.attendance;
  const nat = d.national;
  const hasNat = nat.nationalAttendance !== null || nat.nationalPaRate !== null;
  const groups: Cell[][] = a.groups.map((g) => [g.label, blank(g.week), blank(g.ytd), blank(g.paRate), g.pa, g.pupils]);
  if (hasNat) groups.push([nationalName(d), '', blank(nat.nationalAttendance), blank(nat.nationalPaRate), '', '']);

  const weekHeader = ['Week of', 'Whole school %', 'Pupil premium %', 'Not pupil premium %'];
  const natAtt = nat.nationalAttendance;
  if (natAtt !== null) weekHeader.push(`${nationalName(d)} %`);
  const natPa = nat.nationalPaRate;
  const paHeader = ['Week of', 'PA rate %'].concat(natPa !== null ? [`${nationalName(d)} %`] : []).concat(['PA pupils', 'Pupils']);

  return [
    {
      title: a.through && a.weekStart
        ? `Attendance: this week (w/c ${toUk(a.weekStart)}) and the year to date, completed school days to ${toUk(a.through)}`
        : 'Attendance: no completed school day this year yet',
      header: ['Group', 'This week %', 'Year to date %', 'PA rate %', 'PA pupils', 'Pupils'],
      rows: groups,
      percentCols: [1, 2, 3],
      // Columns from 0 would make 91% and 95% look the same: the axis starts a little below the lowest.
      chart: { type: 'COLUMN', title: 'Attendance this week and year to date (%)', columns: 3, colors: ['#1a73e8', '#9aa0a6'], axisMin: axisFloor(groups) },
    },
    {
      title: 'Attendance week by week this academic year (each week its own sessions, %)',
      header: weekHeader,
      rows: a.weeks.map((w) => [w.weekStart, blank(w.school), blank(w.pp), blank(w.notPp)].concat(natAtt !== null ? [natAtt] : [])),
      percentCols: weekHeader.map((_, i) => i).slice(1),
      dateCols: [0],
      chart: { type: 'LINE', title: 'Attendance by week: whole school, PP and not PP (%)', columns: weekHeader.length },
    },
    {
      title: "Persistent absence rate week by week (the year to each week's end, %)",
      header: paHeader,
      rows: a.weeks.map((w) => [w.weekStart, blank(w.paRate)].concat(natPa !== null ? [natPa] : []).concat([w.pa, w.pupils])),
      percentCols: natPa !== null ? [1, 2] : [1],
      dateCols: [0],
      chart: { type: 'LINE', title: 'Persistent absence rate by week (%)', columns: natPa !== null ? 3 : 2, colors: ['#d93025', '#9aa0a6'] },
    },
    {
      title: 'Attendance stage by year (pupils on roll, as on the Attendance tab)',
      header: ['Year', 'Reward', 'Level 1', 'Level 2', 'Too few sessions', 'No data', 'PA', 'SA'],
      rows: d.stages.map((r) => [`Year ${r.year}`, r.reward, r.level1, r.level2, r.tooFew, r.noData, r.pa, r.sa]),
      percentCols: [],
      chart: { type: 'COLUMN', stacked: true, title: 'Attendance stage by year (pupils)', columns: 4, colors: ['#34a853', '#fbbc04', '#ea4335'] },
    },
    {
      title: 'Homework: pupils pink and red by week',
      header: ['Week of', 'Pink', 'Red', 'Misses'],
      rows: d.homework.map((w) => [w.weekStart, w.pink, w.red, w.misses]),
      percentCols: [],
      dateCols: [0],
      chart: { type: 'COLUMN', stacked: true, title: 'Homework pink and red by week (pupils)', columns: 3, colors: ['#f4b6c2', '#e06666'] },
    },
    {
      title: 'Letters this academic year by type',
      header: ['Letter', 'Letters'],
      rows: d.letters.map((l) => [l.title, l.count]),
      percentCols: [],
      chart: { type: 'BAR', title: 'Letters by type', columns: 2 },
    },
  ];
}

export interface Layout {
  grid: Cell[][];
  /** Where each block's table sits (1-based row/col, header row included). */
  ranges: { row: number; col: number; rows: number; cols: number; chartColumns: number; percentCols: number[]; dateCols: number[] }[];
}

/** Blocks one under another in columns A…, a blank row between: one rectangular grid, one write. */
export function layoutBlocks(title: string, lines: string[], blocks: Block[]): Layout {
  const width = Math.max(2, ...blocks.map((b) => b.header.length));
  const pad = (r: Cell[]) => r.concat(new Array(width - r.length).fill(''));
  const grid: Cell[][] = [pad([title])].concat(lines.map((l) => pad([l])), [pad([])]);
  const ranges: Layout['ranges'] = [];
  for (const b of blocks) {
    grid.push(pad([b.title]));
    const headerRow = grid.length + 1;
    grid.push(pad(b.header));
    const rows = b.rows.length ? b.rows : [['(none yet)'].concat(new Array(b.header.length - 1).fill(''))];
    for (const r of rows) grid.push(pad(r));
    ranges.push({ row: headerRow, col: 1, rows: rows.length + 1, cols: b.header.length, chartColumns: b.chart.columns, percentCols: b.percentCols, dateCols: b.rows.length ? b.dateCols || [] : [] });
    grid.push(pad([]));
  }
  return { grid, ranges };
}
