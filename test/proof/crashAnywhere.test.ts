/**
 * Issue 10.1 — crash anywhere. Apps Script can fail any service call ("Service error", a timeout,
 * a quota): for each job, on a 60-pupil sample-school tracker, a failure is injected at call k
 * (local env failAt) and the job is re-run until it completes, as staff (or the next trigger) would.
 * After every sequence: no pupil has two letters for the same key (Letters Log and the linked
 * documents), no recipient got an e-mail twice, no staff-entered cell changed, and the tracker,
 * the e-mails and the letters equal those of a run with no failure.
 *
 * Two kinds of sequence, both deterministic:
 *  - fresh: a new tracker, one failure at call k, then re-runs. k runs over every call of the
 *    job's clean run for small jobs, or a fixed-seed sample of points for big ones;
 *  - relentless: one tracker, the first run fails at call k, the re-run at call k+s, the next at
 *    k+2s … until a run gets through — a crash after every crash.
 *
 * Each run is one Apps Script execution (local/services/execution.ts): its sheet writes are
 * buffered until SpreadsheetApp.flush(), and a run that dies loses what it had not flushed — so a
 * guard that was written but not flushed (a Mail Log claim) does not survive the crash (issue 15 §4).
 */
import { TrackerFixture } from '../fixtures/trackerFixture';
import { SERVICE_ERROR } from '../../local/services/env';
import { runExecution } from '../../local/services/execution';
import { readTab } from '../../src/gas/tables';
import {
  JOBS, ProofJob, trackerFor, say, snapshotTabs, snapshotStaffCells, changedStaffCells, sentMail, letterLines, properties, triggers, duplicates, samplePoints,
  packTexts, StaffCells,
} from './harness';

interface Outcome {
  tabs: ReturnType<typeof snapshotTabs>;
  mail: string[];
  letters: string[];
  /** Evidence packs linked from the Evidence Packs tab (issue 19). */
  packs: string[];
  logKeys: string[];
  docProps: string[];
  triggers: string[];
}

function outcome(t: TrackerFixture): Outcome {
  t.g.env.clearFaults();
  const log = t.ss.getSheetByName('Letters Log') ? (readTab(t.ss, 'Letters Log').records as any[]) : [];
  return {
    tabs: snapshotTabs(t, { mailLogSent: true }),
    mail: sentMail(t).map((m) => `${m.to}|${m.subject}|${m.body}`).sort(),
    letters: letterLines(t, true).sort(),
    packs: packTexts(t).sort(),
    logKeys: log.filter((e) => String(e.status).toLowerCase() !== 'cancelled').map((e) => String(e.key)),
    docProps: Object.keys(properties(t).doc).sort(),
    triggers: triggers(t),
  };
}

/** Run the job until it has finished its work, failing when a non-injected error escapes. */
function runToEnd(job: ProofJob, t: TrackerFixture, maxRuns = 30): number {
  for (let i = 1; i <= maxRuns; i++) {
    let result: unknown;
    try {
      result = runExecution(t.g.env, () => job.run(t));
    } catch (e) {
      if ((e as Error).message !== SERVICE_ERROR) throw e;
      continue; // the injected failure: re-run, as a person or the next trigger would
    }
    if (!job.finished || job.finished(result, t)) return i;
  }
  throw new Error(`${job.name}: not finished after ${maxRuns} runs`);
}

function check(job: ProofJob, label: string, t: TrackerFixture, clean: Outcome, staffBefore: StaffCells | null): void {
  const got = outcome(t);
  const where = `${job.name}, ${label}`;
  expect({ where, dupLetters: duplicates(got.letters) }).toEqual({ where, dupLetters: [] });
  expect({ where, dupLogKeys: duplicates(got.logKeys) }).toEqual({ where, dupLogKeys: [] });
  expect({ where, dupMail: duplicates(got.mail) }).toEqual({ where, dupMail: [] });
  if (staffBefore) expect({ where, staffChanged: changedStaffCells(staffBefore, snapshotStaffCells(t)).slice(0, 5) }).toEqual({ where, staffChanged: [] });
  expect({ where, mail: got.mail }).toEqual({ where, mail: clean.mail });
  expect({ where, letters: got.letters }).toEqual({ where, letters: clean.letters });
  expect({ where, dupPacks: duplicates(got.packs) }).toEqual({ where, dupPacks: [] });
  expect({ where, packs: got.packs }).toEqual({ where, packs: clean.packs });
  expect({ where, triggers: got.triggers }).toEqual({ where, triggers: clean.triggers });
  expect({ where, docProps: got.docProps }).toEqual({ where, docProps: clean.docProps });
  for (const tab of new Set([...Object.keys(clean.tabs), ...Object.keys(got.tabs)])) {
    // Cells are strings (normalise): equal text is equal tabs, and much quicker to compare than
    // jest's deep equality over thousands of rows, which still reports any difference.
    if (JSON.stringify(got.tabs[tab]) === JSON.stringify(clean.tabs[tab])) continue;
    expect({ where, tab, values: got.tabs[tab] }).toEqual({ where, tab, values: clean.tabs[tab] });
  }
}

/** Fresh sequences at most this many per job; relentless sequences at most this many runs. */
const FRESH_POINTS = 12;
const RELENTLESS_RUNS = 60;

