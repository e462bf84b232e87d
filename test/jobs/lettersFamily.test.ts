/**
 * Issue 18 on the local services, with a small hand-made school where every answer is worked out
 * by hand: Spring 1 2024 from Monday 8 January to Friday 26 January (15 school days, 30 sessions),
 * Staff with a Head of Year for Years 7 and 9 and an attendance officer.
 *
 *   Ava Adams   Y9 9A  10 × U (days 1–5)     20/30 = 66.7%  level 2, PA   → AT1 + PA due, legal wording
 *   Ben Brown   Y9 9A   8 × I (days 1–4)     22/30 = 73.3%  level 2, PA   → AT1 + PA due, illness only
 *   Cara Clarke Y7 7A   2 × U (day 1)        28/30 = 93.3%  level 2       → AT1 due
 *   Dan Clarke  Y9 9B   2 × U (day 2)        28/30 = 93.3%  level 2       → AT1 due; Cara's brother, same parent and address
 *   Eve Evans   Y9 9A   1 × U (day 1 AM)     29/30 = 96.7%  level 1       → AT1 due; no parent named on file
 *   Finn Ford   Y9 9A   present every day    100%          reward        → nothing due
 */
import { createLocalGoogle, LocalGoogle } from '../../local/google';
import { setUpTrackerJob } from '../../src/jobs/setupTracker';
import { importRows } from '../../src/jobs/importData';
import { loadOverrides, loadSettings, saveSettings } from '../../src/gas/settingsStore';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { generateLetterRunJob } from '../../src/jobs/letters/run';
import { LetterRunResult } from '../../src/jobs/letters/runResult';
import { loadLetterSources } from '../../src/jobs/letters/sources';
import { planFor, previewOf } from '../../src/jobs/letters/preview';
import { LetterRunRequest } from '../../src/core/letters/request';
import { markRunPostedJob } from '../../src/jobs/letters/runLog';
import { makeUpn } from '../upn';
import { IsoDate, addDays, toUk, weekday } from '../../src/core/dates';
import { docApp, letters as lettersOf } from '../gas/docs/helpers';
import { tabObjects } from './attendanceSchool';

const AS_OF = '2024-01-26';
const DAYS: IsoDate[] = [];
for (let d = '2024-01-08'; d <= AS_OF; d = addDays(d, 1)) if (weekday(d) < 5) DAYS.push(d);

const P = {
  ava: { upn: makeUpn(201), forename: 'Ava', surname: 'Adams', year: 9, reg: '9A', parent: 'Mrs Sarah Adams', address: '1 Oak Road, Hillside, HS1 1AA', code: (d: number) => (d < 5 ? 'U' : '/') },
  ben: { upn: makeUpn(202), forename: 'Ben', surname: 'Brown', year: 9, reg: '9A', parent: 'Brown, Paul', address: '2 Ash Road, Hillside, HS1 2BB', code: (d: number) => (d < 4 ? 'I' : '/') },
  cara: { upn: makeUpn(203), forename: 'Cara', surname: 'Clarke', year: 7, reg: '7A', parent: 'Ms Jo Clarke', address: '3 Elm Road, Hillside, HS1 3CC', code: (d: number) => (d === 0 ? 'U' : '/') },
  dan: { upn: makeUpn(204), forename: 'Dan', surname: 'Clarke', year: 9, reg: '9B', parent: 'Ms Jo Clarke', address: '3 Elm Road, Hillside, HS1 3CC', code: (d: number) => (d === 1 ? 'U' : '/') },
  eve: { upn: makeUpn(205), forename: 'Eve', surname: 'Evans', year: 9, reg: '9A', parent: '', address: '5 Yew Road, Hillside, HS1 5EE', code: (d: number, s: string) => (d === 0 && s === 'AM' ? 'U' : '/') },
  finn: { upn: makeUpn(206), forename: 'Finn', surname: 'Ford', year: 9, reg: '9A', parent: 'Mr Al Ford', address: '6 Fir Road, Hillside, HS1 6FF', code: () => '/' },
};
type Key = keyof typeof P;

let g: LocalGoogle;
let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
let uninstall: () => void;

