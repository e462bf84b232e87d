/**
 * Issue 7 on the local Google services: the QA calendar import, the morning trigger and run,
 * safe e-mail (domains, subjects, quota, test mode, never twice after a crash) and the digests.
 */
import { readFileSync } from 'fs';
import { makeTracker, trackerSource, TrackerFixture, TrackerSource } from '../fixtures/trackerFixture';
import { QA_GRID_TAB, importQaCalendarJob, markTaskDoneJob, todaysTasksJob } from '../../src/jobs/qa/calendar';
import { morningRunJob } from '../../src/jobs/qa/morning';
import { weeklyDigestsJob } from '../../src/jobs/qa/digests';
import { sendMails } from '../../src/gas/mail';
import { MAIL_LOG } from '../../src/gas/mailLog';
import { loadSettings, saveSettings } from '../../src/gas/settingsStore';
import { loadTabs } from '../../src/jobs/load';
import { importRows } from '../../src/jobs/importData';
import { installMorningTrigger, removeMorningTrigger } from '../../src/entry/qa';
import { SERVICE_ERROR } from '../../local/services/env';
import { SAMPLE_QA_CALENDAR_FILE } from '../../local/sample/school';

const SEED = readFileSync(SAMPLE_QA_CALENDAR_FILE, 'utf8');
const PUPILS = 60;

function pasteGrid(t: TrackerFixture): void {
  const rows = SEED.split('\n').map((l) => l.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => r.concat(new Array(width - r.length).fill('')));
  const sheet = t.ss.insertSheet(QA_GRID_TAB);
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
}

/** A tracker with seed 002 imported, per day: built once, then given back as built for each test. */
const calendars = new Map<string, TrackerSource>();

function withCalendar(asOf?: string): TrackerFixture {
  let source = calendars.get(asOf ?? '');
  if (!source) {
    source = trackerSource({ pupils: PUPILS, asOf }, (t) => {
      pasteGrid(t);
      importQaCalendarJob(t.ss, loadSettings(), t.school.asOf);
    });
    calendars.set(asOf ?? '', source);
  }
  const t = source.next();
  expect(t.g.env.total).toBe(0);
  expect(t.ss.getSheetByName(QA_GRID_TAB)).toBeNull(); // the pasted grid is removed once imported
  t.g.env.resetCounts();
  return t;
}

const mail = (t: TrackerFixture) => (t.g.services.MailApp as any) as { _sent: any[]; _setQuota(n: number): void };

describe('importing the QA calendar (seed 002 pasted as a grid)', () => {
  let t: TrackerFixture;
  beforeAll(() => {
    t = makeTracker({ pupils: PUPILS });
    pasteGrid(t);
  });
  afterAll(() => t.uninstall());

  test('25 dated tasks with the right chains; week 17 realigned and reported', () => {
    const r = importQaCalendarJob(t.ss, loadSettings(), t.school.asOf);
    expect(r).toMatchObject({ source: 'grid', tasks: 25, added: 25 });
    expect(r.problems).toEqual(['QA Calendar, week 17: owner rows realigned one day right (check them).']);
    const { data, problems } = loadTabs(t.ss, ['QA Calendar']);
    expect(problems).toEqual([]);
    const tasks = data['QA Calendar']!;
    expect(tasks).toHaveLength(25);
    const on = (d: string) => tasks.find((x) => x.date === d)!;
    expect(on('2024-01-08')).toMatchObject({ task: 'STAFF TRAINING DAY', ownerChain: [] });
    expect(on('2024-01-09').ownerChain).toEqual(['SLT year links/HOY/ Attendance team']);
    expect(on('2024-01-10').ownerChain).toEqual(['Attendance officer', 'Pastoral manager']);
    expect(on('2024-01-11').ownerChain).toEqual(['Attendance officer', 'Pastoral manager', 'SLT attendance']);
    expect(on('2024-01-12').ownerChain).toEqual(['Pastoral Manager', 'HOY 10/SLT Link']);
    expect(on('2024-02-09').task).toBe('PSW Attendance Lates procedure Attendance contract meetings');
  });

  test("re-importing keeps the staff's Status, Done On and Done By", () => {
    markTaskDoneJob(t.ss, '2024-01-11', 'Coding review', 'ao@hillside.sch.uk', '2024-01-11');
    expect(t.ss.getSheetByName(QA_GRID_TAB)).toBeNull(); // the first import removed the pasted grid
    pasteGrid(t); // the person pastes it again
    const r = importQaCalendarJob(t.ss, loadSettings(), t.school.asOf);
    expect(r).toMatchObject({ added: 0, updated: 0 });
    const task = loadTabs(t.ss, ['QA Calendar']).data['QA Calendar']!.find((x) => x.date === '2024-01-11')!;
    expect(task).toMatchObject({ status: 'Done', doneOn: '2024-01-11', doneBy: 'ao@hillside.sch.uk' });
    expect(todaysTasksJob(t.ss, '2024-01-12').open.map((x) => x.date)).not.toContain('2024-01-11');
  });
});

