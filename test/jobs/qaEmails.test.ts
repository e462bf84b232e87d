/**
 * Issue 21 on the local Google services: overdue items chased weekly, not daily; a Monday digest
 * counts last week's completed days only (worked out here from the sample's own register, not by
 * the code under test); the sender says what it is and replies go to staff who own the work.
 */
import { readFileSync } from 'fs';
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { QA_GRID_TAB, importQaCalendarJob } from '../../src/jobs/qa/calendar';
import { morningRunJob } from '../../src/jobs/qa/morning';
import { loadSettings } from '../../src/gas/settingsStore';
import { checkSubject } from '../../src/core/email/compose';
import { loadTabs } from '../../src/jobs/load';
import { QA_REMINDERS } from '../../src/jobs/qa/reminders';

const SEED = readFileSync('/work/shared/seeds/002_b19071d33ddc3945.txt', 'utf8');

function withCalendar(asOf: string, pupils = 60): TrackerFixture {
  const t = makeTracker({ pupils, asOf });
  const rows = SEED.split('\n').map((l) => l.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  t.ss.insertSheet(QA_GRID_TAB).getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.concat(new Array(width - r.length).fill(''))));
  importQaCalendarJob(t.ss, loadSettings(), asOf);
  return t;
}

const sentMail = (t: TrackerFixture) => (t.g.services.MailApp as any)._sent as any[];
const iso = (uk: string) => (/^\d{4}-/.test(uk) ? uk : `${uk.slice(6, 10)}-${uk.slice(3, 5)}-${uk.slice(0, 2)}`);

describe('overdue items are chased weekly, not daily', () => {
  let t: TrackerFixture;
  beforeAll(() => (t = withCalendar('2024-01-29')));
  afterAll(() => t.uninstall());

  test('the same unchanged chase goes on Monday 22nd and Monday 29th, not the days between', () => {
    const days = ['2024-01-22', '2024-01-23', '2024-01-24', '2024-01-25', '2024-01-26', '2024-01-29'];
    const chasedOn: Record<string, number> = {};
    for (const d of days) {
      const before = sentMail(t).length;
      morningRunJob(t.ss, loadSettings(), d, { digests: false });
      // Seed 002: "Coding review" of 11/01 (follow up by 18/01) is never marked done.
      const chases = sentMail(t).slice(before).filter((m) => /QA calendar/.test(m.subject) && /\* Coding review \(11\/01\/2024\)/.test(m.body));
      chasedOn[d] = chases.length;
    }
    expect(chasedOn['2024-01-22']).toBeGreaterThan(0);
    expect(chasedOn['2024-01-29']).toBe(chasedOn['2024-01-22']);
    for (const d of ['2024-01-23', '2024-01-24', '2024-01-25', '2024-01-26']) expect({ d, n: chasedOn[d] }).toEqual({ d, n: 0 });
  });

  test('the memory tab is hidden and holds task names, dates and staff addresses — no pupil data', () => {
    const sheet = t.ss.getSheetByName(QA_REMINDERS.name)!;
    expect(sheet.isSheetHidden()).toBe(true);
    const text = JSON.stringify(sheet.getDataRange().getValues());
    const pupils = loadTabs(t.ss, ['Students']).data.Students!;
    for (const p of pupils) {
      expect(text).not.toContain(p.upn);
      expect(text).not.toContain(`${p.forename} ${p.surname}`);
    }
  });
});

describe('a Monday digest', () => {
  let t: TrackerFixture;
  beforeAll(() => (t = withCalendar('2024-01-29')));
  afterAll(() => t.uninstall());

  test("counts Monday 22 to Friday 26 January only: none of Monday 29th's marks", () => {
    // The register has marks for Monday 29th (the morning run is at 07:00: they are not in).
    const marks = t.school.tables['Attendance Marks'];
    expect(marks.some((r) => iso(String(r[1])) === '2024-01-29')).toBe(true);
    const leaving = new Map<string, string>();
    const head = t.school.tables.Students[0];
    for (const r of t.school.tables.Students.slice(1)) if (r[head.indexOf('Leaving Date')]) leaving.set(String(r[0]), iso(String(r[head.indexOf('Leaving Date')])));
    // DfE categories (SPEC §4.1), written out here rather than taken from the code under test.
    const attended = ['/', '\\', 'L', 'K', 'V', 'P', 'W', 'B'];
    const absent = ['C', 'C1', 'C2', 'J1', 'M', 'S', 'I', 'R', 'T', 'E', 'G', 'N', 'O', 'U'];
    const tally = (from: string, to: string) => {
      let a = 0;
      let p = 0;
      for (const r of marks.slice(1)) {
        const d = iso(String(r[1]));
        const code = String(r[3]).trim().toUpperCase();
        const left = leaving.get(String(r[0]));
        if (d < from || d > to || (left && d > left)) continue;
        if (attended.indexOf(code) >= 0) {
          a++;
          p++;
        }
        else if (absent.indexOf(code) >= 0) p++;
      }
      return (Math.floor((2000 * a + p) / (2 * p)) / 10).toFixed(1) + '%';
    };
    const week = tally('2024-01-22', '2024-01-26');
    const withToday = tally('2024-01-22', '2024-01-29');
    const before = tally('2024-01-15', '2024-01-19');

    const r = morningRunJob(t.ss, loadSettings(), '2024-01-29');
    expect(r.digests!.weekStart).toBe('2024-01-22');
    const slt = sentMail(t).find((m) => /Weekly pastoral digest/.test(m.subject) && /\nWHOLE SCHOOL\n/.test(m.body));
    expect(slt.body).toContain(`Whole school | ${week} | ${before} |`);
    expect(slt.body).toContain('Figures count Monday 22 to Friday 26 January 2024 — completed school days only');
    if (withToday !== week) expect(slt.body).not.toContain(`Whole school | ${withToday} |`);
  });
});

describe('sender and replies', () => {
  let t: TrackerFixture;
  beforeAll(() => (t = withCalendar('2024-01-22')));
  afterAll(() => t.uninstall());

  test('"Pastoral Tracker — <school>"; replies to staff in the school\'s domain, never the recipient; subjects clean', () => {
    morningRunJob(t.ss, loadSettings(), '2024-01-22');
    const sent = sentMail(t);
    expect(sent.length).toBeGreaterThan(10);
    const settings = loadSettings();
    const staff = loadTabs(t.ss, ['Staff']).data.Staff!.map((s) => s.email.toLowerCase());
    const pupils = loadTabs(t.ss, ['Students']).data.Students!;
    let withReply = 0;
    for (const m of sent) {
      expect(m.name).toBe(`Pastoral Tracker — ${settings.school.name}`);
      expect(() => checkSubject(m.subject, pupils)).not.toThrow();
      if (!m.replyTo) continue;
      withReply++;
      for (const a of String(m.replyTo).split(',')) {
        expect(staff).toContain(a.toLowerCase());
        expect(a.toLowerCase().endsWith(`@${settings.school.allowedDomains[0]}`)).toBe(true);
        expect(m.to.map((x: string) => x.toLowerCase())).not.toContain(a.toLowerCase());
      }
    }
    expect(withReply).toBeGreaterThan(sent.length / 2);
  });
});
