/**
 * Issue 20 §1, as a person scrolling sees it: on the lists of pupils the add-on writes, the pupil's
 * identity columns stay in view (frozen) — counts read off each tab's header by hand.
 */
import { trackerFor, JOBS, fixDate } from '../proof/harness';
import { dailyRunJob } from '../../src/jobs/daily';
import { loadSettings } from '../../src/gas/settingsStore';

const job = JOBS.find((j) => j.name === 'morning trigger (daily run)')!;

test('after set-up and a morning run, every list of pupils keeps UPN, name, year and reg group in view', () => {
  const t = trackerFor(job, 60);
  const restore = fixDate(t.g.env.now);
  try {
    dailyRunJob(t.ss, loadSettings(), t.school.asOf);
    const frozen = (name: string) => {
      const sheet = t.ss.getSheetByName(name);
      return sheet ? [name, sheet.getFrozenRows(), sheet.getFrozenColumns()] : [name, 'missing'];
    };
    expect(frozen('Interventions')).toEqual(['Interventions', 1, 5]); // Date UPN Pupil Year | Reg Group
    expect(frozen('Letters Log')).toEqual(['Letters Log', 1, 6]); // Date Type UPN Pupil Year | Reg Group
    expect(frozen('Attendance')).toEqual(['Attendance', 1, 4]); // UPN Name Year | Reg Group
    expect(frozen('Tier Lists')).toEqual(['Tier Lists', 1, 5]); // Year Tier UPN Name | Reg Group
    expect(frozen('Punctuality')).toEqual(['Punctuality', 1, 4]);
    expect(frozen('Coding Review')).toEqual(['Coding Review', 1, 0]); // one row per register, not per pupil
    expect(frozen('Homework Log')).toEqual(['Homework Log', 1, 0]); // staff's tab, no name column
  } finally {
    restore();
    t.uninstall();
  }
});

test('percentages on the lists read as percentages with one decimal, as on the Attendance tab', () => {
  const t = trackerFor(job, 60);
  const restore = fixDate(t.g.env.now);
  try {
    dailyRunJob(t.ss, loadSettings(), t.school.asOf);
    const formatUnder = (tab: string, header: string) => {
      const sheet = t.ss.getSheetByName(tab)!;
      const head = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const col = head.indexOf(header) + 1;
      expect([tab, header, col > 0]).toEqual([tab, header, true]);
      return [tab, header, sheet.getRange(2, col).getNumberFormat()];
    };
    expect(formatUnder('Tier Lists', '%')).toEqual(['Tier Lists', '%', '0.0"%"']);
    expect(formatUnder('Attendance by Cohort', '%')).toEqual(['Attendance by Cohort', '%', '0.0"%"']);
    expect(formatUnder('Attendance by Cohort', 'PA Rate %')).toEqual(['Attendance by Cohort', 'PA Rate %', '0.0"%"']);
    expect(formatUnder('Attendance', '%')).toEqual(['Attendance', '%', '0.0"%"']);
  } finally {
    restore();
    t.uninstall();
  }
});

test('names on the lists are not cut: each list fits its columns to the longest name', () => {
  const t = trackerFor(job, 60);
  const restore = fixDate(t.g.env.now);
  try {
    dailyRunJob(t.ss, loadSettings(), t.school.asOf);
    for (const tab of ['Tier Lists', 'Punctuality', 'Coding Review']) {
      const sheet = t.ss.getSheetByName(tab)!;
      const values = sheet.getDataRange().getValues();
      const col = values[0].map(String).indexOf('Name');
      const longest = Math.max(...values.map((r) => String(r[col]).length));
      // Sheets' default column is 100 px, about 13 characters: a fitted column holds the longest name.
      expect([tab, sheet.getColumnWidth(col + 1) >= longest * 7]).toEqual([tab, true]);
    }
  } finally {
    restore();
    t.uninstall();
  }
});
