/**
 * Issue 22: the coding review sidebar shows what the last attendance review wrote (the Coding
 * Review tab, the Attendance tab's Held column) instead of reviewing 2,000 pupils afresh — but only
 * while that review is today's and no import has come since; otherwise it reviews first. A mark
 * typed into the Register by hand waits for the next review (the sidebar says so).
 */
import { sampleSchool, useTracker } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { codingReviewJob } from '../../src/jobs/attendance/codingReview';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { importRows } from '../../src/jobs/importData';

const school = sampleSchool(40);
const asOf = school.asOf;
const tracker = useTracker({ school });

const upns = () => school.tables.Students.slice(1).map((r) => String(r[0]));

/** The pupil's cell in the Register's last (or first) week: its row, column and text. */
function lastWeekCell(upn: string, first = false) {
  const sheet = tracker().ss.getSheetByName('Register')!;
  const values = sheet.getDataRange().getValues();
  const row = values.findIndex((r) => String(r[0]) === upn);
  const col = first ? values[0].findIndex((h) => /^w\/c /.test(String(h))) : values[0].length - 1;
  return { sheet, row: row + 1, col: col + 1, text: String(values[row][col]), monday: String(values[0][col]).slice(4) };
}

describe('the coding review sidebar', () => {
  it('reviews first when there has been no review yet, and shows what that review found', () => {
    const view = codingReviewJob(tracker().ss, loadSettings(), asOf);
    expect(view.reviewedNow).toBe(true);
    // The same registers and codes the review's own lists hold.
    const review = reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
    expect(view.registers.length).toBe(review.lists.registerIssues);
    expect(view.pupils.length).toBe(review.lists.codingIssues - (view.held.reduce((n, h) => n + (/(\d+) gaps?/.exec(h.why) ? Number(/(\d+) gaps?/.exec(h.why)![1]) : 0), 0)));
    expect(view.held.length).toBe(review.held);
  });

  it('shows the last review, writing nothing and reading a few cells, while it is today\'s and nothing was imported since', () => {
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
    tracker().g.env.resetCounts();
    const view = codingReviewJob(tracker().ss, loadSettings(), asOf);
    expect(view.reviewedNow).toBe(false);
    expect(tracker().g.env.cellsWritten).toBe(0);
    // The Coding Review tab and four columns of the Attendance tab, not the Register and the pupils' tabs.
    const register = tracker().ss.getSheetByName('Register')!;
    expect(tracker().g.env.cellsRead).toBeLessThan(register.getLastRow() * register.getLastColumn());
  });

  it('reviews first after an import that changed marks, and the new issue is there', () => {
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
    const upn = upns()[2];
    const cell = lastWeekCell(upn, true);
    // An N (no reason yet) on the first Monday of the year: long past the limit for an N, so an "Old N".
    importRows(tracker().ss, 'Register', [['UPN', `w/c ${cell.monday}`], [upn, `N${cell.text.slice(1)}`]]);
    const view = codingReviewJob(tracker().ss, loadSettings(), asOf);
    expect(view.reviewedNow).toBe(true);
    expect(view.pupils.filter((p) => p.upn === upn && p.kind === 'Old N').map((p) => p.date)).toEqual([cell.monday]);
    importRows(tracker().ss, 'Register', [['UPN', `w/c ${cell.monday}`], [upn, cell.text]]);
  });

  it('an import that changes nothing does not make it review again', () => {
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
    const upn = upns()[2];
    const cell = lastWeekCell(upn);
    importRows(tracker().ss, 'Register', [['UPN', `w/c ${cell.monday}`], [upn, cell.text]]);
    expect(codingReviewJob(tracker().ss, loadSettings(), asOf).reviewedNow).toBe(false);
  });

  it('an import into a tab the review does not read (the Homework Log) does not make it review again', () => {
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
    const log = tracker().ss.getSheetByName('Homework Log')!;
    // The sample export's first row again, on another day and subject: a new row (imported, counted).
    const [header, first] = tracker().school.tables['Homework Log'];
    const row = header.map((h, i) => (h === 'Date' ? '25/01/2024' : h === 'Subject' ? 'Drama' : first[i]));
    expect(importRows(tracker().ss, 'Homework Log', [header, row], { today: asOf }).added).toBe(1);
    try {
      expect(codingReviewJob(tracker().ss, loadSettings(), asOf).reviewedNow).toBe(false);
    } finally {
      log.deleteRow(log.getLastRow());
    }
  });

  it('a mark typed by hand waits for the next review; asking again shows it', () => {
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
    const held = new Set(codingReviewJob(tracker().ss, loadSettings(), asOf).held.map((h) => h.upn));
    // A pupil not held, marked on the last Monday morning.
    const upn = upns().find((u) => !held.has(u) && /^[^-\s]/.test(lastWeekCell(u).text))!;
    const cell = lastWeekCell(upn);
    // Monday AM blanked by hand: a gap (others were marked), so the pupil is held.
    cell.sheet.getRange(cell.row, cell.col).setValue(`-${cell.text.slice(1)}`);
    expect(codingReviewJob(tracker().ss, loadSettings(), asOf).held.some((h) => h.upn === upn)).toBe(false);
    const again = codingReviewJob(tracker().ss, loadSettings(), asOf, true);
    expect(again.reviewedNow).toBe(true);
    expect(again.held.find((h) => h.upn === upn)!.why).toMatch(/^1 gap\b/);
    cell.sheet.getRange(cell.row, cell.col).setValue(cell.text);
  });

  it('reviews first on a new day (the morning trigger did not run)', () => {
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
    const tomorrow = new Date(Date.parse(`${asOf}T12:00:00Z`) + 86400000).toISOString().slice(0, 10);
    expect(codingReviewJob(tracker().ss, loadSettings(), tomorrow).reviewedNow).toBe(true);
  });
});
