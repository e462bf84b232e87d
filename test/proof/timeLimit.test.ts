/**
 * Issue 10.5 — the 6-minute limit and the one-trigger limit, on the local env's simulated Apps
 * Script clock (local/services/env.ts CALL_COST_MS + CELL_COST_MS; sources documented there).
 *
 * Apps Script stops an execution at 6 minutes (developers.google.com/apps-script/guides/services/quotas),
 * and an add-on may hold one time-based trigger per user per document
 * (developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions) — which the
 * morning e-mails use. So a long job's continuation cannot rely on a second timed trigger: with the
 * morning trigger on, each long job must stop inside the limit, say "run it again / press
 * Continue", and carry on from its checkpoint with nothing lost and nothing done twice.
 */
import { readMarks } from '../../src/jobs/attendance/marks';
import { createLocalGoogle } from '../../local/google';
import { generateSampleSchool } from '../../local/sample/school';
import { setUpTrackerJob } from '../../src/jobs/setupTracker';
import { importStaged, stagingTab } from '../../src/jobs/importData';
import { startClock } from '../../src/gas/clock';
import { installDailyTrigger } from '../../src/gas/triggers';
import { readTab } from '../../src/gas/tables';
import { loadSettings } from '../../src/gas/settingsStore';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { generateLetterRunJob, resumeLetterRunJob } from '../../src/jobs/letters/run';
import { loadLetterSources } from '../../src/jobs/letters/sources';
import { planFor } from '../../src/jobs/letters/preview';
import { dailyRunJob } from '../../src/jobs/daily';
import { weeklyDigestsJob } from '../../src/jobs/qa/digests';
import { makeTracker } from '../fixtures/trackerFixture';
import { sharedState } from '../../local/services/shared';
import { duplicates, pasteQaGrid, say } from './harness';
import { docApp, letters as lettersOf } from '../gas/docs/helpers';

const LIMIT = 6 * 60 * 1000;

const timeTriggers = (g: { env: any }) => sharedState(g.env).triggers.filter((x: any) => x.eventType === 'CLOCK').map((x: any) => x.handler);

test('a year of marks, pasted while the morning trigger is on: one run well inside 6 minutes (one read and one write of the Register), nothing lost or doubled', () => {
  const pupils = 150;
  const school = generateSampleSchool({ pupils, asOf: '2024-07-19' });
  const g = createLocalGoogle({ now: new Date('2024-07-19T07:00:00Z') });
  const uninstall = g.install();
  try {
    const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    setUpTrackerJob(ss);
    installDailyTrigger(ss, 'morningRun', 7);
    const rows = school.tables['Attendance Marks'];
    const staging = stagingTab(ss, 'Attendance Marks');
    staging.insertRowsAfter(staging.getMaxRows(), rows.length);
    staging.getRange(1, 1, rows.length, 4).setValues(rows);
    // The 5-second budget that made the long-form tab pause: the Register has nothing to pause for.
    g.env.resetCounts();
    const r = importStaged(ss, { elapsed: startClock(() => g.env.simulatedMs), budgetMs: 5000 });
    expect(r.paused).toEqual([]);
    expect(g.env.simulatedMs).toBeLessThan(LIMIT);
    expect(ss.getSheetByName('Import - Attendance Marks')).toBeNull();
    const marks = readMarks(ss).marks;
    const keys = marks.map((m) => `${m.upn}|${m.date}|${m.session}`);
    expect(duplicates(keys)).toEqual([]);
    // Withdrawn H codes are refused; a blank code is no mark.
    expect(marks.length).toBe(rows.length - 1 - rows.filter((x) => x[3] === 'H' || String(x[3]).trim() === '').length);
    expect(timeTriggers(g)).toEqual(['morningRun']);
    say(`time limit — a year of marks (${pupils} pupils, ${rows.length - 1} marks): 1 run, ${(g.env.simulatedMs / 1000).toFixed(0)} s projected`);
  } finally {
    uninstall();
  }
});

