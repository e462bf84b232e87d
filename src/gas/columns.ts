/**
 * Reading one column of a big tab (e.g. the Date column of Attendance Marks, to know the school
 * weeks) without reading the whole tab: the header row, then the column as ONE range.
 * Returns null when the tab or the column is missing.
 */
import { TabName, tabDef } from '../core/tabs';
import { mapHeaders } from '../core/records/headers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readColumn(ss: Spreadsheet, tabName: TabName, field: string): unknown[] | null {
  const sheet = ss.getSheetByName(tabName);
  if (!sheet) return null;
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return null;
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  const col = mapHeaders(tabDef(tabName), header).columnIndex[field];
  if (col === undefined) return null;
  if (lastRow < 2) return [];
  return sheet.getRange(2, col + 1, lastRow - 1, 1).getValues().map((r) => r[0]);
}
