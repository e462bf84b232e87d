/**
 * The tracker's own locale and time zone (issue 15 §6). A spreadsheet has its own, set when it was
 * created from the creator's account (developers.google.com/apps-script/reference/spreadsheet/
 * spreadsheet#setSpreadsheetLocale(String), #setSpreadsheetTimeZone(String)); a US-locale tracker
 * reads a typed 03/04/2024 as 4 March, and a tracker on New York time shows dates written at UK
 * midnight as the day before. Set up tracker makes the tracker en_GB / Europe/London, once: if a
 * school changes them afterwards, gas/cells.ts still reads and writes dates in the tracker's own
 * zone, and "Check this tracker" says what they are.
 */
import { forgetSpreadsheetZone } from './cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TRACKER_LOCALE = 'en_GB';
export const TRACKER_TIME_ZONE = 'Europe/London';

export interface LocaleChange {
  locale: { was: string; now: string };
  timeZone: { was: string; now: string };
  changed: boolean;
}

/** Set en_GB and Europe/London where they differ (two reads, and a write only for what changes). */
export function ensureUkSpreadsheet(ss: Spreadsheet): LocaleChange {
  const locale = String(ss.getSpreadsheetLocale() || '');
  const timeZone = String(ss.getSpreadsheetTimeZone() || '');
  if (locale !== TRACKER_LOCALE) ss.setSpreadsheetLocale(TRACKER_LOCALE);
  if (timeZone !== TRACKER_TIME_ZONE) ss.setSpreadsheetTimeZone(TRACKER_TIME_ZONE);
  const changed = locale !== TRACKER_LOCALE || timeZone !== TRACKER_TIME_ZONE;
  if (changed) forgetSpreadsheetZone(ss);
  return { locale: { was: locale, now: TRACKER_LOCALE }, timeZone: { was: timeZone, now: TRACKER_TIME_ZONE }, changed };
}

/** "English (UK) and London time (it was en_US, America/New_York)" — for the set-up message. */
export function describeLocaleChange(c: LocaleChange): string {
  if (!c.changed) return '';
  return `Set the spreadsheet's locale to ${TRACKER_LOCALE} and its time zone to ${TRACKER_TIME_ZONE} (it was ${c.locale.was || 'unset'}, ${c.timeZone.was || 'unset'}), ` +
    'so typed dates read as dd/mm/yyyy and every date is a UK calendar day (File → Settings shows them).';
}
