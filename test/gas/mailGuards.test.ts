/**
 * Issue 15 §3 and §4 for the one code path that sends e-mail (src/gas/mail.ts):
 *  - a message Google refuses (too large) or that fails twice is skipped, logged Failed with the
 *    reason, and the rest of the run carries on;
 *  - the Mail Log's "Sending" claim is flushed before the e-mail goes, so an execution killed just
 *    after sending cannot lose the claim and send the e-mail again.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { runExecution } from '../../local/services/execution';
import { SERVICE_ERROR } from '../../local/services/env';
import type { LocalMailApp } from '../../local/services/mail';
import { sendMails } from '../../src/gas/mail';
import { MAIL_LOG } from '../../src/gas/mailLog';
import { loadSettings } from '../../src/gas/settingsStore';
import { loadTabs } from '../../src/jobs/load';
import { StaffEmail } from '../../src/core/email/compose';

let t: TrackerFixture;
beforeEach(() => (t = makeTracker({ pupils: 30, tabs: ['Students', 'Staff'] })));
afterEach(() => t.uninstall());

const mail = () => t.g.services.MailApp as unknown as LocalMailApp;

function context() {
  const { data } = loadTabs(t.ss, ['Students', 'Staff']);
  return { settings: loadSettings(), staff: data.Staff!, pupils: data.Students!, asOf: '2024-01-26' };
}

function emails(ctx: ReturnType<typeof context>, bodies: string[]): StaffEmail[] {
  return bodies.map((body, i) => ({ to: [ctx.staff[i].email], subject: `Weekly note ${i + 1}`, body, htmlBody: `<p>${body}</p>`, sendKey: `note|2024-01-26|${i + 1}` }));
}

function mailLog(): string[][] {
  return t.ss.getSheetByName(MAIL_LOG)!.getDataRange().getValues().map((r) => r.map(String));
}

test('a message too large for Google is skipped and logged Failed; the others go', () => {
  const ctx = context();
  const big = 'x'.repeat(150000); // 150,000 + <p></p> + 150,000 bytes: over 200 KB
  const r = sendMails(t.ss, emails(ctx, ['short', big, 'also short']), ctx);
  expect(r.sent.map((s) => s.subject)).toEqual(['Weekly note 1', 'Weekly note 3']);
  expect(r.failed.map((s) => s.subject)).toEqual(['Weekly note 2']);
  expect(r.problems.join('\n')).toMatch(/Not sent "Weekly note 2" to .*too large \(Limit Exceeded: Email Body Size\./);
  expect(mail()._sent.map((m) => m.subject)).toEqual(['Weekly note 1', 'Weekly note 3']);
  const log = mailLog();
  expect(log[0]).toEqual(['Key', 'Date', 'To', 'Subject', 'Status', 'Problem']);
  expect(log.slice(1).map((row) => row[4])).toEqual(['Sent', 'Failed', 'Sent']);
  expect(log[2][5]).toMatch(/^Google refused it as too large/);
  // The next run tries the Failed one again (still too large: still Failed, nothing else re-sent).
  const again = sendMails(t.ss, emails(ctx, ['short', big, 'also short']), ctx);
  expect([again.sent.length, again.alreadySent.length, again.failed.length]).toEqual([0, 2, 1]);
});

test('a momentary failure is tried once more; two in a row skip the message, not the run', () => {
  const ctx = context();
  t.g.env.failCall('MailApp.sendEmail', SERVICE_ERROR, 1);
  const once = sendMails(t.ss, emails(ctx, ['one', 'two']), ctx);
  expect(once.sent).toHaveLength(2);
  expect(t.g.env.countsByName()['MailApp.sendEmail']).toBe(3); // one failed, tried again, then the second
  mail()._sent.splice(0);
  t.g.env.failCall('MailApp.sendEmail', SERVICE_ERROR, 2);
  const twice = sendMails(t.ss, emails(ctx, ['three', 'four', 'five']).map((e) => ({ ...e, sendKey: `${e.sendKey}b` })), ctx);
  expect(twice.failed.map((f) => f.subject)).toEqual(['Weekly note 1']);
  expect(twice.failed[0].reason).toBe('Google did not send it (Service error: Spreadsheets).');
  expect(mail()._sent.map((m) => m.subject)).toEqual(['Weekly note 2', 'Weekly note 3']);
});

test('killed just after an e-mail goes: the flushed claim stops the re-run sending it again', () => {
  const ctx = context();
  const three = emails(ctx, ['a', 'b', 'c']);
  t.g.env.killAfter('MailApp.sendEmail');
  expect(() => runExecution(t.g.env, () => sendMails(t.ss, three, ctx))).toThrow('Exceeded maximum execution time');
  expect(mail()._sent.map((m) => m.subject)).toEqual(['Weekly note 1']);
  // The next execution: the first is "Sending" (probably sent): reported, not sent again.
  const r = runExecution(t.g.env, () => sendMails(t.ss, three, context()));
  expect(r.uncertain).toEqual(['note|2024-01-26|1']);
  expect(mail()._sent.map((m) => m.subject)).toEqual(['Weekly note 1', 'Weekly note 2', 'Weekly note 3']);
});
