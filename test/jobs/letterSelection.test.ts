/**
 * Issue 15 §10: "Rows selected on the Attendance tab". A Head of Year Ctrl-clicks several blocks
 * of rows, or drags over a filtered view: every block counts (not only the last, which is all
 * getActiveRange gives), and rows a filter or a person has hidden do not.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { selectedUpns } from '../../src/jobs/letters/preview';
import { readValues, openTab } from '../../src/gas/tables';
import type { LocalSheet, LocalSpreadsheet } from '../../local/services/spreadsheet';

let t: TrackerFixture;
beforeAll(() => {
  t = makeTracker({ pupils: 60 });
  reviewAttendanceJob(t.ss, loadSettings(), t.school.asOf);
});
afterAll(() => t.uninstall());

test('every range of a Ctrl-click selection, without hidden or filtered rows', () => {
  const sheet = openTab(t.ss, 'Attendance');
  const [header, ...rows] = readValues(sheet) as string[][];
  const upnAt = (row: number) => String(rows[row - 2][header.indexOf('UPN')]);
  expect(rows.length).toBeGreaterThan(12);
  const ss = t.ss as unknown as LocalSpreadsheet;
  const raw = sheet as unknown as LocalSheet;
  ss._select(raw, ['A3:D5', 'A9:A11', 'C1:C2']); // three blocks, the last taking in the header
  raw._filterHide([4]); // a filter hides row 4
  raw.hideRows(10); // a person hid row 10
  expect(selectedUpns(t.ss)).toEqual([2, 3, 5, 9, 11].map(upnAt));
});

test('a single block works as before', () => {
  const sheet = openTab(t.ss, 'Attendance');
  const [header, ...rows] = readValues(sheet) as string[][];
  (sheet as unknown as LocalSheet).showRows(1, 20);
  (sheet as unknown as LocalSheet)._filterHide([]);
  sheet.getRange('B6:B7').activate();
  expect(selectedUpns(t.ss)).toEqual([6, 7].map((r) => String(rows[r - 2][header.indexOf('UPN')])));
});
