/**
 * Issue 15 §1: documents are private to whoever made them. Two people run letters on one tracker —
 * a Head of Year and the attendance officer — and a second Head of Year; each can open the others'
 * templates and letter documents because the add-on shares them with the staff who run letters
 * (Staff tab roles in Settings). Someone who cannot open a template never replaces it: they are
 * told whose it is. A run started by one person can be continued by another.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { setUser } from '../../local/services/shared';
import type { LocalDocumentApp } from '../../local/services/document/document-app';
import { loadSettings } from '../../src/gas/settingsStore';
import { readTab } from '../../src/gas/tables';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { generateLetterRunJob, resumeLetterRunJob } from '../../src/jobs/letters/run';
import { letters as lettersOf } from '../gas/docs/helpers';
import { LETTER_TYPES } from '../../src/core/letters/defaultTemplates';

let t: TrackerFixture;
let staff: Array<{ email: string; roles: string }>;
beforeAll(() => {
  t = makeTracker({ pupils: 120 });
  const [header, ...rows] = t.school.tables.Staff;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  staff = rows.map((r) => ({ email: r[col('email')].trim().toLowerCase(), roles: r[col('role')] }));
});
afterAll(() => t.uninstall());

const withRole = (re: RegExp) => staff.filter((s) => re.test(s.roles)).map((s) => s.email);
const as = (email: string) => setUser(t.g.env, email);
const docs = () => t.g.services.DocumentApp as unknown as LocalDocumentApp;

test('a Head of Year and the attendance officer both run letters on the same tracker; another HoY too; others are told whose templates they are', () => {
  const [hoy, hoy2] = withRole(/head of year/i).filter((e) => !withRole(/attendance officer/i).includes(e));
  const officer = withRole(/attendance officer/i)[0];
  const teacher = staff.find((s) => /class teacher/i.test(s.roles) && !/head of year|attendance|intervention/i.test(s.roles))!.email;
  expect([hoy, hoy2, officer, teacher].every(Boolean)).toBe(true);

  // The Head of Year sets up the templates: they are shared with everyone who runs letters.
  as(hoy);
  const setup = setUpLetterTemplatesJob(loadSettings(), t.ss);
  expect(setup.created).toHaveLength(LETTER_TYPES.length);
  const at1 = loadSettings().letters.templateIds.AT1;
  const editors = [...docs()._get(at1)!._editors].sort();
  expect(editors).toEqual(expect.arrayContaining([officer, hoy2]));
  expect(editors).not.toContain(teacher); // a class teacher does not run letters
  expect(editors).not.toContain(hoy); // the owner needs no sharing

  // The attendance officer runs AT1 letters with the Head of Year's template.
  as(officer);
  const settings = loadSettings();
  const r1 = generateLetterRunJob(t.ss, settings, t.school.asOf, { type: 'AT1', cohort: { kind: 'all' } }, { clock: () => t.g.env.simulatedMs });
  expect(r1.done).toBeGreaterThan(0);
  expect(r1.stopped).toBe(false);
  // Its document opens for the Head of Year (the Letters Log link works for them).
  as(hoy);
  expect(DocumentApp.openById(r1.docId).getName()).toContain('AT1');

  // A second Head of Year runs PA letters.
  as(hoy2);
  const r2 = generateLetterRunJob(t.ss, loadSettings(), t.school.asOf, { type: 'PA', cohort: { kind: 'all' } }, { clock: () => t.g.env.simulatedMs });
  expect(r2.done).toBeGreaterThan(0);

  const log = readTab(t.ss, 'Letters Log').records as any[];
  // This run's rows (the log also holds the school's imported history).
  const by = (docId: string) => Array.from(new Set(log.filter((e) => String(e.link).includes(docId)).map((e) => String(e.by).toLowerCase())));
  expect(by(r1.docId)).toEqual([officer]);
  expect(by(r2.docId)).toEqual([hoy2]);

  // A class teacher cannot open the templates: Set up letter templates replaces none of them and
  // says whose they are.
  as(teacher);
  const again = setUpLetterTemplatesJob(loadSettings(), t.ss);
  expect(again.created).toEqual([]);
  expect(again.notShared.map((n) => n.owner)).toEqual(new Array(LETTER_TYPES.length).fill(hoy));
  expect(again.message).toContain(`belong to ${hoy} and are not shared with you`);
  expect(loadSettings().letters.templateIds.AT1).toBe(at1);
});

test('a run stopped by the time budget is continued by someone else in the same document', () => {
  const hoy = withRole(/head of year/i)[0];
  const officer = withRole(/attendance officer/i)[0];
  as(hoy);
  // A clock that moves one unit per look: the run stops after a few letters.
  let ticks = 0;
  const settings = loadSettings();
  const short = { ...settings, letters: { ...settings.letters, maxRunMillis: 4 } };
  const first = generateLetterRunJob(t.ss, short, t.school.asOf, { type: 'reward', cohort: { kind: 'all' } }, { clock: () => ++ticks });
  expect(first.total).toBeGreaterThan(3);
  expect(first.stopped).toBe(true);
  expect(first.done).toBeGreaterThan(0);
  expect(first.done).toBeLessThan(first.total);

  as(officer);
  const rest = resumeLetterRunJob(t.ss, loadSettings(), t.school.asOf, { clock: () => t.g.env.simulatedMs })!;
  expect(rest.stopped).toBe(false);
  expect(rest.done).toBe(first.total);
  expect(rest.docId).toBe(first.docId);
  const inDoc = lettersOf(docs()._get(first.docId)!).length;
  const logged = (readTab(t.ss, 'Letters Log').records as any[]).filter((e) => e.type === 'reward' && String(e.link).includes(first.docId)).length;
  expect([inDoc, logged]).toEqual([first.total, first.total]);
});
