/**
 * Issue 21 §1 and §5 — one message per person, nothing lost or doubled across crashes. The morning
 * trigger (src/jobs/daily.ts) on the proof tracker (60 pupils, seed 002, 26 January 2024) sends
 * merged "Your morning" e-mails (a person's QA tasks with their mentoring items). For each of them
 * in turn, the execution is killed just after MailApp.sendEmail sent it — the worst moment: the
 * message went, nothing after it was written (Sent status, QA reminder memory, mentoring
 * follow-ups). The re-run must send no part of it again, and finish the rest: the e-mails, every
 * tab (Mail Log "Sending" read as sent) and the document properties equal a run with no crash.
 * (crashAnywhere.test.ts covers a failure at any call; this aims at the merged sends.)
 */
import { runExecution } from '../../local/services/execution';
import { TIMEOUT_ERROR } from '../../local/services/env';
import { JOBS, trackerFor, sentMail, snapshotTabs, duplicates, properties, say } from './harness';
import { TrackerFixture } from '../fixtures/trackerFixture';

const job = JOBS.find((j) => j.name === 'morning trigger (daily run)')!;

function outcome(t: TrackerFixture) {
  t.g.env.clearFaults();
  return {
    mail: sentMail(t).map((m) => `${m.to}|${m.subject}|${m.body}`).sort(),
    tabs: snapshotTabs(t, { mailLogSent: true }),
    docProps: properties(t).doc,
  };
}

/** Kill the execution just after the n-th MailApp.sendEmail (1-based) of this run. */
function killAfterSend(t: TrackerFixture, n: number): () => void {
  let sends = 0;
  if (n === 1) t.g.env.killAfter('MailApp.sendEmail');
  const hook = (cls: string, method: string) => {
    if (cls !== 'MailApp' || method !== 'sendEmail') return;
    sends++;
    if (sends === n - 1) t.g.env.killAfter('MailApp.sendEmail'); // arms on the next send, which completes
  };
  t.g.env.callHooks.push(hook);
  return () => t.g.env.callHooks.splice(t.g.env.callHooks.indexOf(hook), 1);
}

test('killed just after each merged morning e-mail went: the re-run resends no part of it and ends as a clean run', () => {
  const c = trackerFor(job);
  let clean: ReturnType<typeof outcome>;
  let merged: number[];
  try {
    runExecution(c.g.env, () => job.run(c));
    clean = outcome(c);
    const subjects = sentMail(c).map((m) => m.subject);
    merged = subjects.map((s, i) => (/^Your morning /.test(s) ? i + 1 : 0)).filter((i) => i > 0);
  } finally {
    c.uninstall();
  }
  // The proof tracker's morning has people with QA tasks and mentoring items (SLT with the Year 11
  // session list): without merged e-mails this test would prove nothing.
  expect(merged.length).toBeGreaterThan(0);

  for (const n of merged) {
    const t = trackerFor(job);
    try {
      const unhook = killAfterSend(t, n);
      expect(() => runExecution(t.g.env, () => job.run(t))).toThrow(TIMEOUT_ERROR);
      unhook();
      t.g.env.clearFaults();
      expect(sentMail(t)).toHaveLength(n); // the merged e-mail went, then the execution died
      runExecution(t.g.env, () => job.run(t));
      const got = outcome(t);
      expect({ n, dup: duplicates(got.mail) }).toEqual({ n, dup: [] });
      expect({ n, mail: got.mail }).toEqual({ n, mail: clean.mail });
      for (const tab of new Set([...Object.keys(clean.tabs), ...Object.keys(got.tabs)])) {
        expect({ n, tab, values: got.tabs[tab] }).toEqual({ n, tab, values: clean.tabs[tab] });
      }
      expect({ n, props: got.docProps }).toEqual({ n, props: clean.docProps });
    } finally {
      t.uninstall();
    }
  }
  say(`one morning e-mail: killed after each of ${merged.length} merged sends, none resent`);
});
