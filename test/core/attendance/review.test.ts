import { reviewAttendance, ReviewInput } from '../../../src/core/attendance/review';
import { splitBy, cohortFigures } from '../../../src/core/attendance/cohorts';
import { LateToLesson, Mark, Pupil } from '../../../src/core/types';
import { SPRING_1, SPRING_2, letter, marksOn, pupil, settings } from './helpers';
import { syntheticSchool } from './syntheticSchool';

const OPEN = [...SPRING_1, ...SPRING_2];

function run(pupils: Pupil[], marks: Mark[], asOf: string, extra: Partial<ReviewInput> = {}) {
  return reviewAttendance({ pupils, marks, letters: [], latesToLesson: [], settings: settings(), asOf, ...extra });
}

/** Present on every open day up to `asOf`, then `absent` sessions replaced with the code given. */
function withAbsences(upn: string, asOf: string, absent: Record<string, string>, days = OPEN): Mark[] {
  return marksOn(upn, days.filter((d) => d <= asOf), (d, s) => absent[`${d} ${s}`] ?? absent[d] ?? '/');
}

describe('coding review and held pupils', () => {
  const asOf = '2024-02-09';
  const days = SPRING_1;
  const pupils = [
    pupil('H1', { regGroup: '9A' }), pupil('J1', { regGroup: '9A' }), pupil('Y1', { regGroup: '9A' }), pupil('A1', { regGroup: '9A' }),
    pupil('B1', { regGroup: '9B' }), pupil('B2', { regGroup: '9B' }),
    pupil('C1', { regGroup: '9C' }), pupil('C2', { regGroup: '9C' }),
    pupil('N1', { regGroup: '9D' }), pupil('R1', { regGroup: '9D' }), pupil('OK', { regGroup: '9D' }),
  ];
  const marks = [
    ...withAbsences('H1', asOf, { '2024-01-10 AM': 'H' }, days),
    ...withAbsences('J1', asOf, { '2024-01-10 AM': 'J' }, days),
    ...withAbsences('Y1', asOf, { '2024-01-10 AM': 'Y' }, days),
    ...withAbsences('A1', asOf, { '2024-01-10 AM': 'A' }, days),
    ...withAbsences('B1', asOf, { '2024-01-10 AM': '' }, days),
    ...withAbsences('B2', asOf, {}, days),
    ...withAbsences('C1', asOf, { '2024-01-11 PM': '' }, days),
    ...withAbsences('C2', asOf, { '2024-01-11 PM': '' }, days),
    ...withAbsences('N1', asOf, { '2024-01-29 AM': 'N', '2024-02-05 AM': 'N' }, days),
    ...withAbsences('R1', asOf, {}, days).filter((m) => m.date !== '2024-01-17'),
    ...withAbsences('OK', asOf, {}, days),
  ];
  const review = run(pupils, marks, asOf);
  const by = (upn: string) => review.pupils.find((p) => p.upn === upn)!;

  it('withdrawn H, J, plain Y and an unknown code are issues and hold the pupil', () => {
    for (const [upn, kind] of [['H1', 'withdrawn'], ['J1', 'withdrawn'], ['Y1', 'withdrawn'], ['A1', 'unknown']]) {
      expect(by(upn).held).toBe(true);
      expect(by(upn).issues.map((i) => i.kind)).toEqual([kind]);
    }
    expect(by('H1').issues[0].message).toContain('UPN H1, 10/01/2024 AM');
    expect(by('H1').ladder.nextAction).toMatch(/^Held/);
  });

  it('a blank on an open day is a gap, not a present', () => {
    expect(by('B1').issues.map((i) => [i.kind, i.date, i.session])).toEqual([['gap', '2024-01-10', 'AM']]);
    expect(by('B1').figures.possible).toBe(by('B2').figures.possible - 1);
    expect(by('B1').held).toBe(true);
  });

  it('a session with no row at all is a gap too', () => {
    expect(by('R1').issues.map((i) => i.date)).toEqual(['2024-01-17', '2024-01-17']);
  });

  it('an N older than 5 school days is an issue; a recent one is not', () => {
    expect(by('N1').issues.map((i) => [i.kind, i.date])).toEqual([['oldN', '2024-01-29']]);
  });

  it('a clean register holds nobody', () => {
    expect(by('OK').held).toBe(false);
    expect(by('B2').held).toBe(false);
  });

  it('finds incomplete and missing registers by reg group and session', () => {
    expect(review.lists.coding.registers.map((r) => [r.regGroup, r.date, r.session, r.kind])).toEqual([
      ['9B', '2024-01-10', 'AM', 'incomplete'],
      ['9C', '2024-01-11', 'PM', 'missing'],
      ['9D', '2024-01-17', 'AM', 'incomplete'],
      ['9D', '2024-01-17', 'PM', 'incomplete'],
    ]);
  });
});

