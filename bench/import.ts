/**
 * The 760,000-mark import (issue 3 §6): a whole school year of marks for 2,000 pupils, against the
 * same for 200 pupils, on the local services. Prints service calls and the projected Apps Script
 * time (local/services/env.ts CALL_COST_MS + CELL_COST_MS), run by run. Since issue 22 the marks go
 * into the Register (a cell per pupil-week) in one write, so it is one run; the loop stays for a
 * budget small enough to stop it.
 */
import { performance } from 'perf_hooks';
import { createLocalGoogle } from '../local/google';
import { generateSampleSchool } from '../local/sample/school';
import { setUpTrackerJob } from '../src/jobs/setupTracker';
import { importRows, ImportResult } from '../src/jobs/importData';
import { startClock } from '../src/gas/clock';
import { weekStart } from '../src/core/dates';
import type { BenchRow } from './run';


export interface MarksImportRun {
  pupils: number;
  marks: number;
  runs: { calls: number; projectedMs: number; computeMs: number; added: number; remaining: number }[];
  counts: Record<string, number>;
  /** The Register's size after the import, and what it should hold. */
  register: { rows: number; columns: number };
  pupilsWithMarks: number;
  weeks: number;
  /** Rows of the file with a blank code (a gap): no mark in the Register. */
  blankMarks: number;
}

/** Import a year of marks for `pupils` pupils, run after run until complete (as the trigger would). */
export function importYearOfMarks(pupils: number, budgetMs?: number, chunkCells?: number): MarksImportRun {
  const school = generateSampleSchool({ pupils, asOf: '2024-07-19' });
  const g = createLocalGoogle({ now: new Date('2024-07-19T07:00:00Z') });
  const uninstall = g.install();
  try {
    const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    setUpTrackerJob(ss);
    const rows = school.tables['Attendance Marks'];
    // The sample writes dates as dd/mm/yyyy: the Monday of each mark's week.
    const weekOf = (d: string) => weekStart(d.split('/').reverse().join('-'));
    const out: MarksImportRun = {
      pupils, marks: rows.length - 1, runs: [], counts: {}, register: { rows: 0, columns: 0 },
      pupilsWithMarks: new Set(rows.slice(1).map((r) => String(r[0]))).size,
      weeks: new Set(rows.slice(1).map((r) => weekOf(String(r[1])))).size,
      blankMarks: rows.slice(1).filter((r) => String(r[3] ?? '').trim() === '').length,
    };
    const counts: Record<string, number> = {};
    let result: ImportResult;
    do {
      g.env.resetCounts();
      const t0 = performance.now();
      // The run's clock: projected service time plus this computer's compute time (Apps Script's own
      // JavaScript is no faster than Node's, so this is, if anything, optimistic).
      result = importRows(ss, 'Attendance Marks', rows, { elapsed: startClock(() => g.env.simulatedMs + performance.now()), budgetMs, chunkCells });
      out.runs.push({ calls: g.env.total, projectedMs: Math.round(g.env.simulatedMs), computeMs: Math.round(performance.now() - t0), added: result.added, remaining: result.remaining });
      for (const [k, v] of Object.entries(g.env.countsByName())) counts[k] = (counts[k] ?? 0) + v;
    } while (result.remaining > 0 && out.runs.length < 50);
    out.counts = counts;
    const reg = ss.getSheetByName('Register');
    out.register = reg ? { rows: reg.getLastRow(), columns: reg.getLastColumn() } : { rows: 0, columns: 0 };
    return out;
  } finally {
    uninstall();
  }
}

export async function benchImport(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const pupils of [200, 2000]) {
    const r = importYearOfMarks(pupils);
    r.runs.forEach((run, i) => {
      rows.push({
        job: `import Attendance Marks (a year)${r.runs.length > 1 ? ` run ${i + 1}/${r.runs.length}` : ''}`,
        pupils,
        calls: run.calls,
        projectedMs: run.projectedMs,
        computeMs: run.computeMs,
        note: `${r.marks.toLocaleString('en-GB')} marks; ${run.added.toLocaleString('en-GB')} written so far, ${run.remaining.toLocaleString('en-GB')} to go; setValues ${r.counts['Range.setValues'] ?? 0}, getValues ${r.counts['Range.getValues'] ?? 0}`,
      });
    });
  }
  return rows;
}

if (require.main === module) {
  benchImport().then((rows) => console.table(rows));
}
