/**
 * Reading what the profile and the dashboard need, each tab ONCE (one getValues): the tabs asked
 * for through jobs/load.ts, and the Attendance Marks with withdrawn/unknown codes let through (as
 * jobs/attendance/review.ts does: the review reports them as coding issues instead of the row
 * silently becoming a gap).
 */
import { classifyCode } from '../../core/attendance/codes';
import { formatRefusal } from '../../core/records/refusal';
import { ImportableTab } from '../../core/records/parse';
import { Mark } from '../../core/types';
import { Settings } from '../../core/settings';
import { readTab } from '../../gas/tables';
import { Loaded, loadTabs } from '../load';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const letCodesThrough = (code: string) => {
  const k = classifyCode(code);
  return k === 'withdrawn' || k === 'unknown' ? 'notCounted' : k;
};

export interface PastoralData {
  data: Loaded;
  marks: Mark[];
  problems: string[];
}

export function readPastoral(ss: Spreadsheet, tabs: (ImportableTab | 'Attendance Summary')[], settings?: Settings): PastoralData {
  const { data, problems } = loadTabs(ss, tabs.filter((t) => t !== 'Attendance Marks'), settings);
  let marks: Mark[] = [];
  if (tabs.includes('Attendance Marks') && ss.getSheetByName('Attendance Marks')) {
    const parsed = readTab(ss, 'Attendance Marks', { classifyCode: letCodesThrough });
    marks = parsed.records;
    for (const r of parsed.refusals) problems.push(formatRefusal('Attendance Marks', r));
  }
  return { data, marks, problems };
}
