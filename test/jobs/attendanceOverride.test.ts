/**
 * The Head of Year's override of the ladder order (SPEC §4.2, issues 5 and 6) on the local services
 * with the small hand-made school: the HoY Override column on the Attendance tab, AT2 before the
 * AT1's 4 school weeks, the cell cleared once used, overrides not honoured reported with their
 * row, and one read path (the attendance review, the letters and the QA run see the same dues).
 */
import { AS_OF, SmallSchool, U, cellOf, smallSchool, tabObjects } from './attendanceSchool';
import { reviewAttendanceJob, describeAttendanceJob } from '../../src/jobs/attendance/job';
import { runAttendanceReview } from '../../src/jobs/attendance/review';
import { loadLetterSources } from '../../src/jobs/letters/sources';
import { planFor, previewOf } from '../../src/jobs/letters/preview';
import { generateLetterRunJob } from '../../src/jobs/letters/run';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { loadQaContext } from '../../src/jobs/qa/context';
import { setUpTrackerJob } from '../../src/jobs/setupTracker';
import { importRows } from '../../src/jobs/importData';
import { loadSettings } from '../../src/gas/settingsStore';
import { readOverrides, overrideOutcomes } from '../../src/core/attendance/overrides';
import { createLocalGoogle } from '../../local/google';

let t: SmallSchool;
beforeEach(() => {
  t = smallSchool();
  // The level 2 pupil had an AT1 one school week ago (Friday 19 January).
  importRows(t.ss, 'Letters Log', [
    ['Key', 'Date', 'Type', 'UPN', 'Batch Document', 'By', 'Status'],
    [`AT1|${U.level2}|episode-2024-01-19`, '19/01/2024', 'AT1', U.level2, '', 'HoY', 'Produced'],
  ]);
  reviewAttendanceJob(t.ss, t.settings, AS_OF); // the Attendance tab has a row per pupil
});
afterEach(() => t.uninstall());

const row = (upn: string) => tabObjects(t.ss, 'Attendance').find((r) => r.UPN === upn)!;
function setOverride(upn: string, value: string): number {
  const [r, c] = cellOf(t.ss, 'Attendance', 'HoY Override', 'UPN', upn);
  t.ss.getSheetByName('Attendance')!.getRange(r, c).setValue(value);
  return r;
}
const clock = () => t.g.env.simulatedMs;

test('a level 2 pupil one week after AT1: no AT2; the HoY sets AT2 → due now, made by a run, then the cell is cleared', () => {
  expect(row(U.level2)).toMatchObject({ Stage: 'Level 2', Rung: 'AT1', 'Letters Due': '', 'HoY Override': '' });
  expect(row(U.level2)['Next Action']).toMatch(/Monitor after AT1/);

  setOverride(U.level2, 'AT2');
  const r = reviewAttendanceJob(t.ss, t.settings, AS_OF);
  expect(row(U.level2)).toMatchObject({ 'Letters Due': 'AT2', 'HoY Override': 'AT2' });
  expect(row(U.level2)['Next Action']).toMatch(/AT2/);
  expect(r.lettersDue.AT2).toBe(1);
  expect(r.hoyOverrides).toEqual([expect.objectContaining({ upn: U.level2, rung: 'AT2', state: 'honoured' })]);
  expect(r.overridesCleared).toBe(0); // still to be used

  // The preview says why: the figures and the Head of Year's override.
  const s = loadLetterSources(t.ss, loadSettings(), AS_OF, 'AT2');
  const req = { type: 'AT2' as const, cohort: { kind: 'all' as const } };
  const { plan, view } = planFor(s, req);
  const pv = previewOf(s, req, plan, view);
  expect(pv.due.map((p) => p.upn)).toEqual([U.level2]);
  expect(pv.due[0].reason).toMatch(/level 2.*Head of Year override: AT2/);

  setUpLetterTemplatesJob(loadSettings());
  const run = generateLetterRunJob(t.ss, loadSettings(), AS_OF, req, { clock });
  expect(run.letters.map((l) => [l.upn, l.type])).toEqual([[U.level2, 'AT2']]);
  expect(run.overridesCleared).toBe(1);
  expect(run.message).toMatch(/1 Head of Year override\(s\) used and cleared/);
  const log = tabObjects(t.ss, 'Letters Log').filter((l) => l.UPN === U.level2 && l.Type === 'AT2');
  expect(log).toHaveLength(1);
  expect(row(U.level2)['HoY Override']).toBe('');

  // The next review: AT2 sent in this episode, nothing due, the override gone.
  const after = reviewAttendanceJob(t.ss, t.settings, AS_OF);
  expect(row(U.level2)).toMatchObject({ Rung: 'AT2', 'Letters Due': '' });
  expect(after.hoyOverrides).toEqual([]);
});