describe('lists', () => {
  it('tier lists by year with names included and to be removed; a pupil is in their highest tier', () => {
    const asOf = '2024-02-09'; // 25 days, 50 sessions
    const absent = (n: number) => Object.fromEntries(SPRING_1.slice(0, n).map((d) => [d, 'C'])) as Record<string, string>;
    const pupils = [pupil('T1'), pupil('T2'), pupil('T3'), pupil('R0'), pupil('S2'), pupil('X10', { year: 10 })];
    const marks = [
      ...withAbsences('T1', asOf, { ...absent(1) }, SPRING_1), // 48/50 = 96% level1
      ...withAbsences('T2', asOf, absent(2), SPRING_1), // 46/50 = 92% level2
      ...withAbsences('T3', asOf, absent(3), SPRING_1), // 44/50 = 88% level2 + PA → tier 3
      ...withAbsences('R0', asOf, {}, SPRING_1), // reward
      ...withAbsences('S2', asOf, absent(2), SPRING_1), // level2, was tier 2
      ...withAbsences('X10', asOf, absent(1), SPRING_1), // year 10 level1
    ];
    const previousTiers = [{ upn: 'T1', tier: 2 as const }, { upn: 'R0', tier: 1 as const }, { upn: 'S2', tier: 2 as const }];
    const tiers = run(pupils, marks, asOf, { previousTiers }).lists.tiers;
    expect(tiers.map((t) => t.year)).toEqual([9, 10]);
    const y9 = tiers[0];
    expect([y9.tier1, y9.tier2, y9.tier3]).toEqual([['T1'], ['T2', 'S2'], ['T3']]);
    expect(y9.included).toEqual([{ upn: 'T1', tier: 1 }, { upn: 'T2', tier: 2 }, { upn: 'T3', tier: 3 }]);
    expect(y9.removed).toEqual([{ upn: 'T1', tier: 2 }, { upn: 'R0', tier: 1 }]);
    expect(tiers[1].included).toEqual([{ upn: 'X10', tier: 1 }]);
  });

  it('punctuality: 5 L marks in the current half term, not 4; last half term does not count', () => {
    const asOf = '2024-03-08';
    const lates = (n: number) => Object.fromEntries(SPRING_2.slice(0, n).map((d) => [`${d} AM`, 'L']));
    const marks = [
      ...withAbsences('P5', asOf, lates(5)),
      ...withAbsences('P4', asOf, { ...lates(4), '2024-01-10 AM': 'L', '2024-01-11 AM': 'L' }),
    ];
    const list = run([pupil('P5'), pupil('P4')], marks, asOf).lists.punctuality;
    expect(list.map((e) => [e.upn, e.count])).toEqual([['P5', 5]]);
    expect(list[0].dates[0]).toBe('2024-02-19 AM');
  });

  it('late to lesson: 5 rows in the half term, not 4', () => {
    const asOf = '2024-03-08';
    const rows = (upn: string, n: number, from = 0): LateToLesson[] =>
      SPRING_2.slice(from, from + n).map((d) => ({ date: d, upn, lesson: 'P2', minutes: 5 }));
    const latesToLesson = [...rows('P5', 5), ...rows('P4', 4), { date: '2024-02-01', upn: 'P4', lesson: 'P1', minutes: 3 }];
    const marks = [...withAbsences('P5', asOf, {}), ...withAbsences('P4', asOf, {})];
    const list = run([pupil('P5'), pupil('P4')], marks, asOf, { latesToLesson }).lists.lateToLesson;
    expect(list.map((e) => [e.upn, e.count])).toEqual([['P5', 5]]);
  });

  it('G-code holidays: 6 sessions in the term with the dates, not 5', () => {
    const asOf = '2024-03-08';
    const g = (days: string[]) => Object.fromEntries(days.map((d) => [d, 'G']));
    const marks = [
      ...withAbsences('G6', asOf, g(['2024-01-30', '2024-01-31', '2024-02-20'])),
      ...withAbsences('G5', asOf, { ...g(['2024-01-30', '2024-01-31']), '2024-02-20 AM': 'G' }),
    ];
    const list = run([pupil('G6'), pupil('G5')], marks, asOf).lists.holidays;
    expect(list.map((e) => [e.upn, e.count])).toEqual([['G6', 6]]);
    expect(list[0].dates).toEqual(['2024-01-30 AM', '2024-01-30 PM', '2024-01-31 AM', '2024-01-31 PM', '2024-02-20 AM', '2024-02-20 PM']);
  });

  it('failure to return: absent today with N or no mark, Year 11 first', () => {
    const asOf = '2024-02-19'; // first day back after half term
    const pupils = [pupil('Y9', { year: 9 }), pupil('Y11', { year: 11, regGroup: '11A' }), pupil('Y10', { year: 10, regGroup: '10A' }), pupil('IN')];
    const marks = [
      ...withAbsences('Y9', '2024-02-09', {}),
      ...withAbsences('Y11', asOf, { '2024-02-19 AM': 'N' }),
      ...withAbsences('Y10', asOf, { '2024-02-19 AM': '' }),
      ...withAbsences('IN', asOf, {}),
    ];
    const r = run(pupils, marks, asOf).lists;
    expect(r.registerTakenToday).toBe(true);
    expect(r.failureToReturn.map((f) => [f.upn, f.sessions])).toEqual([
      ['Y11', ['AM N']],
      ['Y10', ['AM no mark']],
      ['Y9', ['AM no mark', 'PM no mark']],
    ]);
    // Before the register is taken nobody is listed.
    const early = run(pupils, marks.filter((m) => m.date < asOf), asOf).lists;
    expect(early.registerTakenToday).toBe(false);
    expect(early.failureToReturn).toEqual([]);
  });

  it('a leaver is in no list and no count', () => {
    const asOf = '2024-03-08';
    const bad = Object.fromEntries(OPEN.slice(0, 20).map((d) => [d, 'G']));
    const pupils = [pupil('LV', { leavingDate: '2024-03-01' }), pupil('ST', { leavingDate: '2024-07-19' })];
    const marks = [...withAbsences('LV', asOf, { ...bad, '2024-03-04 AM': 'L', '2024-01-09 AM': 'H' }), ...withAbsences('ST', asOf, bad)];
    const r = run(pupils, marks, asOf, { latesToLesson: OPEN.slice(0, 9).map((d) => ({ date: d, upn: 'LV', lesson: 'P1', minutes: 2 })), previousTiers: [{ upn: 'LV', tier: 3 }] });
    expect(r.pupils.map((p) => p.upn)).toEqual(['ST']);
    const everything = JSON.stringify(r.lists);
    expect(everything).not.toContain('LV');
    expect(everything).toContain('ST');
  });
});

