/**
 * Issue 10.4 — no leaks. The sample school's CANARY pupil (local/sample/students.ts: Year 11, PP,
 * EAL and SEN, many missed homeworks) is followed through every job — import, homework refresh,
 * attendance review, every letter type, the morning trigger, the weekly digests and the progress
 * review — and their name, UPN and address must never appear in: a log line, an e-mail subject, a
 * script property (shared by every installation), a document property, a digest to anyone but
 * their own staff, or a letter not addressed to their family. SEN/EAL/PP words never in a subject.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { CANARY } from '../../local/sample/students';
import { loadSettings } from '../../src/gas/settingsStore';
import { importStaged, stagingTab } from '../../src/jobs/importData';
import { refreshHomeworkJob } from '../../src/jobs/homework/refresh';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { generateLetterRunJob } from '../../src/jobs/letters/run';
import { LETTER_TYPES } from '../../src/core/letters/defaultTemplates';
import { morningRunJob } from '../../src/jobs/qa/morning';
import { weeklyDigestsJob } from '../../src/jobs/qa/digests';
import { progressReview } from '../../src/jobs/progress/review';
import { makeEvidencePacksJob } from '../../src/jobs/legal/packs';
import { renderText } from '../../local/services/document/document';
import { morningRun } from '../../src/entry/qa';
import { canonicalRoles } from '../../src/core/qa/roles';
import { letters as lettersOf } from '../gas/docs/helpers';
import { fixDate, pasteQaGrid, runDocuments, properties, PUPILS, say } from './harness';

let t: TrackerFixture;
let canary: { name: string; upn: string; address: string[]; parent: string; regGroup: string; mentor: string; subjects: string[] };
let digestMail: any[] = [];
let allMail: any[] = [];

/** Everything that identifies the canary: full name, surname with forename, UPN, each address line. */
function mentions(text: string): string[] {
  const hits: string[] = [];
  const s = String(text);
  if (s.indexOf(canary.upn) >= 0) hits.push('UPN');
  if (/Canary/i.test(s) && /Testpupil/i.test(s)) hits.push('name');
  if (s.indexOf(`${CANARY.forename} ${CANARY.surname}`) >= 0) hits.push('name');
  // The house and street line identifies the family (the town and postcode are shared by neighbours).
  if (s.indexOf(canary.address[0]) >= 0) hits.push(`address "${canary.address[0]}"`);
  return hits;
}

const sent = () => (t.g.services.MailApp as any)._sent as any[];

