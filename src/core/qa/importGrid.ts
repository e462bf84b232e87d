/**
 * Imports the attendance QA calendar as schools already have it (seed 002): a Word table of
 * weeks, pasted into a sheet or extracted as tab-separated text.
 *
 *   WEEK  MONTH  |  Monday    |  Tuesday   | …        ← header: each weekday heads its task column,
 *   17    JAN    | 8 | task   | 9 | task   | …          the day-of-month sits in the column before
 *                |   | chain  |   | chain  |          ← then, per weekday column: owner chain,
 *                |   | checking for …                   checking for, follow up with staff by,
 *                |   | follow up by …                   review system by (blank = none)
 *                |   | review by …
 *
 * The month is written only where it changes, so it is carried from week to week and rolled on
 * when the day numbers wrap (29, 30, 31, 1, 2 → January then February). The year comes from the
 * academic year: September–December are `academicYearStart`, January–August the year after.
 * Detail rows are matched to tasks by column, exactly as the table lays them out — with one
 * repair: text extracted from Word sometimes drops an empty cell, shifting a week's detail rows one
 * weekday to the left (seed 002's week 17: the training day on Monday carries Tuesday's chain and
 * Friday's task has none). When the last task of a week has no detail cell at all while a day that
 * is not a task (training day, INSET, bank holiday) has one, the week's detail rows are moved one
 * day right and the import says so, for a person to check.
 *
 * Days that are not tasks are kept as dated rows (the calendar reads as the school wrote it) with
 * no owner chain; no one is reminded about them and their missing chain is not a problem.
 */
import { WEEKDAY_NAMES, isIsoDate, pad2, toUk, weekday } from '../dates';
import { QaTask } from '../types';
import { splitChain } from './chains';
import { isNonTaskDay } from './checks';

export interface GridImport {
  tasks: QaTask[];
  /** Messages a person can fix: they name the week, the day and the value. */
  problems: string[];
}

export interface GridOptions {
  /** The calendar year the academic year starts in (2023 for 2023/24). */
  academicYearStart: number;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type Detail = 'chain' | 'checkingFor' | 'followUpBy' | 'reviewBy';
const DETAIL_ORDER: Detail[] = ['chain', 'checkingFor', 'followUpBy', 'reviewBy'];

interface Layout {
  weekCol: number;
  monthCol: number;
  taskCols: number[]; // Monday … Friday
  headerRow: number; // -1 when there is no header row
}

/** Tab-separated text (Word table copied out) or the same grid as sheet cells. */
export function importQaGrid(input: string | unknown[][], opts: GridOptions): GridImport {
  const rows = (typeof input === 'string' ? textToRows(input) : input.map((r) => (r || []).map(cellText))).map((r) => r.map(clean));
  const layout = findLayout(rows);
  const problems: string[] = [];
  const tasks: QaTask[] = [];
  let month = 0; // 1–12 once known
  let lastDay = 0;

  for (let r = layout.headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!isWeekRow(row, layout)) continue;
    const weekLabel = at(row, layout.weekCol) ? `week ${at(row, layout.weekCol)}` : `row ${r + 1}`;
    const details = readDetails(rows, r + 1, layout);
    const detailCols = detailColumns(row, details, layout);
    if (detailCols !== layout.taskCols) problems.push(`QA Calendar, ${weekLabel}: owner rows realigned one day right (check them).`);

    const days = layout.taskCols.map((c) => toDayNumber(at(row, c - 1)));
    const given = parseMonth(at(row, layout.monthCol));
    if (given) {
      // A month written on a week that already wraps ("29 … 2" headed FEB) starts at the wrap.
      const wrapAt = days.findIndex((d, i) => d !== null && i > 0 && firstBefore(days, i) !== null && d < (firstBefore(days, i) as number));
      month = wrapAt >= 0 ? (given === 1 ? 12 : given - 1) : given;
      lastDay = 0;
    }

    layout.taskCols.forEach((col, i) => {
      const task = at(row, col);
      const day = days[i];
      if (day === null) {
        if (task) problems.push(`QA Calendar, ${weekLabel} ${WEEKDAY_NAMES[i]}: the task "${task}" has no day of the month in the cell before it.`);
        return;
      }
      if (month === 0) {
        problems.push(`QA Calendar, ${weekLabel}: no month is given before day ${day} (write JAN, FEB … in the MONTH column).`);
        return;
      }
      if (day < lastDay) month = month === 12 ? 1 : month + 1;
      lastDay = day;
      if (!task) return;
      const year = month >= 9 ? opts.academicYearStart : opts.academicYearStart + 1;
      const date = `${year}-${pad2(month)}-${pad2(day)}`;
      if (!isIsoDate(date)) {
        problems.push(`QA Calendar, ${weekLabel} ${WEEKDAY_NAMES[i]}: day ${day} does not exist in ${MONTHS[month - 1].toUpperCase()} ${year}.`);
        return;
      }
      if (weekday(date) !== i) {
        problems.push(`QA Calendar, ${weekLabel}: ${toUk(date)} ("${task}") is not a ${WEEKDAY_NAMES[i]} — check the month and the academic year.`);
      }
      const dcol = detailCols[i];
      const d = (k: Detail) => (dcol < 0 ? '' : at(details[k] || [], dcol));
      const qa: QaTask = {
        date,
        task,
        ownerChain: splitChain(d('chain')),
        checkingFor: d('checkingFor'),
        followUpBy: d('followUpBy'),
        reviewBy: d('reviewBy'),
        status: '',
        doneOn: '',
        doneBy: '',
      };
      if (qa.ownerChain.length === 0 && !isNonTaskDay(task)) {
        problems.push(`QA Calendar, ${weekLabel}: ${toUk(date)} "${task}" has no owner chain, so no one will be reminded (the chains in this week may be one column out).`);
      }
      tasks.push(qa);
    });
  }
  if (tasks.length === 0) problems.push('QA Calendar: no dated tasks found (expected a WEEK / MONTH / Monday … Friday grid).');
  return { tasks, problems };
}

