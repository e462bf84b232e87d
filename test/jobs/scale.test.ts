/**
 * Calls do not grow with the roll (issues 4–9): every job is run on the same two sample schools,
 * 120 and 600 pupils, built once for the whole file, and must make the same number of Google
 * service calls on both (Apps Script's cost is the round trip, so a call per pupil would not fit
 * a real school). Where a count may differ for a reason that is not the roll — an e-mail more or
 * less, a tab grown past its first 1,000 rows — the test says so and takes it out.
 *
 * Each school runs the same jobs in the same order: homework refresh (first and again), attendance
 * review (first and again), dashboard, a pupil profile, progress review, mentoring morning, the QA
 * morning run, then three Head of Year overrides and the AT2 run they allow.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { refreshHomeworkJob } from '../../src/jobs/homework/refresh';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { refreshDashboardJob } from '../../src/jobs/dashboard/dashboard';
import { pupilProfileJob } from '../../src/jobs/profile/profile';
import { progressReview } from '../../src/jobs/progress/review';
import { mentoringMorning } from '../../src/jobs/progress/morning';
import { morningRunJob } from '../../src/jobs/qa/morning';
import { loadQaContext } from '../../src/jobs/qa/context';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { loadLetterSources } from '../../src/jobs/letters/sources';
import { previewLetterRunJob } from '../../src/jobs/letters/sidebarData';
import { legalOverviewJob } from '../../src/jobs/legal/view';
import { generateLetterRunJob } from '../../src/jobs/letters/run';
import { pasteQaGrid } from '../proof/harness';

const SIZES = [120, 600] as const;

type Counts = Record<string, number>;

interface Measured {
  calls: Counts;
  /** Cells read, by job. */
  cells: Counts;
  byName: Record<string, Counts>;
  notes: Record<string, unknown>;
}

/** Growing or shrinking a tab to fit is one call either way: one bucket. */
function resize(c: Counts): number {
  return (c['Sheet.insertRowsAfter'] || 0) + (c['Sheet.deleteRows'] || 0);
}

