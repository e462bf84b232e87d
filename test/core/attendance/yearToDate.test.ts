/**
 * Issue 17: figures the DfE would sign — the academic year to date from the pupil's first session
 * on roll, exact PA/SA, too early to tell. Every expected number is worked out by hand in the
 * comment beside it.
 */
import { reviewAttendance, ReviewInput } from '../../../src/core/attendance/review';
import { academicYearOfDate, previousAcademicYear } from '../../../src/core/calendar/academicYear';
import { Mark, Pupil } from '../../../src/core/types';
import { letter, marksOn, pupil, settings, weekdays } from './helpers';

function run(pupils: Pupil[], marks: Mark[], asOf: string, extra: Partial<ReviewInput> = {}) {
  return reviewAttendance({ pupils, marks, letters: [], latesToLesson: [], settings: settings(), asOf, ...extra });
}

// Summer 2 2023 (5 Jun – 21 Jul: 7 weeks, 35 days) and Autumn 1 2023 (4 Sep – 20 Oct: 7 weeks, 35 days).
const SUMMER_2023 = weekdays('2023-06-05', '2023-07-21');
const AUTUMN_2023 = weekdays('2023-09-04', '2023-10-20');

describe('the academic year (a setting: September by default)', () => {
  it('runs from the 1st of the start month to the day before the next', () => {
    const s = settings();
    expect(academicYearOfDate('2024-01-26', s)).toEqual({ start: '2023-09-01', end: '2024-08-31', label: '2023-24' });
    expect(academicYearOfDate('2023-09-01', s).start).toBe('2023-09-01');
    expect(academicYearOfDate('2023-08-31', s).start).toBe('2022-09-01');
    expect(previousAcademicYear('2024-01-26', s)).toEqual({ start: '2022-09-01', end: '2023-08-31', label: '2022-23' });
    const august = settings({ attendance: { academicYearStartMonth: 8 } });
    expect(academicYearOfDate('2023-08-15', august)).toEqual({ start: '2023-08-01', end: '2024-07-31', label: '2023-24' });
    const january = settings({ attendance: { academicYearStartMonth: 1 } });
    expect(academicYearOfDate('2024-05-01', january)).toEqual({ start: '2024-01-01', end: '2024-12-31', label: '2024' });
  });
});

describe('the year boundary in September', () => {
  // Bad summer: ill (I) every Monday to Thursday of Summer 2 — 28 of 35 days, 56 of 70 sessions missed.
  const summer = marksOn('P1', SUMMER_2023, (d) => (new Date(`${d}T12:00:00Z`).getUTCDay() === 5 ? '/' : 'I'));
  // Perfect autumn to Friday 13 October: 30 days, 60 sessions, all present.
  const asOf = '2023-10-13';
  const autumn = marksOn('P1', AUTUMN_2023.filter((d) => d <= asOf), '/');

  it('a bad summer and a perfect autumn is reward: last year\'s marks never move this year\'s figure', () => {
    const r = run([pupil('P1')], [...summer, ...autumn], asOf, { letters: [letter('AT1', 'P1', '2023-06-16')] }).pupils[0];
    // The whole register would be (14 + 60) / (70 + 60) = 74 / 130 = 56.9%: level 2 and PA.
    expect(r.figures).toMatchObject({ possible: 60, attended: 60, authorised: 0, percent: 100 });
    expect(r.countedFrom).toBe('2023-09-04');
    expect(r.stage).toBe('reward');
    expect(r.pa).toBe(false);
    expect(r.ladder.lettersDue).toEqual([]);
    // June's AT1 episode ended at the first week end of the new year with enough sessions in reward.
    expect(r.ladder.rung).toBe('none');
  });

  it('a perfect summer and a bad first fortnight is this year\'s figure alone', () => {
    const good = marksOn('P2', SUMMER_2023, '/');
    // 4 Sep – 15 Sep: 10 days, 20 sessions; absent (O) on 4 days = 8 sessions → 12 / 20 = 60.0%.
    const bad = marksOn('P2', AUTUMN_2023.filter((d) => d <= '2023-09-15'), (d) => (d <= '2023-09-07' ? 'O' : '/'));
    const r = run([pupil('P2')], [...good, ...bad], '2023-09-15').pupils[0];
    expect(r.figures).toMatchObject({ possible: 20, attended: 12, unauthorised: 8, percent: 60 });
    expect([r.stage, r.pa, r.sa]).toEqual(['level2', true, false]);
    expect(r.ladder.lettersDue).toEqual(['AT1', 'PA']);
  });
});

