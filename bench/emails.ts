/**
 * Issue 21: the largest e-mail per job, in KB, at 200 and 2,000 pupils — the QA morning e-mails,
 * the weekly digests and the mentoring e-mails of the daily run on the week's biggest days
 * (local/sample/mailSizes.ts). Every HTML and text body must stay under the school's budget
 * (`email.maxBodyKb`, 150 KB) against Google's 200 KB consumer / 400 KB Workspace limit;
 * test/jobs/emailSize.test.ts asserts it at 2,000 pupils.
 */
import { largestByJob, measureMail } from '../local/sample/mailSizes';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { BenchRow } from './run';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function benchEmails(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const pupils of [200, 2000]) {
    const run = measureMail(pupils);
    for (const [job, big] of largestByJob(run.sizes)) {
      rows.push({
        job: `largest e-mail: ${job}`,
        pupils,
        calls: run.calls,
        projectedMs: run.projectedMs,
        computeMs: Math.round(run.computeMs),
        // calls and times are the three whole daily runs (Mon 22, Wed 24, Thu 25 January)
        note: `HTML ${kb(big.htmlBytes)}, text ${kb(big.textBytes)}, ${big.attachments} CSV (largest of ${big.count} e-mails; budget ${DEFAULT_SETTINGS.email.maxBodyKb} KB; calls/time: 3 daily runs) — "${big.subject}"`,
      });
    }
  }
  return rows;
}
