/**
 * docs/performance.md, written by `npm run bench` from the rows it measured (never typed by hand):
 * the figures change when the code does, and the doc says when and where they were taken.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BenchRow } from './run';

const DOC = path.join(__dirname, '..', 'docs', 'performance.md');

function secs(ms: number): string {
  return ms >= 60000 ? `${(ms / 60000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
}

const n = (x: number | undefined) => (x === undefined ? '–' : x.toLocaleString('en-GB'));
const kb = (x: number | undefined) => (x === undefined ? '–' : `${(x / 1024).toFixed(1)} KB`);

function table(rows: BenchRow[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| job | pupils | calls | cells read | cells written | Apps Script (projected) | compute here | largest e-mail | note |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${cell(r.job)} | ${r.pupils.toLocaleString('en-GB')} | ${r.calls.toLocaleString('en-GB')} | ${n(r.cellsRead)} | ${n(r.cellsWritten)} | ${secs(r.projectedMs)} | ${Math.round(r.computeMs).toLocaleString('en-GB')} ms | ${kb(r.largestEmailBytes)} | ${cell(r.note ?? '')} |`),
  ].join('\n');
}

export function writePerformanceDoc(rows: BenchRow[], started: { at: Date; load: number[] }): string {
  const cpus = os.cpus();
  const jobs = rows.filter((r) => !r.job.startsWith('budget: '));
  const budgets = rows.filter((r) => r.job.startsWith('budget: ')).map((r) => ({ ...r, job: r.job.slice('budget: '.length) }));
  const text = `# Performance

Written by \`npm run bench\` (\`bench/run.ts\`) — do not edit by hand; run the bench again.
Taken on ${started.at.toISOString().slice(0, 10)} with Node ${process.version} on ${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'unknown CPU'}
(load average ${started.load.map((l) => l.toFixed(1)).join(', ')} when it started: the *compute* column is this
machine's time and moves with its load; *calls* and the projection do not).

Apps Script's cost is the number of service calls (each a round trip to Google) and its limit is
6 minutes an execution, so each row is one job on the local Google services
([local-services.md](local-services.md)) for a small and a large school:

| column | meaning |
|---|---|
| calls | Google service calls the job made (every method call on every service object counts once). Must not grow with pupils |
| cells read / written | cells through \`getValues\`, \`setValues\` and the other range calls Google prices per cell (measured in the budgets table) |
| Apps Script (projected) | from the estimated cost per call and per cell in \`local/services/env.ts\` — to compare with the 6-minute limit; an estimate, not a measurement of Google's servers |
| compute here | this machine's time for the whole job: reading, parsing, rules, writing to the in-memory services |
| largest e-mail | the biggest message the job sent, text and HTML bodies together (Google refuses a body over 200 KB on a consumer account, 400 KB on Workspace; the add-on keeps each under \`email.maxBodyKb\`, 150 KB); – where the job sends none |

Run one job with \`npx tsx bench/run.ts <name>\` after \`npm run build\` (\`homework\`, \`attendance\`, \`import\`,
\`letters\`, \`qa\`, \`progress\`, \`dashboard\`, \`budgets\` …): it prints its rows and leaves this file alone.
Every row is also written to \`out/bench.json\`.

## Each job, small and large school

${table(jobs)}

## Budgets at 2,000 pupils

Every job on a 2,000-pupil school with a year of marks (as of 19/07/2024), 20,000 Homework Log rows
and 300 letters due, next to the same job at 200 pupils (calls must not grow with pupils: where they
differ the note says so — e-mails, letters and the tab growing past its first 1,000 rows) and next
to a straightforward cell-by-cell version (\`bench/naive/\`, run on 200 pupils and extrapolated
linearly, as its note says). The weekly cycle is compared with Apps Script's quota "Triggers total
runtime: 90 min / day" for consumer accounts (6 h for Google Workspace;
developers.google.com/apps-script/guides/services/quotas).

${table(budgets)}
`;
  fs.writeFileSync(DOC, text);
  return DOC;
}
