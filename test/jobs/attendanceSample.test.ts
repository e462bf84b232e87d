/**
 * "Review attendance" on the sample school (Hillside Academy, 1,000 pupils, 2024-01-26): every
 * stage, flag and list has pupils, and the story's special cases land where they should. Then the
 * cost: the service calls of a run do not grow with the number of pupils.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { reviewAttendanceJob, AttendanceJobResult } from '../../src/jobs/attendance/job';
import { loadSettings } from '../../src/gas/settingsStore';
import { CANARY } from '../../local/sample/school';
import { tabObjects } from './attendanceSchool';

describe('the sample school', () => {
  let t: TrackerFixture;
  let result: AttendanceJobResult;
  beforeAll(() => {
    t = makeTracker();
    result = reviewAttendanceJob(t.ss, loadSettings(), t.school.asOf);
  });
  afterAll(() => t.uninstall());

  it('has pupils in every stage, PA, SA, the penalty threshold, notify LA and held', () => {
    expect(result.stages.reward).toBeGreaterThan(0);
    expect(result.stages.level1).toBeGreaterThan(0);
    expect(result.stages.level2).toBeGreaterThan(0);
    expect(result.severeAbsence).toBeGreaterThan(0);
    expect(result.notifyLa).toBeGreaterThan(0);
    expect(result.lettersDue.AT1).toBeGreaterThan(0);
    expect(result.lettersDue.PA).toBeGreaterThan(0);
  });

  it("counts each pupil on roll once and puts the story's pupils where the rules say", () => {
    const s = t.school.story;
    // The sample school has 1,000 pupils; leavers are out of every count (SPEC §2).
    const onRoll = 1000 - s.leavers.length;
    expect(result.pupils).toBe(onRoll);
    const st = result.stages;
    expect(st.reward + st.level1 + st.level2 + st.tooFew + st.none).toBe(onRoll);
    const by = new Map(result.review.pupils.map((p) => [p.upn, p]));
    // The canary is made at least 12% absent: below 94.0% is level 2, and 10% or more absence is PA.
    expect(by.get(CANARY.upn)).toMatchObject({ stage: 'level2', pa: true });
    // SA (50% or more absence) is within PA (10% or more).
    expect(result.severeAbsence).toBeLessThanOrEqual(result.persistentAbsence);
    // A week of term-time holiday (G) in the last fortnight but one: 10 unauthorised sessions, the
    // penalty threshold, for each of the three pupils given one.
    for (const upn of s.holidayThisTerm) expect([upn, by.get(upn)!.penalty !== null]).toEqual([upn, true]);
    expect(result.penaltyThreshold).toBeGreaterThanOrEqual(s.holidayThisTerm.length);
    // Coding slips hold a pupil from letters: at least the story's 4 old N codes and 5 gaps.
    expect(s.oldN.length + s.gap.length).toBe(9);
    expect(result.held).toBeGreaterThanOrEqual(9);
    expect(result.persistentAbsence).toBeGreaterThanOrEqual(1);
  });

  it('puts every list on its tab, none empty', () => {
    for (const [tab, n] of Object.entries(result.tabsWritten)) {
      expect([tab, n > 0]).toEqual([tab, true]);
      expect(tabObjects(t.ss, tab).length).toBe(n);
    }
    expect(result.lists.registerTakenToday).toBe(true);
    expect(result.lists.registerIssues).toBeGreaterThan(0);
  });

  it('follows the story: holidays on the G list, the canary is PA, coding slips hold pupils, leavers are out', () => {
    const s = t.school.story;
    const g = new Set(tabObjects(t.ss, 'G Codes').map((r) => r.UPN));
    for (const upn of [...s.holidayThisTerm, ...s.shortHoliday]) expect(g.has(upn)).toBe(true);
    const by = new Map(result.review.pupils.map((p) => [p.upn, p]));
    expect(by.get(CANARY.upn)!.pa).toBe(true);
    for (const upn of [...s.oldN, ...s.gap]) expect([upn, by.get(upn)!.held]).toEqual([upn, true]);
    // Ten school days absent without permission: the sample's Legal history records "LA notified" on
    // the tenth day (local/sample/legal.ts), so the flag is answered and no longer asks for action.
    const legal = tabObjects(t.ss, 'Legal');
    for (const upn of s.tenDaysUnauthorised) {
      expect(legal.some((r: any) => r.UPN === upn && /LA notified/i.test(String(r.Step)))).toBe(true);
      expect(result.review.pupils.find((p) => p.upn === upn)!.notifyLa).toBeNull();
    }
    for (const upn of s.leavers) expect(by.has(upn)).toBe(false);
    const failure = tabObjects(t.ss, 'Failure to Return');
    expect(failure[0].Year).toBe(11);
    for (const upn of [...s.failureToReturnN, ...s.failureToReturnBlank]) expect(failure.some((f) => f.UPN === upn)).toBe(true);
    const [group] = s.incompleteRegister;
    expect(tabObjects(t.ss, 'Coding Review').some((r) => r.Issue === 'Incomplete register' && r['Reg Group'] === group)).toBe(true);
  });

  it('writes no pupil data to the execution log', () => {
    expect(t.g.env.logs.join('\n')).not.toMatch(/[A-Z]\d{12}/);
  });
});
