/**
 * Progress import with one target column per FFT benchmark (issue 8 §1): the Target is taken from
 * the benchmark chosen in the settings. Calls must be the same for a small and a large school.
 */
import { performance } from 'perf_hooks';
import { createLocalGoogle } from '../local/google';
import { generateSampleSchool } from '../local/sample/school';
import { setUpTrackerJob } from '../src/jobs/setupTracker';
import { importRows } from '../src/jobs/importData';
import { saveSettings } from '../src/gas/settingsStore';
import type { BenchRow } from './run';

async function one(pupils: number): Promise<BenchRow> {
  const school = generateSampleSchool({ pupils });
  const g = createLocalGoogle({ now: new Date(`${school.asOf}T08:00:00Z`) });
  const uninstall = g.install();
  try {
    const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    setUpTrackerJob(ss);
    saveSettings({ ...school.settings, progress: { benchmark: 'FFT20' } } as any);
    importRows(ss, 'Students', school.tables.Students);
    // The sample marksheet with three benchmark columns instead of one Target column.
    const src = school.tables.Progress;
    const ti = src[0].indexOf('Target');
    const up = (grade: string, by: number) => (/^\d$/.test(grade) ? String(Math.min(9, Number(grade) + by)) : grade);
    const rows = [src[0].map((h, i) => (i === ti ? 'FFT50' : h)).concat(['FFT20', 'FFT5'])]
      .concat(src.slice(1).map((r) => r.concat([up(r[ti], 1), up(r[ti], 2)])));
    g.env.resetCounts();
    const t0 = performance.now();
    const r = importRows(ss, 'Progress', rows);
    return { job: 'import: Progress with FFT50/20/5 columns', pupils, calls: g.env.total, projectedMs: g.env.simulatedMs, computeMs: performance.now() - t0,
      note: `${r.added} rows; ${(r.notes || [])[0] || ''}` };
  } finally {
    uninstall();
  }
}

export async function benchFftImport(): Promise<BenchRow[]> {
  return [await one(200), await one(1000)];
}
