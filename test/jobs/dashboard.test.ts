/**
 * Refresh dashboard (issues 9 and 20) on the local services with the sample school: the tables and six
 * embedded charts, replaced (not added to) on refresh, no pupil data on the tab, and the same
 * number of Google calls for a small and a large school.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { refreshDashboardJob, DASHBOARD_TAB } from '../../src/jobs/dashboard/dashboard';
import { loadSettings } from '../../src/gas/settingsStore';
import { runAttendanceReview } from '../../src/jobs/attendance/review';
import { toUk, weekStart } from '../../src/core/dates';

describe('refresh dashboard', () => {
  let t: TrackerFixture;
  beforeAll(() => {
    t = makeTracker();
  });
  afterAll(() => t.uninstall());

  test('writes the six tables and six charts; a refresh replaces the charts', () => {
    const asOf = t.school.asOf;
    const r = refreshDashboardJob(t.ss, loadSettings(), asOf);
    const sheet = t.ss.getSheetByName(DASHBOARD_TAB)!;
    expect(sheet).toBeTruthy();
    expect(sheet.getCharts()).toHaveLength(6);
    expect(r.charts.map((c) => c.type)).toEqual(['COLUMN', 'LINE', 'LINE', 'COLUMN', 'COLUMN', 'BAR']);

    // Stage by year adds up to the attendance review's pupils on roll (as the Attendance tab has them).
    const review = runAttendanceReview(t.ss, loadSettings(), asOf).review;
    const total = r.stages.reduce((n, s) => n + s.pupils, 0);
    expect(total).toBe(review.pupils.length);
    expect(r.stages.map((s) => s.year)).toEqual([7, 8, 9, 10, 11]);
    const level2 = review.pupils.filter((p) => p.stage === 'level2').length;
    expect(r.stages.reduce((n, s) => n + s.level2, 0)).toBe(level2);
    expect(r.stages.reduce((n, s) => n + s.tooFew, 0)).toBe(review.pupils.filter((p) => p.tooFewSessions).length);

    // Attendance to the last completed school day (the day before the as-of date), week by week over the whole year.
    const days = review.calendar.schoolDays.filter((d) => d < asOf);
    expect(r.attendance.through).toBe(days[days.length - 1]);
    // One point per school week of the academic year so far (not per term): from the week of its first day.
    const firstDay = review.calendar.schoolDays.find((d) => d >= review.academicYear.start)!;
    const yearWeeks = review.calendar.schoolWeeks.filter((w) => w >= weekStart(firstDay) && w <= r.attendance.through!);
    expect(yearWeeks.length).toBeGreaterThan(10);
    expect(r.attendance.weeks.map((w) => w.weekStart)).toEqual(yearWeeks);
    expect(r.attendance.groups.map((g) => g.label)).toEqual(['Whole school', 'Year 7', 'Year 8', 'Year 9', 'Year 10', 'Year 11', 'Pupil premium', 'Not pupil premium']);
    const last = r.attendance.weeks[r.attendance.weeks.length - 1];
    expect(last.paRate).toBe(r.attendance.groups[0].paRate);

    expect(r.homework.length).toBeGreaterThan(1);
    expect(r.homework.some((w) => w.pink + w.red > 0)).toBe(true);
    expect(r.letters.length).toBeGreaterThan(0);

    const values = sheet.getDataRange().getValues();
    const text = values.map((row) => row.join('|')).join('\n');
    expect(text).toContain('Attendance stage by year');
    expect(text).toContain('Year 7');
    expect(text).toContain('National figures: not filled in');
    // Counts only: no UPN or surname on the tab.
    for (const p of t.school.tables.Students.slice(1, 50)) expect(text).not.toContain(p[0]);

    // The whole school's row as a person reads it: numbers shown with one decimal and a % sign.
    const rowAt = values.findIndex((row) => row[0] === 'Whole school');
    expect(values[rowAt - 1].slice(0, 4)).toEqual(['Group', 'This week %', 'Year to date %', 'PA rate %']);
    expect(values[rowAt - 2][0]).toBe(`Attendance: this week (w/c ${toUk(r.attendance.weekStart!)}) and the year to date, completed school days to ${toUk(r.attendance.through!)}`);
    const shown = sheet.getRange(rowAt + 1, 2, 1, 3).getDisplayValues()[0];
    const g = r.attendance.groups[0];
    expect(shown).toEqual([g.week, g.ytd, g.paRate].map((v) => `${v!.toFixed(1)}%`));

    // The attendance columns' axis starts a round 2–7 points below the lowest figure, not at 0.
    const lowest = Math.min(...r.attendance.groups.flatMap((x) => [x.week!, x.ytd!]));
    const axisMin = sheet.getCharts()[0].getOptions().get('vAxis.viewWindow.min') as number;
    expect(axisMin % 5).toBe(0);
    expect(axisMin).toBeLessThanOrEqual(lowest - 2);
    expect(axisMin).toBeGreaterThan(lowest - 7);

    const again = refreshDashboardJob(t.ss, loadSettings(), asOf);
    expect(again.removedCharts).toBe(6);
    expect(sheet.getCharts()).toHaveLength(6);
    // Each chart's range is the table under its title.
    const chartRange = sheet.getCharts()[0].getRanges()[0];
    expect(chartRange.getValues()[0][0]).toBe('Group');
    const paRange = sheet.getCharts()[2].getRanges()[0];
    expect(paRange.getValues()[0]).toEqual(['Week of', 'PA rate %']);
    // Each week a date cell shown dd/mm/yyyy, its PA rate with one decimal.
    expect(paRange.getValues()[1][0]).toBeInstanceOf(Date);
    const w0 = r.attendance.weeks[0];
    expect(paRange.getDisplayValues()[1]).toEqual([toUk(w0.weekStart), `${w0.paRate!.toFixed(1)}%`]);
    expect(again.stages).toHaveLength(5); // Years 7 to 11
  });

  test('national figures from Settings sit beside the school\'s: a row of the table and a line on each weekly chart', () => {
    const settings = { ...loadSettings(), dashboard: { nationalAttendance: 91.2, nationalPaRate: 21.5, nationalLabel: 'DfE, secondary, autumn 2023' } };
    refreshDashboardJob(t.ss, settings, t.school.asOf);
    const sheet = t.ss.getSheetByName(DASHBOARD_TAB)!;
    const values = sheet.getDataRange().getValues();
    const at = values.findIndex((row) => row[0] === 'National (DfE, secondary, autumn 2023)');
    expect(values[at].slice(0, 4)).toEqual(['National (DfE, secondary, autumn 2023)', '', 91.2, 21.5]);
    expect(sheet.getRange(at + 1, 3, 1, 2).getDisplayValues()[0]).toEqual(['91.2%', '21.5%']);
    const charts = sheet.getCharts();
    const weekly = charts[1].getRanges()[0].getValues();
    expect(weekly[0]).toEqual(['Week of', 'Whole school %', 'Pupil premium %', 'Not pupil premium %', 'National (DfE, secondary, autumn 2023) %']);
    expect(weekly.slice(1).every((row) => row[4] === 91.2)).toBe(true);
    const pa = charts[2].getRanges()[0].getValues();
    expect(pa[0]).toEqual(['Week of', 'PA rate %', 'National (DfE, secondary, autumn 2023) %']);
    expect(pa.slice(1).every((row) => row[2] === 21.5)).toBe(true);
  });
});
