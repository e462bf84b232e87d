/**
 * The Dashboard's attendance (issue 20 §6), counted by hand on three pupils over two school weeks:
 * this week's own sessions and the year to date by year group and PP vs not PP, the PA rate at
 * each week's end, a leaver up to the leaving date, today's marks left out (not a completed day).
 */
import { dashboardAttendance } from '../../../src/core/attendance/dashboardRates';
import { Mark, Session } from '../../../src/core/types';
import { pupil, settings } from './helpers';

const m = (upn: string, date: string, session: Session, code: string): Mark => ({ upn, date, session, code });
const day = (upn: string, date: string, am: string, pm: string) => [m(upn, date, 'AM', am), m(upn, date, 'PM', pm)];

const MARKS: Mark[] = [
  // D left last July: nothing of it counts this year.
  ...day('D', '2023-07-20', 'N', 'N'),
  // A (Year 7, pupil premium): present every session counted (8 of 8); today's N N is not counted.
  ...day('A', '2024-01-08', '/', '/'), ...day('A', '2024-01-09', '/', '/'),
  ...day('A', '2024-01-15', '/', '/'), ...day('A', '2024-01-16', '/', '/'),
  ...day('A', '2024-01-17', 'N', 'N'),
  // B (Year 8): week 1 / / / N (3 of 4), week 2 / / / C (3 of 4): 6 of 8, 25% absent, PA.
  ...day('B', '2024-01-08', '/', '/'), ...day('B', '2024-01-09', '/', 'N'),
  ...day('B', '2024-01-15', '/', '/'), ...day('B', '2024-01-16', '/', 'C'),
  ...day('B', '2024-01-17', 'N', 'N'),
  // C (Year 7) left on Tuesday 9th: / / N N (2 of 4); the marks after the leaving date do not count.
  ...day('C', '2024-01-08', '/', '/'), ...day('C', '2024-01-09', 'N', 'N'),
  ...day('C', '2024-01-15', 'N', 'N'),
];
const PUPILS = [
  pupil('A', { year: 7, pp: true }),
  pupil('B', { year: 8 }),
  pupil('C', { year: 7, leavingDate: '2024-01-09' }),
  pupil('D', { year: 9, leavingDate: '2023-07-20' }),
];
const DAYS = ['2023-07-20', '2024-01-08', '2024-01-09', '2024-01-15', '2024-01-16', '2024-01-17'];

describe('dashboardAttendance', () => {
  // Wednesday 17th: today's registers are not a completed day, so the figures run to Tuesday 16th.
  const d = dashboardAttendance({ marks: MARKS, pupils: PUPILS, schoolDays: DAYS, asOf: '2024-01-17', settings: settings() });

  test('this week is the week of the last completed school day', () => {
    expect(d.through).toBe('2024-01-16');
    expect(d.weekStart).toBe('2024-01-15');
  });

  test('by group: this week, the year to date, the PA rate (leavers to their leaving date)', () => {
    const row = (label: string) => d.groups.find((g) => g.label === label);
    // Whole school. This week: A 4 of 4 + B 3 of 4 = 7 of 8 = 87.5%. Year: A 8/8 + B 6/8 + C 2/4 = 16 of 20 = 80.0%.
    // PA: B (2 of 8 missed) and C (2 of 4) of 3 enrolments = 66.7%.
    expect(row('Whole school')).toEqual({ label: 'Whole school', pupils: 3, week: 87.5, ytd: 80.0, pa: 2, paRate: 66.7 });
    // Year 7: A and C. This week A alone 4 of 4; year 10 of 12 = 83.3%; PA C, 1 of 2.
    expect(row('Year 7')).toEqual({ label: 'Year 7', pupils: 2, week: 100.0, ytd: 83.3, pa: 1, paRate: 50.0 });
    expect(row('Year 8')).toEqual({ label: 'Year 8', pupils: 1, week: 75.0, ytd: 75.0, pa: 1, paRate: 100.0 });
    // Last year's leaver has no session this year: no Year 9 row.
    expect(row('Year 9')).toBeUndefined();
    expect(row('Pupil premium')).toEqual({ label: 'Pupil premium', pupils: 1, week: 100.0, ytd: 100.0, pa: 0, paRate: 0.0 });
    // Not PP: B and C. This week B 3 of 4; year 8 of 12 = 66.7%.
    expect(row('Not pupil premium')).toEqual({ label: 'Not pupil premium', pupils: 2, week: 75.0, ytd: 66.7, pa: 2, paRate: 100.0 });
    expect(d.groups.map((g) => g.label)).toEqual(['Whole school', 'Year 7', 'Year 8', 'Pupil premium', 'Not pupil premium']);
  });

  test('week by week: each week its own sessions, PA on the year to that week’s end', () => {
    expect(d.weeks).toEqual([
      // 8 Jan: A 4/4, B 3/4, C 2/4 = 9 of 12 = 75.0%; PP 4/4; not PP 5 of 8 = 62.5%. PA then: B (1 of 4) and C of 3.
      { weekStart: '2024-01-08', school: 75.0, pp: 100.0, notPp: 62.5, pupils: 3, pa: 2, paRate: 66.7 },
      // 15 Jan: A 4/4, B 3/4 = 87.5%; C has left but still counts in the PA rate as she left.
      { weekStart: '2024-01-15', school: 87.5, pp: 100.0, notPp: 75.0, pupils: 3, pa: 2, paRate: 66.7 },
    ]);
  });

  test('the last week’s PA rate is the year-to-date PA rate', () => {
    expect(d.weeks[d.weeks.length - 1].paRate).toBe(d.groups[0].paRate);
  });

  test('on the first school day of the term nothing of this academic year is complete yet (not last July)', () => {
    const first = dashboardAttendance({ marks: MARKS, pupils: PUPILS, schoolDays: DAYS, asOf: '2024-01-08', settings: settings() });
    expect(first).toEqual({ through: null, weekStart: null, groups: [], weeks: [] });
  });

  test('a school with no pupil premium pupils has no PP rows and no PP line', () => {
    const none = dashboardAttendance({ marks: MARKS, pupils: PUPILS.map((p) => ({ ...p, pp: false })), schoolDays: DAYS, asOf: '2024-01-17', settings: settings() });
    expect(none.groups.map((g) => g.label)).toEqual(['Whole school', 'Year 7', 'Year 8']);
    expect(none.weeks.map((w) => w.pp)).toEqual([null, null]);
  });
});
