/**
 * The one mail path with merging (issue 21 §1 and §5, src/gas/mail.ts `merge`): the Mail Log's
 * guarantee stays per send key. Each part of a merged message is claimed and recorded under its
 * own key, and parts an earlier run sent (or was sending when it stopped) are set aside BEFORE
 * merging — so a re-run after a crash sends no part twice, even when the set of parts changed.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { runExecution } from '../../local/services/execution';
import type { LocalMailApp } from '../../local/services/mail';
import { sendMails } from '../../src/gas/mail';
import { MAIL_LOG } from '../../src/gas/mailLog';
import { loadSettings } from '../../src/gas/settingsStore';
import { loadTabs } from '../../src/jobs/load';
import { composeEmail, StaffEmail } from '../../src/core/email/compose';
import { oneMessagePerPerson } from '../../src/core/email/oneMessage';

let t: TrackerFixture;
beforeEach(() => (t = makeTracker({ pupils: 30, tabs: ['Students', 'Staff'] })));
afterEach(() => t.uninstall());

const ASOF = '2024-01-22';
const mail = () => t.g.services.MailApp as unknown as LocalMailApp;

function context() {
  const { data } = loadTabs(t.ss, ['Students', 'Staff']);
  // Staff addresses in the school's domain (the sample school's).
  const settings = { ...loadSettings(), school: { ...loadSettings().school, allowedDomains: ['hillside.sch.uk'] } };
  return { settings, staff: data.Staff!, pupils: data.Students!, asOf: ASOF };
}

type Ctx = ReturnType<typeof context>;

/** A part for staff member `who` (index on the Staff tab), composed as the jobs compose. */
function part(ctx: Ctx, who: number, key: string, title: string): StaffEmail {
  return composeEmail({ to: [ctx.staff[who].email], subject: `${title} 22/01/2024`, title, label: title.toLowerCase(), blocks: [{ type: 'paragraph', text: `${title} for today.` }], sendKey: key }, ctx).email!;
}

const merge = (ctx: Ctx) => ({ merge: (fresh: StaffEmail[]) => oneMessagePerPerson(fresh, { settings: ctx.settings, staff: ctx.staff, asOf: ASOF }) });

function logRows(): Array<{ key: string; status: string }> {
  return t.ss.getSheetByName(MAIL_LOG)!.getDataRange().getValues().slice(1).map((r) => ({ key: String(r[0]), status: String(r[4]) }));
}

test('two parts for one person and one for another: two e-mails, three Mail Log rows, each part reported', () => {
  const ctx = context();
  const r = sendMails(t.ss, [part(ctx, 0, 'qa|A', 'QA calendar'), part(ctx, 1, 'qa|B', 'QA calendar'), part(ctx, 0, 'mentoring|A', 'Mentoring reminders')], ctx, merge(ctx));
  expect(mail()._sent.map((m) => `${m.to.join(',')} ${m.subject}`)).toEqual([
    `${ctx.staff[0].email} Your morning 22/01/2024: qa calendar; mentoring reminders`,
    `${ctx.staff[1].email} QA calendar 22/01/2024`,
  ]);
  expect(r.messages).toBe(2);
  expect(r.sent.map((s) => s.sendKey)).toEqual(['qa|A', 'mentoring|A', 'qa|B']);
  expect(logRows()).toEqual([
    { key: 'qa|A', status: 'Sent' },
    { key: 'mentoring|A', status: 'Sent' },
    { key: 'qa|B', status: 'Sent' },
  ]);
  // Run again: every part was sent, nothing goes.
  const again = sendMails(t.ss, [part(ctx, 0, 'qa|A', 'QA calendar'), part(ctx, 1, 'qa|B', 'QA calendar'), part(ctx, 0, 'mentoring|A', 'Mentoring reminders')], ctx, merge(ctx));
  expect(again.alreadySent.sort()).toEqual(['mentoring|A', 'qa|A', 'qa|B']);
  expect(mail()._sent).toHaveLength(2);
});

test('killed just after the merged e-mail went: both parts were claimed, the re-run sends neither', () => {
  const ctx = context();
  const parts = () => [part(ctx, 0, 'qa|A', 'QA calendar'), part(ctx, 0, 'mentoring|A', 'Mentoring reminders')];
  t.g.env.killAfter('MailApp.sendEmail');
  expect(() => runExecution(t.g.env, () => sendMails(t.ss, parts(), ctx, merge(ctx)))).toThrow('Exceeded maximum execution time');
  expect(mail()._sent).toHaveLength(1);
  const r = runExecution(t.g.env, () => sendMails(t.ss, parts(), context(), merge(ctx)));
  expect(r.uncertain).toEqual(['qa|A', 'mentoring|A']);
  expect(r.sent).toEqual([]);
  expect(mail()._sent).toHaveLength(1);
});

test('a re-run whose parts changed: parts already sent stay sent, only the new part goes — on its own', () => {
  const ctx = context();
  sendMails(t.ss, [part(ctx, 0, 'qa|A', 'QA calendar'), part(ctx, 0, 'mentoring|A', 'Mentoring reminders')], ctx, merge(ctx));
  // The next run plans the same two parts plus a new one for the same person.
  const r = sendMails(t.ss, [part(ctx, 0, 'qa|A', 'QA calendar'), part(ctx, 0, 'slt|A', 'Year 11 sessions'), part(ctx, 0, 'mentoring|A', 'Mentoring reminders')], ctx, merge(ctx));
  expect(r.alreadySent).toEqual(['qa|A', 'mentoring|A']);
  expect(r.sent.map((s) => s.sendKey)).toEqual(['slt|A']);
  // Not merged with the parts already sent: its own subject and body.
  expect(mail()._sent.map((m) => m.subject)).toEqual(['Your morning 22/01/2024: qa calendar; mentoring reminders', 'Year 11 sessions 22/01/2024']);
  expect(mail()._sent[1].body).not.toContain('QA calendar for today.');
  // And a run that plans fewer parts than were merged: nothing goes.
  const fewer = sendMails(t.ss, [part(ctx, 0, 'mentoring|A', 'Mentoring reminders')], ctx, merge(ctx));
  expect([fewer.alreadySent, fewer.sent.length]).toEqual([['mentoring|A'], 0]);
});

test('the quota runs out: every part of the merged message is deferred, none recorded as sent', () => {
  const ctx = context();
  mail()._setQuota(0);
  const r = sendMails(t.ss, [part(ctx, 0, 'qa|A', 'QA calendar'), part(ctx, 0, 'mentoring|A', 'Mentoring reminders')], ctx, merge(ctx));
  expect(r.deferred.map((d) => d.sendKey)).toEqual(['qa|A', 'mentoring|A']);
  expect([r.sent.length, r.messages, mail()._sent.length]).toEqual([0, 0, 0]);
});
