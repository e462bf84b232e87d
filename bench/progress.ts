/**
 * Tracking and mentoring (issue 8): the progress review and the mentoring morning (pack day: it
 * also reads Attendance Marks and the Homework Log) for a small and a large sample school, as of
 * 26 January 2024. Calls must be the same for both sizes.
 */
import { performance } from 'perf_hooks';
import { makeTracker } from '../test/fixtures/trackerFixture';
import { loadSettings } from '../src/gas/settingsStore';
import { progressReview } from '../src/jobs/progress/review';
import { mentoringMorning } from '../src/jobs/progress/morning';
import type { BenchRow } from './run';

async function one(pupils: number): Promise<BenchRow[]> {
  const t = makeTracker({ pupils });
  try {
    const settings = loadSettings();
    const rows: BenchRow[] = [];
    t.g.env.resetCounts();
    let t0 = performance.now();
    const r = progressReview(t.ss, settings, t.school.asOf);
    rows.push({ job: 'progress review', pupils, calls: t.g.env.total, projectedMs: t.g.env.simulatedMs, computeMs: performance.now() - t0, note: `${r.rows.length} grades, ${r.added.length} interventions` });
    t.g.env.resetCounts();
    t0 = performance.now();
    const m = mentoringMorning(t.ss, settings, t.school.asOf, { packs: 'force' });
    rows.push({ job: 'mentoring morning (pack day)', pupils, calls: t.g.env.total, projectedMs: t.g.env.simulatedMs, computeMs: performance.now() - t0, note: `${m.data.packs.length} mentor packs` });
    return rows;
  } finally {
    t.uninstall();
  }
}

export async function benchProgress(): Promise<BenchRow[]> {
  return [...(await one(200)), ...(await one(1000))];
}
