/**
 * "Set up tracker": every tab of SPEC §2 with its headers, formats, drop-downs and protection.
 * Idempotent — a second run on a tracker staff have used adds what is missing and changes nothing,
 * except that the add-on's working tabs (its memory and logs: WORKING_TABS) are hidden again if
 * someone showed them (issue 20 §7: staff see only the tabs they read).
 */
import { REVIEW_MEMORY_TAB } from '../gas/reviewMemoryTab';
import { TAB_COPIES_TAB } from '../gas/tabCopiesTab';
import { Settings } from '../core/settings';
import { tabsFor } from '../core/tabs';
import { loadSettings } from '../gas/settingsStore';
import { ensureTab, SetupResult } from '../gas/setupTabs';
import { LocaleChange, describeLocaleChange, ensureUkSpreadsheet } from '../gas/spreadsheetLocale';
import { MAIL_LOG } from '../gas/mailLog';
import { LETTER_RUNS } from './letters/runsTab';
import { QA_REMINDERS } from './qa/reminders';

/**
 * Tabs no one reads day to day, hidden by Set up (and the first three by the job that makes them;
 * View → Hidden sheets shows them): the add-on's memory — the e-mails sent (Mail Log), the tier
 * memory and letter-run plan (Letter Runs), when each QA reminder was last sent (QA Reminders), the
 * kept review and the copies of long tabs the whole-school sidebars start from (Review Memory, Tab Copies) —
 * and the raw MIS exports only the add-on reads: the register session by session (Attendance
 * Marks, or Attendance Summary for a school without marks), read by staff through the Attendance
 * tab, the Coding Review and the pupil profile, and the contact export (Contacts), which the letters
 * address from. Imports write to them hidden as they are. docs/user-guide.md lists the rest.
 */
export const WORKING_TABS: string[] = [MAIL_LOG, LETTER_RUNS.name, QA_REMINDERS.name, REVIEW_MEMORY_TAB, TAB_COPIES_TAB, 'Attendance Marks', 'Attendance Summary', 'Contacts'];

/** One result per tab, and what was done to the spreadsheet's locale and time zone. */
export interface TrackerSetup extends Array<SetupResult> {
  locale?: LocaleChange;
}

export function setUpTrackerJob(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings = loadSettings()): TrackerSetup {
  // First, so every date the set-up writes is already in the tracker's zone (issue 15 §6).
  const locale = ensureUkSpreadsheet(ss);
  const results: TrackerSetup = tabsFor(settings).map((def) => ensureTab(ss, def));
  results.locale = locale;
  for (const name of WORKING_TABS) {
    const sheet = ss.getSheetByName(name);
    if (sheet && !sheet.isSheetHidden()) sheet.hideSheet();
  }
  // A new spreadsheet starts with an empty "Sheet1"; remove it once the real tabs exist and only
  // if staff never used it.
  const blank = ss.getSheetByName('Sheet1');
  if (blank && blank.getLastRow() === 0 && ss.getSheets().length > 1) ss.deleteSheet(blank);
  return results;
}

export function describeSetup(results: TrackerSetup): string {
  const created = results.filter((r) => r.created).map((r) => r.tab);
  const upgraded = results.filter((r) => !r.created && r.addedColumns.length);
  const lines: string[] = [];
  if (created.length) lines.push(`Created tabs: ${created.join(', ')}.`);
  for (const r of upgraded) lines.push(`${r.tab}: added ${r.addedColumns.join(', ')}.`);
  if (results.locale && results.locale.changed) lines.push(describeLocaleChange(results.locale));
  return lines.length ? lines.join('\n') : 'The tracker is up to date: nothing to add.';
}
