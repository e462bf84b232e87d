/**
 * "My open items" (issue 20): the caller's open rows of the Interventions tab, as a sidebar list,
 * and a click that selects one of them on the tab.
 *
 * Why not a filter view per owner: filter views exist only through the Sheets API
 * (spreadsheets.batchUpdate addFilterView), which needs the scope to every spreadsheet the user
 * has; the add-on keeps to spreadsheets.currentonly (appsscript.json). A basic filter
 * (Range.createFilter) is one per tab and shared by everyone looking at it, so one Head of Year
 * filtering would hide rows from the attendance officer. A sidebar is each person's own.
 */
import { IsoDate } from '../core/dates';
import { UserError } from '../core/errors';
import { MyItems, myOpenItems } from '../core/interventions/ownedBy';
import { mapHeaders } from '../core/records/headers';
import { tabDef } from '../core/tabs';
import { normText } from '../core/text';
import { Intervention, Pupil, StaffMember } from '../core/types';
import { openTab, readValues } from '../gas/tables';
import { loadTabs } from './load';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One read each of Interventions, Staff and Students (names, years and reg groups as they are now). */
export function myInterventionsJob(ss: Spreadsheet, email: string, asOf: IsoDate): MyItems & { skipped: number } {
  const { data, problems } = loadTabs(ss, ['Interventions', 'Staff', 'Students']);
  const staff = (data.Staff || []) as StaffMember[];
  const me = staff.find((s) => normText(s.email) === normText(email) && normText(email) !== '');
  if (!me) {
    throw new UserError(`${email || 'You'} ${email ? 'is' : 'are'} not on the Staff tab, so Pastoral Tracker cannot tell which Interventions are yours. Ask your attendance officer to add you to the Staff tab (Name, Email, Role).`);
  }
  const view = myOpenItems((data.Interventions || []) as Intervention[], (data.Students || []) as Pupil[], me, asOf);
  // Rows that could not be read are counted, never shown (their text may hold pupil data).
  return { ...view, skipped: problems.filter((p) => /^Interventions\b/.test(p)).length };
}

/**
 * Select the row with this Key on the Interventions tab, found now — staff sort and filter the
 * tab, so a row number remembered when the list was made could be another pupil's row.
 */
export function selectInterventionJob(ss: Spreadsheet, key: string): { row: number } {
  const sheet = openTab(ss, 'Interventions');
  const values = readValues(sheet);
  const col = values.length ? mapHeaders(tabDef('Interventions'), values[0]).columnIndex.key : undefined;
  if (col === undefined) throw new UserError('The Interventions tab has no Key column, so the row cannot be found. Run Pastoral Tracker → Set up tracker to restore it.');
  const want = key.trim().toUpperCase();
  for (let r = 1; r < values.length; r++) {
    if (String(values[r][col] ?? '').trim().toUpperCase() !== want) continue;
    sheet.activate();
    sheet.getRange(r + 1, 1, 1, Math.max(1, sheet.getLastColumn())).activate();
    return { row: r + 1 };
  }
  throw new UserError('That item is no longer on the Interventions tab (its row was deleted or its Key changed). Reopen My open interventions to see the list as it is now.');
}
