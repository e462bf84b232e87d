/**
 * Issue 22: the letter preview starts from the review the attendance review kept (the hidden Review
 * Memory tab) instead of reviewing the whole school afresh — and it must show exactly what a fresh
 * review would: every letter kind, every cohort, field for field. Anything the kept review was
 * worked out from that changes (an import, the Letters Log, the Students tab, an override, the
 * settings, the day, a damaged memory) makes it review afresh; a mark typed by hand into the
 * Register, which it cannot see, is caught by the run: it makes nothing and asks for a new preview.
 */
import { sampleSchool, useTracker } from '../fixtures/trackerFixture';
import { freshPreview as freshPreviewOf } from '../fixtures/freshPreview';
import { loadSettings, saveSettings } from '../../src/gas/settingsStore';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { previewLetterRunJob } from '../../src/jobs/letters/sidebarData';
import { generateLetterRunJob } from '../../src/jobs/letters/run';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { importRows } from '../../src/jobs/importData';
import { forgetCopies } from '../fixtures/forgetCopies';
import { REVIEW_MEMORY_TAB } from '../../src/gas/reviewMemoryTab';
import { documentState } from '../../src/gas/properties';
import { DATA_GENERATION } from '../../src/core/state';
import { formatWeek, parseWeek } from '../../src/core/attendance/registerWeek';
import { toCell } from '../../src/gas/cells';

const school = sampleSchool(120);
const asOf = school.asOf;
const tracker = useTracker({ school });

const KEPT = /^From today's attendance review/;

const freshPreview = (raw: unknown, on = asOf) => freshPreviewOf(tracker().ss, raw, on);

/** The sidebar's answer without what only the sidebar needs. */
function shown(raw: unknown, on = asOf) {
  const { templateProblem, selection, reviewNote, ...rest } = previewLetterRunJob(tracker().ss, loadSettings(), on, raw);
  void templateProblem; void selection;
  return { preview: rest, reviewNote };
}

const KINDS = ['attendance', 'AT1', 'AT2', 'panel', 'EWO', 'PA', 'tier', 'punctuality', 'lateToLesson', 'reward', 'homework'];