/**
 * The column each weekday's details are read from: the task's own column, or — when the week's
 * detail rows are one day to the left (see the file comment) — the column of the day before
 * (Monday then has none: -1).
 */
function detailColumns(row: string[], details: Partial<Record<Detail, string[]>>, layout: Layout): number[] {
  const hasDetail = (col: number) => DETAIL_ORDER.some((k) => at(details[k] || [], col) !== '');
  const tasks = layout.taskCols.map((c) => at(row, c));
  let last = -1;
  tasks.forEach((t, i) => {
    if (t) last = i;
  });
  if (last <= 0 || hasDetail(layout.taskCols[last])) return layout.taskCols;
  const shiftedFromDayOff = tasks.some((t, i) => i < last && t !== '' && isNonTaskDay(t) && hasDetail(layout.taskCols[i]));
  if (!shiftedFromDayOff) return layout.taskCols;
  return layout.taskCols.map((_, i) => (i === 0 ? -1 : layout.taskCols[i - 1]));
}

function firstBefore(days: (number | null)[], i: number): number | null {
  for (let j = i - 1; j >= 0; j--) if (days[j] !== null) return days[j];
  return null;
}

/** The detail rows under a week row: labelled rows by their label, others in the usual order. */
function readDetails(rows: string[][], from: number, layout: Layout): Partial<Record<Detail, string[]>> {
  const out: Partial<Record<Detail, string[]>> = {};
  let next = 0;
  for (let r = from; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => c === '') || isWeekRow(row, layout)) break;
    const label = (at(row, layout.weekCol) + ' ' + at(row, layout.monthCol)).toLowerCase();
    // A row whose only text is in the label columns is a legend, not a detail row.
    if (!layout.taskCols.some((c) => at(row, c) !== '' || at(row, c - 1) !== '')) break;
    let kind: Detail | undefined = labelKind(label);
    if (!kind) {
      while (next < DETAIL_ORDER.length && out[DETAIL_ORDER[next]]) next++;
      kind = DETAIL_ORDER[next];
    }
    if (!kind) break;
    out[kind] = row;
  }
  return out;
}

function labelKind(label: string): Detail | undefined {
  if (/completed by|qa by|owner|chain/.test(label)) return 'chain';
  if (/checking/.test(label)) return 'checkingFor';
  if (/follow/.test(label)) return 'followUpBy';
  if (/review/.test(label)) return 'reviewBy';
  return undefined;
}

function findLayout(rows: string[][]): Layout {
  for (let r = 0; r < rows.length; r++) {
    const lower = rows[r].map((c) => c.toLowerCase());
    const taskCols = WEEKDAYS.map((d) => lower.findIndex((c) => c === d || c === d.slice(0, 3)));
    if (taskCols.every((c) => c > 0)) {
      const weekCol = lower.findIndex((c) => c === 'week' || c === 'wk' || c === 'week no');
      const monthCol = lower.findIndex((c) => c === 'month');
      return { weekCol: weekCol >= 0 ? weekCol : 0, monthCol: monthCol >= 0 ? monthCol : 1, taskCols, headerRow: r };
    }
  }
  // No header: the seed's own layout (week, month, then day/task pairs).
  return { weekCol: 0, monthCol: 1, taskCols: [3, 5, 7, 9, 11], headerRow: -1 };
}

function isWeekRow(row: string[], layout: Layout): boolean {
  if (/^\d{1,2}$/.test(at(row, layout.weekCol))) return true;
  return layout.taskCols.some((c) => toDayNumber(at(row, c - 1)) !== null && at(row, c) !== '');
}

function toDayNumber(s: string): number | null {
  if (!/^\d{1,2}(?:st|nd|rd|th)?$/i.test(s)) return null;
  const n = parseInt(s, 10);
  return n >= 1 && n <= 31 ? n : null;
}

function parseMonth(s: string): number {
  const m = /^([a-z]{3})/i.exec(s.trim());
  if (!m) return 0;
  return MONTHS.indexOf(m[1].toLowerCase()) + 1;
}

function at(row: string[], i: number): string {
  return i >= 0 && i < row.length ? row[i] : '';
}

function textToRows(text: string): string[][] {
  return text.split(/\r?\n/).map((line) => line.split('\t'));
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

/** One line of plain text: Word's superscripts ("1 <sup>st</sup>") joined, spacing collapsed. */
function clean(s: string): string {
  return s
    .replace(/\s*<sup>\s*(.*?)\s*<\/sup>/gi, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