function measureSchool(pupils: number): Measured {
  const t: TrackerFixture = makeTracker({ pupils });
  const calls: Counts = {};
  const cells: Counts = {};
  const byName: Record<string, Counts> = {};
  const notes: Record<string, unknown> = {};
  const settings = () => loadSettings();
  const asOf = t.school.asOf;
  const measure = <T>(name: string, fn: () => T, exclude: (c: Counts) => number = () => 0): T => {
    t.g.env.resetCounts();
    const r = fn();
    byName[name] = t.g.env.countsByName();
    calls[name] = t.g.env.total - exclude(byName[name]);
    cells[name] = t.g.env.cellsRead;
    return r;
  };
  try {
    pasteQaGrid(t);
    const first = measure('homework refresh: first run', () => refreshHomeworkJob(t.ss, settings(), asOf), resize);
    notes.onRoll = first.counts.onRoll;
    measure('homework refresh: again', () => refreshHomeworkJob(t.ss, settings(), asOf), resize);
    // The Attendance tab grows past its first 1,000 rows once, on a big enough school.
    measure('attendance review: first run', () => reviewAttendanceJob(t.ss, settings(), asOf), resize);
    measure('attendance review: again', () => reviewAttendanceJob(t.ss, settings(), asOf));
    refreshDashboardJob(t.ss, settings(), asOf); // the first run makes the tab
    measure('dashboard', () => refreshDashboardJob(t.ss, settings(), asOf));
    measure('pupil profile', () => pupilProfileJob(t.ss, t.school.tables.Students[1][0], settings(), asOf));
    const progress = measure('progress review', () => progressReview(t.ss, settings(), asOf), resize);
    notes.progress = progress.counts;
    measure('mentoring morning', () => mentoringMorning(t.ss, settings(), asOf), resize);
    // Per e-mail (not per pupil): the claim row, the send, the status cell and a blob per attachment.
    const perMail = (c: Counts) => (c['MailApp.sendEmail'] || 0) + (c['Sheet.appendRow'] || 0) + 2 * (c['Range.setValue'] || 0) + (c['Utilities.newBlob'] || 0);
    measure('QA morning run', () => morningRunJob(t.ss, settings(), asOf, { digests: false }), perMail);

    // Three level-2 pupils with nothing due and not held get a Head of Year override to AT2.
    setUpLetterTemplatesJob(settings());
    const sheet = t.ss.getSheetByName('Attendance')!;
    const values = sheet.getDataRange().getValues();
    const h = values[0].map(String);
    const chosen: string[] = [];
    // Families at one address (one letter each, issue 18): the same number of letters in both.
    const contacts = t.school.tables.Contacts || [[]];
    const ch = contacts[0].map((x) => x.toLowerCase());
    const households = (upn: string) => new Set(contacts.slice(1)
      .filter((c) => c[ch.indexOf('upn')] === upn && c[ch.indexOf('parental responsibility')] === 'Yes' && c[ch.indexOf('correspondence')] !== 'No')
      .map((c) => c[ch.indexOf('address')]).filter((a) => a !== '')).size; // a blank address is the pupil's home
    for (let r = 1; r < values.length && chosen.length < 3; r++) {
      if (values[r][h.indexOf('Stage')] !== 'Level 2' || values[r][h.indexOf('Held')] !== '' || values[r][h.indexOf('Letters Due')] !== '') continue;
      if (households(String(values[r][h.indexOf('UPN')])) > 1) continue;
      sheet.getRange(r + 1, h.indexOf('HoY Override') + 1).setValue('AT2');
      chosen.push(String(values[r][h.indexOf('UPN')]));
    }
    notes.overrides = chosen.length;
    measure('attendance review with overrides', () => reviewAttendanceJob(t.ss, settings(), asOf));
    measure('letter preview (AT2)', () => loadLetterSources(t.ss, settings(), asOf, 'AT2'));
    // The sidebars start from the review just kept (issue 22).
    // Each letter type due has its template checked: one Docs API read, whatever the roll.
    const docs = (c: Counts) => Object.keys(c).filter((k) => DOCS.concat('Documents').indexOf(k.split('.')[0]) >= 0).reduce((n, k) => n + c[k], 0);
    notes.previewNote = measure('letter preview sidebar (kept review)', () => previewLetterRunJob(t.ss, settings(), asOf, { type: 'attendance', cohort: { kind: 'all' } }), docs).reviewNote;
    notes.templatesRead = byName['letter preview sidebar (kept review)']['Documents.get'];
    notes.overviewNote = measure('legal overview sidebar (kept review)', () => legalOverviewJob(t.ss, settings(), asOf)).reviewNote;
    // The Homework Log and Contacts from the copies their imports kept (jobs/tabCopies.ts).
    notes.homeworkNote = measure('homework concern preview sidebar (copies)', () => previewLetterRunJob(t.ss, settings(), asOf, { type: 'homework', cohort: { kind: 'all' } }), docs).reviewNote;
    measure('QA context', () => loadQaContext(t.ss, settings(), asOf));
    const run = measure('AT2 run of the overridden pupils', () =>
      generateLetterRunJob(t.ss, settings(), asOf, { type: 'AT2', cohort: { kind: 'selection', upns: chosen } }, { clock: () => t.g.env.simulatedMs }),
    );
    notes.overridesCleared = run.overridesCleared;
    notes.letters = run.done;
    return { calls, cells, byName, notes };
  } finally {
    t.uninstall();
  }
}

const measured: Record<number, Measured> = {};
beforeAll(() => {
  for (const n of SIZES) measured[n] = measureSchool(n);
});

const [SMALL, LARGE] = SIZES;

test('the two schools really differ in size, and the jobs had work to do in both', () => {
  expect(measured[LARGE].notes.onRoll as number).toBeGreaterThan(4 * (measured[SMALL].notes.onRoll as number));
  for (const n of SIZES) {
    expect([n, measured[n].notes.overrides, measured[n].notes.overridesCleared]).toEqual([n, 3, 3]);
    const p = measured[n].notes.progress as { above: number; on: number; below: number; ungradeable: number };
    expect([n, p.above > 0, p.on > 0, p.below > 0, p.ungradeable > 0]).toEqual([n, true, true, true, true]);
  }
});

test.each(Object.keys({
  'homework refresh: first run': 1, 'homework refresh: again': 1, 'attendance review: first run': 1, 'attendance review: again': 1,
  dashboard: 1, 'progress review': 1, 'mentoring morning': 1, 'QA morning run': 1,
  'attendance review with overrides': 1, 'letter preview (AT2)': 1, 'QA context': 1,
  'letter preview sidebar (kept review)': 1, 'legal overview sidebar (kept review)': 1,
}))('%s: the same calls for 120 and 600 pupils', (job) => {
  expect(measured[SMALL].calls[job]).toBeGreaterThan(0);
  // On a mismatch, say which calls differ.
  const [a, b] = [measured[SMALL].byName[job], measured[LARGE].byName[job]];
  const differ = Object.keys({ ...a, ...b }).filter((k) => (a[k] || 0) !== (b[k] || 0)).map((k) => `${k}: ${a[k] || 0} → ${b[k] || 0}`);
  expect({ calls: measured[LARGE].calls[job], differ }).toEqual({ calls: measured[SMALL].calls[job], differ: expect.any(Array) });
});

