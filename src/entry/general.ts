/**
 * Entry points for set-up and imports. Each is a top-level function in the bundle (see main.ts);
 * they take the lock, call a job, and tell the person what happened.
 */
import { buildMenu } from './menu';
import { setUpTrackerJob, describeSetup } from '../jobs/setupTracker';
import { importStaged, stagingTab, describePause, STAGING_PREFIX } from '../jobs/importData';
import { formatImportReport } from '../core/records/merge';
import { withDocumentLock, BusyError } from '../gas/lock';
import { TrackerError } from '../gas/tables';
import { tell, askText, toast } from '../gas/ui';
import { TABS } from '../core/tabs';
import { rememberOwner } from '../gas/owner';
import { AccessError } from '../jobs/access';
import { checkImportAccess } from '../jobs/importFile';
import { PROBLEMS_TAB } from '../jobs/importProblems';
import { activeUserEmail } from '../gas/session';

export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  buildMenu(e && e.authMode);
}

export function onInstall(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  onOpen(e);
}

export function setUpTracker(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  rememberOwner(activeUserEmail()); // the first person to set up owns the tracker (may use every job)
  const text = withDocumentLock('Set up tracker', () => describeSetup(setUpTrackerJob(ss)));
  tell('Set up tracker', text);
  return text;
}

/** Menu: make an "Import - <Tab>" tab formatted as plain text, ready for a paste. */
export function prepareImportTab(): void {
  const names = TABS.map((t) => t.name).concat(['Register Grid', 'Progress Wide']);
  const answer = askText('Make an import tab', `Which tab is the export for?\n${names.join(', ')}`);
  if (answer === null) return;
  const target = names.find((n) => n.toLowerCase() === answer.toLowerCase());
  if (!target) {
    tell('Make an import tab', `"${answer}" is not one of: ${names.join(', ')}.`);
    return;
  }
  const sheet = stagingTab(SpreadsheetApp.getActiveSpreadsheet(), target);
  SpreadsheetApp.getActiveSpreadsheet().setActiveSheet(sheet);
  tell('Make an import tab', `Paste the ${target} export into "${STAGING_PREFIX}${target}" (header row first), then choose Data → Import pasted data.`);
}

export function importPastedData(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let result;
  try {
    checkImportAccess(ss); // a menu function is also callable from google.script.run
    toast('Importing…');
    result = withDocumentLock('Import', () => importStaged(ss));
  } catch (e) {
    // Another job holds the tracker, a tab/header a person can fix, or not allowed: say so in words.
    if (!(e instanceof BusyError) && !(e instanceof TrackerError) && !(e instanceof AccessError)) throw e;
    tell('Import', e.message);
    return e.message;
  }
  const pause = describePause(result);
  const refused = result.refusals.length ? `\n\nThe refused rows are listed on the ${PROBLEMS_TAB} tab.` : '';
  const removed = result.reports.some((r) => r.headerMessages.length) ? `\n\nThe "${STAGING_PREFIX}" tab was removed: fix the header in the export, then paste it again.` : '';
  const text = result.reports.length
    ? formatImportReport(result.reports) + refused + removed + (pause ? `\n\n${pause}` : '')
    : `Nothing to import: paste an export into a tab named "${STAGING_PREFIX}<Tab>" first (Data → Make an import tab), or use Data → Import a file.`;
  tell('Import', text);
  return text;
}

export function showHelp(): void {
  const html = HtmlService.createHtmlOutput(
    '<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.5">' +
      '<p><b>Pastoral Tracker</b> keeps homework, attendance, letters, the QA calendar and mentoring in this spreadsheet.</p>' +
      '<ol><li>Set up tracker (adds the tabs).</li><li>Data → Import a file: choose each MIS export (CSV or Excel) on your computer.</li>' +
      '<li>Homework → Refresh, Attendance → Review, then Letters → Letter run.</li><li>QA calendar → Turn on morning e-mails.</li></ol>' +
      '<p>Settings holds your school name, address, thresholds and e-mail domain.</p></div>',
  ).setTitle('Pastoral Tracker help');
  SpreadsheetApp.getUi().showSidebar(html);
}
