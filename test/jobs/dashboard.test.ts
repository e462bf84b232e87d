/**
 * Refresh dashboard (issue 9) on the local services with the sample school: the tables and four
 * embedded charts, replaced (not added to) on refresh, no pupil data on the tab, and the same
 * number of Google calls for a small and a large school.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { refreshDashboardJob, DASHBOARD_TAB } from '../../src/jobs/dashboard/dashboard';
import { loadSettings } from '../../src/gas/settingsStore';
import { runAttendanceReview } from '../../src/jobs/attendance/review';
import { schoolFigures } from '../../src/core/attendance/schoolRates';

describe('refresh dashboard', () => {
  let t: TrackerFixture;
  beforeAll(() => {
    t = makeTracker();
  });
  afterAll(() => t.uninstall());

  test('writes the four tables and four charts; a refresh replaces the charts', () => {
    const asOf = t.school.asOf;
    const r = refreshDashboardJob(t.ss, loadSettings(), asOf);
    const sheet = t.ss.getSheetByName(DASHBOARD_TAB)!;
    expect(sheet).toBeTruthy();
    expect(sheet.getCharts()).toHaveLength(4);
    expect(r.charts.map((c) => c.type)).toEqual(['COLUMN', 'LINE', 'COLUMN', 'BAR']);

    // Stage by year adds up to the attendance review's pupils on roll.
    const review = runAttendanceReview(t.ss, loadSettings(), asOf).review;
    const total = r.stages.reduce((n, s) => n + s.pupils, 0);
    expect(total).toBe(review.pupils.length);
    expect(r.stages.map((s) => s.year)).toEqual([7, 8, 9, 10, 11]);
    const level2 = review.pupils.filter((p) => p.stage === 'level2').length;
    expect(r.stages.reduce((n, s) => n + s.level2, 0)).toBe(level2);

    // The PA rate is weekly over the term, ending with this week's whole-school PA share.
    expect(r.pa.length).toBeGreaterThan(1);
    const last = r.pa[r.pa.length - 1];
    // Every enrolment this year counts, the sample's leavers as they left (DfE): the same as schoolFigures.
    expect(review.leavers.length).toBeGreaterThan(0);
    const school = schoolFigures(review);
    expect(last.pa).toBe(school.persistentAbsentees);
    expect(last.pupils).toBe([...review.pupils, ...review.leavers].filter((p) => p.figures.possible > 0).length);
    // Each year's attendance % counts its leavers up to their leaving date.
    for (const row of r.stages) expect(row.percent).toBe(schoolFigures(review, (p) => p.year === row.year).percent);
    expect(r.stages.reduce((n, s) => n + s.tooFew, 0)).toBe(review.pupils.filter((p) => p.tooFewSessions).length);
    expect(r.homework.length).toBeGreaterThan(1);
    expect(r.homework.some((w) => w.pink + w.red > 0)).toBe(true);
    expect(r.letters.length).toBeGreaterThan(0);

    const values = sheet.getDataRange().getValues();
    const text = values.map((row) => row.join('|')).join('\n');
    expect(text).toContain('Attendance by stage and year');
    expect(text).toContain('Year 7');
    // Counts only: no UPN or surname on the tab.
    for (const p of t.school.tables.Students.slice(1, 50)) expect(text).not.toContain(p[0]);

    const again = refreshDashboardJob(t.ss, loadSettings(), asOf);
    expect(again.removedCharts).toBe(4);
    expect(sheet.getCharts()).toHaveLength(4);
    // Each chart's range is the table under its title.
    const chartRange = sheet.getCharts()[0].getRanges()[0];
    expect(chartRange.getValues()[0][0]).toBe('Year');
    expect(again.stages).toHaveLength(5); // Years 7 to 11
  });
});
