/**
 * "Set up tracker": every tab of SPEC §2 with its headers, formats, drop-downs and protection.
 * Idempotent — a second run on a tracker staff have used adds what is missing and changes nothing.
 */
import { Settings } from '../core/settings';
import { tabsFor } from '../core/tabs';
import { loadSettings } from '../gas/settingsStore';
import { ensureTab, SetupResult } from '../gas/setupTabs';
import { LocaleChange, describeLocaleChange, ensureUkSpreadsheet } from '../gas/spreadsheetLocale';

/** One result per tab, and what was done to the spreadsheet's locale and time zone. */
export interface TrackerSetup extends Array<SetupResult> {
  locale?: LocaleChange;
}

export function setUpTrackerJob(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings = loadSettings()): TrackerSetup {
  // First, so every date the set-up writes is already in the tracker's zone (issue 15 §6).
  const locale = ensureUkSpreadsheet(ss);
  const results: TrackerSetup = tabsFor(settings).map((def) => ensureTab(ss, def));
  results.locale = locale;
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
