/**
 * The hidden Mail Log tab: one row per send key (a message, or each part of a merged message) with
 * its status, so a run that stops half-way and is run again sends nothing twice (gas/mail.ts).
 * It holds no pupil data: keys, dates, recipients' staff addresses and subjects checked free of names.
 */
import { cellText, toCell } from './cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const MAIL_LOG = 'Mail Log';
export const MAIL_LOG_HEADER = ['Key', 'Date', 'To', 'Subject', 'Status', 'Problem'];

export type MailStatus = 'Sending' | 'Sent' | 'Failed' | 'Deferred';

export interface LogRow {
  row: number; // 1-based sheet row
  status: string;
}

/** The Mail Log key of a send key (test-mode sends are recorded apart, so a real run still sends). */
export function mailLogKey(sendKey: string, testMode: boolean): string {
  return (testMode ? 'test|' : '') + sendKey;
}

/** The Mail Log's status by key (one read; empty when there is no Mail Log yet). */
export function mailLogStatuses(ss: Spreadsheet): Map<string, string> {
  const sheet = ss.getSheetByName(MAIL_LOG);
  const out = new Map<string, string>();
  if (!sheet) return out;
  readLog(sheet).rows.forEach((r, k) => out.set(k, r.status));
  return out;
}

/** The hidden Mail Log tab, created on first use. */
export function mailLogSheet(ss: Spreadsheet): Sheet {
  let sheet = ss.getSheetByName(MAIL_LOG);
  if (!sheet) sheet = ss.insertSheet(MAIL_LOG);
  // Also when an earlier run was stopped between making the tab and writing its header: without
  // the header, rows would be numbered one off and a status could land on the wrong message.
  if (sheet.getLastRow() === 0) {
    sheet.getRange(1, 1, 1, MAIL_LOG_HEADER.length).setValues([MAIL_LOG_HEADER]);
    sheet.hideSheet();
  } else if (sheet.getLastColumn() < MAIL_LOG_HEADER.length) {
    // A Mail Log from before the Problem column: add its header (the column after Status).
    sheet.getRange(1, MAIL_LOG_HEADER.length).setValue(MAIL_LOG_HEADER[MAIL_LOG_HEADER.length - 1]);
  }
  return sheet;
}

export function readLog(sheet: Sheet): { rows: Map<string, LogRow>; lastRow: number } {
  const values = sheet.getLastRow() > 0 ? sheet.getDataRange().getValues() : [];
  const rows = new Map<string, LogRow>();
  const header = (values[0] || []).map((h) => cellText(h).toLowerCase());
  const k = Math.max(0, header.indexOf('key'));
  const s = header.indexOf('status') >= 0 ? header.indexOf('status') : 4;
  for (let r = 1; r < values.length; r++) {
    const key = cellText(values[r][k]);
    if (key) rows.set(key, { row: r + 1, status: cellText(values[r][s]) });
  }
  return { rows, lastRow: Math.max(values.length, 1) };
}

export function setStatus(sheet: Sheet, row: number, status: MailStatus, problem?: string): void {
  const col = MAIL_LOG_HEADER.indexOf('Status') + 1;
  // Status and Problem are adjacent: one write for both when there is a problem to record.
  if (problem !== undefined) sheet.getRange(row, col, 1, 2).setValues([[status, toCell(problem, 'text')]]);
  else sheet.getRange(row, col).setValue(status);
}
