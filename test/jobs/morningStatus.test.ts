/**
 * Issue 15 §7: the morning trigger as a school lives with it. Triggers are per user, the morning
 * e-mails are the tracker's: one switch (Settings "Morning e-mails on") every user's trigger obeys;
 * each run leaves a visible status (Tracker Status tab, Settings sidebar); a failing run — which
 * Google reports to nobody for an add-on — is e-mailed to the attendance lead.
 */
import { trackerSource, TrackerFixture, TrackerSource } from '../fixtures/trackerFixture';
import { setUser } from '../../local/services/shared';
import type { LocalMailApp } from '../../local/services/mail';
import { installMorningTrigger, removeMorningTrigger } from '../../src/entry/qa';
import { loadSettings, saveSettings } from '../../src/gas/settingsStore';
import { loadMorningStatus, STATUS_TAB } from '../../src/gas/morningStatus';
import { settingsFormData } from '../../src/jobs/settings/form';
import { failureRecipients } from '../../src/jobs/morning';
import { loadTabs } from '../../src/jobs/load';
import { fixDate, pasteQaGrid } from '../proof/harness';

let t: TrackerFixture;
let tracker: TrackerSource | undefined;
let staff: Array<{ email: string; roles: string }>;
let restoreDate: () => void;
beforeEach(() => {
  // Entry points read "today" from Date: the tracker's morning, 25 January 2024 08:00 (GMT).
  restoreDate = fixDate(new Date('2024-01-25T08:00:00Z'));
  // Built once, then given back as built for each test.
  tracker ??= trackerSource({ pupils: 40, asOf: '2024-01-25' });
  t = tracker.next();
  const [header, ...rows] = t.school.tables.Staff;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  staff = rows.map((r) => ({ email: r[col('email')].trim().toLowerCase(), roles: r[col('role')] }));
});
afterEach(() => {
  t.uninstall();
  restoreDate();
});

const mail = () => t.g.services.MailApp as unknown as LocalMailApp;
const scriptApp = () => t.g.services.ScriptApp as any;
/** Every user's morning trigger in this tracker fires (each as its own execution, as its owner). */
function fireAll(bundle: Record<string, unknown>): void {
  const owners = Array.from(new Set((scriptApp()._all() as any[]).map((x) => x.user)));
  for (const owner of owners) {
    setUser(t.g.env, owner);
    scriptApp()._fireTimeBased(bundle, t.ss.getId());
  }
}
const statusRow = () => t.ss.getSheetByName(STATUS_TAB)!.getRange(2, 1, 1, 5).getValues()[0].map(String);

test('two staff turned morning e-mails on; one turns them off: no one\'s trigger sends anything', () => {
  const { morningRun } = require('../../src/entry/qa');
  // Two people who may turn morning e-mails on and off (the settings roles).
  const [a, b] = staff.filter((s) => /\bSLT\b|attendance officer|intervention team/i.test(s.roles)).map((s) => s.email);
  setUser(t.g.env, a);
  installMorningTrigger();
  setUser(t.g.env, b);
  installMorningTrigger();
  expect((scriptApp()._all() as any[]).map((x) => x.user).sort()).toEqual([a, b].sort());

  setUser(t.g.env, a);
  removeMorningTrigger();
  expect(loadSettings().triggers.enabled).toBe(false);
  expect((scriptApp()._all() as any[]).map((x) => x.user)).toEqual([b]); // b's trigger is still there …
  fireAll({ morningRun });
  expect(mail()._sent).toEqual([]); // … but it sends nothing
  expect(scriptApp()._failures).toEqual([]);
  expect(loadMorningStatus()).toMatchObject({ result: 'Skipped', by: b });
  expect(statusRow()[2]).toBe('Skipped');
});

test('a run that works leaves OK with its counts, shown in the Settings sidebar too', () => {
  const { morningRun } = require('../../src/entry/qa');
  pasteQaGrid(t); // the QA calendar says which days are school days
  installMorningTrigger();
  fireAll({ morningRun });
  expect(scriptApp()._failures).toEqual([]);
  const s = loadMorningStatus()!;
  expect(s.result).toBe('OK');
  expect(s.details).toMatch(/^\d+ e-mail\(s\) sent; homework tracker and attendance refreshed/);
  expect(statusRow().slice(0, 3)).toEqual(['Morning run (e-mails, refresh, review)', '2024-01-25 08:00:00', 'OK']);
  expect(settingsFormData().morningStatus).toMatch(/^Last morning run: 25\/01\/2024 08:00 — OK \(/);
  // The status tab is small: 5 columns, 3 rows — not the 26,000 cells of a new tab.
  const tab = t.ss.getSheetByName(STATUS_TAB)!;
  expect(tab.getMaxColumns() * tab.getMaxRows()).toBe(15);
});

test('a run that fails is recorded as Failed and e-mailed to the attendance lead, once a day', () => {
  const { morningRun } = require('../../src/entry/qa');
  installMorningTrigger();
  // Break the tracker the way staff can: the Students tab's UPN header renamed.
  const students = t.ss.getSheetByName('Students')!;
  const header = students.getRange(1, 1, 1, students.getLastColumn()).getValues()[0].map(String);
  students.getRange(1, header.indexOf('UPN') + 1).setValue('Pupil number?');
  const expectedTo = failureRecipients(loadTabs(t.ss, ['Staff']).data.Staff!, loadSettings());
  expect(expectedTo.length).toBeGreaterThan(0);
  fireAll({ morningRun });
  fireAll({ morningRun }); // the next firing the same day: the alert is not sent twice
  expect(scriptApp()._failures.map((f: any) => f.handler)).toEqual(['morningRun', 'morningRun']);
  const s = loadMorningStatus()!;
  expect(s.result).toBe('Failed');
  expect(s.details).toMatch(/Students/);
  expect(statusRow()[2]).toBe('Failed');
  const alerts = mail()._sent.filter((m) => /this morning's run did not finish/.test(m.subject));
  expect(alerts).toHaveLength(1);
  expect(alerts[0].to.sort()).toEqual(expectedTo.map((e) => e.toLowerCase()).sort());
  expect(alerts[0].body).toContain(s.details);
});

test('the alert goes to the first role in Settings that someone holds', () => {
  const people = [
    { name: 'A', email: 'a@x.sch.uk', roles: ['Attendance officer'] },
    { name: 'B', email: 'b@x.sch.uk', roles: ['SLT attendance'] },
  ] as any[];
  const settings = loadSettings();
  expect(failureRecipients(people, settings)).toEqual(['b@x.sch.uk']); // 'Attendance lead' first: nobody; then SLT attendance
  expect(failureRecipients(people.slice(0, 1), settings)).toEqual(['a@x.sch.uk']);
  saveSettings({ triggers: { failureAlertRoles: ['Attendance officer'] } } as any);
  expect(failureRecipients(people, loadSettings())).toEqual(['a@x.sch.uk']);
});
