/**
 * Head of Year overrides and the one attendance read path (issues 5 and 6): on a small and a large
 * sample school, with the same five level-2 pupils given an AT2 override, the calls of each job
 * that reads the attendance review — Review attendance, a letter preview, the QA context — and of
 * the AT2 run that uses and clears the overrides. None of them may grow with the number of pupils.
 */
import { performance } from 'perf_hooks';
import { makeTracker } from '../local/sample/tracker';
import { loadSettings } from '../src/gas/settingsStore';
import { readValues } from '../src/gas/tables';
import { setUpLetterTemplatesJob } from '../src/jobs/letters/templates';
import { reviewAttendanceJob } from '../src/jobs/attendance/job';
import { loadLetterSources } from '../src/jobs/letters/sources';
import { planFor, previewOf } from '../src/jobs/letters/preview';
import { generateLetterRunJob } from '../src/jobs/letters/run';
import { loadQaContext } from '../src/jobs/qa/context';
import type { BenchRow } from './run';

const OVERRIDES = 5;

async function one(pupils: number): Promise<BenchRow[]> {
  // The sample school imported through the same path as the menu (local/sample/tracker.ts).
  const { g, ss, school, uninstall } = makeTracker({ pupils });
  const rows: BenchRow[] = [];
  try {
    setUpLetterTemplatesJob(loadSettings());
    const settings = loadSettings();
    const asOf = school.asOf;
    const measure = (job: string, fn: () => string | void): void => {
      g.env.resetCounts();
      const t0 = performance.now();
      const note = fn();
      rows.push({ job, pupils, calls: g.env.total, projectedMs: g.env.simulatedMs, computeMs: performance.now() - t0, note: note || undefined });
    };

    // The Head of Year picks AT2 for the first five level-2 pupils (not held) on the Attendance tab.
    reviewAttendanceJob(ss, settings, asOf);
    const sheet = ss.getSheetByName('Attendance') as GoogleAppsScript.Spreadsheet.Sheet;
    const values = readValues(sheet);
    const h = values[0].map(String);
    const [stage, held, due, hoy] = ['Stage', 'Held', 'Letters Due', 'HoY Override'].map((x) => h.indexOf(x));
    const upn = h.indexOf('UPN');
    const chosen: string[] = [];
    for (let r = 1; r < values.length && chosen.length < OVERRIDES; r++) {
      if (values[r][stage] !== 'Level 2' || values[r][held] !== '' || /AT|panel|EWO/.test(String(values[r][due]))) continue;
      sheet.getRange(r + 1, hoy + 1).setValue('AT2');
      chosen.push(String(values[r][upn]));
    }
    const set = chosen.length;

    measure('HoY override: Review attendance', () => {
      const r = reviewAttendanceJob(ss, settings, asOf);
      return `${r.hoyOverrides.filter((o) => o.state === 'honoured').length} of ${set} overrides honoured, ${r.lettersDue.AT2 || 0} AT2 due`;
    });
    measure('HoY override: letter preview (AT2)', () => {
      const s = loadLetterSources(ss, settings, asOf, 'AT2');
      const req = { type: 'AT2' as const, cohort: { kind: 'all' as const } };
      const { plan, view } = planFor(s, req);
      return `${previewOf(s, req, plan, view).due.length} due`;
    });
    measure('HoY override: QA context (same read path)', () => {
      const ctx = loadQaContext(ss, settings, asOf);
      return `${ctx.review.pupils.filter((p) => p.ladder.lettersDue.indexOf('AT2') >= 0).length} AT2 due`;
    });
    measure('HoY override: AT2 run, overrides cleared', () => {
      // Only the overridden pupils, so the run is the same size in both schools.
      const r = generateLetterRunJob(ss, settings, asOf, { type: 'AT2', cohort: { kind: 'selection', upns: chosen } }, { clock: () => g.env.simulatedMs });
      return `${r.done} letters, ${r.overridesCleared} cells cleared`;
    });
  } finally {
    uninstall();
  }
  return rows;
}

export async function benchAttendanceOverride(): Promise<BenchRow[]> {
  return [...(await one(200)), ...(await one(1000))];
}
