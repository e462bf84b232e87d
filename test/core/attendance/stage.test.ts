import { isPersistentAbsence, isSevereAbsence, stageOf } from '../../../src/core/attendance/stage';
import { percentTenths } from '../../../src/core/attendance/summary';
import { settings } from './helpers';

const s = settings();

describe('stageOf (SPEC §4.2 edges)', () => {
  it.each([
    [97.1, 'reward'], [100, 'reward'], [97.0, 'level1'], [97, 'level1'], [94.0, 'level1'], [95.5, 'level1'],
    [93.9, 'level2'], [0, 'level2'],
  ])('%p%% is %s', (pct, stage) => {
    expect(stageOf(pct, s)).toBe(stage);
  });

  it('compares the figure rounded to 1 dp: 93.96 shows 94.0 and is level1; 97.04 shows 97.0 and is level1', () => {
    expect(stageOf(93.96, s)).toBe('level1');
    expect(stageOf(93.94, s)).toBe('level2');
    expect(stageOf(97.04, s)).toBe('level1');
    expect(stageOf(97.05, s)).toBe('reward');
  });

  it('uses the rounded figure from the sessions: 151/160 = 94.375 → 94.4 level1; 1503/1600 = 93.9375 → 93.9 level2', () => {
    expect(percentTenths(151, 160)).toBe(944);
    expect(stageOf(percentTenths(1503, 1600)! / 10, s)).toBe('level2');
    expect(percentTenths(1879, 2000)).toBe(940); // 93.95 rounds half up
    expect(stageOf(percentTenths(1879, 2000)! / 10, s)).toBe('level1');
  });

  it('has no stage without possible sessions', () => {
    expect(stageOf(null, s)).toBeNull();
    expect(isPersistentAbsence(null, s)).toBe(false);
    expect(isSevereAbsence(null, s)).toBe(false);
  });

  it('reads the thresholds from the settings', () => {
    const strict = settings({ attendance: { rewardAbove: 98, level1From: 95 } });
    expect(stageOf(97.5, strict)).toBe('level1');
    expect(stageOf(94.5, strict)).toBe('level2');
  });
});

describe('persistent and severe absence', () => {
  it('90.0% is PA, 90.1% is not', () => {
    expect(isPersistentAbsence(90.0, s)).toBe(true);
    expect(isPersistentAbsence(89.9, s)).toBe(true);
    expect(isPersistentAbsence(90.1, s)).toBe(false);
  });
  it('50.0% is SA, 50.1% is not', () => {
    expect(isSevereAbsence(50.0, s)).toBe(true);
    expect(isSevereAbsence(12, s)).toBe(true);
    expect(isSevereAbsence(50.1, s)).toBe(false);
  });
  it('works from sessions without floating-point drift: 144/160 = 90.0% is PA', () => {
    expect(isPersistentAbsence(percentTenths(144, 160)! / 10, s)).toBe(true);
    expect(isPersistentAbsence(percentTenths(145, 160)! / 10, s)).toBe(false);
  });
});
