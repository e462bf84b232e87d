/**
 * Refresh dashboard and the pupil profile (issue 9): a small and a large sample school. Calls are
 * the same for both (each tab read once, one write, six charts); the time that grows is compute.
 */
import { performance } from 'perf_hooks';
import { makeTracker } from '../test/fixtures/trackerFixture';
import { loadSettings } from '../src/gas/settingsStore';
import { refreshDashboardJob } from '../src/jobs/dashboard/dashboard';
import { pupilProfileJob } from '../src/jobs/profile/profile';
import type { BenchRow } from './run';

async function one(pupils: number): Promise<BenchRow[]> {
  const t = makeTracker({ pupils });
  try {
    const settings = loadSettings();
    const asOf = t.school.asOf;
    const rows: BenchRow[] = [];
    t.g.env.resetCounts();
    let t0 = performance.now();
    const d = refreshDashboardJob(t.ss, settings, asOf);
    rows.push({ job: 'refreshDashboard', pupils, calls: t.g.env.total, projectedMs: (t.g.env as any).simulatedMs, computeMs: Math.round(performance.now() - t0), note: `${d.charts.length} charts` });
    t.g.env.resetCounts();
    t0 = performance.now();
    pupilProfileJob(t.ss, t.school.tables.Students[1][0], settings, asOf);
    rows.push({ job: 'getPupilProfile', pupils, calls: t.g.env.total, projectedMs: (t.g.env as any).simulatedMs, computeMs: Math.round(performance.now() - t0) });
    return rows;
  } finally {
    t.uninstall();
  }
}

export async function benchDashboard(): Promise<BenchRow[]> {
  return [...(await one(100)), ...(await one(1000))];
}
