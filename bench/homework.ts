/**
 * Homework refresh (issue 4): a small and a large school over a FULL YEAR (as of 19 July 2024:
 * 39 school weeks; 2,000 pupils ≈ 20,000 Homework Log rows). The tables go in through the real
 * importer; the refresh then rebuilds the Homework Tracker, This Week and PP report tabs and adds
 * the ladder's Interventions. Calls must be the same for 200 and 2,000 pupils.
 */
import { performance } from 'perf_hooks';
import { createLocalGoogle } from '../local/google';
import { generateSampleSchool } from '../local/sample/school';
import { setUpTrackerJob } from '../src/jobs/setupTracker';
import { importRows } from '../src/jobs/importData';
import { saveSettings, loadSettings } from '../src/gas/settingsStore';
import { refreshHomeworkJob } from '../src/jobs/homework/refresh';
import { homeworkWeeks } from '../src/core/homework/weeks';
import { trackerGrid } from '../src/core/homework/grid';
import { weeklyTracking } from '../src/core/homework/tracking';
import { homeworkLadder } from '../src/core/homework/ladder';
import { readTab } from '../src/gas/tables';
import type { BenchRow } from './run';

const TABS = ['Students', 'Staff', 'Homework Log', 'Homework Set'];
const AS_OF = '2024-07-19';
/** The large case: 20,000 log rows (the 2,000-pupil sample makes ~34,000; keep an even spread). */
const LOG_ROWS = 20000;

function thin(table: string[][], n: number): string[][] {
  const rows = table.length - 1;
  if (rows <= n) return table;
  const out = [table[0]];
  for (let i = 0; i < n; i++) out.push(table[1 + Math.floor((i * rows) / n)]);
  return out;
}

async function one(pupils: number): Promise<BenchRow[]> {
  const school = generateSampleSchool({ pupils, asOf: AS_OF });
  const g = createLocalGoogle({ now: new Date(`${AS_OF}T07:00:00Z`) });
  const uninstall = g.install();
  try {
    const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    setUpTrackerJob(ss);
    for (const tab of TABS) importRows(ss, tab, tab === 'Homework Log' ? thin(school.tables[tab], LOG_ROWS) : school.tables[tab]);
    saveSettings(school.settings);
    const settings = loadSettings();
    const logRows = Math.min(LOG_ROWS, school.tables['Homework Log'].length - 1);

    g.env.resetCounts();
    let t0 = performance.now();
    const first = refreshHomeworkJob(ss, settings, AS_OF);
    const firstMs = performance.now() - t0;
    const firstCalls = { calls: g.env.total, projectedMs: g.env.simulatedMs };

    g.env.resetCounts();
    t0 = performance.now();
    const again = refreshHomeworkJob(ss, settings, AS_OF);
    const againMs = performance.now() - t0;
    const againCalls = { calls: g.env.total, projectedMs: g.env.simulatedMs };

    // The rules alone on records already read.
    const students = readTab(ss, 'Students').records;
    const log = readTab(ss, 'Homework Log').records;
    const staff = readTab(ss, 'Staff').records;
    t0 = performance.now();
    const hw = homeworkWeeks({ log, pupils: students, asOf: AS_OF, settings, schoolWeeks: first.weeks });
    trackerGrid(hw, students, AS_OF, settings);
    weeklyTracking(hw, students, AS_OF, settings, staff);
    homeworkLadder({ hw, pupils: students, asOf: AS_OF, settings, staff });
    const coreMs = performance.now() - t0;

    const note = `${first.weeks.length} weeks, ${logRows.toLocaleString('en-GB')} log rows, ${first.counts.onRoll} on roll`;
    return [
      { job: 'refreshHomework: first run', pupils, calls: firstCalls.calls, projectedMs: firstCalls.projectedMs, computeMs: firstMs, note: `${note}, +${first.interventions.added} interventions` },
      { job: 'refreshHomework: nightly re-run', pupils, calls: againCalls.calls, projectedMs: againCalls.projectedMs, computeMs: againMs, note: `+${again.interventions.added} interventions` },
      { job: 'refreshHomework: core rules only', pupils, calls: 0, projectedMs: 0, computeMs: coreMs, note: 'weeks, bands, grid, lists, ladder' },
    ];
  } finally {
    uninstall();
  }
}

export async function benchHomework(): Promise<BenchRow[]> {
  return [...(await one(200)), ...(await one(2000))];
}
