import { pupilLabel, tierRunSummary } from '../../../src/core/letters/tiers';
import { pupil } from './fixtures';

describe('tierRunSummary', () => {
  const pupils = [
    pupil({ upn: 'T1', forename: 'Zoe', surname: 'Young', year: 10, regGroup: '10A' }),
    pupil({ upn: 'T2', forename: 'Adam', surname: 'Ash', year: 10, regGroup: '10B' }),
    pupil({ upn: 'T3', forename: 'Bea', surname: 'Bell', year: 10, regGroup: '10A' }),
    pupil({ upn: 'T4', forename: 'Cy', surname: 'Cole', year: 10, regGroup: '10A' }),
  ];

  it('shows names included (new since the last run) and names to be removed', () => {
    const s = tierRunSummary(['T1', 'T4'], ['T4', 'T2', 'T3'], pupils);
    expect(s.included).toEqual(['T3', 'T2']); // 10A Bell before 10B Ash
    expect(s.removed).toEqual(['T1']);
    expect(s.continuing).toEqual(['T4']);
  });

  it('treats the first run for a year group as everyone included, and ignores duplicates and blanks', () => {
    const s = tierRunSummary([], ['T1', 't1', '', 'T3'], pupils);
    expect(s.included).toEqual(['T3', 'T1']);
    expect(s.removed).toEqual([]);
  });

  it('labels a pupil for the preview', () => {
    expect(pupilLabel('t2', pupils)).toBe('Adam Ash (10B)');
    expect(pupilLabel('X9', pupils)).toBe('X9');
  });
});
