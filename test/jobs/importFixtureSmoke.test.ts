import { makeTracker } from '../fixtures/trackerFixture';
import { readTab } from '../../src/gas/tables';
it('makeTracker builds the sample school through importRows', () => {
  const t = makeTracker({ pupils: 100 });
  try {
    expect(t.g.env.total).toBe(0); // counts reset for the test's own job
    expect(readTab(t.ss, 'Students').records).toHaveLength(100);
    expect(t.reports['Attendance Marks'].added).toBeGreaterThan(10000);
  } finally {
    t.uninstall();
  }
});
