/**
 * School-level rates as the DfE counts them: this year's leavers count up to their leaving date
 * (SPEC §2), in `schoolFigures` — the one function the dashboard, the Attendance by Cohort tab and
 * the digests use. And the Legal-tab steps that answer the statutory flags, through the review.
 */
import { reviewAttendance } from '../../../src/core/attendance/review';
import { schoolFigures } from '../../../src/core/attendance/schoolRates';
import { Mark, Pupil } from '../../../src/core/types';
import { marksOn, pupil, settings, weekdays } from './helpers';

const asOf = '2024-02-09';
const SPRING = weekdays('2024-01-08', asOf); // 25 days, 50 sessions

function review(pupils: Pupil[], marks: Mark[], extra = {}) {
  return reviewAttendance({ pupils, marks, letters: [], latesToLesson: [], settings: settings(), asOf, ...extra });
}

describe('leavers count in the school\'s rates up to their leaving date', () => {
  // ON: on roll, 45 of 50 (5 sessions C) = 90.0%, exactly 10% absent → PA.
  const on = marksOn('ON', SPRING, (d, s) => (SPRING.indexOf(d) < 2 || (SPRING.indexOf(d) === 2 && s === 'AM') ? 'C' : '/'));
  // LV: left Friday 19 Jan. 8–19 Jan = 10 days, 20 sessions, absent (O) 5 days = 10 → 10/20 = 50%: PA and SA.
  // Rows after the leaving date (an export that ran on) are not counted.
  const lv = marksOn('LV', SPRING, (d) => (d <= '2024-01-12' ? 'O' : '/'));
  // OLD: left last July — not this academic year, so not counted at all.
  const old = marksOn('OLD', weekdays('2023-06-05', '2023-07-14'), 'O');
  const pupils = [pupil('ON', { year: 9 }), pupil('LV', { year: 10, leavingDate: '2024-01-19', pp: true }), pupil('OLD', { year: 11, leavingDate: '2023-07-14' })];
  const r = review(pupils, [...on, ...lv, ...old]);

  it('the review lists them apart from the pupils on roll', () => {
    expect(r.pupils.map((p) => p.upn)).toEqual(['ON']);
    expect(r.leavers.map((l) => [l.upn, l.leavingDate, l.figures.possible, l.figures.attended, l.pa, l.sa])).toEqual([['LV', '2024-01-19', 20, 10, true, true]]);
  });

  it('whole school: (45 + 10) / (50 + 20) = 55/70 = 78.6%; PA 2 of 2 enrolments, SA 1 of 2', () => {
    expect(schoolFigures(r)).toEqual({
      pupils: 1, leavers: 1, possible: 70, attended: 55, authorised: 5, unauthorised: 10, percent: 78.6,
      persistentAbsentees: 2, severeAbsentees: 1, paRate: 100, saRate: 50,
    });
  });

  it('a cohort: the leaver counts in their own year group and PP group only', () => {
    expect(schoolFigures(r, (p) => p.year === 10)).toMatchObject({ pupils: 0, leavers: 1, possible: 20, attended: 10, percent: 50 });
    expect(schoolFigures(r, (p) => p.year === 9)).toMatchObject({ pupils: 1, leavers: 0, possible: 50, attended: 45, percent: 90, paRate: 100, saRate: 0 });
    expect(schoolFigures(r, (p) => p.pp)).toMatchObject({ leavers: 1, possible: 20 });
  });

  it('nobody counted: no percentage, no rates', () => {
    expect(schoolFigures(r, () => false)).toMatchObject({ pupils: 0, leavers: 0, percent: null, paRate: null, saRate: null });
  });
});

describe('Legal-tab steps answer the statutory flags (the tab is a later issue; the review takes its rows)', () => {
  // 10 school days of O from 8 Jan: penalty threshold first met Friday 12 Jan; ten days in a row to 19 Jan.
  const marks = marksOn('P1', SPRING, (d) => (d <= '2024-01-19' ? 'O' : '/'));
  const flags = (steps: Array<{ date: string; step: string }>) => {
    const p = review([pupil('P1')], marks, { legalSteps: steps.map((s) => ({ upn: 'P1', ...s })) }).pupils[0];
    return [p.penalty ? p.penalty.firstMet : null, p.notifyLa ? p.notifyLa.from : null];
  };

  it('without a step both stay flagged', () => {
    expect(flags([])).toEqual(['2024-01-12', '2024-01-08']);
  });
  it('a Notice to Improve answers the threshold, not the ten days', () => {
    expect(flags([{ date: '2024-01-22', step: 'Notice to Improve' }])).toEqual([null, '2024-01-08']);
  });
  it('so does the school\'s record that it considered the threshold and chose support ("Considered: no notice")', () => {
    expect(flags([{ date: '2024-01-15', step: 'Considered: no notice' }])).toEqual([null, '2024-01-08']);
  });
  it('"LA notified (10 days)" answers the ten days, not the threshold', () => {
    expect(flags([{ date: '2024-01-22', step: 'LA notified (10 days)' }])).toEqual(['2024-01-12', null]);
  });
  it('steps of another pupil, or dated before the flag arose, answer nothing', () => {
    const p = review([pupil('P1'), pupil('P2')], [...marks, ...marksOn('P2', SPRING, '/')], { legalSteps: [{ upn: 'P2', date: '2024-01-22', step: 'Penalty notice' }] }).pupils[0];
    expect(p.penalty).not.toBeNull();
    expect(flags([{ date: '2024-01-05', step: 'Penalty notice' }, { date: '2024-01-05', step: 'LA notified (10 days)' }])).toEqual(['2024-01-12', '2024-01-08']);
  });
});