beforeEach(() => {
  g = createLocalGoogle({ now: new Date(`${AS_OF}T08:00:00Z`) });
  uninstall = g.install();
  ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  setUpTrackerJob(ss);
  expect(saveSettings({ school: { name: 'Hillside Academy', signatory: 'Mrs H Marsh', signatoryRole: 'Headteacher' }, calendar: { halfTerms: [{ name: 'Spring 1', start: '2024-01-08', end: '2024-02-09' }] } } as any)).toEqual([]);
  importRows(ss, 'Students', [
    ['UPN', 'Forename', 'Surname', 'Year', 'Reg Group', 'Parent Name', 'Address'],
    ...Object.values(P).map((p) => [p.upn, p.forename, p.surname, String(p.year), p.reg, p.parent, p.address]),
  ]);
  importRows(ss, 'Staff', [
    ['Name', 'Email', 'Role', 'Year'],
    ['Mrs Helen Lee', 'h.lee@hillside.sch.uk', 'Head of Year', '9'],
    ['Mr Tom Okafor', 't.okafor@hillside.sch.uk', 'Head of Year', '7'],
    ['Ms Jo Reid', 'j.reid@hillside.sch.uk', 'Attendance officer', ''],
  ]);
  const marks = [['UPN', 'Date', 'Session', 'Code']];
  for (const p of Object.values(P)) DAYS.forEach((d, i) => { for (const s of ['AM', 'PM']) marks.push([p.upn, toUk(d), s, p.code(i, s)]); });
  importRows(ss, 'Attendance Marks', marks);
  reviewAttendanceJob(ss, loadSettings(), AS_OF);
  setUpLetterTemplatesJob(loadSettings());
});
afterEach(() => uninstall());

const clock = () => g.env.simulatedMs;
const run = (req: LetterRunRequest): LetterRunResult => generateLetterRunJob(ss, loadSettings(), AS_OF, req, { clock });
const pagesOf = (r: LetterRunResult): string[] => {
  const doc = docApp(g)._documents().find((d) => r.docUrl.indexOf(d._id) >= 0);
  return doc ? lettersOf(doc) : [];
};
const about = (pages: string[], k: Key) => pages.filter((p) => p.indexOf(`Re: ${P[k].forename} ${P[k].surname} (`) >= 0);
const log = () => tabObjects(ss, 'Letters Log');
const attendanceRow = (k: Key) => tabObjects(ss, 'Attendance').find((r) => r.UPN === P[k].upn)!;

test('the review says what is due, as worked out by hand', () => {
  const due = (k: Key) => attendanceRow(k)['Letters Due'];
  expect([due('ava'), due('ben'), due('cara'), due('dan'), due('eve'), due('finn')]).toEqual(['AT1, PA', 'AT1, PA', 'AT1', 'AT1', 'AT1', '']);
});