test('AT2 with no AT1 at all this episode: the override lets the run skip the rung; without it the preview says where to override', () => {
  // latesAndG: level 2 and PA, nothing sent.
  const rowNo = setOverride(U.latesAndG, 'at2'); // typed in lower case: still AT2
  reviewAttendanceJob(t.ss, t.settings, AS_OF);
  expect(row(U.latesAndG)['Letters Due']).toBe('AT2, PA');

  const req = { type: 'AT2' as const, cohort: { kind: 'all' as const } };
  const s = loadLetterSources(t.ss, loadSettings(), AS_OF, 'AT2');
  expect(s.overrides).toEqual([expect.objectContaining({ upn: U.latesAndG, rung: 'AT2', row: rowNo, state: 'honoured' })]);
  expect(planFor(s, req).plan.toProduce.map((l) => l.upn)).toEqual([U.latesAndG]);

  // Had the override not reached the plan, the rung order would stop it, naming the column.
  const blind = { ...s, overrides: [] };
  const { plan, view } = planFor(blind, req);
  const pv = previewOf(blind, req, plan, view);
  const skipped = pv.skipped.find((p) => p.upn === U.latesAndG)!;
  expect(skipped.code).toBe('outOfOrder');
  expect(skipped.reason).toMatch(/Head of Year can override on the Attendance tab \(HoY Override column\)/);

  setUpLetterTemplatesJob(loadSettings());
  const run = generateLetterRunJob(t.ss, loadSettings(), AS_OF, req, { clock });
  expect(run.letters.map((l) => l.upn)).toEqual([U.latesAndG]);
  expect(row(U.latesAndG)['HoY Override']).toBe('');
});

test('a level 1 pupil\'s override is not honoured, an unknown value is refused with its row; both are reported and kept', () => {
  const level1Row = setOverride(U.level1, 'AT2');
  const rewardRow = setOverride(U.reward, 'AT9');
  const r = reviewAttendanceJob(t.ss, t.settings, AS_OF);
  expect(row(U.level1)['Letters Due']).toBe('AT1'); // the ladder as without the override
  expect(r.lettersDue.AT2 || 0).toBe(0);
  expect(r.hoyOverrides).toEqual([expect.objectContaining({ upn: U.level1, rung: 'AT2', row: level1Row, state: 'notLevel2' })]);
  expect(r.problems).toContain(`Attendance row ${level1Row}, HoY Override "AT2": not honoured: the pupil is level 1, and an override applies at level 2 only. It waits in the cell.`);
  expect(r.problems.some((p) => p.startsWith(`Attendance row ${rewardRow}, HoY Override "AT9": not a rung`))).toBe(true);
  const told = describeAttendanceJob(r);
  expect(told).toMatch(/Head of Year overrides: 0 honoured, 1 not/);
  expect(told).toContain(`Attendance row ${rewardRow}, HoY Override "AT9"`);
  expect(told).not.toMatch(/Case-/); // no pupil names in what is told
  // Neither cell is touched: they are the Head of Year's to fix.
  expect(row(U.level1)['HoY Override']).toBe('AT2');
  expect(row(U.reward)['HoY Override']).toBe('AT9');
  // The letters see the same reports.
  expect(loadLetterSources(t.ss, loadSettings(), AS_OF, 'AT2').problems).toEqual(expect.arrayContaining(r.problems.filter((p) => p.startsWith('Attendance row'))));
});

