/**
 * `npm run bench`: what each job costs in Apps Script terms. Apps Script's cost is the number of
 * service calls (each a round trip) and the 6-minute execution limit, so every row prints the
 * calls, the projected Apps Script time (local/services/env.ts CALL_COST_MS, documented
 * estimates) and this machine's computation time, for a small and a large school. Calls must not
 * grow with the number of pupils.
 *
 * Each bench/<feature>.ts exports `bench<Feature>(): Promise<BenchRow[]>`; this file runs them all.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writePerformanceDoc } from './_doc';

export interface BenchRow {
  job: string;
  pupils: number;
  calls: number;
  projectedMs: number;
  computeMs: number;
  /** Cells read and written (getValues/setValues and the other per-cell range calls), where measured. */
  cellsRead?: number;
  cellsWritten?: number;
  /** The largest e-mail the job sent: its text and HTML bodies together, in bytes (Google's body limit counts them). */
  largestEmailBytes?: number;
  note?: string;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const started = { at: new Date(), load: os.loadavg() };
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
    .filter((f) => !only || f.startsWith(only))
    .sort();
  const rows: BenchRow[] = [];
  for (const f of files) {
    const mod = await import(path.join(__dirname, f));
    for (const [name, fn] of Object.entries(mod)) {
      if (!name.startsWith('bench') || typeof fn !== 'function') continue;
      process.stderr.write(`running ${f}: ${name}…\n`);
      rows.push(...((await (fn as () => Promise<BenchRow[]>)()) || []));
    }
  }
  const head = `${pad('job', 44)} ${pad('pupils', 7, true)} ${pad('calls', 9, true)} ${pad('Apps Script (proj.)', 20, true)} ${pad('compute', 10, true)}  note`;
  console.log(head);
  console.log('-'.repeat(head.length + 10));
  for (const r of rows) {
    console.log(
      `${pad(r.job, 44)} ${pad(String(r.pupils), 7, true)} ${pad(String(r.calls), 9, true)} ${pad((r.projectedMs / 1000).toFixed(1) + ' s', 20, true)} ${pad(r.computeMs.toFixed(0) + ' ms', 10, true)}  ${r.note ?? ''}`,
    );
  }
  const out = path.join(__dirname, '..', 'out');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'bench.json'), JSON.stringify(rows, null, 2));
  // The whole bench regenerates the performance doc; one job only prints.
  if (!only) console.log(`\nwrote ${path.relative(process.cwd(), writePerformanceDoc(rows, started))}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