describe('the morning trigger', () => {
  let t: TrackerFixture;
  beforeAll(() => (t = makeTracker({ pupils: 30 })));
  afterAll(() => t.uninstall());

  test('installing twice leaves one; removing leaves none', () => {
    (ScriptApp as any)._setActiveDocumentId(t.ss.getId()); // the add-on runs in this tracker
    installMorningTrigger();
    installMorningTrigger();
    const mine = () => ScriptApp.getUserTriggers(t.ss).filter((x) => x.getHandlerFunction() === 'morningRun');
    expect(mine()).toHaveLength(1);
    removeMorningTrigger();
    expect(mine()).toHaveLength(0);
  });
});

describe('the morning run', () => {
  let t: TrackerFixture;
  beforeEach(() => (t = withCalendar('2024-01-25')));
  afterEach(() => t.uninstall());

  test('a school day: one e-mail per person, the coding review arrives with its evidence; a re-run sends nothing', () => {
    const r = morningRunJob(t.ss, loadSettings(), '2024-01-25', { digests: false });
    expect(r.schoolDay).toBe(true);
    const sent = mail(t)._sent;
    expect(sent.length).toBeGreaterThan(0);
    const to = sent.map((m) => m.to.join(','));
    expect(new Set(to).size).toBe(to.length);
    const coding = sent.find((m) => /To do today \(\d+\)<\/h2>[\s\S]*Coding review/.test(m.htmlBody || ''));
    expect(coding).toBeDefined();
    // The coding review's evidence: each list printed (short) or attached (long), never both.
    expect(coding.htmlBody).toContain('Coding review: open issues by pupil');
    for (const a of coding.attachments) expect(coding.body).toContain(`attached as ${a.name}`);
    expect(coding.name).toBe(`Pastoral Tracker — ${loadSettings().school.name}`);
    expect(r.reminders).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2024-01-25', task: 'Coding review' })]));
    expect(r.mail!.sent).toHaveLength(sent.length);

    const again = morningRunJob(t.ss, loadSettings(), '2024-01-25', { digests: false });
    expect(again.mail!.sent).toEqual([]);
    expect(again.mail!.alreadySent.length).toBe(sent.length);
    expect(mail(t)._sent.length).toBe(sent.length);
  });

  test('a weekend sends nothing and reads nothing', () => {
    const settings = loadSettings();
    t.g.env.resetCounts();
    const r = morningRunJob(t.ss, settings, '2024-01-27');
    expect(r.schoolDay).toBe(false);
    expect(mail(t)._sent).toEqual([]);
    expect(t.g.env.total).toBe(0);
  });

  test('a holiday weekday sends nothing (half term)', () => {
    const r = morningRunJob(t.ss, loadSettings(), '2024-02-14');
    expect(r.schoolDay).toBe(false);
    expect(mail(t)._sent).toEqual([]);
  });

  test('quota exhausted: the rest are deferred, and sent by the next run, none twice', () => {
    mail(t)._setQuota(1);
    const first = morningRunJob(t.ss, loadSettings(), '2024-01-25', { digests: false });
    expect(first.mail!.sent).toHaveLength(1);
    expect(first.mail!.deferred.length).toBeGreaterThan(0);
    expect(first.problems.join('\n')).toContain('deferred');
    mail(t)._setQuota(1500);
    const next = morningRunJob(t.ss, loadSettings(), '2024-01-26', { digests: false });
    expect(next.dates).toEqual(['2024-01-25', '2024-01-26']);
    const keys = mail(t)._sent.map((m) => `${m.to}|${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
    const on25 = mail(t)._sent.filter((m) => /25\/01\/2024/.test(m.subject));
    expect(on25.length).toBe(first.mail!.sent.length + first.mail!.deferred.length);
  });

  test('test mode sends everything to the installer, with the intended recipient noted', () => {
    saveSettings({ ...t.school.settings, testMode: true });
    const r = morningRunJob(t.ss, loadSettings(), '2024-01-25', { digests: false });
    const me = Session.getEffectiveUser().getEmail();
    expect(r.mail!.sent.length).toBeGreaterThan(0);
    for (const m of mail(t)._sent) {
      expect(m.to).toEqual([me]);
      expect(m.body).toMatch(/^TEST MODE: this e-mail would have gone to /);
    }
    expect(r.mail!.sent.map((s) => s.redirectedTo)).toEqual(r.mail!.sent.map(() => me));
  });

  test('an address outside the allowed domains is refused and reported', () => {
    const staff = t.school.tables.Staff;
    const header = staff[0];
    const row = header.map((h) => (/^name$/i.test(h) ? 'Gail Outside' : /mail/i.test(h) ? 'gail.outside@gmail.com' : /role/i.test(h) ? 'Attendance officer' : ''));
    importRows(t.ss, 'Staff', [header, row]);
    const r = morningRunJob(t.ss, loadSettings(), '2024-01-25', { digests: false });
    expect(r.problems.join('\n')).toContain('gail.outside@gmail.com');
    expect(mail(t)._sent.some((m) => m.to.includes('gail.outside@gmail.com'))).toBe(false);
  });
});

describe('safe sending (gas/mail.ts)', () => {
  let t: TrackerFixture;
  beforeAll(() => (t = makeTracker({ pupils: 30 })));
  afterAll(() => t.uninstall());

  test("a pupil's name in a subject is refused, never sent", () => {
    const { data } = loadTabs(t.ss, ['Students', 'Staff']);
    const p = data.Students![0];
    const staff = data.Staff!;
    const r = sendMails(t.ss, [{ to: [staff[0].email], subject: `Concern about ${p.forename} ${p.surname}`, htmlBody: '<p>x</p>', body: 'x', sendKey: 'test|1' }], { settings: loadSettings(), staff, pupils: data.Students!, asOf: '2024-01-26' });
    expect(r.sent).toEqual([]);
    expect(r.refused).toHaveLength(1);
    expect(r.problems.join('\n')).toContain("pupil's name");
    expect(r.problems.join('\n')).not.toContain(p.surname);
    expect(mail(t)._sent).toEqual([]);
  });
});

describe('a crash mid-run, then a re-run: each e-mail is sent exactly once', () => {
  let t: TrackerFixture;
  beforeAll(() => (t = withCalendar('2024-01-25')));
  afterAll(() => t.uninstall());

  test('whichever call fails', () => {
    // A clean run tells how many e-mails and calls there are.
    morningRunJob(t.ss, loadSettings(), '2024-01-25', { digests: false });
    const expected = mail(t)._sent.map((m) => m.to.join(',')).sort();
    const total = t.g.env.total;
    const c = t.g.env.countsByName();
    const mailPhase = (c['MailApp.sendEmail'] || 0) + (c['Sheet.appendRow'] || 0) + 2 * (c['Range.setValue'] || 0) + (c['Utilities.newBlob'] || 0) + 10;
    const reset = () => {
      mail(t)._sent.splice(0);
      t.ss.deleteSheet(t.ss.getSheetByName(MAIL_LOG)!);
      t.g.env.resetCounts();
    };
    expect(expected.length).toBeGreaterThan(1);
    for (let n = Math.max(1, total - mailPhase); n <= total; n++) {
      reset();
      t.g.env.failAt(n, SERVICE_ERROR);
      let crashed = false;
      try {
        morningRunJob(t.ss, loadSettings(), '2024-01-25', { digests: false });
      } catch (e) {
        crashed = true;
      }
      t.g.env.clearFaults();
      morningRunJob(t.ss, loadSettings(), '2024-01-25', { digests: false });
      const got = mail(t)._sent.map((m) => m.to.join(',')).sort();
      // Never twice; every e-mail sent, except when the crash fell between sending and logging
      // twice in a row (not possible with one fault), so all arrive once.
      expect({ n, crashed, got }).toEqual({ n, crashed, got: expected });
    }
  });
});

describe('weekly digests', () => {
  let t: TrackerFixture;
  beforeAll(() => (t = withCalendar('2024-01-29')));
  afterAll(() => t.uninstall());

  test('Monday: one digest per recipient, HTML escaped; a second run sends none', () => {
    // A task name with markup: it must arrive as text in the SLT's overdue list.
    importRows(t.ss, 'QA Calendar', [['Date', 'Task', 'Owner Chain'], ['22/01/2024', '<b>Check</b> & review', 'Attendance officer > SLT attendance']]);
    const r = morningRunJob(t.ss, loadSettings(), '2024-01-29');
    expect(r.digests).not.toBeNull();
    const digests = mail(t)._sent.filter((m) => /Weekly pastoral digest/.test(m.subject));
    expect(digests.length).toBeGreaterThan(3);
    const to = digests.map((m) => m.to.join(','));
    expect(new Set(to).size).toBe(to.length);
    const slt = digests.find((m) => /\nWHOLE SCHOOL\n/.test(m.body))!;
    expect(slt.htmlBody).toContain('&lt;b&gt;Check&lt;/b&gt; &amp; review');
    expect(slt.htmlBody).not.toContain('<b>Check</b>');
    expect(slt.body).toContain('<b>Check</b> & review'); // the plain-text part is plain
    const again = weeklyDigestsJob(t.ss, loadSettings(), '2024-01-29');
    expect(again.mail.sent).toEqual([]);
    expect(again.mail.alreadySent.length).toBe(digests.length);
  });
});