test('a family due three letters (AT1, PA and a tier 3 letter) gets one page: the AT1, carrying the PA paragraph', () => {
  const r = run({ type: 'tier', cohort: { kind: 'year', year: 9 } });
  const pages = pagesOf(r);
  const ava = about(pages, 'ava');
  expect(ava).toHaveLength(1);
  expect(ava[0]).toMatch(/I am writing because Ava's attendance has fallen below our expectation of more than 97%\. It is now 66\.7%/);
  expect(ava[0]).toMatch(/so I must also let you know that Ava is now in the persistent absence category/);
  // The Letters Log remembers both rungs, with the pupil, year, reg group and addressee.
  const rows = log().filter((e) => e.UPN === P.ava.upn);
  expect(rows.map((e) => [e.Type, e.Pupil, e.Year, e['Reg Group'], e.Addressee, e.Status, e['Batch Document']])).toEqual([
    ['AT1', 'Adams, Ava', 9, '9A', 'Mrs S Adams', 'Produced', r.docUrl],
    ['PA', 'Adams, Ava', 9, '9A', 'Mrs S Adams', 'Produced', r.docUrl],
  ]);
  // Year 9 only: Ava, Ben, Dan and Eve (Finn is in reward); Cara (Year 7) is not in this run.
  expect(pages).toHaveLength(4);
  expect(about(pages, 'cara')).toHaveLength(0);
  // The Attendance tab shows what was produced.
  expect(attendanceRow('ava')['Last Letter']).toBe('AT1 + PA produced 26/01/2024');
});

test('addressed properly: "Mrs S Adams" / "Dear Mrs Adams"; "Jones, Lee" style names; no name → "Dear Parent/Carer"', () => {
  const pages = pagesOf(run({ type: 'attendance', cohort: { kind: 'all' } }));
  expect(about(pages, 'ava')[0]).toContain('\nMrs S Adams\n1 Oak Road\rHillside\rHS1 1AA\n');
  expect(about(pages, 'ava')[0]).toContain('\nDear Mrs Adams\nRe: Ava Adams (9A)\n');
  // "Brown, Paul" has no title: his full name, never a guessed "Mr".
  expect(about(pages, 'ben')[0]).toMatch(/\nPaul Brown\n[^]*\nDear Paul Brown\n/);
  expect(about(pages, 'eve')[0]).toMatch(/\nThe Parent\/Carer of Eve Evans\n[^]*\nDear Parent\/Carer\n/);
  for (const p of pages) expect(p).not.toMatch(/Dear (Mr|Mrs|Ms) \w+ \w+\n/);
});

test('wording that fits: legal words for Ava (10 unauthorised sessions), support and medical evidence for Ben (illness only)', () => {
  // AT2 via the Head of Year's override for both (level 2, AT1 not yet 4 weeks old).
  run({ type: 'AT1', cohort: { kind: 'all' } });
  const sheet = ss.getSheetByName('Attendance')!;
  const values = sheet.getDataRange().getValues();
  const h = values[0].map(String);
  for (const k of ['ava', 'ben'] as Key[]) {
    const r = values.findIndex((row) => row[h.indexOf('UPN')] === P[k].upn);
    sheet.getRange(r + 1, h.indexOf('HoY Override') + 1).setValue('AT2');
  }
  // A new day: the AT1 went yesterday, and one attendance letter a day is the rule.
  const next = '2024-01-29';
  g.env.now = new Date(`${next}T08:00:00Z`);
  const r = generateLetterRunJob(ss, loadSettings(), next, { type: 'AT2', cohort: { kind: 'all' } }, { clock });
  const pages = pagesOf(r);
  const [ava] = about(pages, 'ava');
  const [ben] = about(pages, 'ben');
  expect(ava).toContain('section 444 of the Education Act 1996');
  expect(ava).toMatch(/Ava has 10 sessions of unauthorised absence this school year/);
  expect(ben).not.toMatch(/section 444|penalty notice|court|legal duty/);
  expect(ben).toMatch(/please send us any medical evidence you have/);
  // The PA letter went with the AT1 on Friday, so Monday's AT2 does not repeat it.
  expect(ava).not.toMatch(/persistent absence/);
  // Voice and signature agree: Year 9's Head of Year wrote it and signs it.
  for (const p of [ava, ben]) expect(p).toMatch(/Yours sincerely\n+Mrs Helen Lee\nHead of Year 9$/);
});

test('a tier run for Year 9 after an AT1 run the same day makes no second letter; a re-run makes nothing', () => {
  const first = run({ type: 'AT1', cohort: { kind: 'all' } });
  expect(first.done).toBe(5); // Ava, Ben, Cara, Dan, Eve
  const tier = run({ type: 'tier', cohort: { kind: 'year', year: 9 } });
  expect(tier.done).toBe(0);
  expect(tier.docUrl).toBe('');
  const again = run({ type: 'attendance', cohort: { kind: 'all' } });
  expect(again.done).toBe(0);
  expect(log().filter((e) => e.Date && e.Type !== 'episode-end')).toHaveLength(7); // AT1 × 5, PA × 2
});

test('siblings at one address are next to each other in the pack; year, reg group, surname otherwise', () => {
  const pages = pagesOf(run({ type: 'attendance', cohort: { kind: 'all' } }));
  const order = pages.map((p) => (/Re: (\w+) /.exec(p) || [])[1]);
  // Filing order would be Cara (7A), Ava, Ben, Eve (9A), Dan (9B): Dan joins his sister.
  expect(order).toEqual(['Cara', 'Dan', 'Ava', 'Ben', 'Eve']);
  // Each signed by their own Head of Year.
  expect(pages[0]).toMatch(/Mr Tom Okafor\nHead of Year 7$/);
  expect(pages[1]).toMatch(/Mrs Helen Lee\nHead of Year 9$/);
});

test('panel for mostly authorised absence is proposed, not sent, until the Head of Year confirms; then it invites with date, time and place', () => {
  const sheet = ss.getSheetByName('Attendance')!;
  const values = sheet.getDataRange().getValues();
  const h = values[0].map(String);
  const r = values.findIndex((row) => row[h.indexOf('UPN')] === P.ben.upn);
  sheet.getRange(r + 1, h.indexOf('HoY Override') + 1).setValue('panel');
  reviewAttendanceJob(ss, loadSettings(), AS_OF);
  const req: LetterRunRequest = { type: 'attendance', cohort: { kind: 'selection', upns: [P.ben.upn] } };
  const s = loadLetterSources(ss, loadSettings(), AS_OF, 'attendance');
  const { plan, view } = planFor(s, req);
  const pv = previewOf(s, req, plan, view);
  expect(pv.proposals.map((p) => [p.upn, p.type])).toEqual([[P.ben.upn, 'panel']]);
  expect(pv.proposals[0].reason).toMatch(/Most of the absence is authorised, so the panel letter is proposed/);
  // Meanwhile the PA letter is due on its own and would go.
  expect(pv.due.map((d) => d.letter)).toEqual(['PA letter']);
  expect(pv.needsPanel).toBe(true);

  const made = run({ ...req, confirmed: [P.ben.upn], panel: { date: 'Tuesday 6 February 2024', time: '4.00pm', place: 'the library' } });
  const [ben] = about(pagesOf(made), 'ben');
  expect(ben).toMatch(/invite you to a meeting of the school's Governors' Attendance Panel/);
  expect(ben).toContain('Date\tTuesday 6 February 2024');
  expect(ben).toContain('Time\t4.00pm');
  expect(ben).toContain('Place\tthe library');
  expect(ben).not.toMatch(/legal process|section 444/);
  // The attendance officer's letter, and signed by her; the PA paragraph rides along.
  expect(ben).toMatch(/Ms Jo Reid\nAttendance Officer$/);
  expect(ben).toMatch(/Ben is now in the persistent absence category/);
  expect(log().filter((e) => e.UPN === P.ben.upn).map((e) => e.Type)).toEqual(['panel', 'PA']);
});

test('Produced → Sent when staff mark the run posted', () => {
  const r = run({ type: 'AT1', cohort: { kind: 'year', year: 7 } });
  expect(r.done).toBe(1);
  expect(log().map((e) => e.Status)).toEqual(['Produced']);
  expect(markRunPostedJob(ss).marked).toBe(1);
  expect(log().map((e) => e.Status)).toEqual(['Sent']);
  expect(markRunPostedJob(ss).marked).toBe(0);
  reviewAttendanceJob(ss, loadSettings(), AS_OF);
  expect(attendanceRow('cara')['Last Letter']).toBe('AT1 sent 26/01/2024');
});

test('a tracker set up before the Pupil / Year / Reg Group / Addressee columns still gets its Letters Log rows', () => {
  const sheet = ss.getSheetByName('Letters Log')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  for (const h of ['Addressee', 'Reg Group', 'Year', 'Pupil']) sheet.deleteColumn(header.indexOf(h) + 1);
  const r = run({ type: 'AT1', cohort: { kind: 'year', year: 7 } });
  expect(r.done).toBe(1);
  expect(log().map((e) => [e.Type, e.UPN, e.Status, e['Batch Document']])).toEqual([['AT1', P.cara.upn, 'Produced', r.docUrl]]);
});

test('every parent (Contacts tab): a copy per address, addressed to each; one letter to two at one address; "no correspondence" respected', () => {
  importRows(ss, 'Contacts', [
    ['UPN', 'Contact Name', 'Title', 'Relationship', 'Parental Responsibility', 'Priority', 'Address', 'Lives With Pupil', 'Correspondence'],
    [P.ava.upn, 'Adams, Sarah', 'Mrs', 'Mother', 'Yes', '1', '1 Oak Road, Hillside, HS1 1AA', 'Yes', 'Yes'],
    [P.ava.upn, 'Adams, Paul', 'Mr', 'Father', 'Yes', '2', '9 Mill Lane, Lowtown, HS2 9ZZ', 'No', 'Yes'],
    [P.cara.upn, 'Clarke, Jo', 'Ms', 'Mother', 'Yes', '1', '3 Elm Road, Hillside, HS1 3CC', 'Yes', 'Yes'],
    [P.cara.upn, 'Patel, Raj', 'Mr', 'Stepfather', 'Yes', '2', '', 'Yes', 'Yes'],
    [P.cara.upn, 'Clarke, Mary', 'Mrs', 'Grandmother', 'No', '3', '7 Rose Lane, Hillside', 'No', 'Yes'],
    [P.dan.upn, 'Clarke, Jo', 'Ms', 'Mother', 'Yes', '1', '3 Elm Road, Hillside, HS1 3CC', 'Yes', 'Yes'],
    [P.dan.upn, 'Patel, Raj', 'Mr', 'Stepfather', 'Yes', '2', '', 'Yes', 'Yes'],
    [P.eve.upn, 'Evans, Tom', 'Mr', 'Father', 'Yes', '1', '5 Yew Road, Hillside, HS1 5EE', 'Yes', 'No'],
  ]);
  const r = run({ type: 'attendance', cohort: { kind: 'all' } });
  const pages = pagesOf(r);
  // Ava's parents live apart: a page each, addressed to each, each carrying the PA paragraph.
  const ava = about(pages, 'ava');
  expect(ava).toHaveLength(2);
  expect(ava[0]).toContain('\nMrs S Adams\n1 Oak Road\rHillside\rHS1 1AA\n');
  expect(ava[0]).toContain('\nDear Mrs Adams\n');
  expect(ava[1]).toContain('\nMr P Adams\n9 Mill Lane\rLowtown\rHS2 9ZZ\n');
  expect(ava[1]).toContain('\nDear Mr Adams\n');
  for (const p of ava) expect(p).toMatch(/Ava is now in the persistent absence category/);
  // Cara's mother and stepfather live together (he has no address of his own): one page to both;
  // her grandmother has no parental responsibility. Dan is her brother: his page follows hers.
  const cara = about(pages, 'cara');
  expect(cara).toHaveLength(1);
  expect(cara[0]).toContain('\nMs J Clarke and Mr R Patel\n3 Elm Road\rHillside\rHS1 3CC\n');
  expect(cara[0]).toContain('\nDear Ms Clarke and Mr Patel\n');
  expect(pages.map((p) => (/Re: (\w+) /.exec(p) || [])[1])).toEqual(['Cara', 'Dan', 'Ava', 'Ava', 'Ben']);
  // Eve's only contact asked for no correspondence: no letter, and the log says nothing was sent.
  expect(about(pages, 'eve')).toEqual([]);
  // The Letters Log: a row per rung per copy, with whom it was addressed to.
  expect(log().filter((e) => e.UPN === P.ava.upn).map((e) => [e.Type, e.Addressee])).toEqual([
    ['AT1', 'Mrs S Adams'], ['PA', 'Mrs S Adams'], ['AT1', 'Mr P Adams'], ['PA', 'Mr P Adams'],
  ]);
  // A re-run makes nothing: never the same letter twice, per rung and per addressee.
  expect(run({ type: 'attendance', cohort: { kind: 'all' } }).done).toBe(0);
});

test("with e-mail to parents on, each copy goes to its addressee's own e-mail, greeting them as the letter does", () => {
  importRows(ss, 'Contacts', [
    ['UPN', 'Contact Name', 'Title', 'Parental Responsibility', 'Priority', 'Address', 'Email', 'Lives With Pupil'],
    [P.ava.upn, 'Adams, Sarah', 'Mrs', 'Yes', '1', '1 Oak Road, Hillside, HS1 1AA', 'sarah.adams@example.com', 'Yes'],
    [P.ava.upn, 'Adams, Paul', 'Mr', 'Yes', '2', '9 Mill Lane, Lowtown, HS2 9ZZ', 'paul.adams@example.net', 'No'],
  ]);
  const o = loadOverrides() as any;
  expect(saveSettings({ ...o, school: { ...(o.school || {}), allowedDomains: ['hillside.sch.uk'] }, letters: { ...(o.letters || {}), emailParents: true } })).toEqual([]);
  const r = run({ type: 'AT1', cohort: { kind: 'selection', upns: [P.ava.upn] } });
  expect(r.done).toBe(2);
  const sent = ((g.services.MailApp as any)._sent as Array<{ to: string[]; subject: string; body: string }>).filter((m) => /^Letter from /.test(m.subject));
  expect(sent.map((m) => [m.to, m.body.split('\n')[0]])).toEqual([
    [['sarah.adams@example.com'], 'Dear Mrs Adams,'],
    [['paul.adams@example.net'], 'Dear Mr Adams,'],
  ]);
  // E-mailed is sent: every row of both copies (AT1 and PA, to each parent) says so.
  expect(log().filter((e) => e.UPN === P.ava.upn).map((e) => e.Status)).toEqual(['Sent', 'Sent', 'Sent', 'Sent']);
});
