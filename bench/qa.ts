/**
 * Bench for issue 7: the morning run (with its evidence) and the Monday digests on a small and a
 * large sample school. Calls must not grow with pupils (they grow only with e-mails: each e-mail
 * is a claim row, a send, a status cell and one blob per attachment).
 */
import { readFileSync } from 'fs';
import { performance } from 'perf_hooks';
import { makeTracker, sampleSchool } from '../test/fixtures/trackerFixture';
import { QA_GRID_TAB, importQaCalendarJob } from '../src/jobs/qa/calendar';
import { morningRunJob } from '../src/jobs/qa/morning';
import { weeklyDigestsJob } from '../src/jobs/qa/digests';
import { loadSettings } from '../src/gas/settingsStore';
import { SAMPLE_QA_CALENDAR_FILE } from '../local/sample/school';
import type { BenchRow } from './run';


function pasteSeed(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const rows = readFileSync(SAMPLE_QA_CALENDAR_FILE, 'utf8').split('\n').map((l) => l.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  const sheet = ss.insertSheet(QA_GRID_TAB);
  sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.concat(new Array(width - r.length).fill(''))));
}

export async function benchQa(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const pupils of [200, 1000]) {
    // Thursday 25 January 2024 (coding review day) for the morning; Monday 29th for the digests.
    for (const [job, asOf] of [['qa morning run', '2024-01-25'], ['weekly digests', '2024-01-29']] as const) {
      const t = makeTracker({ school: sampleSchool(pupils, asOf) });
      try {
        pasteSeed(t.ss);
        importQaCalendarJob(t.ss, loadSettings(), asOf);
        const settings = loadSettings();
        t.g.env.resetCounts();
        const start = performance.now();
        const sent =
          job === 'qa morning run'
            ? morningRunJob(t.ss, settings, asOf, { digests: false }).mail!.sent.length
            : weeklyDigestsJob(t.ss, settings, asOf).mail.sent.length;
        const computeMs = performance.now() - start;
        const c = t.g.env.countsByName();
        const perMail = (c['MailApp.sendEmail'] || 0) + (c['Sheet.appendRow'] || 0) + 2 * (c['Range.setValue'] || 0) + (c['Utilities.newBlob'] || 0);
        rows.push({ job, pupils, calls: t.g.env.total, projectedMs: t.g.env.simulatedMs, computeMs: Math.round(computeMs), note: `${sent} e-mail(s); ${t.g.env.total - perMail} calls besides the per-e-mail ones` });
      } finally {
        t.uninstall();
      }
    }
  }
  return rows;
}