describe('a pupil admitted mid-year: figures from the first session on roll', () => {
  const asOf = '2024-02-09';
  const spring = weekdays('2024-01-08', asOf); // 25 days
  const others = marksOn('OTHER', spring, '/');

  it('with an Admission Date: marks before it are not counted, and the days before it are not gaps', () => {
    // Admitted Monday 15 Jan: 20 days to 9 Feb = 40 sessions; absent (C) on 2 days = 4 sessions → 36/40 = 90.0%, exactly 10% absent.
    const stray = marksOn('NEW', weekdays('2024-01-08', '2024-01-12'), 'O'); // an export's rows before admission
    const after = marksOn('NEW', spring.filter((d) => d >= '2024-01-15'), (d) => (d === '2024-01-22' || d === '2024-01-23' ? 'C' : '/'));
    const r = run([pupil('NEW', { admissionDate: '2024-01-15' }), pupil('OTHER')], [...others, ...stray, ...after], asOf).pupils[0];
    expect(r.figures).toMatchObject({ possible: 40, attended: 36, authorised: 4, unauthorised: 0, percent: 90 });
    expect(r.countedFrom).toBe('2024-01-15');
    expect([r.stage, r.pa, r.sa]).toEqual(['level2', true, false]);
    expect(r.issues).toEqual([]);
    expect(r.penalty).toBeNull(); // 10 O sessions, but before the pupil joined
  });

  it('without one: from their first session in the register', () => {
    const after = marksOn('NEW', spring.filter((d) => d >= '2024-01-15'), '/');
    const r = run([pupil('NEW'), pupil('OTHER')], [...others, ...after], asOf).pupils[0];
    expect(r.figures).toMatchObject({ possible: 40, attended: 40, percent: 100 });
    expect(r.countedFrom).toBe('2024-01-15');
    expect(r.issues).toEqual([]);
  });

  it('with an Admission Date and no rows for a day after it: that day is a gap', () => {
    const after = marksOn('NEW', spring.filter((d) => d >= '2024-01-16'), '/');
    const r = run([pupil('NEW', { admissionDate: '2024-01-15' }), pupil('OTHER')], [...others, ...after], asOf).pupils[0];
    expect(r.issues.map((i) => [i.kind, i.date, i.session])).toEqual([['gap', '2024-01-15', 'AM'], ['gap', '2024-01-15', 'PM']]);
  });
});

