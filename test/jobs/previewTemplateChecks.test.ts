/**
 * The letter preview trusts a template that passed its check in the last ten minutes (for that
 * person: gas/templateChecks.ts), so previewing one year group after another does not read every
 * template again; a broken template is never trusted; and a run always checks again, so a template
 * broken after the preview stops the run before any letter is made.
 */
import { useTracker, sampleSchool } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { previewLetterRunJob } from '../../src/jobs/letters/sidebarData';
import { generateLetterRunJob } from '../../src/jobs/letters/run';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { setUser, sharedState } from '../../local/services/shared';

const school = sampleSchool(120);
const tracker = useTracker({ school });

const req = { type: 'attendance', cohort: { kind: 'all' } };
const reads = (fn: () => unknown) => {
  const env = tracker().g.env;
  const before = env.calls.get('Documents.get') || 0;
  fn();
  return (env.calls.get('Documents.get') || 0) - before;
};
const preview = () => previewLetterRunJob(tracker().ss, loadSettings(), school.asOf, req);
const later = (minutes: number) => {
  const env = tracker().g.env;
  env.now = new Date(env.now.getTime() + minutes * 60 * 1000);
};

beforeAll(() => {
  const off = tracker().g.install();
  try {
    setUpLetterTemplatesJob(loadSettings(), tracker().ss);
    reviewAttendanceJob(tracker().ss, loadSettings(), school.asOf);
  } finally {
    off();
  }
});

test('a second preview within ten minutes reads no template; after them, each again', () => {
  const first = preview();
  const types = new Set(first.due.map((d) => /^(\S+) letter/.exec(d.letter)![1]).concat(first.proposals.map((p) => p.type)));
  expect(types.size).toBeGreaterThanOrEqual(2);
  later(11);
  expect(reads(preview)).toBeGreaterThanOrEqual(2);
  later(5);
  expect(reads(preview)).toBe(0);
  later(6);
  expect(reads(preview)).toBeGreaterThanOrEqual(2);
});

test('another person is not trusted on someone else\'s check', () => {
  later(11);
  preview();
  const me = sharedState(tracker().g.env).user;
  // A Head of Year the templates are shared with (they can open them) checks them for themselves.
  const hoy = school.tables.Staff.slice(1).find((r) => /head of year/i.test(r.join(' ')))!.find((c) => /@/.test(c))!.trim().toLowerCase();
  setUser(tracker().g.env, hoy);
  try {
    expect(reads(preview)).toBeGreaterThanOrEqual(2);
  } finally {
    setUser(tracker().g.env, me);
  }
});

test('a broken template is said each time; one broken after a passing check stops the run, nothing made', () => {
  later(11);
  expect(preview().templateProblem).toBe('');
  const at1 = loadSettings().letters.templateIds.AT1;
  DocumentApp.openById(at1).getBody().appendParagraph('Dear {{Oops}}');
  // Trusted for ten minutes: the preview does not read it again …
  expect(preview().templateProblem).toBe('');
  // … but the run checks every template before it makes anything.
  const log = tracker().ss.getSheetByName('Letters Log')!.getLastRow();
  expect(() => generateLetterRunJob(tracker().ss, loadSettings(), school.asOf, req, { clock: () => 0 })).toThrow(/Oops/);
  expect(tracker().ss.getSheetByName('Letters Log')!.getLastRow()).toBe(log);
  later(11);
  expect(preview().templateProblem).toMatch(/Oops/);
  expect(preview().templateProblem).toMatch(/Oops/); // a problem is never remembered as passed
});
