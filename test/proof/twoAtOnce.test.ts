/**
 * Issue 10.2 — two at once. Another execution (a colleague's click, the morning trigger) holds the
 * document lock (local LockService `_holdByOther`): each job's entry point, started now, tells its
 * user to try again and does nothing — no cell written, no e-mail, no letter, no property.
 */
import { TrackerFixture } from '../fixtures/trackerFixture';
import { JOBS, fixDate, trackerFor, snapshotTabs, sentMail, runDocuments, properties } from './harness';
import { importPastedData } from '../../src/entry/general';
import { refreshHomework } from '../../src/entry/homework';
import { reviewAttendanceNow } from '../../src/entry/attendance';
import { generateLetterRun } from '../../src/entry/letters';
import { morningRun, sendWeeklyDigests } from '../../src/entry/qa';
import { runProgressReview } from '../../src/entry/mentoring';
import { makeEvidencePacks } from '../../src/entry/legal';

const ENTRY: Record<string, () => unknown> = {
  import: () => importPastedData(),
  'homework refresh': () => refreshHomework(),
  'attendance review': () => reviewAttendanceNow(),
  'letter run': () => generateLetterRun({ type: 'AT1', cohort: { kind: 'all' } }),
  // The preview answers while another execution holds the lock and writes nothing (test/jobs/previewTabCopies.test.ts); the run is refused.
  'letter preview': () => generateLetterRun({ type: 'homework', cohort: { kind: 'all' } }),
  // The run whose letters changed since its preview: waits for the lock like any run, then is refused.
  'a run refused': () => {
    try {
      return generateLetterRun({ type: 'AT1', cohort: { kind: 'all' }, previewed: 'before0a0change' });
    } catch (e) {
      if (!/changed since the preview/.test((e as Error).message)) throw e;
      return null;
    }
  },
  'morning trigger': () => morningRun(),
  'weekly digests': () => sendWeeklyDigests(),
  'progress review': () => runProgressReview(),
  'evidence packs': () => makeEvidencePacks({ all: true }),
};

/** Started from the menu: the person must see an alert (the others are a sidebar call and a trigger). */
const MENU_ITEMS = ['import', 'homework refresh', 'attendance review', 'weekly digests', 'progress review'];

function entryFor(jobName: string): () => unknown {
  const k = Object.keys(ENTRY).find((n) => jobName.startsWith(n));
  if (!k) throw new Error(`no entry point for ${jobName}`);
  return ENTRY[k];
}

const ui = (t: TrackerFixture) => (t.g.app as any)._ui()._record as { alerts: { title?: string; prompt: string }[] };

describe.each(JOBS.map((j) => [j.name, j] as const))('two at once: %s', (_n, job) => {
  test('a second start while another holds the lock says "try again" and changes nothing', () => {
    const t = trackerFor(job);
    const restore = fixDate(t.g.env.now);
    try {
      const before = { tabs: snapshotTabs(t), mail: sentMail(t).length, docs: runDocuments(t).length, props: properties(t) };
      (t.g.services.LockService as any)._holdByOther('document');
      let thrown = '';
      let returned: unknown;
      try {
        returned = entryFor(job.name)();
      } catch (e) {
        thrown = (e as Error).message;
      }
      // Menu items tell the person in an alert; a sidebar call or a trigger gets the message as
      // its error (the sidebar shows it; Apps Script e-mails a trigger's failure to its owner).
      const told = [thrown, typeof returned === 'string' ? returned : '', ...ui(t).alerts.map((a) => a.prompt), ...t.g.env.logs].join('\n');
      expect(told).toMatch(/try again/i);
      if (MENU_ITEMS.some((m) => job.name.startsWith(m))) expect(ui(t).alerts.map((a) => a.prompt).join('\n')).toMatch(/try again/i);
      expect(sentMail(t).length).toBe(before.mail);
      expect(runDocuments(t).length).toBe(before.docs);
      expect(properties(t)).toEqual(before.props);
      expect(snapshotTabs(t)).toEqual(before.tabs);
      // Once the other execution finishes, the same start goes through.
      (t.g.services.LockService as any)._releaseByOther('document');
      ui(t).alerts.length = 0;
      try {
        entryFor(job.name)();
      } catch (e) {
        throw new Error(`after the lock was released: ${(e as Error).message}`);
      }
      expect(ui(t).alerts.map((a) => a.prompt).join('\n')).not.toMatch(/try again/i);
    } finally {
      restore();
      t.uninstall();
    }
  });
});
