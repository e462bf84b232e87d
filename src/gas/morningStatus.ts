/**
 * The morning trigger's last run, where people can see it (issue 15 §7). A failing time-driven
 * trigger of an add-on e-mails nobody (SPEC §9; Google's failure notices go to a script
 * project's owner, and a school owns no project of an add-on — developers.google.com/workspace/
 * add-ons/concepts/editor-triggers), so the add-on keeps its own record:
 *  - in the document's properties (when, how it went, whose trigger; a summary with counts only,
 *    never pupil data), for the Settings sidebar and "Check this tracker";
 *  - in the "Tracker Status" tab, a small visible table staff can glance at.
 */
import { toCell } from './cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KEY = 'pastoralTracker.morning.lastRun';
export const STATUS_TAB = 'Tracker Status';
const HEADER = ['Job', 'Last run', 'Result', 'Run by', 'Details'];
const MORNING_ROW = 2;

export type MorningResult = 'OK' | 'Failed' | 'Skipped';

export interface MorningStatus {
  /** ISO date and time (UK) of the run. */
  at: string;
  result: MorningResult;
  /** Whose trigger ran it. */
  by: string;
  /** Counts or the error's first line (no pupil data). */
  details: string;
}

export function loadMorningStatus(): MorningStatus | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as MorningStatus;
  } catch (e) {
    return null;
  }
}

/** Records the run in the properties and on the Tracker Status tab (made small on first use). */
export function recordMorningStatus(ss: Spreadsheet, status: MorningStatus): void {
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(status));
  let sheet = ss.getSheetByName(STATUS_TAB);
  if (!sheet) {
    sheet = ss.insertSheet(STATUS_TAB);
    // A few cells, not the 26,000 of a new tab: the spreadsheet's 10 million cells are for pupils.
    sheet.deleteColumns(HEADER.length + 1, sheet.getMaxColumns() - HEADER.length);
    sheet.deleteRows(MORNING_ROW + 2, sheet.getMaxRows() - MORNING_ROW - 1);
    sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  sheet.getRange(MORNING_ROW, 1, 1, HEADER.length).setValues([[
    'Morning run (e-mails, refresh, review)',
    toCell(status.at.replace('T', ' '), 'text'),
    status.result,
    toCell(status.by, 'text'),
    toCell(status.details, 'text'),
  ]]);
  // Written before an error ends the execution: it must not be lost with the run's other writes.
  SpreadsheetApp.flush();
}

/** "Last morning run: 26/01/2024 07:02 — OK (12 e-mails sent) — hoy9@…" for people. */
export function describeMorningStatus(s: MorningStatus | null): string {
  if (!s) return 'The morning run has not run yet in this tracker.';
  const [d, t] = s.at.split('T');
  const when = `${d.split('-').reverse().join('/')} ${String(t || '').slice(0, 5)}`.trim();
  return `Last morning run: ${when} — ${s.result}${s.details ? ` (${s.details})` : ''}${s.by ? ` — ${s.by}'s trigger` : ''}.`;
}