describe.each(JOBS.map((j) => [j.name, j] as const))('crash anywhere: %s', (_name, job) => {
  let clean: Outcome;
  let cleanCalls = 0;
  let staffBefore: StaffCells | null = null;
  let tried = 0;

  beforeAll(() => {
    const t = trackerFor(job);
    try {
      staffBefore = job.keepsStaffCells ? snapshotStaffCells(t) : null;
      t.g.env.resetCounts();
      runToEnd(job, t);
      cleanCalls = t.g.env.total;
      clean = outcome(t);
    } finally {
      t.uninstall();
    }
  });
  afterAll(() => say(`crash anywhere — ${job.name}: ${tried} crash points tried (clean run: ${cleanCalls} calls)`));

  test('a failure at one call, then re-runs: same tracker, mail and letters as a clean run', () => {
    expect(cleanCalls).toBeGreaterThan(0);
    for (const k of samplePoints(cleanCalls, FRESH_POINTS)) {
      const t = trackerFor(job);
      try {
        t.g.env.failAt(k);
        runToEnd(job, t);
        // The fault fired (call k was reached and failed), so this really was a crash at call k.
        expect({ job: job.name, k, unfired: t.g.env.pendingFaults() }).toEqual({ job: job.name, k, unfired: 0 });
        tried++;
        check(job, `failure at call ${k}`, t, clean, staffBefore);
      } finally {
        t.uninstall();
      }
    }
  });

  test('a failure in every run (call k, then k+s …) until one gets through', () => {
    const stride = Math.max(1, Math.ceil(cleanCalls / RELENTLESS_RUNS));
    const t = trackerFor(job);
    try {
      let k = 1;
      let runs = 0;
      for (;;) {
        t.g.env.clearFaults();
        t.g.env.failAt(k);
        runs++;
        let result: unknown;
        try {
          result = runExecution(t.g.env, () => job.run(t));
        } catch (e) {
          if ((e as Error).message !== SERVICE_ERROR) throw e;
          tried++;
          k += stride;
          continue;
        }
        tried++;
        if (!job.finished || job.finished(result, t)) break;
        k += stride;
        if (runs > RELENTLESS_RUNS * 3) throw new Error('no progress');
      }
      t.g.env.clearFaults();
      // Call 1 of the first run always fails, so at least one run was stopped before one got through.
      expect({ job: job.name, runs: runs > 1 }).toEqual({ job: job.name, runs: true });
      check(job, `relentless (${runs} runs, stride ${stride})`, t, clean, staffBefore);
    } finally {
      t.uninstall();
    }
  });
});

/**
 * Issue 22: the letters go into the document with the Docs API, ten to a call, all or none. The
 * two crashes that matter there, at every such call of the letter run: the call itself fails
 * (nothing of its letters is written), and the execution dies just after it (its letters are in
 * the document, nothing has recorded them yet: the resume must delete and redo them). On a
 * 200-pupil tracker, so the run makes several calls (a crash at the first call of a run starts a
 * new document; only a later one exercises the resume in the same document).
 */
const DOCS_PUPILS = 200;
describe.each(JOBS.filter((j) => /^letter run/.test(j.name)).map((j) => [j.name, j] as const))('crash at the Docs API call: %s', (_name, job) => {
  let clean: Outcome;
  let calls = 0;
  beforeAll(() => {
    const t = trackerFor(job, DOCS_PUPILS);
    const hook = (cls: string, method: string) => {
      if (cls === 'Documents' && method === 'batchUpdate') calls++;
    };
    t.g.env.callHooks.push(hook);
    try {
      runToEnd(job, t);
      clean = outcome(t);
    } finally {
      t.g.env.callHooks.splice(t.g.env.callHooks.indexOf(hook), 1);
      t.uninstall();
    }
  });
  afterAll(() => say(`crash at the Docs API call — ${job.name}: ${calls} batchUpdate calls, each failed and each killed after`));

  test.each([['fails', false], ['is applied, then the execution dies', true]] as const)('each batchUpdate in turn %s; re-runs give the clean run\'s tracker and letters', (_how, after) => {
    expect(calls).toBeGreaterThan(2);
    for (let n = 1; n <= calls; n++) {
      const t = trackerFor(job, DOCS_PUPILS);
      // batchUpdates that went through (a call failed by the fault never reaches the hook).
      let seen = 0;
      let armed = !after && n === 1;
      if (armed) t.g.env.failCall('Documents.batchUpdate', SERVICE_ERROR);
      const hook = (cls: string, method: string) => {
        if (cls !== 'Documents' || method !== 'batchUpdate') return;
        seen++;
        if (armed) return;
        // Just after call n − 1: the n-th call fails. Just after call n: the next call fails.
        if (!after && seen === n - 1) t.g.env.failCall('Documents.batchUpdate', SERVICE_ERROR);
        if (after && seen === n) t.g.env.failAt(1);
        armed = seen === n - (after ? 0 : 1);
      };
      t.g.env.callHooks.push(hook);
      try {
        runToEnd(job, t);
        // Failed: the same calls as the clean run went through. Killed after call n: its letters
        // are made again (one call more) — in a new document after call 1 (nothing was recorded,
        // so the run starts afresh), else after one more call that deletes them from the document.
        expect({ n, armed, seen }).toEqual({ n, armed: true, seen: calls + (!after ? 0 : n === 1 ? 1 : 2) });
        check(job, `batchUpdate ${n} ${after ? 'applied, then killed' : 'failed'}`, t, clean, null);
      } finally {
        t.g.env.callHooks.splice(t.g.env.callHooks.indexOf(hook), 1);
        t.uninstall();
      }
    }
  });
});
