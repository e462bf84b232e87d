/**
 * Help → Check this tracker (issue 15): what only the real account can tell, in plain words — and
 * read-only. Facts are read from the (local) services; each line is OK or Check.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { checkThisTracker as menuCheck } from '../../src/entry/check';
import { checkTracker, TrackerFacts } from '../../src/core/trackerCheck';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { loadSettings } from '../../src/gas/settingsStore';
import { setUser } from '../../local/services/shared';
import { snapshot } from '../gas/tableHelpers';
import { LETTER_TYPES } from '../../src/core/letters/defaultTemplates';

let t: TrackerFixture;
beforeAll(() => (t = makeTracker({ pupils: 30 })));

/** The menu item, and what its dialog said. */
function checkThisTracker(): string {
  menuCheck();
  const alert = t.g.app._record.alerts.slice(-1)[0];
  expect(alert.title).toBe('Check this tracker');
  return alert.prompt;
}
afterAll(() => t.uninstall());

test('on a set-up tracker: UK locale and zone, its size, templates not made yet, quota and domains; nothing changes', () => {
  const before = snapshot(t.g);
  const text = checkThisTracker();
  expect(snapshot(t.g)).toBe(before); // read-only
  const cells = t.ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  expect(text).toContain('OK — Locale en_GB and time zone Europe/London');
  expect(text).toContain(`OK — Size: ${cells.toLocaleString('en-GB')} of Google's 10,000,000 cells per spreadsheet (${Math.round((cells / 1e7) * 100)}%)`);
  expect(text).toContain('Check — Letter templates: none yet');
  expect(text).toContain('OK — E-mail: 1,500 recipient(s) left today');
  expect(text).toContain('OK — Staff e-mail goes only to: hillside.sch.uk.');
});

test("templates: each says whether it opens for the person asking, and whose it is", () => {
  const officer = t.g.services.Session.getActiveUser().getEmail();
  setUpLetterTemplatesJob(loadSettings()); // no Staff tab given: shared with nobody
  expect(checkThisTracker()).toContain(`OK — ${LETTER_TYPES.length} letter template(s) open for you (made by ${officer}); each is shared with 0 editor(s).`);
  // Another member of staff, on the Staff tab, with whom nothing was shared.
  const [header, ...rows] = t.school.tables.Staff;
  const email = header.findIndex((h) => h.trim().toLowerCase() === 'email');
  const other = rows.map((r) => r[email].trim().toLowerCase()).find((e) => e !== officer)!;
  setUser(t.g.env, other);
  expect(checkThisTracker()).toContain(`template does NOT open for you: it belongs to ${officer}`);
  setUser(t.g.env, officer);
});

test('the rules, from facts: a US tracker near the limit with morning e-mails off is told what to check', () => {
  const facts: TrackerFacts = {
    user: 'hoy@school.sch.uk', owner: 'office@school.sch.uk', locale: 'en_US', timeZone: 'America/New_York', scriptTimeZone: 'Europe/London',
    tabs: [{ name: 'Attendance Marks', cells: 7600000 }, { name: 'Students', cells: 900000 }],
    templates: [{ type: 'AT1', title: 'AT1 letter', id: '', opens: false, owner: '', editors: 0 }],
    morning: { enabled: false, mine: 1, lastRun: 'Last morning run: 25/01/2024 07:00 — Failed (Students: no "UPN" column).' },
    mailQuota: 12, allowedDomains: ['school.sch.uk'],
  };
  const lines = checkTracker(facts);
  const bad = lines.filter((l) => !l.ok).map((l) => l.text.split(':')[0]);
  expect(bad).toEqual(['Locale en_US, time zone America/New_York', 'Size', 'Attendance Marks (7,600,000 cells) is the register as older versions kept it, a row per mark', 'Letter templates', "Morning e-mails are OFF for this tracker (Settings)", 'Last morning run', 'E-mail']);
  expect(lines.find((l) => l.text.startsWith('Size'))!.text).toContain('8,500,000 of Google\'s 10,000,000 cells per spreadsheet (85%)');
  expect(lines.find((l) => l.text.startsWith('Attendance Marks'))!.text).toMatch(/Make an import tab… → Attendance Marks, paste that tab's rows, Data → Import pasted data; check the Register, then delete the Attendance Marks tab\.$/);
});
