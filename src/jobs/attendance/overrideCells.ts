/**
 * Reading the Head of Year overrides, and clearing them once they are spent (core/attendance/overrides.ts has the rule):
 * the letter run clears an override when it produces the rung's letter, the attendance review when
 * the pupil's episode is over. One read and at most one write per call, whatever the number of
 * pupils. A cell is cleared only if it still holds the rung that was used: a Head of Year who
 * changed it in the meantime keeps their new choice.
 */
import { tabDef } from '../../core/tabs';
import { mapHeaders } from '../../core/records/headers';
import { OverrideRead, overrideRung, OVERRIDE_TAB, readOverrides } from '../../core/attendance/overrides';
import { readColumns, readValues, writeByKey } from '../../gas/tables';
import { cellText } from '../../gas/cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The overrides on the Attendance tab (`sheet`: the tab, or null when there is none yet). Only its
 * UPN and HoY Override columns are read: the rest of the tab is the last review's output.
 */
export function readOverrideCells(sheet: Sheet | null): OverrideRead {
  return readOverrides(sheet ? readColumns(sheet, tabDef(OVERRIDE_TAB), ['upn', 'hoyOverride']) : []);
}

/** Clears the HoY Override cell of each pupil whose cell still says `rung`. Returns cells cleared. */
export function clearOverrideCells(ss: Spreadsheet, spent: Array<{ upn: string; rung: string }>, sheet?: Sheet | null): number {
  if (!spent.length) return 0;
  const tab = sheet || ss.getSheetByName(OVERRIDE_TAB);
  if (!tab) return 0;
  const values = readValues(tab); // re-read just before writing
  if (!values.length) return 0;
  const def = tabDef(OVERRIDE_TAB);
  const cols = mapHeaders(def, values[0]).columnIndex;
  if (cols.hoyOverride === undefined || cols.upn === undefined) return 0;
  const want = new Map<string, string>();
  for (const s of spent) want.set(s.upn.trim().toUpperCase(), s.rung);
  const records: Array<Record<string, unknown>> = [];
  for (let r = 1; r < values.length; r++) {
    const upn = cellText(values[r][cols.upn]).toUpperCase();
    const rung = want.get(upn);
    if (rung && overrideRung(values[r][cols.hoyOverride]) === rung) records.push({ upn, hoyOverride: '' });
  }
  if (!records.length) return 0;
  writeByKey(tab, def, values, records, { fields: ['hoyOverride'], addMissing: false });
  return records.length;
}
