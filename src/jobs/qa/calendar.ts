/**
 * The QA Calendar tab (issue 7): importing the calendar as schools have it, and marking a task done.
 *
 * Import: staff paste the Word grid (seed 002's layout) into the tab "Import - QA Calendar Grid",
 * or the plain CSV form (Date, Task, Owner Chain, …) into "Import - QA Calendar". Rows are written
 * to the QA Calendar tab by key (date + task): the chain, checking for and dates are updated from
 * the import; Status, Done On and Done By are the staff's and are never touched by an import.
 */
import { IsoDate, toUk } from '../../core/dates';
import { Settings } from '../../core/settings';
import { QaTask } from '../../core/types';
import { importQaGrid } from '../../core/qa/importGrid';
import { isNonTaskDay } from '../../core/qa/checks';
import { readValues, upsertByKey } from '../../gas/tables';
import { ensureTab } from '../../gas/setupTabs';
import { tabDef } from '../../core/tabs';
import { importRows, STAGING_PREFIX } from '../importData';
import { loadTabs } from '../load';
import { UserError } from '../../core/errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const QA_GRID_TAB = `${STAGING_PREFIX}QA Calendar Grid`;
export const QA_CSV_TAB = `${STAGING_PREFIX}QA Calendar`;

export interface QaImportResult {
  source: 'grid' | 'csv';
  tasks: number;
  added: number;
  updated: number;
  problems: string[];
}

/** The academic year holding `asOf` starts in September of this calendar year. */
export function academicYearStart(asOf: IsoDate): number {
  const y = Number(asOf.slice(0, 4));
  return Number(asOf.slice(5, 7)) >= 8 ? y : y - 1;
}

/** Import the pasted grid (or the staged CSV form) into the QA Calendar tab. */
export function importQaCalendarJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate): QaImportResult {
  // The staging tab goes after its import, whatever happened (issue 16): a paste is imported once.
  const grid = ss.getSheetByName(QA_GRID_TAB);
  if (grid) {
    try {
      return importGridValues(ss, readValues(grid), asOf);
    } finally {
      ss.deleteSheet(grid);
    }
  }
  const csv = ss.getSheetByName(QA_CSV_TAB);
  if (csv) {
    try {
      const report = importRows(ss, 'QA Calendar', readValues(csv));
      return {
        source: 'csv',
        tasks: report.added + report.updated + report.unchanged,
        added: report.added,
        updated: report.updated,
        problems: report.refusals.map((r) => `QA Calendar import, row ${r.row}: ${r.reason}`),
      };
    } finally {
      ss.deleteSheet(csv);
    }
  }
  throw new UserError(`Paste the QA calendar (the Word table, as it is) into a tab named "${QA_GRID_TAB}" — or the Date, Task, Owner Chain… columns into "${QA_CSV_TAB}" — then choose Import QA calendar again.`);
}

/** The grid as cells (a pasted sheet, or the CLI's tab-separated seed split into cells). */
export function importGridValues(ss: Spreadsheet, values: unknown[][], asOf: IsoDate): QaImportResult {
  const { tasks, problems } = importQaGrid(values, { academicYearStart: academicYearStart(asOf) });
  if (tasks.length === 0) return { source: 'grid', tasks: 0, added: 0, updated: 0, problems };
  ensureTab(ss, tabDef('QA Calendar'));
  const records = tasks.map((t) => ({ date: t.date, task: t.task, ownerChain: t.ownerChain.join(' > '), checkingFor: t.checkingFor, followUpBy: t.followUpBy, reviewBy: t.reviewBy }));
  const r = upsertByKey(ss, 'QA Calendar', records, { fields: ['ownerChain', 'checkingFor', 'followUpBy', 'reviewBy'] });
  return { source: 'grid', tasks: tasks.length, added: r.added, updated: r.updated, problems };
}

export function describeQaImport(r: QaImportResult): string {
  const lines = [`${r.tasks} dated task(s) read from the ${r.source === 'grid' ? 'pasted grid' : 'CSV'}: ${r.added} added, ${r.updated} updated. Status, Done On and Done By were left as they were.`];
  if (r.problems.length) lines.push('', 'Please check:', ...r.problems.map((p) => `• ${p}`));
  return lines.join('\n');
}

// ——— Today's tasks (sidebar) and Mark done ———

export interface TaskView {
  date: IsoDate;
  dateUk: string;
  task: string;
  ownerChain: string;
  checkingFor: string;
  followUpBy: string;
  reviewBy: string;
  status: string;
}

/** The tasks on the calendar for today and any earlier not-done tasks (the sidebar's list). */
export function todaysTasksJob(ss: Spreadsheet, asOf: IsoDate): { asOf: IsoDate; today: TaskView[]; open: TaskView[] } {
  const tasks = loadTabs(ss, ['QA Calendar']).data['QA Calendar'] || [];
  const view = (t: QaTask): TaskView => ({ date: t.date, dateUk: toUk(t.date), task: t.task, ownerChain: t.ownerChain.join(' > '), checkingFor: t.checkingFor, followUpBy: t.followUpBy, reviewBy: t.reviewBy, status: t.status });
  const real = tasks.filter((t) => !isNonTaskDay(t.task));
  return {
    asOf,
    today: real.filter((t) => t.date === asOf).map(view),
    open: real.filter((t) => t.date < asOf && t.status === '').sort((a, b) => (a.date < b.date ? -1 : 1)).map(view),
  };
}

/** Status Done, Done On today, Done By the user — on the row with this date and task. */
export function markTaskDoneJob(ss: Spreadsheet, date: IsoDate, task: string, user: string, asOf: IsoDate): { updated: boolean } {
  const tasks = loadTabs(ss, ['QA Calendar']).data['QA Calendar'] || [];
  const found = tasks.find((t) => t.date === date && t.task.trim().toLowerCase() === task.trim().toLowerCase());
  if (!found) throw new UserError(`The QA Calendar has no task "${task}" on ${toUk(date)}.`);
  if (found.status !== '') return { updated: false };
  upsertByKey(ss, 'QA Calendar', [{ date: found.date, task: found.task, status: 'Done', doneOn: asOf, doneBy: user }], { fields: ['status', 'doneOn', 'doneBy'], addMissing: false });
  return { updated: true };
}
