/**
 * Compulsory school age (SPEC §4.1; Education Act 1996 s.8) and what it switches on: the penalty
 * threshold and "notify the LA" apply only to pupils of compulsory school age.
 */
import { compulsoryAgeEnds, compulsoryAgeStarts, isCompulsorySchoolAge } from '../../../src/core/attendance/compulsoryAge';
import { reviewAttendance } from '../../../src/core/attendance/review';
import { Mark, Pupil } from '../../../src/core/types';
import { marksOn, pupil, settings, weekdays } from './helpers';

describe('the dates', () => {
  it('ends on the last Friday in June of the school year the pupil turns 16', () => {
    expect(compulsoryAgeEnds('2007-09-23')).toBe('2024-06-28'); // IPSEA's example: 16 on 23/09/2023, school year 2023-24
    expect(compulsoryAgeEnds('2007-09-01')).toBe('2024-06-28'); // the oldest in Year 11 in 2023-24
    expect(compulsoryAgeEnds('2008-08-31')).toBe('2024-06-28'); // the youngest: 16 in the summer holiday
    expect(compulsoryAgeEnds('2008-09-01')).toBe('2025-06-27'); // one day younger: next year's cohort (30/06/2025 is a Monday)
    expect(compulsoryAgeEnds('2007-05-10')).toBe('2023-06-30'); // 30/06/2023 was itself a Friday
    expect(compulsoryAgeEnds('2016-02-29')).toBe('2032-06-25'); // 16 on 29/02/2032 (a leap year)
  });

  it('starts on the prescribed day (31 Mar, 31 Aug, 31 Dec) on or after the fifth birthday', () => {
    expect(compulsoryAgeStarts('2019-02-10')).toBe('2024-03-31'); // IPSEA's example
    expect(compulsoryAgeStarts('2019-03-31')).toBe('2024-03-31'); // the birthday is a prescribed day
    expect(compulsoryAgeStarts('2019-04-01')).toBe('2024-08-31');
    expect(compulsoryAgeStarts('2019-09-01')).toBe('2024-12-31');
    expect(compulsoryAgeStarts('2016-02-29')).toBe('2021-03-31'); // fifth birthday reached on 1 March 2021
  });

  it('uses the Date of Birth when there is one, else NC Year 11 and below', () => {
    const on = '2024-01-26';
    expect(isCompulsorySchoolAge({ year: 11 }, on)).toBe(true);
    expect(isCompulsorySchoolAge({ year: 12 }, on)).toBe(false);
    expect(isCompulsorySchoolAge({ year: 7, dateOfBirth: '' }, on)).toBe(true);
    // 16 before last June: no longer of compulsory school age, whatever the year group says.
    expect(isCompulsorySchoolAge({ year: 11, dateOfBirth: '2007-05-10' }, on)).toBe(false);
    // A Year 12 who turned 16 this September is of compulsory school age until 28 June 2024.
    expect(isCompulsorySchoolAge({ year: 12, dateOfBirth: '2007-09-15' }, on)).toBe(true);
    expect(isCompulsorySchoolAge({ year: 12, dateOfBirth: '2007-09-15' }, '2024-06-28')).toBe(true);
    expect(isCompulsorySchoolAge({ year: 12, dateOfBirth: '2007-09-15' }, '2024-07-01')).toBe(false);
  });
});

describe('only pupils of compulsory school age get the penalty threshold and "notify the LA"', () => {
  const asOf = '2024-01-26';
  const days = weekdays('2024-01-08', asOf); // 15 days
  // 10 school days of O in a row (8–19 Jan): 20 penalty sessions, and a ten-day run.
  const truant = (upn: string): Mark[] => marksOn(upn, days, (d) => (d <= '2024-01-19' ? 'O' : '/'));
  const review = (pupils: Pupil[]) => reviewAttendance({
    pupils, marks: pupils.flatMap((p) => truant(p.upn)), letters: [], latesToLesson: [], settings: settings(), asOf,
  });

  it('Year 11 with a sixth former\'s marks meets the threshold; Year 12 with the same marks does not', () => {
    const r = review([pupil('Y11', { year: 11 }), pupil('Y12', { year: 12 })]).pupils;
    const [y11, y12] = r;
    expect(y11.compulsorySchoolAge).toBe(true);
    expect(y11.penalty).toMatchObject({ firstMet: '2024-01-12', sessions: 10, from: '2024-01-08', to: '2024-01-14' }); // the 10th O was Friday 12 Jan PM
    expect(y11.notifyLa).toEqual({ days: 10, from: '2024-01-08', to: '2024-01-19' });
    expect(y12.compulsorySchoolAge).toBe(false);
    expect(y12.penalty).toBeNull();
    expect(y12.notifyLa).toBeNull();
    // The sixth former keeps the school's ladder: the same figures, stage and letters.
    expect(y12.figures.percent).toBe(y11.figures.percent);
    expect(y12.stage).toBe(y11.stage);
    expect(y12.ladder.lettersDue).toEqual(y11.ladder.lettersDue);
    expect(y11.ladder.nextAction).toMatch(/Penalty notice threshold met 12\/01\/2024/);
    expect(y12.ladder.nextAction).not.toMatch(/Penalty|local authority/);
  });

  it('a Date of Birth that made the pupil 16 before last June takes precedence over Year 11', () => {
    const [old, young] = review([pupil('OLD', { year: 11, dateOfBirth: '2007-05-10' }), pupil('Y12', { year: 12, dateOfBirth: '2007-09-15' })]).pupils;
    expect([old.compulsorySchoolAge, old.penalty, old.notifyLa]).toEqual([false, null, null]);
    expect(young.compulsorySchoolAge).toBe(true);
    expect(young.penalty).not.toBeNull();
  });
});
