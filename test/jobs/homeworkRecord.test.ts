/**
 * The "Record a missed homework" sidebar and its server functions (issue 4): recordMiss appends
 * one Homework Log row after checkNewEntry, refuses a duplicate naming the first, searchPupils
 * finds pupils on roll only, showRecordMiss opens the sidebar.
 */
import * as fs from 'fs';
import * as path from 'path';
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { recordMiss, searchPupils, showRecordMiss, refreshHomework } from '../../src/entry/homework';
import { readTab } from '../../src/gas/tables';
import { SEARCH_LIMIT } from '../../src/jobs/homework/record';

describe('recording a missed homework from the sidebar', () => {
  let t: TrackerFixture;
  let pupil: { upn: string; forename: string; surname: string; reg: string };
  let leaver: string;
  beforeAll(() => {
    t = makeTracker({ pupils: 200, tabs: ['Students', 'Staff', 'Homework Log'] });
    jest.useFakeTimers({ now: t.g.env.now }); // todayIso() reads the clock: the sample school's day
    const students = readTab(t.ss, 'Students').records;
    const leavers = new Set(t.school.story.leavers);
    const p = students.find((s) => !leavers.has(s.upn) && s.surname.length > 3)!;
    pupil = { upn: p.upn, forename: p.forename, surname: p.surname, reg: p.regGroup };
    leaver = t.school.story.leavers[0];
  });
  afterAll(() => {
    jest.useRealTimers();
    t.uninstall();
  });

  const logRows = () => (t.ss.getSheetByName('Homework Log') as any).getLastRow();

  it('appends one Homework Log row and says so', () => {
    const before = logRows();
    const r = recordMiss({ upn: pupil.upn, subject: 'Maths', reason: 'Not completed', date: '2024-01-26', className: '8x/Ma1', teacher: 'Mr Teach' });
    expect(r).toEqual({ ok: true, message: expect.stringContaining('Recorded') });
    expect(logRows()).toBe(before + 1);
    const last = readTab(t.ss, 'Homework Log').records.find((e) => e.upn === pupil.upn && e.date === '2024-01-26' && e.subject === 'Maths');
    expect(last).toMatchObject({ className: '8x/Ma1', teacher: 'Mr Teach', reason: 'Not completed' });
  });

  it('refuses the same UPN + subject + date, naming the first entry', () => {
    const before = logRows();
    const r = recordMiss({ upn: pupil.upn.toLowerCase(), subject: 'maths', reason: 'Not to a good standard', date: '2024-01-26' });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Already recorded: /);
    expect(r.message).toContain(pupil.upn);
    expect(r.message).toContain('26/01/2024');
    expect(r.message).toMatch(/Homework Log row \d+/);
    expect(logRows()).toBe(before);
  });

  it('records a Late (logged, counted separately)', () => {
    const r = recordMiss({ upn: pupil.upn, subject: 'English', reason: 'late', date: '2024-01-25' });
    expect(r.ok).toBe(true);
    const e = readTab(t.ss, 'Homework Log').records.find((x) => x.upn === pupil.upn && x.subject === 'English' && x.date === '2024-01-25');
    expect(e!.reason).toBe('Late');
  });

  it('refuses bad input with a message a teacher can act on, writing nothing', () => {
    const before = logRows();
    expect(recordMiss(null).ok).toBe(false);
    expect(recordMiss({ upn: pupil.upn, subject: 'Maths', reason: 'Not completed', date: '2024-02-10' }).message).toMatch(/future/);
    expect(recordMiss({ upn: pupil.upn, subject: 'Maths', reason: 'Forgot', date: '2024-01-24' }).message).toMatch(/reason "Forgot"/);
    expect(recordMiss({ upn: pupil.upn, subject: '', reason: 'Not completed', date: '2024-01-24' }).message).toMatch(/subject is blank/);
    expect(recordMiss({ upn: leaver, subject: 'Maths', reason: 'Not completed', date: '2024-01-24' }).message).toMatch(/not a pupil on roll/);
    expect(recordMiss({ upn: pupil.upn, subject: 'x'.repeat(500), reason: 'Not completed', date: '2024-01-24' }).ok).toBe(false);
    expect(recordMiss({ upn: pupil.upn, subject: { toString: () => 'Maths' }, reason: 'Not completed', date: '2024-01-24' }).ok).toBe(false);
    expect(logRows()).toBe(before);
  });

  it('stores a formula typed into the form as text', () => {
    const r = recordMiss({ upn: pupil.upn, subject: 'History', reason: 'Not completed', date: '2024-01-24', notes: '=IMPORTXML("http://x","//a")' });
    expect(r.ok).toBe(true);
    const values = (t.ss.getSheetByName('Homework Log') as any).getDataRange().getValues();
    expect(values.some((row: unknown[]) => row.includes('=IMPORTXML("http://x","//a")'))).toBe(true);
    const formulas = (t.ss.getSheetByName('Homework Log') as any).getDataRange().getFormulas();
    expect(formulas.flat().filter(Boolean)).toEqual([]);
  });

  it('searchPupils finds by name, UPN and reg group, on roll only, at most 20', () => {
    expect(searchPupils(pupil.surname).map((p) => p.upn)).toContain(pupil.upn);
    expect(searchPupils(`${pupil.forename} ${pupil.surname}`.toUpperCase()).map((p) => p.upn)).toContain(pupil.upn);
    expect(searchPupils(pupil.upn.slice(0, 13))).toEqual([expect.objectContaining({ upn: pupil.upn })]);
    const byForm = searchPupils(pupil.reg);
    expect(byForm.length).toBeGreaterThan(0);
    expect(byForm.length).toBeLessThanOrEqual(SEARCH_LIMIT);
    expect(searchPupils(leaver)).toEqual([]);
    expect(searchPupils('a').length).toBe(0); // too short to search
    expect(searchPupils(12345 as any)).toEqual([]);
    expect(searchPupils({} as any)).toEqual([]);
    expect(Object.keys(byForm[0]).sort()).toEqual(['name', 'regGroup', 'upn', 'year']);
  });

  it('writes no pupil data to the logs', () => {
    const logs = t.g.env.logs.join('\n');
    expect(logs).not.toContain(pupil.upn);
    expect(logs).not.toContain(pupil.surname);
  });
});

