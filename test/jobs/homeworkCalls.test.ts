/**
 * Issue 4: the refresh makes the same service calls for 200 pupils as for 2,000 (read each tab
 * once, write each tab once). Both trackers are fresh, so both runs do the same work shape.
 */
import { makeTracker } from '../fixtures/trackerFixture';
import { refreshHomeworkJob } from '../../src/jobs/homework/refresh';
import { loadSettings } from '../../src/gas/settingsStore';

const TABS = ['Students', 'Staff', 'Homework Log', 'Homework Set'];

/** Sizing a sheet is one insert OR one delete, depending on which way it must change: one bucket. */
function byName(counts: Record<string, number>): Record<string, number> {
  const out = { ...counts };
  out['Sheet.resize (insertRowsAfter/deleteRows)'] = (out['Sheet.insertRowsAfter'] || 0) + (out['Sheet.deleteRows'] || 0);
  delete out['Sheet.insertRowsAfter'];
  delete out['Sheet.deleteRows'];
  return out;
}

function callsFor(pupils: number) {
  const t = makeTracker({ pupils, tabs: TABS });
  try {
    const settings = loadSettings();
    t.g.env.resetCounts();
    const first = refreshHomeworkJob(t.ss, settings, t.school.asOf);
    const firstCalls = { total: t.g.env.total, byName: byName(t.g.env.countsByName()) };
    t.g.env.resetCounts();
    const again = refreshHomeworkJob(t.ss, settings, t.school.asOf);
    return { first, firstCalls, again, againCalls: { total: t.g.env.total, byName: byName(t.g.env.countsByName()) } };
  } finally {
    t.uninstall();
  }
}

describe('refreshHomework service calls', () => {
  it('are the same for 200 and 2,000 pupils (first run and re-run)', () => {
    const small = callsFor(200);
    const large = callsFor(2000);
    expect(large.first.counts.onRoll).toBeGreaterThan(5 * small.first.counts.onRoll);
    expect(large.first.interventions.added).toBeGreaterThan(small.first.interventions.added);
    expect(large.firstCalls.byName).toEqual(small.firstCalls.byName);
    expect(large.firstCalls.total).toBe(small.firstCalls.total);
    expect(large.againCalls.total).toBe(small.againCalls.total);
    expect(large.again.interventions.added).toBe(0);
    // One read of each source tab: a handful of getValues, not one per pupil.
    expect(small.firstCalls.byName['Range.getValues']).toBeLessThanOrEqual(10);
    expect(small.firstCalls.total).toBeLessThan(250);
  });
});