describe('too early to tell (minimum possible sessions this year: 20 by default)', () => {
  const asOf = '2024-02-09';
  it('12 possible sessions: figures and the exact flags, but no stage, no letter, no tier — "too few sessions"', () => {
    // Joined Thursday 1 Feb: 7 days to 9 Feb = 14 sessions, one day "not on roll" (Z) → 12 possible; missed 4 (U) → 8/12 = 66.7%.
    const days = weekdays('2024-02-01', asOf);
    const marks = marksOn('J1', days, (d) => (d === '2024-02-01' ? 'Z' : d === '2024-02-05' || d === '2024-02-06' ? 'U' : '/'));
    const review = run([pupil('J1')], marks, asOf);
    const r = review.pupils[0];
    expect(r.figures).toMatchObject({ possible: 12, attended: 8, unauthorised: 4, percent: 66.7 });
    expect(r.tooFewSessions).toBe(true);
    expect(r.stage).toBeNull();
    expect([r.pa, r.sa]).toEqual([true, false]); // 4/12 = 33% absent: a fact, shown, but no letter
    expect(r.ladder.lettersDue).toEqual([]);
    expect(r.ladder.nextAction).toMatch(/^Too early to tell: 12 of the 20 possible sessions/);
    expect(r.projection).toBeNull();
    expect(review.lists.tiers.flatMap((t) => [...t.tier1, ...t.tier2, ...t.tier3])).toEqual([]);
  });

  it('exactly 20 possible sessions is enough: a stage and the letters due', () => {
    // 10 days from 29 Jan = 20 sessions; missed 4 (U) → 16/20 = 80%: level 2, PA.
    const marks = marksOn('J2', weekdays('2024-01-29', asOf), (d) => (d === '2024-02-05' || d === '2024-02-06' ? 'U' : '/'));
    const r = run([pupil('J2')], marks, asOf).pupils[0];
    expect([r.figures.possible, r.tooFewSessions, r.stage, r.pa]).toEqual([20, false, 'level2', true]);
    expect(r.ladder.lettersDue).toEqual(['AT1', 'PA']);
  });

  it('the minimum is a setting', () => {
    const marks = marksOn('J3', weekdays('2024-02-05', asOf), (d) => (d === '2024-02-05' ? 'U' : '/')); // 8/10
    const r = run([pupil('J3')], marks, asOf, { settings: settings({ attendance: { minimumSessions: 10 } }) }).pupils[0];
    expect([r.tooFewSessions, r.stage, r.ladder.lettersDue]).toEqual([false, 'level2', ['AT1', 'PA']]);
  });

  it('a perfect first week of September does not end last year\'s episode: too early to tell either way', () => {
    const summer = marksOn('E1', SUMMER_2023, (d) => (d < '2023-06-12' ? 'I' : '/'));
    const sept = marksOn('E1', weekdays('2023-09-04', '2023-09-08'), '/'); // 10 sessions
    const r = run([pupil('E1')], [...summer, ...sept], '2023-09-08', { letters: [letter('AT1', 'E1', '2023-06-09')] }).pupils[0];
    // Summer 2 to each week end: 10/10 absent in week 1; (10 + 10) of 20 … never above 97% by 21 July (60/70 = 85.7%).
    expect([r.tooFewSessions, r.stage]).toEqual([true, null]);
    expect(r.ladder.closesEpisode).toBe(false);
    expect(r.ladder.rung).toBe('AT1');
    expect(r.ladder.lettersDue).toEqual([]);
  });
});

describe('PA on the exact fraction in the review', () => {
  // 186 school days from 4 Sep 2023 = 372 sessions; one not counted (Y1) → 371 possible.
  const days = weekdays('2023-09-04', '2024-07-19').slice(0, 186);
  const asOf = days[days.length - 1];
  const absentOn = (n: number) => new Set(days.slice(10, 10 + n)); // whole days of C
  it('37 of 371 missed shows 90.0% but is not PA; the Exact % says why', () => {
    // 36 whole days (72) would be too many: miss 18 whole days (36 sessions) and one more morning = 37.
    const off = absentOn(18);
    const marks = marksOn('P37', days, (d, s) => (d === days[0] && s === 'AM' ? 'Y1' : off.has(d) || (d === days[40] && s === 'AM') ? 'C' : '/'));
    const r = run([pupil('P37')], marks, asOf).pupils[0];
    expect(r.figures).toMatchObject({ possible: 371, attended: 334, authorised: 37, percent: 90 });
    expect([r.pa, r.stage]).toEqual([false, 'level2']);
    expect(r.exactNote).toBe('exactly 90.03% (absence 9.97%): not PA');
    expect(r.ladder.lettersDue).toEqual(['AT1']);
  });

  it('38 of 380 missed (exactly 10%) is PA', () => {
    const d190 = weekdays('2023-09-04', '2024-07-19').slice(0, 190); // 380 sessions
    const off = new Set(d190.slice(10, 29)); // 19 days = 38 sessions
    const r = run([pupil('P38')], marksOn('P38', d190, (d) => (off.has(d) ? 'C' : '/')), d190[189]).pupils[0];
    expect(r.figures).toMatchObject({ possible: 380, attended: 342, percent: 90 });
    expect(r.pa).toBe(true);
    expect(r.ladder.lettersDue).toEqual(['AT1', 'PA']);
  });
});
