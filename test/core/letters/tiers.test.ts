import { tierRunSummary } from '../../../src/core/letters/tiers';
import { pupil } from './fixtures';

describe('tierRunSummary (since the last tier letter run)', () => {
  const pupils = [
    pupil({ upn: 'T1', forename: 'Zoe', surname: 'Young', year: 10, regGroup: '10A' }),
    pupil({ upn: 'T2', forename: 'Adam', surname: 'Ash', year: 10, regGroup: '10B' }),
    pupil({ upn: 'T3', forename: 'Bea', surname: 'Bell', year: 10, regGroup: '10A' }),
    pupil({ upn: 'T4', forename: 'Cy', surname: 'Cole', year: 10, regGroup: '10A' }),
  ];

  it('shows names included (new, or moved tier) and names to be removed (the tier they were in)', () => {
    const s = tierRunSummary([{ upn: 'T1', tier: 1 }, { upn: 'T4', tier: 2 }, { upn: 'T3', tier: 1 }], [{ upn: 'T4', tier: 2 }, { upn: 'T2', tier: 1 }, { upn: 'T3', tier: 3 }], pupils);
    expect(s.included).toEqual([{ upn: 'T3', tier: 3 }, { upn: 'T2', tier: 1 }]); // 10A Bell before 10B Ash
    expect(s.removed).toEqual([{ upn: 'T3', tier: 1 }, { upn: 'T1', tier: 1 }]);
    expect(s.continuing).toEqual([{ upn: 'T4', tier: 2 }]);
  });

  it('treats the first run for a year group as everyone included, and ignores duplicates and blanks', () => {
    const s = tierRunSummary([], [{ upn: 'T1', tier: 1 }, { upn: 't1', tier: 1 }, { upn: '', tier: 2 }, { upn: 'T3', tier: 2 }], pupils);
    expect(s.included).toEqual([{ upn: 'T3', tier: 2 }, { upn: 'T1', tier: 1 }]);
    expect(s.removed).toEqual([]);
  });
});