describe('the sidebar and the menu entry points', () => {
  let t: TrackerFixture;
  beforeAll(() => {
    t = makeTracker({ pupils: 200, tabs: ['Students', 'Staff', 'Homework Log'] });
    (t.g.services.HtmlService as any)._setFolder(path.join(__dirname, '../../src/ui'));
    jest.useFakeTimers({ now: t.g.env.now });
  });
  afterAll(() => {
    jest.useRealTimers();
    t.uninstall();
  });

  it('showRecordMiss opens the sidebar with today, the reasons and the subjects', () => {
    showRecordMiss();
    const sb = t.g.app._record.sidebars[t.g.app._record.sidebars.length - 1];
    expect(sb.title).toBe('Record a missed homework');
    const html = String(sb.content);
    expect(html).toContain('https://ssl.gstatic.com/docs/script/css/add-ons1.css');
    const boot = JSON.parse(JSON.parse(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(html)![1]));
    expect(boot.today).toBe('2024-01-26');
    expect(boot.reasons).toEqual(['Not completed', 'Not to a good standard', 'Late']);
    expect(boot.subjects).toEqual(expect.arrayContaining(['English', 'Maths', 'Science']));
  });

  it('the sidebar shows data with textContent only and labels every field', () => {
    const src = fs.readFileSync(path.join(__dirname, '../../src/ui/recordMiss.html'), 'utf8');
    expect(src).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    // Printed raw: only the shared parts (never a value).
    expect(src.match(/<\?!=[^?]*\?>/g)).toEqual(["<?!= include('styles') ?>", "<?!= include('client') ?>"]);
    for (const id of ['search', 'subject', 'className', 'reason', 'date', 'teacher', 'notes']) {
      expect(src).toContain(`<label for="${id}"`);
    }
    expect(src).toMatch(/role="listbox"/);
    expect(src).toMatch(/ArrowDown/);
    expect(src).toMatch(/role="status"/);
  });

  it('refreshHomework (menu) rebuilds the tracker and tells the user, without pupil data in the message', () => {
    expect(refreshHomework()).toBeUndefined(); // a menu item answers in a dialog
    const alert = t.g.app._record.alerts[t.g.app._record.alerts.length - 1];
    expect(alert.title).toBe('Homework tracker');
    expect(alert.prompt).toMatch(/Homework Tracker rebuilt: \d+ pupils on roll/);
    expect(t.ss.getSheetByName('Homework Tracker')!.getLastRow()).toBeGreaterThan(150);
  });

  it('refreshHomework reports an error a person can fix instead of throwing', () => {
    const sheet = t.ss.getSheetByName('Homework Log') as any;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const col = header.indexOf('Subject') + 1;
    sheet.getRange(1, col).setValue('Subj');
    try {
      expect(refreshHomework()).toBeUndefined();
      const alert = t.g.app._record.alerts[t.g.app._record.alerts.length - 1];
      expect(alert.title).toBe('Homework tracker');
      expect(alert.prompt).toMatch(/^Homework Log: no "Subject" column/);
    } finally {
      sheet.getRange(1, col).setValue('Subject');
    }
  });
});
