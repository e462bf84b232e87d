import { exactFigureNote, isPersistentAbsence, isSevereAbsence, stageOf } from '../../../src/core/attendance/stage';
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
    expect(isPersistentAbsence(0, 0, s)).toBe(false);
    expect(isSevereAbsence(0, 0, s)).toBe(false);
  });

  it('reads the thresholds from the settings', () => {
    const strict = settings({ attendance: { rewardAbove: 98, level1From: 95 } });
    expect(stageOf(97.5, strict)).toBe('level1');
    expect(stageOf(94.5, strict)).toBe('level2');
  });
});

describe('persistent and severe absence compare the exact fraction (SPEC §4.1)', () => {
  it('37 of 371 missed (9.97%) is not PA although it shows as 90.0%; 38 of 380 (exactly 10%) is', () => {
    expect(percentTenths(371 - 37, 371)).toBe(900); // shows 90.0%
    expect(isPersistentAbsence(371 - 37, 371, s)).toBe(false);
    expect(isPersistentAbsence(380 - 38, 380, s)).toBe(true);
  });
  it('exactly 10% absence is PA; one session fewer missed is not', () => {
    expect(isPersistentAbsence(144, 160, s)).toBe(true); // 16/160 = 10%
    expect(isPersistentAbsence(145, 160, s)).toBe(false); // 15/160 = 9.375%
    expect(isPersistentAbsence(9, 10, s)).toBe(true);
  });
  it('a figure that shows 90.0% but is just over 10% absence is PA: 359 of 399 attended (10.03% absent)', () => {
    expect(percentTenths(359, 399)).toBe(900);
    expect(isPersistentAbsence(359, 399, s)).toBe(true);
  });
  it('SA: exactly 50% is SA; 49.9% is not, even when it shows as 50.0%', () => {
    expect(isSevereAbsence(80, 160, s)).toBe(true);
    expect(isSevereAbsence(20, 160, s)).toBe(true);
    // 1001 of 2000 attended: absence 49.95%, shows as 50.1% (rounded half up) — not SA either way.
    expect(isSevereAbsence(1001, 2000, s)).toBe(false);
    // 1999 of 3999 attended: absence 50.01% (SA); it shows as 50.0%.
    expect(percentTenths(1999, 3999)).toBe(500);
    expect(isSevereAbsence(1999, 3999, s)).toBe(true);
    // 2001 of 4001 attended: absence 49.99% (not SA); it also shows as 50.0%.
    expect(percentTenths(2001, 4001)).toBe(500);
    expect(isSevereAbsence(2001, 4001, s)).toBe(false);
  });
  it('reads the thresholds from the settings', () => {
    const eight = settings({ attendance: { persistentAbsenceFrom: 8 } });
    expect(isPersistentAbsence(92, 100, eight)).toBe(true);
    expect(isPersistentAbsence(93, 100, eight)).toBe(false);
  });
});

describe('the exact figure where it and the shown figure could disagree', () => {
  it('37 of 371: shows 90.0%, the note says exactly 90.03% and not PA', () => {
    expect(exactFigureNote(334, 371, 90.0, s)).toBe('exactly 90.03% (absence 9.97%): not PA');
  });
  it('359 of 399: shows 90.0%, the note says PA', () => {
    expect(exactFigureNote(359, 399, 90.0, s)).toBe('exactly 89.97% (absence 10.03%): PA');
  });
  it('exactly 90%: the note confirms PA', () => {
    expect(exactFigureNote(342, 380, 90.0, s)).toBe('exactly 90.00% (absence 10.00%): PA');
  });
  it('no note away from the lines (they cannot disagree there)', () => {
    expect(exactFigureNote(145, 160, 90.6, s)).toBe('');
    expect(exactFigureNote(151, 160, 94.4, s)).toBe('');
    expect(exactFigureNote(0, 0, null, s)).toBe('');
  });
  it('at the SA line: 2001 of 4001 shows 50.0% and is not SA', () => {
    expect(exactFigureNote(2001, 4001, 50.0, s)).toBe('exactly 50.01% (absence 49.99%): not SA');
  });
});
