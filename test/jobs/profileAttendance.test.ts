/**
 * The pupil profile's attendance part (issue 17), on records (buildProfile is pure): this academic
 * year beside last year, the penalty threshold's first date and window, too few sessions and
 * compulsory school age with its reason. Numbers worked out by hand beside each expectation.
 */
import { buildProfile, ProfileInput } from '../../src/jobs/profile/profile';
import { withDefaults } from '../../src/core/settings';
import { Pupil } from '../../src/core/types';
import { marksOn, pupil, weekdays } from '../core/attendance/helpers';

const SUMMER_2023 = weekdays('2023-06-05', '2023-07-21'); // 35 days, 70 sessions
const AUTUMN_2023 = weekdays('2023-09-04', '2023-10-20'); // 35 days, 70 sessions

function profile(p: Pupil, marks: ReturnType<typeof marksOn>, asOf: string) {
  const input: ProfileInput = {
    pupil: p, marks, summaries: [], letters: [], latesToLesson: [], homeworkLog: [], interventions: [], progress: [],
    settings: withDefaults(), asOf,
  };
  return buildProfile(input).attendance!;
}

describe('the profile shows last year beside this year', () => {
  // Summer 2023: O on the Wednesday of each of the last 5 weeks (5 sessions), else present → 65/70 = 92.9%.
  // Autumn 2023 to Friday 6 October: 25 days, 50 sessions; O on the Wednesday of the first 5 weeks → 45/50 = 90.0%.
  const wednesdays = ['2023-06-21', '2023-06-28', '2023-07-05', '2023-07-12', '2023-07-19', '2023-09-06', '2023-09-13', '2023-09-20', '2023-09-27', '2023-10-04'];
  const asOf = '2023-10-06';
  const marks = marksOn('P1', [...SUMMER_2023, ...AUTUMN_2023.filter((d) => d <= asOf)], (d, s) => (s === 'AM' && wednesdays.indexOf(d) >= 0 ? 'O' : '/'));

  it('this year from September; last year as it ended', () => {
    const a = profile(pupil('P1', { year: 10 }), marks, asOf);
    expect([a.academicYear, a.countedFrom, a.possible, a.attended, a.unauthorised, a.percent]).toEqual(['2023-24', '2023-09-04', 50, 45, 5, 90]);
    expect(a.pa).toBe(true); // exactly 10% absent
    expect(a.exactNote).toBe('exactly 90.00% (absence 10.00%): PA');
    expect(a.lastYear).toEqual({ academicYear: '2022-23', possible: 70, attended: 65, authorised: 0, unauthorised: 5, percent: 92.9, pa: false, sa: false });
    // The trend's "to date" figure is this year's: 90.0% at the end of the last week shown.
    expect(a.trend[a.trend.length - 1].toDatePercent).toBe(90);
  });

  it('the penalty threshold, first met across the summer, with the sessions of its window', () => {
    const a = profile(pupil('P1', { year: 10 }), marks, asOf);
    // 10 O sessions in 10 school weeks (19 June – 8 October; the holiday weeks are not school weeks).
    expect(a.penalty).toBe(true);
    expect(a.penaltyWindow).toEqual({
      firstMet: '2023-10-04', from: '2023-06-19', to: '2023-10-08', sessions: 10,
      marks: wednesdays.map((d) => `${d} AM O`),
    });
    expect(a.compulsorySchoolAge).toBe(true);
    expect(a.compulsoryReason).toBe('Year 10 (no Date of Birth): compulsory school age up to Year 11');
  });

  it('a sixth former with the same marks: no penalty threshold, and why', () => {
    const a = profile(pupil('P1', { year: 12, dateOfBirth: '2007-03-02' }), marks, asOf);
    expect([a.compulsorySchoolAge, a.penalty, a.penaltyWindow]).toEqual([false, false, null]);
    expect(a.compulsoryReason).toBe('Date of Birth: compulsory school age 31/03/2012 to 30/06/2023');
  });
});

it('too few sessions in the profile', () => {
  const a = profile(pupil('J1'), marksOn('J1', weekdays('2023-09-04', '2023-09-08'), '/'), '2023-09-08');
  expect([a.possible, a.tooFewSessions, a.minimumSessions, a.stage, a.lettersDue]).toEqual([10, true, 20, '', []]);
  expect(a.lastYear).toBeNull();
});
