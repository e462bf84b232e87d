/**
 * Entry points of the QA calendar (issue 7): the menu items, the morning trigger's handler and the
 * "Today's tasks" sidebar's server calls. Each takes the document lock, runs a job with today's
 * date and says what happened (a trigger has no UI: its outcome goes to the execution log without
 * pupil data, and an error is thrown so Google's failure e-mail reaches the installer).
 */
import { checkStaff } from '../jobs/access';
import { withDocumentLock } from '../gas/lock';
import { tell, toast, errorMessage } from '../gas/ui';
import { loadSettings, loadOverrides, saveSettings } from '../gas/settingsStore';
import { installDailyTrigger, removeTriggers } from '../gas/triggers';
import { todayIso } from '../jobs/load';
import { importQaCalendarJob, describeQaImport, todaysTasksJob, markTaskDoneJob, TaskView } from '../jobs/qa/calendar';
import { dailyRunJob, describeDaily, DailyResult } from '../jobs/daily';
import { weeklyDigestsJob, DigestResult } from '../jobs/qa/digests';
import { isIsoDate } from '../core/dates';

const MORNING_HANDLER = 'morningRun';

function ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Menu: QA calendar → Import QA calendar (pasted grid). */
export function importQaCalendar(): string {
  try {
    const text = withDocumentLock('Import QA calendar', () => describeQaImport(importQaCalendarJob(ss(), loadSettings(), todayIso())));
    tell('Import QA calendar', text);
    return text;
  } catch (e) {
    tell('Import QA calendar', errorMessage(e));
    return errorMessage(e);
  }
}

/** Menu: Turn on morning e-mails. Installing again replaces the trigger: there is only ever one. */
export function installMorningTrigger(): string {
  const settings = loadSettings();
  const change = withDocumentLock('Turn on morning e-mails', () => {
    const c = installDailyTrigger(ss(), MORNING_HANDLER, settings.triggers.morningHour);
    rememberTriggerSetting(true); // the Settings sidebar shows what the menu did
    return c;
  });
  const text =
    `Morning e-mails are on: every school day at about ${settings.triggers.morningHour}:00 (UK time)` +
    (settings.testMode ? ', in TEST MODE — every e-mail comes to you.' : '.') +
    (change.removed ? ' (The earlier trigger was replaced, so there is still only one.)' : '');
  tell('Morning e-mails', text);
  return text;
}

/** Menu: Turn off morning e-mails. */
export function removeMorningTrigger(): string {
  const change = withDocumentLock('Turn off morning e-mails', () => {
    const c = removeTriggers(ss(), MORNING_HANDLER);
    rememberTriggerSetting(false);
    return c;
  });
  const text = change.removed ? 'Morning e-mails are off.' : 'Morning e-mails were not on for you in this spreadsheet.';
  tell('Morning e-mails', text);
  return text;
}

/**
 * The daily trigger's handler (also safe to run by hand: nothing is sent twice). The add-on's one
 * time trigger drives the whole morning: see jobs/daily.ts.
 */
export function morningRun(): DailyResult {
  try {
    const result = withDocumentLock('Morning run', () => dailyRunJob(ss(), loadSettings(), todayIso()), 60000);
    console.log(describeDaily(result));
    return result;
  } catch (e) {
    console.log(`Pastoral Tracker morning run failed: ${errorMessage(e).split('\n')[0]}`);
    throw e;
  }
}

/** Menu: Send weekly digests now (one per person per week: a second click sends nothing new). */
export function sendWeeklyDigests(): string {
  try {
    toast('Building the weekly digests…');
    const r: DigestResult = withDocumentLock('Weekly digests', () => weeklyDigestsJob(ss(), loadSettings(), todayIso()), 30000);
    const lines = [`Weekly digests for the week beginning ${r.weekStart.split('-').reverse().join('/')}: ${r.mail.sent.length} sent, ${r.mail.alreadySent.length} already sent earlier, ${r.mail.deferred.length} deferred.`];
    if (r.problems.length) lines.push('', ...r.problems.slice(0, 15).map((p) => `• ${p}`));
    const text = lines.join('\n');
    tell('Weekly digests', text);
    return text;
  } catch (e) {
    tell('Weekly digests', errorMessage(e));
    return errorMessage(e);
  }
}

/** Menu: Today's tasks… (sidebar). */
export function showTodaysTasks(): void {
  const html = HtmlService.createHtmlOutputFromFile('todaysTasks').setTitle("Today's QA tasks");
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Sidebar: the tasks for today and the earlier ones not yet done. */
export function getTodaysTasks(): { asOf: string; user: string; today: TaskView[]; open: TaskView[] } {
  checkStaff(ss());
  const r = todaysTasksJob(ss(), todayIso());
  return { ...r, user: currentUser() };
}

/** Sidebar: mark a task Done (Done on = today, Done by = the user). */
export function markTaskDone(date: string, task: string): { ok: boolean; message: string } {
  if (typeof date !== 'string' || !isIsoDate(date) || typeof task !== 'string' || !task.trim() || task.length > 500) {
    return { ok: false, message: 'That task could not be read: reopen Today’s tasks and try again.' };
  }
  try {
    checkStaff(ss());
    const user = currentUser();
    const r = withDocumentLock('Mark task done', () => markTaskDoneJob(ss(), date, task, user, todayIso()));
    return { ok: true, message: r.updated ? 'Marked done. The next person in the chain is asked to QA it tomorrow morning.' : 'It was already marked.' };
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
}

/** Keep Settings' "Morning e-mails on" in step with the menu items. */
function rememberTriggerSetting(enabled: boolean): void {
  const overrides = loadOverrides();
  if (loadSettings().triggers.enabled === enabled) return;
  saveSettings({ ...overrides, triggers: { ...(overrides.triggers || {}), enabled } });
}

function currentUser(): string {
  const active = Session.getActiveUser().getEmail();
  return active || Session.getEffectiveUser().getEmail() || '';
}
