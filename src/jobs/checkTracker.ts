/**
 * Help → Check this tracker (issue 15): the facts the real account gives (gas/trackerFacts.ts)
 * judged by core/trackerCheck.ts, as the text the menu item shows. Reads only.
 */
import { Settings } from '../core/settings';
import { checkTracker, describeCheck } from '../core/trackerCheck';
import { trackerFacts } from '../gas/trackerFacts';

export function checkTrackerJob(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): string {
  return describeCheck(checkTracker(trackerFacts(ss, settings)));
}