test('an override belongs to its episode: a pupil back in reward has the cell cleared by the review', () => {
  // episode: an AT1 on 10 January, now at 99% (reward) — the episode closes at this review.
  setOverride(U.episode, 'panel');
  const r = reviewAttendanceJob(t.ss, t.settings, AS_OF);
  expect(r.hoyOverrides).toEqual([expect.objectContaining({ upn: U.episode, state: 'episodeOver' })]);
  expect(r.overridesCleared).toBe(1);
  expect(row(U.episode)['HoY Override']).toBe('');
  expect(row(U.episode)['Letters Due']).toBe('');
});

test('one read path: the attendance review, the letters and the QA run see the same overrides and dues', () => {
  setOverride(U.level2, 'AT2');
  setOverride(U.level1, 'AT2');
  const settings = loadSettings();
  const dues = (pupils: Array<{ upn: string; held: boolean; ladder: { lettersDue: string[] } }>) =>
    Object.fromEntries(pupils.map((p) => [p.upn, `${p.ladder.lettersDue.join(',')}${p.held ? ' held' : ''}`]));
  const review = runAttendanceReview(t.ss, settings, AS_OF);
  const letters = loadLetterSources(t.ss, settings, AS_OF, 'AT2');
  const qa = loadQaContext(t.ss, settings, AS_OF);
  expect(dues(review.review.pupils)[U.level2]).toBe('AT2');
  expect(dues(letters.review.pupils)).toEqual(dues(review.review.pupils));
  expect(dues(qa.review.pupils)).toEqual(dues(review.review.pupils));
  // The same rows the rules could not use (the withdrawn code typed by hand is held in all three).
  expect(letters.problems).toEqual(review.problems);
  expect(qa.problems).toEqual(review.problems);
  expect(qa.review.pupils.find((p) => p.upn === U.level1)!.ladder.lettersDue).toEqual(['AT1']);
  // The pupils and the log they decide from are the records of that same read.
  expect(letters.pupils.map((p) => p.upn)).toEqual(review.data.Students!.map((p) => p.upn));
  expect(qa.letters.map((l) => l.key)).toEqual(review.data['Letters Log']!.map((l) => l.key));
});

test('calls: the letters read each tab once, the overrides included', () => {
  setOverride(U.level2, 'AT2');
  const settings = loadSettings();
  t.g.env.resetCounts();
  loadLetterSources(t.ss, settings, AS_OF, 'AT2');
  const byName = t.g.env.countsByName();
  // Students, Letters Log, Lates to Lesson, Attendance Summary, the Register, Attendance, Letter Runs,
  // the Legal tab (its steps answer the penalty threshold) — found, but empty here, so not read —
  // and for who signs and who the letters go to, Staff and Contacts; and whether an older tracker's
  // long-form Attendance Marks tab is there (jobs/attendance/marks.ts reads it too when it is). Of the
  // Attendance tab only the header and the UPN and HoY Override columns are read (issue 22: the rest is
  // the last review's output): three reads where the two columns are apart, for 2 columns' cells, not 33.
  expect(byName['Range.getValues']).toBeLessThanOrEqual(11);
  expect(byName['Spreadsheet.getSheetByName']).toBeLessThanOrEqual(11);
});

