import { penaltyWindow, unauthorisedRun } from '../../../src/core/attendance/penalty';
import { Mark } from '../../../src/core/types';
import { addDays } from '../../../src/core/dates';
import { OPEN_2024, indexed, marksOn, settings, weekdays } from './helpers';
import { buildCalendar } from '../../../src/core/calendar/schoolWeeks';
import { pupilMarks } from '../../../src/core/attendance/register';

const s = settings();
const cal = buildCalendar(OPEN_2024, s);
const weeks = cal.schoolWeeks; // 17 school weeks, February half term after the 5th

/** Present every session, except `code` on the Wednesday AM of each listed school week. */
function oneAbsencePerWeek(weekIdx: number[], code: string | string[]): Mark[] {
  const wednesdays = weekIdx.map((i) => addDays(weeks[i], 2));
  let k = 0;
  return marksOn('P1', OPEN_2024, (d, sess) => {
    if (sess === 'AM' && wednesdays.indexOf(d) >= 0) {
      const c = Array.isArray(code) ? code[k % code.length] : code;
      k++;
      return c;
    }
    return '/';
  });
}

describe('penalty notice threshold: 10 sessions in any rolling 10 school weeks', () => {
  it('10 unauthorised sessions over 10 school weeks across the half-term holiday are inside the window', () => {
    // School weeks 1–10: 15 Jan … 5 Feb, (half term), 19 Feb … 25 Mar — 11 calendar weeks.
    const marks = oneAbsencePerWeek([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ['G', 'N', 'O', 'U']);
    const { pm } = indexed(marks, OPEN_2024);
    const w = penaltyWindow(pm, cal, s)!;
    expect(w).not.toBeNull();
    expect(w.sessions).toBe(10);
    expect([w.from, w.to]).toEqual(['2024-01-15', '2024-03-31']);
    expect(w.marks[0]).toBe('2024-01-17 AM G');
  });

  it('the same 10 sessions spread over 12 school weeks are not', () => {
    const marks = oneAbsencePerWeek([0, 1, 2, 3, 4, 7, 8, 9, 10, 11], 'U');
    const { pm } = indexed(marks, OPEN_2024);
    expect(penaltyWindow(pm, cal, s)).toBeNull();
  });

  it('9 sessions are not enough, and authorised absence does not count', () => {
    const nine = oneAbsencePerWeek([0, 1, 2, 3, 4, 5, 6, 7, 8], 'G');
    expect(penaltyWindow(indexed(nine, OPEN_2024).pm, cal, s)).toBeNull();
    const authorised = oneAbsencePerWeek([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'C');
    expect(penaltyWindow(indexed(authorised, OPEN_2024).pm, cal, s)).toBeNull();
  });

  it('uses the penalty codes and numbers from the settings', () => {
    const marks = oneAbsencePerWeek([0, 1, 2, 3, 4, 5], 'G');
    const strict = settings({ attendance: { penaltySessions: 6, penaltyWindowWeeks: 6, penaltyCodes: ['G'] } });
    expect(penaltyWindow(indexed(marks, OPEN_2024).pm, cal, strict)!.sessions).toBe(6);
    const otherCodes = settings({ attendance: { penaltySessions: 6, penaltyWindowWeeks: 6, penaltyCodes: ['U'] } });
    expect(penaltyWindow(indexed(marks, OPEN_2024).pm, cal, otherCodes)).toBeNull();
  });
});

describe('10 school days in a row absent without permission → notify the local authority', () => {
  const days = OPEN_2024.slice(0, 30);
  it('10 whole days of unauthorised absence (crossing a weekend) qualify', () => {
    const marks = marksOn('P1', days, (d) => (d >= '2024-01-15' && d <= '2024-01-26' ? 'N' : '/'));
    expect(unauthorisedRun(indexed(marks, days).pm, s)).toEqual({ days: 10, from: '2024-01-15', to: '2024-01-26' });
  });

  it('9 days do not', () => {
    const marks = marksOn('P1', days, (d) => (d >= '2024-01-15' && d <= '2024-01-25' ? 'U' : '/'));
    expect(unauthorisedRun(indexed(marks, days).pm, s)).toBeNull();
  });

  it('a day with one session attended or authorised breaks the run', () => {
    const marks = marksOn('P1', days, (d, sess) => {
      if (d === '2024-01-19' && sess === 'PM') return 'L';
      return d >= '2024-01-15' && d <= '2024-01-26' ? 'G' : '/';
    });
    expect(unauthorisedRun(indexed(marks, days).pm, s)).toBeNull();
    const authorised = marksOn('P1', days, (d, sess) => (d === '2024-01-19' && sess === 'AM' ? 'M' : d >= '2024-01-15' && d <= '2024-01-26' ? 'G' : '/'));
    expect(unauthorisedRun(indexed(authorised, days).pm, s)).toBeNull();
  });

  it('a day with no possible session neither breaks nor extends the run', () => {
    const marks = marksOn('P1', days, (d) => (d === '2024-01-22' ? 'Y1' : d >= '2024-01-15' && d <= '2024-01-29' ? 'O' : '/'));
    expect(unauthorisedRun(indexed(marks, days).pm, s)).toEqual({ days: 10, from: '2024-01-15', to: '2024-01-29' });
  });
});

describe('the penalty threshold: first met, its window, and until a Legal step answers it (issue 17)', () => {
  const wednesday = (i: number) => addDays(weeks[i], 2);

  it('reports when it was FIRST met and that window, not the latest one', () => {
    // One U each Wednesday AM in school weeks 0–11: ten by week 9, so first met on Wednesday of week 9.
    const marks = oneAbsencePerWeek([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'U');
    const w = penaltyWindow(indexed(marks, OPEN_2024).pm, cal, s)!;
    expect(w.firstMet).toBe(wednesday(9)); // 2024-03-20
    expect(w.firstMet).toBe('2024-03-20');
    expect([w.from, w.to, w.sessions]).toEqual(['2024-01-08', '2024-03-24', 10]);
    expect(w.marks[0]).toBe('2024-01-10 AM U');
    expect(w.marks[9]).toBe('2024-03-20 AM U');
  });

  it('stays flagged until a Legal-tab step on or after that date answers it; later sessions can meet it again', () => {
    const marks = oneAbsencePerWeek([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'U');
    const { pm } = indexed(marks, OPEN_2024);
    // A step dated before the threshold was met does not answer it.
    expect(penaltyWindow(pm, cal, s, ['2024-03-19'])!.firstMet).toBe('2024-03-20');
    // A Notice to Improve on 22 March answers it; only the two later sessions remain: not met again.
    expect(penaltyWindow(pm, cal, s, ['2024-03-22'])).toBeNull();
    // The whole week of 15 April U as well: after the step, 27 March AM (1) + Mon–Thu (8) = 9, and
    // Friday 19 April AM is the 10th. The window (weeks 2–11) holds those 11 sessions (Friday PM too);
    // the ten answered before 22 March do not count again.
    const more = marks.map((m) => (m.date >= '2024-04-15' && m.date <= '2024-04-19' ? { ...m, code: 'U' } : m));
    const again = penaltyWindow(indexed(more, OPEN_2024).pm, cal, s, ['2024-03-22'])!;
    expect(again.firstMet).toBe('2024-04-19');
    expect(again.sessions).toBe(11);
    expect(again.marks[0]).toBe('2024-03-27 AM U');
  });

  it('the window crosses the summer holiday into the previous academic year', () => {
    const summer = weekdays('2023-06-05', '2023-07-21');
    const autumn = weekdays('2023-09-04', '2023-10-20');
    const open = [...summer, ...autumn];
    const c = buildCalendar(open, s);
    // One U on the Wednesday of each of the last 5 school weeks of summer and the first 5 of autumn.
    const wednesdays = ['2023-06-21', '2023-06-28', '2023-07-05', '2023-07-12', '2023-07-19', '2023-09-06', '2023-09-13', '2023-09-20', '2023-09-27', '2023-10-04'];
    const marks = marksOn('P1', open, (d, sess) => (sess === 'AM' && wednesdays.indexOf(d) >= 0 ? 'U' : '/'));
    const w = penaltyWindow(pupilMarks('P1', marks, c), c, s)!;
    // The six holiday weeks have no sessions, so 19 June – 8 October is 10 school weeks.
    expect([w.firstMet, w.from, w.to, w.sessions]).toEqual(['2023-10-04', '2023-06-19', '2023-10-08', 10]);
    // Move the first one a school week earlier (14 June): now 11 school weeks, not met.
    const spread = marksOn('P1', open, (d, sess) => (sess === 'AM' && ['2023-06-14', ...wednesdays.slice(1)].indexOf(d) >= 0 ? 'U' : '/'));
    expect(penaltyWindow(pupilMarks('P1', spread, c), c, s)).toBeNull();
  });
});

describe('ten school days in a row: across the summer, and answered by "LA notified"', () => {
  const open = [...weekdays('2023-06-05', '2023-07-21'), ...weekdays('2023-09-04', '2023-10-20')];
  const c = buildCalendar(open, s);
  // The last 6 school days of July and the first 4 of September, all O.
  const marks = marksOn('P1', open, (d) => ((d >= '2023-07-14' && d <= '2023-07-21') || (d >= '2023-09-04' && d <= '2023-09-07') ? 'O' : '/'));
  const pm = pupilMarks('P1', marks, c);

  it('the holiday is not school days, so the run continues across it', () => {
    expect(unauthorisedRun(pm, s)).toEqual({ days: 10, from: '2023-07-14', to: '2023-09-07' });
  });

  it('an "LA notified" step on or after its first day answers it; one before does not', () => {
    expect(unauthorisedRun(pm, s, ['2023-09-08'])).toBeNull();
    expect(unauthorisedRun(pm, s, ['2023-07-01'])).toEqual({ days: 10, from: '2023-07-14', to: '2023-09-07' });
  });
});
