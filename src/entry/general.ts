/**
 * Entry points for set-up, imports and help. Each is a top-level function of the bundle (see
 * main.ts) made by a wrapper from ./wrap.ts, which checks who is calling; they take the lock, call
 * a job, and say what happened.
 */
import { buildMenu } from './menu';
import { menuItem, simpleTrigger, triggerHandler } from './wrap';
import { setUpTrackerJob, describeSetup } from '../jobs/setupTracker';
import { importStaged, stagingTab, describePause, STAGING_PREFIX, CONTINUE_IMPORT, StagedImportResult } from '../jobs/importData';
import { formatImportReport } from '../core/records/merge';
import { PROBLEMS_TAB } from '../jobs/importProblems';
import { withDocumentLock } from '../gas/lock';
import { askText, toast } from '../gas/ui';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { currentUser } from '../gas/session';
import { rememberOwner, trackerOwners } from '../gas/owner';
import { clearContinuation } from '../gas/triggers';
import { showSidebar } from '../gas/sidebar';
import { TABS } from '../core/tabs';

export const onOpen = simpleTrigger((e?: { authMode?: GoogleAppsScript.Script.AuthMode }) => buildMenu(e && e.authMode));

export const onInstall = simpleTrigger((e?: { authMode?: GoogleAppsScript.Script.AuthMode }) => buildMenu(e && e.authMode));

const setUp = menuItem('Set up tracker', 'settings', () => {
  rememberOwner(currentUser());
  return withDocumentLock('Set up tracker', () => describeSetup(setUpTrackerJob(activeSpreadsheet())));
});

/**
 * Menu: Set up tracker. On a file nobody owns in Drive (a shared drive) that was never set up, the
 * first person to set it up becomes its owner; otherwise it is for the owner and settings staff.
 */
export const setUpTracker = Object.assign(() => {
  if (!trackerOwners().length) rememberOwner(currentUser());
  setUp();
}, { access: setUp.access });

/** Menu: make an "Import - <Tab>" tab formatted as plain text, ready for a paste. */
export const prepareImportTab = menuItem('Make an import tab', 'settings', () => {
  const names = TABS.map((t): string => t.name).concat(['Register Grid', 'Progress Wide']);
  const answer = askText('Make an import tab', `Which tab is the export for?\n${names.join(', ')}`);
  if (answer === null) return;
  const target = names.find((n) => n.toLowerCase() === answer.toLowerCase());
  if (!target) return `"${answer}" is not one of: ${names.join(', ')}.`;
  const ss = activeSpreadsheet();
  ss.setActiveSheet(stagingTab(ss, target));
  return `Paste the ${target} export into "${STAGING_PREFIX}${target}" (header row first), then choose Data → Import pasted data.`;
});

function describeImport(result: StagedImportResult, nothing: string): string {
  if (!result.reports.length) return nothing;
  const pause = describePause(result);
  const refused = result.refusals.length ? `\n\nThe refused rows are listed on the ${PROBLEMS_TAB} tab.` : '';
  const removed = result.reports.some((r) => r.headerMessages.length) ? `\n\nThe "${STAGING_PREFIX}" tab was removed: fix the header in the export, then paste it again.` : '';
  return formatImportReport(result.reports) + refused + removed + (pause ? `\n\n${pause}` : '');
}

/** Menu: Data → Import pasted data. */
export const importPastedData = menuItem('Import', 'settings', () => {
  toast('Importing…');
  const result = withDocumentLock('Import', () => importStaged(activeSpreadsheet()));
  return describeImport(result, `Nothing to import: paste an export into a tab named "${STAGING_PREFIX}<Tab>" first (Data → Make an import tab), or use Data → Import a file.`);
});

/**
 * The one-off trigger a big import sets when it runs out of time. It removes itself, carries on
 * from the checkpoint, and sets itself again if there is still more to do.
 */
export const continueImport = triggerHandler('Import', 'settings', () => {
  const ss = activeSpreadsheet();
  clearContinuation(ss, CONTINUE_IMPORT);
  const result = withDocumentLock('Import', () => importStaged(ss));
  const rows = result.reports.reduce((n, r) => n + r.added + r.updated, 0);
  return {
    summary: { tabs: result.reports.length, rows, paused: result.paused.length },
    log: describeImport(result, 'Nothing left to import.'),
  };
});

/** Menu: Help (anyone: it shows no data). */
export const showHelp = menuItem('Help', 'anyone', () => showSidebar('help', 'Pastoral Tracker help'));
