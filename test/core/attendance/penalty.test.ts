import { penaltyWindow, unauthorisedRun } from '../../../src/core/attendance/penalty';
import { Mark } from '../../../src/core/types';
import { addDays } from '../../../src/core/dates';
import { OPEN_2024, indexed, marksOn, settings } from './helpers';
import { buildCalendar } from '../../../src/core/calendar/schoolWeeks';

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