describe('the review as a whole', () => {
  it('uses the marks for stage, PA, penalty, ladder and reward-ended episodes', () => {
    const asOf = '2024-03-13';
    // In reward through January (AT1 on 10 Jan was for an earlier dip), then 12 days of U.
    const absent = Object.fromEntries(OPEN.filter((d) => d >= '2024-02-19' && d <= '2024-03-05').map((d) => [d, 'U']));
    const r = run([pupil('P1')], withAbsences('P1', asOf, absent), asOf, { letters: [letter('AT1', 'P1', '2024-01-10')] }).pupils[0];
    expect(r.figures.possible).toBe(2 * OPEN.filter((d) => d <= asOf).length);
    expect(r.stage).toBe('level2');
    expect(r.pa).toBe(true);
    expect(r.penalty).not.toBeNull();
    expect(r.notifyLa).toEqual({ days: 12, from: '2024-02-19', to: '2024-03-05' });
    expect(r.ladder.lettersDue).toEqual(['AT1', 'PA']); // reward weeks after 10 Jan ended that episode
  });

  it('pupils without marks use their MIS summary', () => {
    const r = run([pupil('S1')], [], '2024-03-13', { summaries: [{ upn: 'S1', possible: 160, attended: 151, authorised: 9, unauthorised: 0 }] }).pupils[0];
    expect([r.source, r.figures.percent, r.stage, r.ladder.lettersDue]).toEqual(['summary', 94.4, 'level1', ['AT1']]);
  });

  it('splits results by cohort', () => {
    const asOf = '2024-02-09';
    const pupils = [pupil('A', { pp: true }), pupil('B', { year: 10, regGroup: '10A' }), pupil('C', { pp: true, year: 10, regGroup: '10A' })];
    const marks = [...withAbsences('A', asOf, {}), ...withAbsences('B', asOf, { '2024-01-08': 'C' }), ...withAbsences('C', asOf, {})];
    const res = run(pupils, marks, asOf).pupils;
    expect(Object.keys(splitBy(res, 'year')).sort()).toEqual(['10', '9']);
    expect(splitBy(res, 'pp').PP.map((p) => p.upn)).toEqual(['A', 'C']);
    expect(splitBy(res, 'regGroup')['10A'].length).toBe(2);
    expect(cohortFigures(splitBy(res, 'year')['10'])).toMatchObject({ pupils: 2, possible: 100, attended: 98, percent: 98 });
  });

  // Speed is a bench figure (npm run bench: "core rules only"); here the answers are checked.
  it('a whole year for 200 pupils: each pupil\'s possible and attended sessions match a count of their codes', () => {
    const school = syntheticSchool(200, 190);
    expect(school.marks.length).toBe(76000);
    const r = reviewAttendance({ ...school, latesToLesson: [], settings: settings(), asOf: '2024-06-28' });
    // Counted by hand from SPEC §4.1: every code in the synthetic register is a possible session;
    // '/' and 'L' are attended. Marks after asOf (28/06) are not counted.
    const expected = new Map<string, { possible: number; attended: number }>();
    for (const m of school.marks) {
      if (m.date > '2024-06-28') continue;
      const e = expected.get(m.upn) || { possible: 0, attended: 0 };
      e.possible++;
      if (m.code === '/' || m.code === 'L') e.attended++;
      expected.set(m.upn, e);
    }
    expect(r.pupils.map((p) => ({ upn: p.upn, possible: p.figures.possible, attended: p.figures.attended }))).toEqual(
      school.pupils.map((p) => ({ upn: p.upn, ...expected.get(p.upn)! })),
    );
  });
});