/**
 * The profile reads one pupil's rows (issue 22): a tab of up to 10,000 cells whole, a longer one
 * its header and the rows Sheets finds by UPN (jobs/profile/readPupil.ts). So its calls follow the
 * size of the tabs (whole or found) and this pupil's rows (a getRow per row found), never the
 * roll, and at most nine tabs of 10,000 cells are read: under a sidebar's 100,000 whatever the school.
 */
test('pupil profile: a bounded number of calls and under 100,000 cells, for 120 and 600 pupils', () => {
  for (const n of SIZES) {
    const by = measured[n].byName['pupil profile'];
    // Nine tabs: each looked up, sized, its header read, searched, and its rows read in at most
    // 12 runs — far fewer here — plus the memory of open sessions (2 calls).
    expect(measured[n].calls['pupil profile'] - (by['Range.getRow'] || 0)).toBeLessThanOrEqual(9 * 12 + 2);
    expect(measured[n].cells['pupil profile']).toBeLessThanOrEqual(100000);
  }
  // The bigger school's profile finds rows where the smaller one reads tabs whole: fewer cells than
  // five times as many pupils would read.
  expect(measured[LARGE].cells['pupil profile']).toBeLessThan(2 * measured[SMALL].cells['pupil profile']);
});

/**
 * The whole-school sidebars start from the kept review (issue 22): the Register and Lates to Lesson
 * are not read, so what they read grows only with the pupils' own rows (Students, Contacts, the
 * Letters Log). At most 50 cells a pupil on roll is 100,000 at 2,000 pupils (npm run bench has the
 * 2,000-pupil figure: "sidebar: letter preview").
 */
test('letter preview (attendance and homework concern) and legal overview: from the kept review and the copies, under 100,000 cells at 2,000 pupils', () => {
  for (const n of SIZES) {
    expect([n, measured[n].notes.previewNote, measured[n].notes.overviewNote, measured[n].notes.homeworkNote]).toEqual([n, expect.stringMatching(/^From today's attendance review/), expect.stringMatching(/^From today's attendance review/), expect.stringMatching(/^From today's attendance review/)]);
  }
  // The templates: read once each through the Docs API (a letter type due, a template), never walked.
  expect(measured[SMALL].notes.templatesRead).toBeGreaterThanOrEqual(2);
  expect(measured[LARGE].byName['letter preview sidebar (kept review)']['Paragraph.getText'] || 0).toBe(0);
  // What grows with the roll, carried on to 2,000 pupils: under a sidebar's 100,000 cells.
  const [a, b] = [measured[SMALL], measured[LARGE]];
  const pupils = (m: Measured) => m.notes.onRoll as number;
  for (const job of ['letter preview sidebar (kept review)', 'legal overview sidebar (kept review)', 'homework concern preview sidebar (copies)']) {
    const perPupil = (b.cells[job] - a.cells[job]) / (pupils(b) - pupils(a));
    expect([job, b.cells[job] + perPupil * (2000 - pupils(b)) < 100000]).toEqual([job, true]);
  }
});

/** The Docs service classes: a letter's own calls, which follow its wording. */
const DOCS = ['DocumentApp', 'Document', 'Body', 'Paragraph', 'ListItem', 'Table', 'TableRow', 'TableCell', 'Text', 'HeaderSection', 'FooterSection', 'Element'];

test('AT2 run of the overridden pupils: the same calls for 120 and 600 pupils, but for each letter\'s own wording', () => {
  const job = 'AT2 run of the overridden pupils';
  const split = (n: number) => {
    const by = measured[n].byName[job];
    let docs = 0;
    let other = 0;
    for (const k of Object.keys(by)) if (DOCS.indexOf(k.split('.')[0]) >= 0) docs += by[k]; else other += by[k];
    return { letters: measured[n].notes.letters, other, docs };
  };
  const [a, b] = [split(SMALL), split(LARGE)];
  expect([a.letters, b.letters]).toEqual([3, 3]);
  // Reading, the Letters Log rows, the state: exactly the same.
  expect(b.other).toBe(a.other);
  // The letters themselves: the legal or the support paragraph, "first" or "again" (issue 18) hold
  // different numbers of placeholders — a few calls a letter, never a call per pupil on roll.
  expect(Math.abs(b.docs - a.docs)).toBeLessThanOrEqual(3 * 8);
});

test('a handful of reads, not one per pupil: the homework refresh and the attendance review', () => {
  expect(measured[SMALL].calls['homework refresh: first run']).toBeLessThan(250);
  expect(measured[SMALL].calls['attendance review: first run']).toBeLessThan(400);
  expect(measured[SMALL].calls.dashboard).toBeLessThan(150);
});
