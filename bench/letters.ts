/**
 * Letters (issue 6): calls to preview a run (must not grow with the school), calls per letter
 * (a run of 20 and a run of 40 on the same tracker: the difference ÷ 20), documents created per
 * run, and the 300-letter run against the time budget (executions needed, no repeats). Issue 22:
 * the merge as it was (element by element with DocumentApp) measured next to it, same letters.
 */
import { performance } from 'perf_hooks';
import { makeTracker } from '../local/sample/tracker';
import { loadSettings } from '../src/gas/settingsStore';
import { setUpLetterTemplatesJob } from '../src/jobs/letters/templates';
import { loadLetterSources } from '../src/jobs/letters/sources';
import { planFor, previewOf } from '../src/jobs/letters/preview';
import { generateLetterRunJob, resumeLetterRunJob } from '../src/jobs/letters/run';
import { letterFields } from '../src/core/letters/fields';
import { letterInputs } from '../src/core/letters/letterInputs';
import { indexes } from '../src/core/letters/candidates';
import { naiveMergeLetters } from './naive/mergeLettersPerElement';
import type { BenchRow } from './run';

async function one(pupils: number): Promise<BenchRow[]> {
  // The sample school imported through the same path as the menu (local/sample/tracker.ts).
  const { g, ss, school, uninstall } = makeTracker({ pupils });
  const rows: BenchRow[] = [];
  try {
    setUpLetterTemplatesJob(loadSettings());
    const settings = loadSettings();
    const asOf = school.asOf;
    const clock = () => g.env.simulatedMs;
    const measure = (job: string, fn: () => string | void): void => {
      g.env.resetCounts();
      const t0 = performance.now();
      const note = fn();
      rows.push({ job, pupils, calls: g.env.total, projectedMs: g.env.simulatedMs, computeMs: performance.now() - t0, note: note || undefined });
    };
    const docsMade = () => g.env.countsByName()['DocumentApp.create'] || 0;

    measure('letters: preview (AT1, whole school)', () => {
      const s = loadLetterSources(ss, settings, asOf, 'AT1');
      const req = { type: 'AT1' as const, cohort: { kind: 'all' as const } };
      const { plan, view } = planFor(s, req);
      return `${previewOf(s, req, plan, view).due.length} due`;
    });

    // Calls per letter: reward runs of 20 and 40 letters (different pupils).
    const rewardPlan = () => planFor(loadLetterSources(ss, settings, asOf, 'reward'), { type: 'reward', cohort: { kind: 'all' } }).plan.toProduce;
    const runOf = (n: number) => {
      const due = rewardPlan();
      return generateLetterRunJob(ss, settings, asOf, { type: 'reward', cohort: { kind: 'all' }, unticked: due.slice(n).map((l) => l.upn) }, { clock });
    };
    let c20 = 0;
    measure('letters: run of 20 reward letters', () => {
      const r = runOf(20);
      c20 = g.env.total;
      return `${r.done} letters, ${docsMade()} document created`;
    });
    measure('letters: run of 40 reward letters', () => {
      const r = runOf(40);
      const per = (g.env.total - c20) / 20;
      return `${r.done} letters, ${docsMade()} document created, ${per.toFixed(1)} calls per letter`;
    });

    // Before issue 22, side by side: the same template and letter values, merged element by
    // element with DocumentApp (bench/naive/mergeLettersPerElement.ts). Calls per letter only.
    {
      const s = loadLetterSources(ss, loadSettings(), asOf, 'reward');
      const due = planFor(s, { type: 'reward', cohort: { kind: 'all' } }).plan.toProduce;
      const templateId = loadSettings().letters.templateIds.reward;
      const idx = indexes(s);
      const letters = due.slice(0, 40).map((l) => ({ values: letterFields(letterInputs(l, s.pupils.find((p) => p.upn === l.upn)!, s, idx, undefined).ctx) }));
      let n20 = 0;
      measure('letters (before issue 22): 20 merged element by element', () => {
        naiveMergeLetters(templateId, 'naive 20', letters.slice(0, 20));
        n20 = g.env.total;
        return '20 letters, DocumentApp: 2 calls an element, 2 a placeholder';
      });
      measure('letters (before issue 22): 40 merged element by element', () => {
        naiveMergeLetters(templateId, 'naive 40', letters);
        return `40 letters, ${((g.env.total - n20) / 20).toFixed(1)} calls per letter (the merge alone)`;
      });
    }

    if (pupils >= 1000) {
      let executions = 0;
      let docs = 0;
      let total = 0;
      let projected = 0;
      const t0 = performance.now();
      g.env.resetCounts();
      let r = runOf(300);
      for (;;) {
        executions++;
        docs += docsMade();
        total += g.env.total;
        projected += g.env.simulatedMs;
        if (!r.stopped) break;
        g.env.resetCounts();
        r = resumeLetterRunJob(ss, settings, asOf, { clock })!;
      }
      rows.push({
        job: 'letters: run of 300 (time budget)',
        pupils, calls: total, projectedMs: projected, computeMs: performance.now() - t0,
        note: `${r.done} letters in ${executions} execution${executions === 1 ? '' : 's'} of < ${(settings.letters.maxRunMillis / 60000).toFixed(1)} min, ${docs} document created, ${(total / r.done).toFixed(1)} calls per letter overall`,
      });
    }
  } finally {
    uninstall();
  }
  return rows;
}

export async function benchLetters(): Promise<BenchRow[]> {
  return [...(await one(200)), ...(await one(1000))];
}
