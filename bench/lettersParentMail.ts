/**
 * Letters e-mailed to parents (issue 6 §3): runs of 20 and 40 reward letters with Settings
 * "e-mail letters to parents" on, on a small and a large school. Calls per letter are the
 * difference ÷ 20 and must be the same for both schools; documents created per run must be 2
 * (the merged letters and ONE scratch copy refilled for every pupil's PDF), whatever the size.
 */
import { performance } from 'perf_hooks';
import { makeTracker } from '../local/sample/tracker';
import { loadSettings, saveSettings } from '../src/gas/settingsStore';
import { setUpLetterTemplatesJob } from '../src/jobs/letters/templates';
import { loadLetterSources } from '../src/jobs/letters/sources';
import { planFor } from '../src/jobs/letters/preview';
import { generateLetterRunJob } from '../src/jobs/letters/run';
import type { BenchRow } from './run';

async function one(pupils: number): Promise<BenchRow[]> {
  // The sample school imported through the same path as the menu (local/sample/tracker.ts).
  const { g, ss, school, uninstall } = makeTracker({ pupils });
  const rows: BenchRow[] = [];
  try {
    saveSettings({ ...school.settings, letters: { ...((school.settings as any).letters || {}), emailParents: true } } as any);
    setUpLetterTemplatesJob(loadSettings());
    const settings = loadSettings();
    const asOf = school.asOf;
    let base = 0;
    const clock = () => base + g.env.simulatedMs;
    const runOf = (n: number) => {
      base += 1e7; // a new run id per run (the simulated clock restarts with resetCounts)
      const due = planFor(loadLetterSources(ss, settings, asOf, 'reward'), { type: 'reward', cohort: { kind: 'all' } }).plan.toProduce;
      g.env.resetCounts();
      const t0 = performance.now();
      const r = generateLetterRunJob(ss, settings, asOf, { type: 'reward', cohort: { kind: 'all' }, unticked: due.slice(n).map((l) => l.upn) }, { clock });
      return { r, ms: performance.now() - t0 };
    };
    const a = runOf(20);
    const c20 = g.env.total;
    const docs = () => g.env.countsByName()['DocumentApp.create'] || 0;
    rows.push({ job: 'letters → parents: run of 20 (PDF + e-mail)', pupils, calls: c20, projectedMs: g.env.simulatedMs, computeMs: a.ms,
      note: `${a.r.done} letters, ${a.r.emailed} e-mailed, ${docs()} documents created` });
    const b = runOf(40);
    rows.push({ job: 'letters → parents: run of 40 (PDF + e-mail)', pupils, calls: g.env.total, projectedMs: g.env.simulatedMs, computeMs: b.ms,
      note: `${b.r.done} letters, ${b.r.emailed} e-mailed, ${docs()} documents created, ${((g.env.total - c20) / 20).toFixed(1)} calls per letter` });
  } finally {
    uninstall();
  }
  return rows;
}

export async function benchLettersParentMail(): Promise<BenchRow[]> {
  return [...(await one(200)), ...(await one(1000))];
}
