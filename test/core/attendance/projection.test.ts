import { earlyWarning, projectSessionsNeeded } from '../../../src/core/attendance/projection';
import { figuresFromSummary } from '../../../src/core/attendance/summary';
import { settings } from './helpers';

const s = settings();
const fig = (attended: number, possible: number) => figuresFromSummary({ upn: 'P', possible, attended, authorised: possible - attended, unauthorised: 0 });

describe('projection: sessions needed by the end of the half term', () => {
  it('level 2 → level 1: the fewest sessions whose rounded % reaches 94.0', () => {
    // 187/200 = 93.5%; 50 days left = 100 sessions: 282/300 = 94.0% needs 95, 281/300 = 93.7%.
    const p = projectSessionsNeeded(fig(187, 200), 'level2', false, 50, s)!;
    expect([p.target, p.remainingSessions, p.sessionsNeeded, p.reachable]).toEqual(['level1', 100, 95, true]);
    expect(p.text).toContain('95 of the 100');
  });

  it('level 1 → reward, and "cannot reach this half term" when even full attendance is not enough', () => {
    // 190/200 = 95%; 10 days = 20 sessions: 210/220 = 95.5% at best.
    const p = projectSessionsNeeded(fig(190, 200), 'level1', false, 10, s)!;
    expect([p.target, p.sessionsNeeded, p.reachable]).toEqual(['reward', null, false]);
    expect(p.text).toMatch(/Cannot reach reward/);
  });

  it('a persistent absentee aims first to leave PA', () => {
    // 178/200 = 89.0%; 60 sessions left: the rounded % must pass 90.0.
    const p = projectSessionsNeeded(fig(178, 200), 'level2', true, 30, s)!;
    expect(p.target).toBe('notPA');
    expect(p.sessionsNeeded).toBe(57); // 235/260 = 90.4%; 234/260 = 90.0% is still PA
  });

  it('no projection in reward, and an honest message when the half-term end is unknown', () => {
    expect(projectSessionsNeeded(fig(199, 200), 'reward', false, 10, s)).toBeNull();
    const p = projectSessionsNeeded(fig(187, 200), 'level2', false, null, s)!;
    expect(p.sessionsNeeded).toBeNull();
    expect(p.text).toMatch(/half-term dates/);
  });
});

describe('early warning', () => {
  it('warns when the recent trend would take a reward pupil to level 1', () => {
    // 49/50 = 98%; last weeks 36/40 = 90%; 10 days: (49 + 18)/70 = 95.7%.
    const w = earlyWarning(fig(49, 50), { attended: 36, possible: 40 }, 10, s)!;
    expect([w.threshold, w.recentPercent, w.projectedPercent]).toEqual(['level1', 90, 95.7]);
  });

  it('warns of persistent absence ahead of level changes', () => {
    // 91/100 = 91% (level 2, not PA); recent 75%; 10 days: (91 + 15)/120 = 88.3%.
    expect(earlyWarning(fig(91, 100), { attended: 30, possible: 40 }, 10, s)!.threshold).toBe('PA');
  });

  it('is quiet when the trend holds, or there is no recent data', () => {
    expect(earlyWarning(fig(49, 50), { attended: 40, possible: 40 }, 10, s)).toBeNull();
    expect(earlyWarning(fig(49, 50), { attended: 0, possible: 0 }, 10, s)).toBeNull();
  });

  it('continues the trend as long again when the half-term end is unknown', () => {
    // (49 + 36)/(50 + 40) = 94.4% → level 1.
    expect(earlyWarning(fig(49, 50), { attended: 36, possible: 40 }, null, s)!.projectedPercent).toBe(94.4);
  });
});