beforeAll(() => {
  t = makeTracker({ pupils: PUPILS, tabs: undefined });
  const students = t.school.tables.Students;
  const h = students[0];
  const row = students.find((r) => r[0] === CANARY.upn)!;
  const col = (name: string) => String(row[h.indexOf(name)]);
  canary = {
    name: `${CANARY.forename} ${CANARY.surname}`,
    upn: CANARY.upn,
    address: col('Home Address').split('\n'),
    parent: col('Primary Contact'),
    regGroup: col('Reg Group'),
    mentor: col('Mentor'),
    subjects: Array.from(new Set(t.school.tables['Homework Log'].filter((r) => r[1] === CANARY.upn).map((r) => String(r[2])))),
  };
  const settings = () => loadSettings();
  const asOf = t.school.asOf;

  // The canary stops coming to school: every session of the last two weeks unauthorised (O), so
  // the attendance ladder and the PA letter are due for them too.
  const marks = t.school.tables['Attendance Marks'].filter((r, i) => i > 0 && r[0] === CANARY.upn && String(r[1]) >= '15/01/2024' && String(r[1]).slice(3) === '01/2024');
  const sheet = stagingTab(t.ss, 'Attendance Marks');
  const rows = [['UPN', 'Date', 'Session', 'Code'], ...marks.map((r) => [r[0], r[1], r[2], 'O'])];
  sheet.getRange(1, 1, rows.length, 4).setValues(rows);
  importStaged(t.ss);

  refreshHomeworkJob(t.ss, settings(), asOf);
  reviewAttendanceJob(t.ss, settings(), asOf);
  setUpLetterTemplatesJob(settings());
  for (const type of LETTER_TYPES) {
    try {
      generateLetterRunJob(t.ss, settings(), asOf, { type, cohort: { kind: 'all' } }, { clock: () => t.g.env.simulatedMs });
    } catch (e) {
      say(`no-leaks: ${type} run not made: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  pasteQaGrid(t);
  morningRunJob(t.ss, settings(), asOf, { digests: false });
  const before = sent().length;
  weeklyDigestsJob(t.ss, settings(), asOf);
  digestMail = sent().slice(before);
  progressReview(t.ss, settings(), asOf);
  makeEvidencePacksJob(t.ss, settings(), asOf, { all: true }, { clock: () => t.g.env.simulatedMs });
  const restore = fixDate(t.g.env.now);
  try {
    morningRun(); // the trigger's entry point, which logs its outcome (nothing new to send now)
  } finally {
    restore();
  }
  allMail = sent();
});
afterAll(() => t.uninstall());

test('the canary is really in play: on the tracker, in letters and in digests', () => {
  const docsText = runDocuments(t).map((d) => lettersOf(d).join('\n')).join('\n');
  expect(mentions(docsText).length).toBeGreaterThan(0);
  expect(digestMail.some((m) => mentions(`${m.body}\n${m.htmlBody}`).length)).toBe(true);
  expect(allMail.length).toBeGreaterThan(0);
});

test('never in a log line', () => {
  expect(t.g.env.logs.length).toBeGreaterThan(0);
  expect(t.g.env.logs.filter((l) => mentions(l).length)).toEqual([]);
});

test('never in an e-mail subject; no SEN/EAL/PP words in any subject', () => {
  for (const m of allMail) {
    expect({ subject: m.subject, hits: mentions(m.subject) }).toEqual({ subject: m.subject, hits: [] });
    expect(m.subject).not.toMatch(/\b(SEN|SEND|SENCO|EAL|PP|pupil premium|special educational|additional language|disadvantaged|EHCP)\b/i);
  }
});

test('never in a script property (shared across installations) nor a document property', () => {
  const { doc, script } = properties(t);
  expect(Object.entries(script).filter(([k, v]) => mentions(`${k}=${v}`).length)).toEqual([]);
  expect(Object.entries(doc).filter(([k, v]) => mentions(`${k}=${v}`).length)).toEqual([]);
});

test("a digest that names the canary goes only to the canary's own staff", () => {
  const staff = t.school.tables.Staff;
  const h = staff[0].map((x) => String(x).toLowerCase());
  const own = new Set<string>([canary.mentor.toLowerCase()]);
  for (const r of staff.slice(1)) {
    const email = String(r[h.indexOf('email')]).toLowerCase();
    const roles = canonicalRoles(String(r[h.indexOf('role')]));
    const year = Number(r[h.indexOf('year')]) || 0;
    for (const { role, years } of roles) {
      if (['SLT', 'SLT attendance', 'SLT link', 'Tutor/Assembly SLT lead', 'PP lead', 'SENCO', 'EAL coordinator'].indexOf(role) >= 0) own.add(email);
      if (role === 'Form tutor' && String(r[h.indexOf('reg group')]) === canary.regGroup) own.add(email);
      if (role === 'Head of Year' && (years.indexOf(CANARY.year) >= 0 || year === CANARY.year)) own.add(email);
      if (role === 'Curriculum leader' && canary.subjects.some((s) => s.toLowerCase() === String(r[h.indexOf('department')]).toLowerCase())) own.add(email);
    }
  }
  const leaks = digestMail
    .filter((m) => mentions(`${m.subject}\n${m.body}\n${m.htmlBody ?? ''}\n${(m.attachments || []).map((a: any) => a.data.toString('utf8')).join('\n')}`).length)
    .flatMap((m) => [...m.to, ...m.cc, ...m.bcc].map((x: string) => x.toLowerCase()))
    .filter((to) => !own.has(to));
  expect(leaks).toEqual([]);
});

const isPack = (d: { _name: string }) => /^Evidence pack/.test(d._name);

test("an evidence pack names its own pupil only: the canary is in their pack and in no other", () => {
  const packs = runDocuments(t).filter(isPack);
  const theirs = packs.filter((d) => d._name.indexOf(canary.upn) >= 0);
  expect(theirs.length).toBe(1); // the canary stopped coming: their threshold is met
  expect(mentions(renderText(theirs[0])).length).toBeGreaterThan(0);
  for (const d of packs) if (d !== theirs[0]) expect({ doc: d._name, hits: mentions(`${d._name}\n${renderText(d)}`) }).toEqual({ doc: d._name, hits: [] });
  say(`no-leaks: ${packs.length} evidence packs checked`);
});

test("only letters addressed to the canary's family mention the canary", () => {
  let theirs = 0;
  for (const d of runDocuments(t).filter((x) => !isPack(x))) {
    for (const letter of lettersOf(d)) {
      const addressed = letter.indexOf(`Re: ${canary.name}`) >= 0;
      if (addressed) {
        theirs++;
        // Addressed as an envelope is: "Ms Emma Testpupil" → "Ms E Testpupil" (issue 18).
        const [title, forename, ...surname] = canary.parent.split(' ');
        expect(letter).toContain(`${title} ${forename[0]} ${surname.join(' ')}`);
      } else {
        expect({ doc: d._name, hits: mentions(letter) }).toEqual({ doc: d._name, hits: [] });
      }
    }
    // Document names carry the letter type, cohort and date only.
    expect(mentions(d._name)).toEqual([]);
  }
  expect(theirs).toBeGreaterThan(0);
  say(`no-leaks: ${theirs} letter(s) to the canary's family, ${digestMail.length} digests, ${allMail.length} e-mails, ${t.g.env.logs.length} log lines checked`);
});
