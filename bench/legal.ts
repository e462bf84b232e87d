/**
 * Evidence packs (issue 19): what one pack costs in Apps Script terms — service calls per pupil
 * and projected time — and whether a batch of 30 packs fits one execution (the run's time budget,
 * settings.letters.maxRunMillis, under Apps Script's 6-minute limit). The shared part of a run
 * (reading the tracker once) is measured apart from the per-pupil part (the document).
 */
import { performance } from 'perf_hooks';
import { makeTracker } from '../local/sample/tracker';
import { loadSettings } from '../src/gas/settingsStore';
import { loadLegalSources } from '../src/jobs/legal/sources';
import { makeEvidencePacksJob } from '../src/jobs/legal/packs';
import type { BenchRow } from './run';

const BATCH = 30;

async function one(pupils: number): Promise<BenchRow[]> {
  const { g, ss, school, uninstall } = makeTracker({ pupils });
  const rows: BenchRow[] = [];
  try {
    const settings = loadSettings();
    const asOf = school.asOf;
    g.env.resetCounts();
    let t0 = performance.now();
    loadLegalSources(ss, settings, asOf);
    const read = { calls: g.env.total, ms: g.env.simulatedMs, compute: performance.now() - t0 };
    rows.push({ job: 'evidence packs: read the tracker', pupils, calls: read.calls, projectedMs: read.ms, computeMs: read.compute, note: 'once per run, whatever the number of packs' });

    g.env.resetCounts();
    t0 = performance.now();
    const r = makeEvidencePacksJob(ss, { ...settings, letters: { ...settings.letters, maxRunMillis: Infinity } }, asOf, { all: true }, { clock: () => g.env.simulatedMs });
    const n = Math.max(1, r.made);
    const perCalls = (g.env.total - read.calls) / n;
    const perMs = (g.env.simulatedMs - read.ms) / n;
    rows.push({
      job: `evidence packs: all at the threshold (${r.made})`,
      pupils, calls: g.env.total, projectedMs: g.env.simulatedMs, computeMs: performance.now() - t0,
      note: `${perCalls.toFixed(0)} calls and ${(perMs / 1000).toFixed(1)} s per pack`,
    });
    const batch = read.ms + BATCH * perMs;
    rows.push({
      job: `evidence packs: a batch of ${BATCH} (projected)`,
      pupils, calls: Math.round(read.calls + BATCH * perCalls), projectedMs: batch, computeMs: 0,
      note: `${batch <= settings.letters.maxRunMillis ? 'fits' : 'does NOT fit'} one execution (budget ${(settings.letters.maxRunMillis / 1000).toFixed(0)} s of Apps Script's 360 s)`,
    });
  } finally {
    uninstall();
  }
  return rows;
}

export async function benchLegal(): Promise<BenchRow[]> {
  return [...(await one(200)), ...(await one(1000))];
}
