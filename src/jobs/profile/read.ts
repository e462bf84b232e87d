/**
 * Reading what the profile and the dashboard need, each tab ONCE (one getValues): the tabs asked
 * for through jobs/load.ts, and the marks (the Register: jobs/attendance/marks.ts) with withdrawn/unknown codes let through (as
 * jobs/attendance/review.ts does: the review reports them as coding issues instead of the row
 * silently becoming a gap).
 */
import { ImportableTab } from '../../core/records/parse';
import { Mark } from '../../core/types';
import { Settings } from '../../core/settings';
import { Loaded, loadTabs } from '../load';
import { letCodesThrough, readMarks } from '../attendance/marks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PastoralData {
  data: Loaded;
  marks: Mark[];
  problems: string[];
}

export function readPastoral(ss: Spreadsheet, tabs: (ImportableTab | 'Attendance Summary')[], settings?: Settings): PastoralData {
  const { data, problems } = loadTabs(ss, tabs.filter((t) => t !== 'Attendance Marks'), settings);
  let marks: Mark[] = [];
  if (tabs.includes('Attendance Marks')) {
    const read = readMarks(ss, { classify: letCodesThrough });
    marks = read.marks;
    problems.push(...read.problems);
  }
  return { data, marks, problems };
}
