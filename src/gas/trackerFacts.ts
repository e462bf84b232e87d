/**
 * The facts "Check this tracker" reports (core/trackerCheck.ts), read from the real services: the
 * spreadsheet's locale and time zone, the size of each tab, whether each letter template opens
 * for the person asking, the morning trigger and its last run, the e-mail quota left.
 */
import { LETTER_TYPES, letterTitle } from '../core/letters/defaultTemplates';
import { Settings } from '../core/settings';
import { TrackerFacts } from '../core/trackerCheck';
import { loadTemplateOwners } from './docs/sharing';
import { describeMorningStatus, loadMorningStatus } from './morningStatus';
import { currentUser } from './session';
import { trackerOwner } from './owner';
import { MORNING_HANDLER, countTriggers } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function trackerFacts(ss: Spreadsheet, settings: Settings): TrackerFacts {
  const owners = loadTemplateOwners();
  let quota: number | null;
  try {
    quota = MailApp.getRemainingDailyQuota();
  } catch (e) {
    quota = null;
  }
  return {
    user: currentUser(),
    owner: trackerOwner(),
    locale: String(ss.getSpreadsheetLocale() || ''),
    timeZone: String(ss.getSpreadsheetTimeZone() || ''),
    scriptTimeZone: String(Session.getScriptTimeZone() || ''),
    tabs: ss.getSheets().map((sh) => ({ name: sh.getName(), cells: sh.getMaxRows() * sh.getMaxColumns() })),
    templates: LETTER_TYPES.map((type) => {
      const id = String(settings.letters.templateIds[type] || '');
      let opens = false;
      let editors = 0;
      if (id) {
        try {
          editors = DocumentApp.openById(id).getEditors().length;
          opens = true;
        } catch (e) {
          opens = false;
        }
      }
      return { type, title: letterTitle(type), id, opens, owner: owners[type] || '', editors };
    }),
    morning: { enabled: settings.triggers.enabled, mine: countTriggers(ss, MORNING_HANDLER), lastRun: describeMorningStatus(loadMorningStatus()) },
    mailQuota: quota,
    allowedDomains: settings.school.allowedDomains.map((d) => d.trim().toLowerCase()),
  };
}