describe('the letter preview from the kept review', () => {
  beforeEach(() => {
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
  });

  it('shows what a fresh review shows, for every kind of letter and cohort', () => {
    const years = Array.from(new Set(school.tables.Students.slice(1).map((r) => Number(r[4]) || 0))).filter((y) => y > 0);
    const cohorts: unknown[] = [{ kind: 'all' }, { kind: 'year', year: years[0] }, { kind: 'regGroup', regGroup: String(school.tables.Students[1][5]) }];
    let letters = 0;
    let kinds = 0;
    for (const type of KINDS) {
      for (const cohort of cohorts) {
        const req = { type, cohort };
        const { preview, reviewNote } = shown(req);
        expect(reviewNote).toMatch(KEPT);
        expect(preview).toEqual(freshPreview(req));
        letters += preview.due.length;
        if (cohort === cohorts[0] && preview.due.length + preview.proposals.length + preview.skipped.length > 0) kinds++;
      }
    }
    // Not a comparison of empty lists: the sample school has letters of most kinds due.
    expect(letters).toBeGreaterThan(20);
    expect(kinds).toBeGreaterThanOrEqual(7);
  });

  it('reads the kept review and the small tabs, of the Register only this week\'s and last week\'s columns, never Lates to Lesson', () => {
    const env = tracker().g.env;
    const read = new Set<string>();
    const register: string[] = [];
    const off = env.callHooks.push((cls: string, method: string, target: any) => {
      if (cls === 'Range' && /^get(Values|DisplayValues)$/.test(method)) read.add(target._sheet.getName());
      if (cls === 'Range' && method === 'getValues' && target._sheet.getName() === 'Register') register.push(target.getA1Notation());
    });
    try {
      expect(shown({ type: 'attendance', cohort: { kind: 'all' } }).reviewNote).toMatch(KEPT);
    } finally {
      env.callHooks.splice(off - 1, 1);
    }
    // Friday 26 January 2024: the columns of w/c 15/01 and w/c 22/01 (the Register's last two, T and U), every row.
    const reg = tracker().ss.getSheetByName('Register')!;
    expect(reg.getRange('T1:U1').getValues()[0]).toEqual(['w/c 15/01/2024', 'w/c 22/01/2024']);
    expect(register).toEqual([`T1:U${reg.getLastRow()}`]);
    expect(read.has('Lates to Lesson')).toBe(false);
    expect(read.has(REVIEW_MEMORY_TAB)).toBe(true);
  });

  const sheet = (name: string) => tracker().ss.getSheetByName(name)!;

  it.each([
    ['an import', () => { importRows(tracker().ss, 'Lates to Lesson', [school.tables['Lates to Lesson'][0], rowWithNewLesson()]); }, /an import has changed/],
    ['a Letters Log row typed by hand', () => appendLogRow(), /the Letters Log has changed/],
    ['a Students tab edit', () => editStudentsYear(), /the Students tab has changed/],
    ['a Head of Year override', () => typeOverride(), /a Head of Year override has changed/],
    ['other settings', () => changeSettings(), /the settings have changed/],
    ['a damaged memory', () => sheet(REVIEW_MEMORY_TAB).getRange(2, 1).setValue('{"edited by hand'), /there is no earlier review to start from/],
  ])('after %s it reviews afresh, shows what is true now, and keeps that review for the next preview', (_what, change, reason) => {
    const undo = (change as () => (() => void) | void)();
    try {
      const req = { type: 'attendance', cohort: { kind: 'all' } };
      const first = shown(req);
      expect(first.reviewNote).toMatch(/^Attendance reviewed afresh/);
      expect(first.reviewNote).toMatch(reason);
      expect(first.preview).toEqual(freshPreview(req));
      const second = shown(req);
      expect(second.reviewNote).toMatch(KEPT);
      expect(second.preview).toEqual(first.preview);
    } finally {
      if (typeof undo === 'function') undo();
    }
  });

  it('a review that ends an episode and clears a spent override keeps the tabs as it left them', () => {
    // On the Monday after the last marks, for a pupil in reward with an AT1 letter that morning (no
    // school week has ended in reward since, so the episode is open) and an override typed for
    // them: the review ends the episode (a Letters Log row) and clears the spent override (its cell).
    const monday = '2024-01-29';
    const first = reviewAttendanceJob(tracker().ss, loadSettings(), monday);
    const upn = first.review.pupils.find((p) => p.stage === 'reward' && p.ladder.rung === 'none')!.upn;
    const log = sheet('Letters Log');
    const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
    const row = header.map((h) => (/^key$/i.test(h) ? `AT1|${upn}|episode-2024-01-29` : /^date$/i.test(h) ? '29/01/2024' : /^type$/i.test(h) ? 'AT1' : /^upn$/i.test(h) ? upn : /status/i.test(h) ? 'Produced' : ''));
    log.getRange(log.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    const at = sheet('Attendance');
    const cols = at.getRange(1, 1, 1, at.getLastColumn()).getValues()[0].map(String);
    const atRow = at.getRange(1, 1, at.getLastRow(), 1).getValues().findIndex((r) => String(r[0]) === upn) + 1;
    at.getRange(atRow, cols.indexOf('HoY Override') + 1).setValue('AT2');

    const review = reviewAttendanceJob(tracker().ss, loadSettings(), monday);
    expect(review.episodeEnds).toBe(1);
    expect(review.overridesCleared).toBe(1);
    const req = { type: 'attendance', cohort: { kind: 'all' } };
    const { preview, reviewNote } = shown(req, monday);
    expect(reviewNote).toMatch(KEPT);
    expect(preview).toEqual(freshPreview(req, monday));
  });

  it('on another day it reviews afresh', () => {
    const next = '2024-01-29';
    expect(shown({ type: 'AT1', cohort: { kind: 'all' } }, next).reviewNote).toMatch(/today's review has not run yet/);
  });

  /** A late to a lesson today for the first pupil, in the tab's own columns. */
  function rowWithNewLesson(): unknown[] {
    const header = school.tables['Lates to Lesson'][0].map(String);
    return header.map((h) => (/upn/i.test(h) ? school.tables.Students[1][0] : /date/i.test(h) ? asOf.split('-').reverse().join('/') : /lesson|period/i.test(h) ? 'P5' : /minutes/i.test(h) ? 7 : ''));
  }

  function appendLogRow(): () => void {
    const log = sheet('Letters Log');
    const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
    const upn = String(school.tables.Students[3][0]);
    const row = header.map((h) => (/^key$/i.test(h) ? `AT1|${upn}|episode-${asOf}` : /^date$/i.test(h) ? asOf.split('-').reverse().join('/') : /^type$/i.test(h) ? 'AT1' : /^upn$/i.test(h) ? upn : /status/i.test(h) ? 'Produced' : ''));
    const at = log.getLastRow() + 1;
    log.getRange(at, 1, 1, row.length).setValues([row]);
    return () => log.deleteRow(at);
  }

  function editStudentsYear(): () => void {
    const st = sheet('Students');
    const header = st.getRange(1, 1, 1, st.getLastColumn()).getValues()[0].map(String);
    const col = header.findIndex((h) => /reg group/i.test(h)) + 1;
    const cell = st.getRange(2, col);
    const was = cell.getValue();
    cell.setValue(`${was}X`);
    return () => cell.setValue(was);
  }

  function typeOverride(): () => void {
    const at = sheet('Attendance');
    const header = at.getRange(1, 1, 1, at.getLastColumn()).getValues()[0].map(String);
    const cell = at.getRange(3, header.indexOf('HoY Override') + 1);
    cell.setValue('AT2');
    return () => cell.setValue('');
  }

  function changeSettings(): () => void {
    const was = loadSettings();
    saveSettings({ ...was, attendance: { ...was.attendance, punctualityLates: was.attendance.punctualityLates + 1 } });
    return () => saveSettings(was);
  }
});

describe('a mark typed into the Register by hand after the review', () => {
  beforeEach(() => {
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
  });

  it('stops the run before anything is made, and the next preview shows the letters as they are now', () => {
    const req = { type: 'AT1', cohort: { kind: 'all' } };
    const before = previewLetterRunJob(tracker().ss, loadSettings(), asOf, req);
    expect(before.reviewNote).toMatch(KEPT);
    expect(before.due.length).toBeGreaterThan(0);
    const upn = before.due[0].upn;
    // Every session of this pupil's year typed present, by hand: no AT1 letter is due now.
    const reg = tracker().ss.getSheetByName('Register')!;
    const values = reg.getDataRange().getValues();
    const row = values.findIndex((r) => String(r[0]) === upn) + 1;
    const weeks = values[0].map(String).map((h, i) => (/^w\/c /.test(h) ? i : -1)).filter((i) => i >= 0);
    const old = weeks.map((c) => values[row - 1][c]);
    const present = (cell: unknown) => {
      const w = parseWeek(cell);
      return w.ok ? toCell(formatWeek(w.codes.map((c, i) => (c ? (i % 2 ? '\\' : '/') : ''))), 'text') : cell;
    };
    weeks.forEach((c, k) => reg.getRange(row, c + 1).setValue(present(old[k])));
    try {
      const generation = documentState().get(DATA_GENERATION);
      const logRows = tracker().ss.getSheetByName('Letters Log')!.getLastRow();
      expect(() => generateLetterRunJob(tracker().ss, loadSettings(), asOf, { ...req, previewed: before.previewed })).toThrow(/changed since the preview.*nothing was made/);
      expect(tracker().ss.getSheetByName('Letters Log')!.getLastRow()).toBe(logRows);
      // Nothing counted: the refused run kept its fresh review, which the next preview starts from.
      expect(documentState().get(DATA_GENERATION)).toBe(generation);
      const after = previewLetterRunJob(tracker().ss, loadSettings(), asOf, req);
      expect(after.reviewNote).toMatch(KEPT);
      expect(after.due.map((d) => d.upn)).not.toContain(upn);
      expect(after.previewed).not.toBe(before.previewed);
    } finally {
      weeks.forEach((c, k) => reg.getRange(row, c + 1).setValue(old[k]));
    }
  });

  it('typed into this week or last: the next preview reviews afresh and shows it; corrected in an older week: it starts from the kept review (the run checks)', () => {
    const req = { type: 'AT1', cohort: { kind: 'all' } };
    // Copies made by a run after an earlier test's hand edit, since undone, would not see the undo:
    // no copy stands, so this preview reads every tab whole and keeps its review and copies.
    forgetCopies(tracker().ss);
    shown(req);
    const before = previewLetterRunJob(tracker().ss, loadSettings(), asOf, req);
    expect(before.reviewNote).toMatch(KEPT);
    const family = before.due[0];
    const reg = tracker().ss.getSheetByName('Register')!;
    const values = reg.getDataRange().getValues();
    const header = values[0].map(String);
    const row = values.findIndex((r) => String(r[0]) === family.upn) + 1;
    const present = (cell: unknown) => {
      const w = parseWeek(cell);
      return w.ok ? toCell(formatWeek(w.codes.map((c, i) => (c ? (i % 2 ? '\\' : '/') : ''))), 'text') : cell;
    };
    // Last week (w/c 15/01/2024; the review is Friday 26 January) all present.
    const last = reg.getRange(row, header.indexOf('w/c 15/01/2024') + 1);
    const wasLast = last.getValue();
    last.setValue(present(wasLast));
    try {
      const after = shown(req);
      expect(after.reviewNote).toBe('Attendance reviewed afresh: marks have been typed into the Register (this week or last) since the last review.');
      expect(after.preview).toEqual(freshPreview(req));
      expect(after.preview.due.find((d) => d.upn === family.upn)?.reason).not.toBe(family.reason);
    } finally {
      last.setValue(wasLast);
    }
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
    // An older week with an absence of this pupil's (before w/c 15/01/2024) all present: not read by
    // the preview, which shows the kept review.
    const olderCol = header.findIndex((h, c) => /^w\/c /.test(h) && c < header.indexOf('w/c 15/01/2024') && String(present(values[row - 1][c])) !== String(values[row - 1][c]));
    expect(olderCol).toBeGreaterThan(0);
    const older = reg.getRange(row, olderCol + 1);
    const wasOlder = older.getValue();
    older.setValue(present(wasOlder));
    try {
      const after = shown(req);
      expect(after.reviewNote).toMatch(KEPT);
      expect(after.preview.due.find((d) => d.upn === family.upn)?.reason).toBe(family.reason);
      setUpLetterTemplatesJob(loadSettings(), tracker().ss);
      expect(() => generateLetterRunJob(tracker().ss, loadSettings(), asOf, { ...req, previewed: after.preview.previewed })).toThrow(/changed since the preview/);
    } finally {
      older.setValue(wasOlder);
    }
  });

  it('a run whose preview still holds makes the letters', () => {
    const req = { type: 'AT1', cohort: { kind: 'all' } };
    const pv = previewLetterRunJob(tracker().ss, loadSettings(), asOf, req);
    expect(pv.due.length).toBeGreaterThan(0);
    setUpLetterTemplatesJob(loadSettings(), tracker().ss);
    // Unticking a family in the sidebar does not change what the preview showed.
    const r = generateLetterRunJob(tracker().ss, loadSettings(), asOf, { ...req, unticked: [pv.due[0].upn], previewed: pv.previewed }, { clock: () => 0 });
    expect(r.done).toBe(pv.due.filter((d) => d.upn !== pv.due[0].upn).length);
  });

  it('after a run, the next preview starts from the review the run kept, and shows what a fresh review shows', () => {
    setUpLetterTemplatesJob(loadSettings(), tracker().ss);
    const req = { type: 'attendance', cohort: { kind: 'all' } };
    const pv = previewLetterRunJob(tracker().ss, loadSettings(), asOf, req);
    expect(pv.due.length).toBeGreaterThan(0);
    const r = generateLetterRunJob(tracker().ss, loadSettings(), asOf, { ...req, previewed: pv.previewed }, { clock: () => 0 });
    expect(r.done).toBe(pv.due.length);
    for (const next of [req, { type: 'punctuality', cohort: { kind: 'all' } }, { type: 'tier', cohort: { kind: 'all' } }]) {
      const { preview, reviewNote } = shown(next);
      expect(reviewNote).toMatch(KEPT);
      expect(preview).toEqual(freshPreview(next));
    }
    // The letters just made are not due again.
    expect(shown(req).preview.due).toEqual([]);
  });
});
