/**
 * The sample school's marks must exercise every attendance rule (SPEC §4): computed here from the
 * exported table with the test's own code list, not with the generator's or the product's code.
 */
import { addDays, isWeekend, weekStart } from '../../src/core/dates';
import { defaultSchool, iso, marksByPupil, percentOf, records } from './sampleHelpers';

const HALF_TERMS = [
  ['2023-09-04', '2023-10-20'], ['2023-10-30', '2023-12-20'], ['2024-01-09', '2024-02-09'],
];
const isSchoolDay = (d: string) => !isWeekend(d) && d !== '2024-01-08' && HALF_TERMS.some(([a, b]) => a <= d && d <= b);

describe('sample school attendance marks', () => {
  const school = defaultSchool();
  const marks = records(school, 'Attendance Marks');
  const pupils = marksByPupil(school);
  const students = records(school, 'Students');
  const onRoll = students.filter((s) => s['Leaving Date'] === '').map((s) => pupils.get(s.UPN)!);
  const percents = onRoll.map(percentOf);
  const schoolDays = Array.from(new Set(marks.map((m) => iso(m.Date)))).sort();
  const weeks = Array.from(new Set(schoolDays.map(weekStart))).sort();

  it('has marks only on school days, AM and PM, for every school day up to the as-of date', () => {
    const notSchool = schoolDays.filter((d) => !isSchoolDay(d) || d > school.asOf);
    expect(notSchool).toEqual([]);
    let expected = 0;
    for (let d = '2023-09-04'; d <= school.asOf; d = addDays(d, 1)) if (isSchoolDay(d)) expected++;
    expect(schoolDays.length).toBe(expected);
    expect(schoolDays).not.toContain('2024-01-08'); // staff training day
    expect(schoolDays[schoolDays.length - 1]).toBe('2024-01-26');
    expect(new Set(marks.map((m) => m.Session))).toEqual(new Set(['AM', 'PM']));
    const full = onRoll[0].marks.length;
    expect(full).toBe(expected * 2);
  });

  it('has pupils at every stage: reward (> 97%) the largest group, level 1 (94–97) and level 2 (< 94)', () => {
    const r = (p: number) => Math.round(p * 10) / 10;
    const reward = percents.filter((p) => r(p) > 97).length;
    const level1 = percents.filter((p) => r(p) >= 94 && r(p) <= 97).length;
    const level2 = percents.filter((p) => r(p) < 94).length;
    expect(level1).toBeGreaterThan(20);
    expect(level2).toBeGreaterThan(20);
    expect(reward).toBeGreaterThan(level1);
    expect(reward).toBeGreaterThan(level2);
  });

  it('has 10–30% persistent absentees and at least one severe absentee', () => {
    const pa = percents.filter((p) => 100 - p >= 10).length / percents.length;
    expect(pa).toBeGreaterThanOrEqual(0.1);
    expect(pa).toBeLessThanOrEqual(0.3);
    expect(percents.filter((p) => 100 - p >= 50).length).toBeGreaterThanOrEqual(1);
  });

  it('has pupils over the penalty threshold: 10+ G/N/O/U sessions within 10 school weeks', () => {
    const weekIndex = new Map(weeks.map((w, i) => [w, i]));
    const over = onRoll.filter((p) => {
      const perWeek = weeks.map(() => 0);
      for (const m of p.marks) if (['G', 'N', 'O', 'U'].indexOf(m.code) >= 0) perWeek[weekIndex.get(weekStart(m.date))!]++;
      return perWeek.some((_, w) => perWeek.slice(w, w + 10).reduce((a, b) => a + b, 0) >= 10);
    });
    expect(over.length).toBeGreaterThanOrEqual(3);
    // …including a term-time holiday: a whole week of G.
    expect(onRoll.some((p) => p.marks.filter((m) => m.code === 'G').length >= 10)).toBe(true);
  });

  it('has a pupil absent without permission 10 school days in a row', () => {
    const unauth = ['G', 'N', 'O', 'U'];
    const longest = (p: { marks: Array<{ date: string; code: string }> }) => {
      const byDay = new Map<string, boolean>();
      for (const m of p.marks) byDay.set(m.date, (byDay.get(m.date) ?? true) && unauth.indexOf(m.code) >= 0);
      let run = 0;
      let best = 0;
      for (const d of schoolDays) {
        run = byDay.get(d) ? run + 1 : 0;
        best = Math.max(best, run);
      }
      return best;
    };
    expect(onRoll.some((p) => longest(p) >= 10)).toBe(true);
  });

  it('has a holiday list (6+ G this term) and punctuality cases (5+ L this half term)', () => {
    const thisTerm = (d: string) => d >= '2024-01-09';
    expect(onRoll.filter((p) => p.marks.filter((m) => thisTerm(m.date) && m.code === 'G').length >= 6).length).toBeGreaterThanOrEqual(2);
    expect(onRoll.filter((p) => p.marks.filter((m) => thisTerm(m.date) && m.code === 'L').length >= 5).length).toBeGreaterThanOrEqual(5);
  });

  it('has coding issues: gaps, a withdrawn code, N older than 5 school days and an incomplete register', () => {
    expect(marks.filter((m) => m.Code === '').length).toBeGreaterThanOrEqual(1);
    expect(marks.filter((m) => m.Code === 'H').length).toBeGreaterThanOrEqual(1);
    const fiveDaysAgo = schoolDays[schoolDays.length - 6];
    expect(marks.filter((m) => m.Code === 'N' && iso(m.Date) < fiveDaysAgo).length).toBeGreaterThanOrEqual(1);
    const group = new Map(students.map((s) => [s.UPN, s['Reg Group']]));
    const registers = new Map<string, { blank: number; all: number }>();
    for (const m of marks) {
      const k = `${group.get(m.UPN)} ${m.Date} ${m.Session}`;
      const r = registers.get(k) || { blank: 0, all: 0 };
      registers.set(k, r);
      r.all++;
      if (m.Code === '') r.blank++;
    }
    expect(Array.from(registers.values()).some((r) => r.blank / r.all > 0.5)).toBe(true);
  });

  it('uses not-counted, approved-activity, authorised and unauthorised codes', () => {
    const used = new Set(marks.map((m) => m.Code));
    for (const c of ['X', 'Y1', '#', 'D', 'B', 'P', 'V', 'K', 'I', 'M', 'C', 'R', 'E', 'S', 'T', 'J1', 'C1', 'O', 'G', 'U', 'N', 'L']) {
      expect({ c, used: used.has(c) }).toEqual({ c, used: true });
    }
    // Illness is the commonest absence, and it peaks in winter.
    const count = (code: string, from: string, to: string) => marks.filter((m) => m.Code === code && iso(m.Date) >= from && iso(m.Date) <= to).length;
    expect(count('I', '2023-01-01', '2024-12-31')).toBeGreaterThan(count('O', '2023-01-01', '2024-12-31'));
    expect(count('I', '2023-12-04', '2023-12-20') / 13).toBeGreaterThan(count('I', '2023-09-04', '2023-09-22') / 15);
    // The first day is Year 7 only: the other years are marked # (school closed to them).
    const first = marks.filter((m) => m.Date === '04/09/2023');
    expect(first.filter((m) => m.Code === '#').length).toBeGreaterThan(first.length * 0.7);
  });

  it('has Year 11s absent today with N or no mark (failure to return)', () => {
    const y11 = new Set(students.filter((s) => s['NC Year'] === '11').map((s) => s.UPN));
    const today = marks.filter((m) => iso(m.Date) === school.asOf && y11.has(m.UPN) && m.Session === 'AM');
    expect(today.filter((m) => m.Code === 'N').length).toBeGreaterThanOrEqual(2);
    expect(today.filter((m) => m.Code === '').length).toBeGreaterThanOrEqual(2);
  });

  it('makes the canary a persistent absentee so it appears in attendance lists', () => {
    const canary = pupils.get(school.story.canary[0])!;
    expect(100 - percentOf(canary)).toBeGreaterThanOrEqual(10);
  });
});
