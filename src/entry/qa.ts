/**
 * Entry points of the QA calendar (issue 7): the menu items, the morning trigger's handler and the
 * "Today's tasks" sidebar's server calls. Each runs a job with today's date under the document
 * lock and says what happened (the trigger writes counts to the execution log and rethrows a
 * failure, so Google's failure e-mail reaches whoever turned the e-mails on).
 */
import { menuItem, sidebarCall, triggerHandler } from './wrap';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';
import { nowStamp, todayIso } from '../gas/clock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';
import { loadSettings, loadOverrides, saveSettings } from '../gas/settingsStore';
import { MORNING_HANDLER, installDailyTrigger, removeTriggers } from '../gas/triggers';
import { importQaCalendarJob, describeQaImport, todaysTasksJob, markTaskDoneJob, TaskView } from '../jobs/qa/calendar';
import { dailyRunJob, describeDaily } from '../jobs/daily';
import { morningWithStatus } from '../jobs/morning';
import { weeklyDigestsJob } from '../jobs/qa/digests';
import { isIsoDate, toUk } from '../core/dates';

/** Menu: QA calendar → Import QA calendar (pasted grid). */
export const importQaCalendar = menuItem('Import QA calendar', 'settings', () =>
  withDocumentLock('Import QA calendar', () => describeQaImport(importQaCalendarJob(activeSpreadsheet(), loadSettings(), todayIso()))),
);

/** Keep Settings' "Morning e-mails on" in step with the menu items. */
function rememberTriggerSetting(enabled: boolean): void {
  const overrides = loadOverrides();
  if (loadSettings().triggers.enabled === enabled) return;
  saveSettings({ ...overrides, triggers: { ...(overrides.triggers || {}), enabled } });
}

/** Menu: Turn on morning e-mails. Installing again replaces the trigger: there is only ever one. */
export const installMorningTrigger = menuItem('Morning e-mails', 'settings', () => {
  const settings = loadSettings();
  const change = withDocumentLock('Turn on morning e-mails', () => {
    const c = installDailyTrigger(activeSpreadsheet(), MORNING_HANDLER, settings.triggers.morningHour);
    rememberTriggerSetting(true); // the Settings sidebar shows what the menu did
    return c;
  });
  return (
    `Morning e-mails are on: every school day at about ${settings.triggers.morningHour}:00 (UK time)` +
    (settings.testMode ? ', in TEST MODE — every e-mail comes to you.' : '.') +
    (change.removed ? ' (The earlier trigger was replaced, so there is still only one.)' : '')
  );
});

/** Menu: Turn off morning e-mails. */
export const removeMorningTrigger = menuItem('Morning e-mails', 'settings', () => {
  const change = withDocumentLock('Turn off morning e-mails', () => {
    const c = removeTriggers(activeSpreadsheet(), MORNING_HANDLER);
    rememberTriggerSetting(false);
    return c;
  });
  // The switch is the tracker's: every user's trigger obeys it (jobs/morning.ts).
  return 'Morning e-mails are off for this tracker: no one\'s morning trigger sends them now.' +
    (change.removed ? ' Your trigger was removed.' : ' You had no trigger here; other staff\'s triggers stay but do nothing until it is turned on again.');
});

/**
 * The daily trigger's handler (also safe to run by hand: nothing is sent twice). The add-on's one
 * time trigger drives the whole morning: see jobs/daily.ts; jobs/morning.ts obeys the one
 * "Morning e-mails on" switch, records the run on the Tracker Status tab and e-mails a failure
 * (Google tells nobody when an add-on's trigger fails). Its summary is what the dry run reports:
 * which QA task each member of staff was reminded of (no pupil data).
 */
export const morningRun = triggerHandler('Morning run', 'settings', (caller) => {
  const ss = activeSpreadsheet();
  const settings = loadSettings();
  const asOf = todayIso();
  const ctx = { asOf, at: nowStamp(), by: caller.email };
  // The lock first: when another run holds it, that run is doing the morning's work, so this one
  // stops with "try again" and records nothing and alerts no one (and writes no status unlocked).
  const r = withDocumentLock('Morning run', () => morningWithStatus(ss, settings, ctx, () => dailyRunJob(ss, settings, asOf)), 60000);
  if (!r) return { summary: { asOf, schoolDay: false, skipped: true, reminders: [] }, log: 'skipped: morning e-mails are off in Settings' };
  return {
    summary: { asOf: r.asOf, schoolDay: r.schoolDay, skipped: false, reminders: r.qa.reminders.map((q) => ({ date: q.date, task: q.task, reminded: q.reminded.slice() })) },
    log: describeDaily(r),
  };
});

/** Menu: Send weekly digests now (one per person per week: a second click sends nothing new). */
export const sendWeeklyDigests = menuItem('Weekly digests', 'settings', () => {
  toast('Building the weekly digests…');
  const r = withDocumentLock('Weekly digests', () => weeklyDigestsJob(activeSpreadsheet(), loadSettings(), todayIso()), 30000);
  const lines = [`Weekly digests for the week beginning ${toUk(r.weekStart)}: ${r.mail.sent.length} sent, ${r.mail.alreadySent.length} already sent earlier, ${r.mail.deferred.length} deferred.`];
  if (r.problems.length) lines.push('', ...r.problems.slice(0, 15).map((p) => `• ${p}`));
  return lines.join('\n');
});

/** Menu: Today's tasks… (sidebar). */
export const showTodaysTasks = menuItem("Today's QA tasks", 'staff', () => showSidebar('todaysTasks', "Today's QA tasks"));

/** Sidebar: the tasks for today and the earlier ones not yet done. */
export const getTodaysTasks = sidebarCall('staff', (caller): { asOf: string; user: string; today: TaskView[]; open: TaskView[] } => ({
  ...todaysTasksJob(activeSpreadsheet(), todayIso()),
  user: caller.email,
}));

/** Sidebar: mark a task Done (Done on = today, Done by = the user). */
export const markTaskDone = sidebarCall('staff', (caller, date: unknown, task: unknown): { ok: boolean; message: string } => {
  if (typeof date !== 'string' || !isIsoDate(date) || typeof task !== 'string' || !task.trim() || task.length > 500) {
    return { ok: false, message: 'That task could not be read: reopen Today’s tasks and try again.' };
  }
  const r = withDocumentLock('Mark task done', () => markTaskDoneJob(activeSpreadsheet(), date, task, caller.email, todayIso()));
  return { ok: true, message: r.updated ? 'Marked done. The next person in the chain is asked to QA it tomorrow morning.' : 'It was already marked.' };
});