test('300 letters while the morning trigger is on: one execution inside the budget; with a budget too small for them, each execution stops inside 6 minutes and Continue finishes in the same document', () => {
  const t = makeTracker({ pupils: 1000 });
  try {
    installDailyTrigger(t.ss, 'morningRun', 7);
    setUpLetterTemplatesJob(loadSettings());
    const asOf = t.school.asOf;
    const clock = () => t.g.env.simulatedMs;
    const request = () => {
      const { plan } = planFor(loadLetterSources(t.ss, loadSettings(), asOf, 'reward'), { type: 'reward', cohort: { kind: 'all' } });
      expect(plan.toProduce.length).toBeGreaterThanOrEqual(300);
      return { type: 'reward', cohort: { kind: 'all' }, unticked: plan.toProduce.slice(300).map((l) => l.upn) };
    };
    // Issue 22: the default budget (4.5 minutes) holds all 300.
    t.g.env.resetCounts();
    const once = generateLetterRunJob(t.ss, loadSettings(), asOf, request(), { clock });
    expect(once.stopped).toBe(false);
    expect(once.done).toBe(300);
    expect(t.g.env.simulatedMs).toBeLessThan(loadSettings().letters.maxRunMillis);
    say(`time limit — 300 letters in one execution: ${(t.g.env.simulatedMs / 1000).toFixed(0)} s projected, ${t.g.env.total} calls`);
    // Cancel them; then the same 300 with a 20-second budget, so the run must stop and carry on.
    const sheet = t.ss.getSheetByName('Letters Log')!;
    const v = sheet.getDataRange().getValues();
    v.forEach((row, i) => { if (i && row[v[0].indexOf('Type')] === 'reward') sheet.getRange(i + 1, v[0].indexOf('Status') + 1).setValue('Cancelled'); });
    const base = loadSettings();
    const settings = { ...base, letters: { ...base.letters, maxRunMillis: 20 * 1000 } };
    const req = request();
    const executions: number[] = [];
    t.g.env.resetCounts();
    let r = generateLetterRunJob(t.ss, settings, asOf, req, { clock });
    executions.push(t.g.env.simulatedMs);
    expect(r.stopped).toBe(true);
    expect(r.continuation).toBe('manual');
    expect(r.message).toMatch(/Continue/);
    while (r.stopped && executions.length < 20) {
      t.g.env.resetCounts();
      r = resumeLetterRunJob(t.ss, settings, asOf, { clock })!;
      executions.push(t.g.env.simulatedMs);
    }
    expect(r.stopped).toBe(false);
    expect(r.done).toBe(300);
    for (const ms of executions) expect(ms).toBeLessThan(LIMIT);
    const log = readTab(t.ss, 'Letters Log').records.filter((e: any) => e.type === 'reward' && e.status !== 'Cancelled');
    expect(log.length).toBe(300);
    expect(new Set(log.map((e: any) => e.link)).size).toBe(1); // one document
    // The continued run's document: 300 letters, each family's once (addressee lines down to "Re:").
    const doc = docApp(t.g)._documents().find((d) => String(log[0].link).indexOf(d._id) >= 0)!;
    const heads = lettersOf(doc).map((page) => {
      const lines = page.split('\n');
      return lines.slice(0, lines.findIndex((x) => x.startsWith('Re: ')) + 1).filter((x) => x.trim()).join(' | ');
    });
    expect(heads.length).toBe(300);
    expect(duplicates(heads)).toEqual([]);
    expect(timeTriggers(t.g)).toEqual(['morningRun']);
    say(`time limit — 300 letters: ${executions.length} executions, longest ${(Math.max(...executions) / 1000).toFixed(0)} s projected`);
  } finally {
    t.uninstall();
  }
});

test('the morning run (QA, homework, attendance, mentoring) and the digests for 2,000 pupils fit one execution', () => {
  const t = makeTracker({ pupils: 2000 });
  try {
    pasteQaGrid(t);
    const settings = loadSettings();
    t.g.env.resetCounts();
    dailyRunJob(t.ss, settings, t.school.asOf);
    const daily = t.g.env.simulatedMs;
    t.g.env.resetCounts();
    weeklyDigestsJob(t.ss, settings, t.school.asOf);
    const digests = t.g.env.simulatedMs;
    say(`time limit — 2,000 pupils: morning run ${(daily / 1000).toFixed(0)} s, digests ${(digests / 1000).toFixed(0)} s projected`);
    expect(daily + digests).toBeLessThan(LIMIT);
  } finally {
    t.uninstall();
  }
});