describe('the pure reader', () => {
  const header = ['UPN', 'Name', 'Stage', 'HoY Override', 'Notes'];
  it('reads rungs by header, ignores blanks, refuses unknown values naming the row', () => {
    const read = readOverrides([
      header,
      ['A1', 'x', 'level2', 'AT2', ''],
      ['A2', 'x', 'level2', '', ''],
      ['A3', 'x', 'level2', ' Panel ', ''],
      ['A4', 'x', 'level2', 'AT9', ''],
      ['', 'x', 'level2', 'EWO', ''],
      ['A6', 'x', 'level2', 'ewo', ''],
    ]);
    expect(read.overrides).toEqual([
      { upn: 'A1', rung: 'AT2', row: 2 },
      { upn: 'A3', rung: 'panel', row: 4 },
      { upn: 'A6', rung: 'EWO', row: 7 },
    ]);
    expect(read.problems).toEqual([
      'Attendance row 5, HoY Override "AT9": not a rung the Head of Year can allow — choose AT2, panel, EWO from the drop-down, or leave it blank.',
      'Attendance row 6, HoY Override "EWO": the row has no UPN, so the override belongs to no pupil.',
    ]);
  });
  it('a tracker without the column has no overrides and no problems', () => {
    expect(readOverrides([['UPN', 'Stage'], ['A1', 'level2']])).toEqual({ overrides: [], problems: [] });
    expect(readOverrides([])).toEqual({ overrides: [], problems: [] });
  });
  it('outcomes follow the ladder rule', () => {
    const p = (upn: string, stage: any, rung: any) => ({ upn, stage, ladder: { rung, lettersDue: [] } });
    const out = overrideOutcomes(
      [
        { upn: 'A1', rung: 'AT2', row: 2 },
        { upn: 'A2', rung: 'AT2', row: 3 },
        { upn: 'A3', rung: 'AT2', row: 4 },
        { upn: 'A4', rung: 'panel', row: 5 },
        { upn: 'A9', rung: 'EWO', row: 6 },
      ],
      [p('A1', 'level2', 'AT1'), p('A2', 'level1', 'none'), p('A3', 'level2', 'AT2'), p('A4', 'reward', 'none')],
    );
    expect(out.map((o) => o.state)).toEqual(['honoured', 'notLevel2', 'alreadySent', 'episodeOver', 'notOnRoll']);
  });
});

test('Set up tracker adds the HoY Override column, with its drop-down, to a tracker made before it existed', () => {
  const g = createLocalGoogle({ now: new Date(`${AS_OF}T08:00:00Z`) });
  const uninstall = g.install();
  try {
    const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const old = ss.insertSheet('Attendance');
    old.getRange(1, 1, 2, 3).setValues([['UPN', 'Stage', 'Notes'], ['A1', 'level2', 'Mum phoned']]);
    const results = setUpTrackerJob(ss);
    const added = results.find((r) => r.tab === 'Attendance')!.addedColumns;
    expect(added).toContain('HoY Override');
    const header = old.getRange(1, 1, 1, old.getLastColumn()).getValues()[0];
    const col = header.indexOf('HoY Override') + 1;
    expect(col).toBeGreaterThan(3);
    expect(old.getRange(2, 3).getValue()).toBe('Mum phoned'); // staff's data kept
    const dv = old.getRange(2, col).getDataValidation();
    expect(dv && dv.getCriteriaValues()[0]).toEqual(['AT2', 'panel', 'EWO']);
    // A second run adds nothing.
    expect(setUpTrackerJob(ss).find((r) => r.tab === 'Attendance')!.addedColumns).toEqual([]);
  } finally {
    uninstall();
  }
});

test('the review reports each override, what it made of it, and the cells it cleared', () => {
  setOverride(U.level2, 'AT2');
  setOverride(U.level1, 'AT2');
  const r = reviewAttendanceJob(t.ss, t.settings, AS_OF);
  expect(r.hoyOverrides.map((o) => [o.upn, o.state]).sort()).toEqual([[U.level1, 'notLevel2'], [U.level2, 'honoured']].sort());
  expect(r.overridesCleared).toBe(0); // both pupils are still below reward: nothing to clear
});
