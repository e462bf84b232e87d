/**
 * School-level rates for the digests (issue 21), counted by hand: the week's own sessions, the
 * week before, the year to date; leavers up to their leaving date; nothing after the last
 * completed school day; PA and SA on the exact fraction.
 */
import { academicYearFrom, changeTenths, groupRates, pupilRates, PupilRates, ratePercent } from '../../../src/core/attendance/weekRates';
import { Mark, Session } from '../../../src/core/types';
import { pupil, settings } from './helpers';

const m = (upn: string, date: string, session: Session, code: string): Mark => ({ upn, date, session, code });

const MARKS: Mark[] = [
  // A: last academic year's mark, then week 1: / / N L (3 of 4); week 2: / X(not counted) K(approved activity) C(authorised) (2 of 3)
  m('A', '2023-07-20', 'AM', 'N'),
  m('A', '2024-01-08', 'AM', '/'), m('A', '2024-01-08', 'PM', '/'), m('A', '2024-01-09', 'AM', 'N'), m('A', '2024-01-09', 'PM', 'L'),
  m('A', '2024-01-15', 'AM', '/'), m('A', '2024-01-15', 'PM', 'X'), m('A', '2024-01-16', 'AM', 'K'), m('A', '2024-01-16', 'PM', 'C'),
  // Monday of the next week: today, not a completed day
  m('A', '2024-01-22', 'AM', 'N'),
  // B left on Wednesday 17th: / U / count (2 of 3); Thursday and Friday do not
  m('B', '2024-01-15', 'AM', '/'), m('B', '2024-01-15', 'PM', 'U'), m('B', '2024-01-17', 'AM', '/'), m('B', '2024-01-18', 'AM', 'O'), m('B', '2024-01-19', 'AM', '/'),
  // C (pupil premium), week 2 only: / / / N (3 of 4)
  m('C', '2024-01-15', 'AM', '/'), m('C', '2024-01-15', 'PM', '/'), m('C', '2024-01-16', 'AM', '/'), m('C', '2024-01-16', 'PM', 'N'),
  // a UPN not on the Students tab is nobody's
  m('Z', '2024-01-15', 'AM', 'N'),
];
const PUPILS = [pupil('A'), pupil('B', { leavingDate: '2024-01-17' }), pupil('C', { pp: true }), pupil('D')];
const WEEKS = ['2024-01-08', '2024-01-15'];

describe('pupilRates and groupRates', () => {
  const rates = pupilRates({ marks: MARKS, pupils: PUPILS, yearFrom: academicYearFrom('2024-01-19', settings()), through: '2024-01-19', weekStarts: WEEKS });

  test('each pupil: the week, the week before and the year to date', () => {
    expect(rates.get('A')).toEqual({ upn: 'A', ytd: { attended: 5, possible: 7 }, weeks: [{ attended: 3, possible: 4 }, { attended: 2, possible: 3 }] });
    expect(rates.get('B')!.ytd).toEqual({ attended: 2, possible: 3 });
    expect(rates.get('C')!.weeks).toEqual([{ attended: 0, possible: 0 }, { attended: 3, possible: 4 }]);
    expect(rates.get('D')!.ytd).toEqual({ attended: 0, possible: 0 });
    expect(rates.has('Z')).toBe(false);
  });

  test('the whole school: 75.0% the week before, 70.0% this week (−5.0), 71.4% year to date', () => {
    const g = groupRates(rates, ['A', 'B', 'C', 'D'], WEEKS.length, settings());
    expect(ratePercent(g.weeks[0])).toBe(75.0);
    expect(ratePercent(g.weeks[1])).toBe(70.0);
    expect(changeTenths(ratePercent(g.weeks[1]), ratePercent(g.weeks[0]))).toBe(-50);
    expect(ratePercent(g.ytd)).toBe(71.4); // 10 of 14
    expect(g.pupils).toBe(3); // D has no possible session yet
  });

  test('a group is its own pupils only (pupil premium: C)', () => {
    const g = groupRates(rates, PUPILS.filter((p) => p.pp).map((p) => p.upn), WEEKS.length, settings());
    expect(ratePercent(g.weeks[1])).toBe(75.0);
    expect(ratePercent(g.weeks[0])).toBeNull();
  });

  test("the academic year starts on the 1st of the school's start month: July is last year, September this year", () => {
    expect(academicYearFrom('2024-01-19', settings())).toBe('2023-09-01');
    expect(academicYearFrom('2023-09-04', settings())).toBe('2023-09-01');
    expect(academicYearFrom('2023-07-20', settings())).toBe('2022-09-01');
    expect(academicYearFrom('2024-01-19', settings({ attendance: { academicYearStartMonth: 8 } }))).toBe('2023-08-01');
  });

  test('a pupil admitted mid-week counts from the admission date', () => {
    const late = pupilRates({ marks: MARKS, pupils: [pupil('C', { admissionDate: '2024-01-16' })], yearFrom: '2023-09-01', through: '2024-01-19', weekStarts: WEEKS });
    expect(late.get('C')!.weeks[1]).toEqual({ attended: 1, possible: 2 }); // 16th only: / N
  });
});

test('PA and SA on the exact fraction: 37 of 371 missed is not PA, 38 of 380 is; half missed is SA', () => {
  const r = (upn: string, attended: number, possible: number): [string, PupilRates] => [upn, { upn, ytd: { attended, possible }, weeks: [] }];
  const rates = new Map([r('P', 371 - 37, 371), r('Q', 380 - 38, 380), r('S', 10, 20), r('T', 11, 20)]);
  const g = groupRates(rates, ['P', 'Q', 'S', 'T'], 0, settings());
  expect(g.pa).toBe(3); // Q, S, T (T: 9 of 20 missed = 45%)
  expect(g.sa).toBe(1); // S only
  expect(groupRates(rates, ['P'], 0, settings()).pa).toBe(0);
});

test('a change is the difference of the figures shown: 92.7 − 94.1 = −1.4 exactly', () => {
  expect(changeTenths(92.7, 94.1)).toBe(-14);
  expect(changeTenths(null, 94.1)).toBeNull();
});
