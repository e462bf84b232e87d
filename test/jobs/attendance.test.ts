/**
 * "Review attendance" on the local services with a small hand-made school (test/jobs/attendanceSchool):
 * the Attendance tab's figures, staff columns untouched, re-runs idempotent, stage colours, the
 * ladder's memory in the Letters Log, and every QA list tab (issue 5 "Done when").
 */
import { formatWeek, parseWeek, sessionIndex, weekHeader } from '../../src/core/attendance/registerWeek';
import { weekStart } from '../../src/core/dates';
import { reviewAttendanceJob, AttendanceJobResult } from '../../src/jobs/attendance/job';
import { STAGE_COLOURS } from '../../src/jobs/attendance/attendanceTab';
import { importRows } from '../../src/jobs/importData';
import { readValues } from '../../src/gas/tables';
import { cellDate } from '../../src/gas/cells';
import { toUk } from '../../src/core/dates';
import { AS_OF, DAYS, HALF_TERMS, SmallSchool, U, cellOf, smallSchool, tabObjects } from './attendanceSchool';
import { buildReport } from '../../local/cli/report';
import { saveSettings, loadSettings } from '../../src/gas/settingsStore';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { generateLetterRunJob } from '../../src/jobs/letters/run';

let t: SmallSchool;
beforeEach(() => {
  t = smallSchool();
});
afterEach(() => t.uninstall());

const run = (asOf = AS_OF): AttendanceJobResult => reviewAttendanceJob(t.ss, t.settings, asOf);
const row = (upn: string) => tabObjects(t.ss, 'Attendance').find((r) => r.UPN === upn)!;

/** Type a code into the pupil's week on the Register by hand, as staff would. */
function typeCode(upn: string, date: string, session: 'AM' | 'PM', code: string): void {
  const sheet = t.ss.getSheetByName('Register')!;
  const values = readValues(sheet);
  const r = values.findIndex((v) => v[0] === upn);
  const c = values[0].indexOf(weekHeader(weekStart(date)));
  expect([r > 0, c > 0]).toEqual([true, true]);
  const week = parseWeek(values[r][c]);
  if (!week.ok) throw new Error(week.reason);
  week.codes[sessionIndex(date, session)] = code;
  sheet.getRange(r + 1, c + 1).setValue(formatWeek(week.codes));
}

describe('the Attendance tab', () => {
  it('has each pupil on roll with the figures, stage and flags of SPEC §4', () => {
    const result = run();
    expect(result.pupils).toBe(11); // 12 minus the leaver
    expect(row(U.reward)).toMatchObject({ Possible: 30, Present: 30, Authorised: 0, Unauthorised: 0, '%': 100, Stage: 'Reward', PA: 'No', SA: 'No', 'Letters Due': '' });
    expect(row(U.level2)).toMatchObject({ Possible: 30, Present: 28, Authorised: 2, '%': 93.3, Stage: 'Level 2', PA: 'No', 'Letters Due': 'AT1' });
    expect(row(U.level1)).toMatchObject({ Possible: 30, Present: 29, '%': 96.7, Stage: 'Level 1', 'Letters Due': 'AT1' });
    // Not-counted codes leave the denominator: 2 × Y1 → 28 possible.
    expect(row(U.notCounted)).toMatchObject({ Possible: 28, Present: 27, Authorised: 1, '%': 96.4, Stage: 'Level 1' });
    expect(row(U.latesAndG)).toMatchObject({ Possible: 30, Present: 24, Unauthorised: 6, L: 5, G: 6, U: 0, '%': 80, Stage: 'Level 2', PA: 'Yes', SA: 'No', 'Letters Due': 'AT1, PA' });
    expect(row(U.penalty)).toMatchObject({ U: 10, '%': 66.7, PA: 'Yes', 'Penalty Threshold': 'Yes', 'Notify LA': 'No' });
    expect(row(U.notifyLa)).toMatchObject({ Unauthorised: 20, '%': 33.3, SA: 'Yes', 'Notify LA': 'Yes', 'Penalty Threshold': 'Yes' });
    expect(row(U.episode)).toMatchObject({ Possible: 100, Present: 99, '%': 99, Stage: 'Reward' });
    expect(cellDate(row(U.level2)['Review Due'])).toBe(AS_OF);
    expect(row(U.level2)['Next Action']).toMatch(/AT1/);
    expect(row(U.level2)['Sessions Needed']).toMatch(/Must attend \d+ of the \d+ sessions left this half term to reach level 1/);
    expect(tabObjects(t.ss, 'Attendance').some((r) => r.UPN === U.leaver)).toBe(false);
    expect(result.stages).toEqual({ reward: 4, level1: 3, level2: 4, tooFew: 0, none: 0 }); // level 1 includes the N this morning (28/29)
  });

  it('never writes a staff column, follows a sort, and clears a leaver row but keeps its notes', () => {
    run();
    const sheet = t.ss.getSheetByName('Attendance')!;
    // Staff: a note on the level 2 pupil, a row for a pupil who has since left, then sort by name descending.
    const [r, notes] = cellOf(t.ss, 'Attendance', 'Notes', 'UPN', U.level2);
    sheet.getRange(r, notes).setValue('Mum phoned 12/01');
    sheet.appendRow([U.leaver, 'Case-leaver, Pupil5', 10, '10A', 30, 30]);
    const [lr, ln] = cellOf(t.ss, 'Attendance', 'Notes', 'UPN', U.leaver);
    sheet.getRange(lr, ln).setValue('Left for Leeds');
    sheet.sort(2, false);
    run();
    expect(row(U.level2).Notes).toBe('Mum phoned 12/01');
    expect(row(U.level2)['%']).toBe(93.3);
    expect(row(U.leaver)).toMatchObject({ Notes: 'Left for Leeds', Name: '', Possible: '', Stage: '' });
  });

  it('changes nothing when run again the same day', () => {
    const first = run();
    const before = JSON.stringify(readValues(t.ss.getSheetByName('Attendance')!));
    const letters = readValues(t.ss.getSheetByName('Letters Log')!).length;
    const tiers = JSON.stringify(readValues(t.ss.getSheetByName('Tier Lists')!));
    const again = run();
    expect(again.attendanceTab).toMatchObject({ added: 0, updated: 0, cleared: 0 });
    expect(JSON.stringify(readValues(t.ss.getSheetByName('Attendance')!))).toBe(before);
    expect(readValues(t.ss.getSheetByName('Letters Log')!).length).toBe(letters);
    expect(JSON.stringify(readValues(t.ss.getSheetByName('Tier Lists')!))).toBe(tiers);
    expect(again.lists).toEqual(first.lists);
  });

  it('colours the % cell by stage (level 2 red, level 1 amber, reward green), not the row', () => {
    run();
    const sheet = t.ss.getSheetByName('Attendance')! as any;
    const colour = (upn: string, header: string) => {
      const [r] = cellOf(t.ss, 'Attendance', 'UPN', 'UPN', upn);
      const [, c] = cellOf(t.ss, 'Attendance', header, 'UPN', upn);
      return t.g.app._effectiveBackground(sheet, r, c);
    };
    expect(colour(U.level2, '%')).toBe(STAGE_COLOURS.level2);
    expect(colour(U.level1, '%')).toBe(STAGE_COLOURS.level1);
    expect(colour(U.reward, '%')).toBe(STAGE_COLOURS.reward);
    // The rest of the row is not filled: the colour is on the figure.
    for (const h of ['Name', 'Stage', 'Next Action']) expect(colour(U.level2, h)).toBe('#ffffff');
    // A re-run replaces its own rules rather than piling them up.
    const rules = sheet.getConditionalFormatRules().length;
    run();
    expect(sheet.getConditionalFormatRules().length).toBe(rules);
  });

  it('a tracker coloured by an earlier version (whole rows on "level1" …) loses those rules', () => {
    const sheet = t.ss.getSheetByName('Attendance')!;
    const all = sheet.getRange(2, 1, sheet.getMaxRows() - 1, 20);
    const old = ['level2', 'level1', 'reward'].map((code) =>
      SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=$O2="${code}"`).setBackground('#f4cccc').setRanges([all]).build());
    const staffs = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('see me').setBackground('#00ff00').setRanges([all]).build();
    sheet.setConditionalFormatRules([...old, staffs]);
    run();
    const formulas = sheet.getConditionalFormatRules().map((r) => String(r.getBooleanCondition()!.getCriteriaValues()[0]));
    expect(formulas).toContain('see me'); // staff's rule kept
    expect(formulas.filter((f) => /level1|level2|reward"/.test(f))).toEqual([]);
    expect(formulas.filter((f) => /Level 1|Level 2|Reward/.test(f))).toHaveLength(3);
  });

  it('reads as a data manager lays it out: year → reg group → surname, identity frozen, % with one decimal', () => {
    // A staff note on one pupil travels with the pupil when the rows are sorted.
    run();
    const [r] = cellOf(t.ss, 'Attendance', 'Notes', 'UPN', U.penalty);
    const [, notesCol] = cellOf(t.ss, 'Attendance', 'Notes', 'UPN', U.penalty);
    t.ss.getSheetByName('Attendance')!.getRange(r, notesCol).setValue('Phoned mum');
    run();
    const rows = tabObjects(t.ss, 'Attendance');
    // Year 9 (9A) by surname, then Year 10 (10A), then Year 11 — 9 before 10 (numbers, not text).
    expect(rows.map((x) => x.UPN)).toEqual([
      U.lateToLesson, U.level2, U.notCounted, U.penalty,
      U.episode, U.latesAndG, U.level1, U.notifyLa, U.reward, U.withdrawn,
      U.failure,
    ]);
    expect(rows.map((x) => x.Name).slice(0, 2)).toEqual(['Case-lateToLesson, Pupil11', 'Case-level2, Pupil1']);
    expect(rows.find((x) => x.UPN === U.penalty)!.Notes).toBe('Phoned mum');
    const sheet = t.ss.getSheetByName('Attendance')!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getFrozenColumns()).toBe(4); // UPN, Name, Year, Reg Group
    const [pr, pc] = cellOf(t.ss, 'Attendance', '%', 'UPN', U.level2);
    const cell = sheet.getRange(pr, pc);
    expect(cell.getValue()).toBe(93.3); // still a number staff can sort and sum
    expect(cell.getDisplayValue()).toBe('93.3%');
    expect(sheet.getRange(cellOf(t.ss, 'Attendance', '%', 'UPN', U.reward)[0], pc).getDisplayValue()).toBe('100.0%');
  });
});

describe('after a letter run the Attendance tab says what is due now', () => {
  it('the AT1 just produced is no longer "to send": Rung AT1, nothing due, monitor until the review — as the next review says', () => {
    run();
    expect(row(U.level2)).toMatchObject({ Rung: '', 'Letters Due': 'AT1' });
    expect(row(U.level2)['Next Action']).toMatch(/^Send AT1 letter/);
    expect(row(U.latesAndG)['Letters Due']).toBe('AT1, PA');
    setUpLetterTemplatesJob(loadSettings());
    generateLetterRunJob(t.ss, loadSettings(), AS_OF, { type: 'AT1', cohort: { kind: 'all' } }, { clock: () => t.g.env.simulatedMs });
    expect(row(U.level2)).toMatchObject({ Rung: 'AT1', 'Letters Due': '', 'Last Letter': 'AT1 produced 26/01/2024', 'Next Action': 'Monitor after AT1 until the review' });
    // A persistent absentee's family gets the AT1 and the PA letter together (issue 18): both gone.
    expect(row(U.latesAndG)).toMatchObject({ Rung: 'AT1', 'Letters Due': '', 'Last Letter': 'AT1 + PA produced 26/01/2024' });
    expect(row(U.latesAndG)['Next Action']).not.toMatch(/Send/);
    // A pupil the run did not write to is untouched (the reward pupil has nothing due).
    expect(row(U.reward)).toMatchObject({ Rung: '', 'Letters Due': '', 'Last Letter': '', 'Next Action': '' }); // blank: nothing to do
    // The review of the same day, reading the Letters Log, agrees cell for cell.
    const afterRun = tabObjects(t.ss, 'Attendance');
    run();
    const fields = ['Rung', 'Letters Due', 'Last Letter', 'Held', 'Next Action', 'Legal Next', 'Review Due'];
    const pick = (rows: Record<string, unknown>[]) => rows.map((r) => fields.map((f) => String(r[f])));
    expect(pick(tabObjects(t.ss, 'Attendance'))).toEqual(pick(afterRun));
  });
});

describe('the ladder memory in the Letters Log', () => {
  it('logs an episode end once when a pupil with letters is back in reward', () => {
    const r1 = run();
    expect(r1.episodeEnds).toBe(1);
    const ends = tabObjects(t.ss, 'Letters Log').filter((l) => l.Type === 'episode-end');
    expect(ends.map((e) => e.UPN)).toEqual([U.episode]);
    expect(cellDate(ends[0].Date)).toBe(AS_OF);
    expect(run().episodeEnds).toBe(0);
    expect(tabObjects(t.ss, 'Letters Log').filter((l) => l.Type === 'episode-end')).toHaveLength(1);
  });
});

describe('the QA lists', () => {
  it('tier lists show names included and to be removed since the last tier letter run, by year group, and the last letter', () => {
    const first = run('2024-01-25');
    const tiers1 = tabObjects(t.ss, 'Tier Lists');
    // On the 25th the level-1 pupil was still in reward (the absence is on the 26th). No tier
    // letter run yet: everyone in a tier is "included".
    expect(tiers1.some((r) => r.UPN === U.level1)).toBe(false);
    expect(tiers1.find((r) => r.UPN === U.level2)).toMatchObject({ Tier: 2, 'Since Last Tier Letters': 'Included', 'Last Letter': '' });
    expect(first.lists.tierRemoved).toBe(0);
    // The tier letter runs of the 25th (Years 9, 10, 11) are the baseline: level2 AT1; penalty,
    // latesAndG and notifyLa AT1 + PA; notCounted AT1.
    setUpLetterTemplatesJob(loadSettings());
    for (const year of [9, 10, 11]) generateLetterRunJob(t.ss, loadSettings(), '2024-01-25', { type: 'tier', cohort: { kind: 'year', year } }, { clock: () => t.g.env.simulatedMs });
    // Reviewing again the same day changes nothing but the last letters.
    run('2024-01-25');
    expect(tabObjects(t.ss, 'Tier Lists').find((r) => r.UPN === U.penalty)).toMatchObject({ Tier: 3, 'Since Last Tier Letters': '', 'Last Letter': 'AT1 + PA produced 25/01/2024' });
    // The 2 absences of the level-2 pupil are recoded as present (a late-notified trip: K).
    importRows(t.ss, 'Attendance Marks', [['UPN', 'Date', 'Session', 'Code'], [U.level2, toUk(DAYS[3]), 'AM', 'K'], [U.level2, toUk(DAYS[3]), 'PM', 'K']]);
    const second = run(AS_OF);
    const tiers2 = tabObjects(t.ss, 'Tier Lists');
    expect(tiers2.find((r) => r.UPN === U.level1)).toMatchObject({ Tier: 1, 'Since Last Tier Letters': 'Included', Year: 10 });
    expect(tiers2.find((r) => r.UPN === U.level2)).toMatchObject({ Tier: 2, 'Since Last Tier Letters': 'To be removed', '%': 100, 'Last Letter': 'AT1 produced 25/01/2024' });
    expect(tiers2.find((r) => r.UPN === U.penalty)).toMatchObject({ Tier: 3, 'Since Last Tier Letters': '' });
    expect(second.lists.tierIncluded).toBe(2); // and the Year 11 with an N this morning
    expect(second.lists.tierRemoved).toBe(1);
    // The same day again: the same comparison (only a tier letter run moves the baseline).
    run(AS_OF);
    expect(JSON.stringify(tabObjects(t.ss, 'Tier Lists'))).toBe(JSON.stringify(tiers2));
  });

  it('lists punctuality, late to lesson, G codes (keeping "Entered on Gateway") and failure to return', () => {
    run();
    expect(tabObjects(t.ss, 'Punctuality')).toEqual([expect.objectContaining({ UPN: U.latesAndG, 'L This Half Term': 5 })]);
    expect(tabObjects(t.ss, 'Late to Lesson List')).toEqual([expect.objectContaining({ UPN: U.lateToLesson, 'Lates to Lesson This Half Term': 5 })]);
    const g = tabObjects(t.ss, 'G Codes');
    expect(g).toEqual([expect.objectContaining({ UPN: U.latesAndG, 'G Sessions This Term': 6 })]);
    expect(g[0].Dates).toContain('08/01/2024 AM');
    const [r, c] = cellOf(t.ss, 'G Codes', 'Entered on Gateway', 'UPN', U.latesAndG);
    t.ss.getSheetByName('G Codes')!.getRange(r, c).setValue('Yes 24/01');
    run();
    expect(tabObjects(t.ss, 'G Codes')[0]['Entered on Gateway']).toBe('Yes 24/01');
    const failure = tabObjects(t.ss, 'Failure to Return');
    expect(failure[0]).toMatchObject({ UPN: U.failure, Year: 11, Today: 'AM N, PM no mark' }); // Year 11 first
    // Everyone else was marked this morning (the summary-only pupil has no marks at all, so is listed too).
    expect(failure.map((f) => f.UPN).sort()).toEqual([U.failure, U.episode].sort());
    const cohorts = tabObjects(t.ss, 'Attendance by Cohort');
    expect(cohorts[0]).toMatchObject({ Split: 'Whole school', Pupils: 11 });
    expect(cohorts.filter((c) => c.Split === 'PP').map((c) => c.Group).sort()).toEqual(['Not PP', 'PP']);
    expect(cohorts.some((c) => c.Split === 'Year' && c.Group === '11')).toBe(true);
    // Reg groups in year order, 9A before 10A (as text, "10A" would come first).
    expect(cohorts.filter((c) => c.Split === 'Reg Group').map((c) => c.Group)).toEqual(['9A', '10A', '11A']);
  });

  it('a withdrawn code typed into the register holds the pupil and shows on the Coding Review', () => {
    typeCode(U.withdrawn, DAYS[6], 'AM', 'H');
    const result = run();
    expect(row(U.withdrawn).Held).toMatch(/^Yes: 1 withdrawn code/);
    expect(row(U.withdrawn)['%']).toBe(100); // 29/29: the H is not guessed as anything
    const issue = tabObjects(t.ss, 'Coding Review').find((r) => r.UPN === U.withdrawn)!;
    expect(issue).toMatchObject({ Issue: 'Withdrawn code', Code: 'H', Session: 'AM', 'Reg Group': '10A' });
    expect(cellDate(issue.Date)).toBe(DAYS[6]); // a date, not text
    expect(result.review.pupils.find((p) => p.upn === U.withdrawn)!.held).toBe(true);
    expect(result.held).toBe(1);
  });

  it('a gap is its register\'s row — with the form tutor from the Staff tab and the count unmarked — not a pupil row', () => {
    importRows(t.ss, 'Staff', [['Name', 'Email', 'Role', 'Reg Group'], ['Ms Tutor', 'tutor@school.sch.uk', 'Form tutor', '10A']]);
    typeCode(U.reward, DAYS[4], 'PM', '');
    const result = run();
    const review = tabObjects(t.ss, 'Coding Review');
    expect(review.find((r) => r.UPN === U.reward)).toBeUndefined();
    const reg = review.filter((r) => r.Issue === 'Incomplete register');
    expect(reg).toHaveLength(1);
    expect(reg[0]).toMatchObject({ 'Reg Group': '10A', Session: 'PM', Teacher: 'Ms Tutor', Unmarked: 1, UPN: '' });
    expect(cellDate(reg[0].Date)).toBe(DAYS[4]);
    expect(result.review.pupils.find((p) => p.upn === U.reward)!.held).toBe(true);
  });

  it('a register nobody marked is ONE row, however many pupils are in the group', () => {
    const nineA = [U.level2, U.notCounted, U.leaver, U.penalty, U.lateToLesson];
    for (const u of nineA) typeCode(u, DAYS[4], 'PM', '');
    run();
    const review = tabObjects(t.ss, 'Coding Review');
    const thatSession = review.filter((r) => cellDate(r.Date) === DAYS[4] && r.Session === 'PM');
    expect(thatSession).toHaveLength(1);
    expect(thatSession[0]).toMatchObject({ Issue: 'Register not taken', 'Reg Group': '9A', Teacher: 'no form tutor on the Staff tab' });
    expect(thatSession[0].Unmarked).toBe(thatSession[0]['Pupils in Group']);
    const sheet = t.ss.getSheetByName('Coding Review')!;
    expect(sheet.getRange(2, 2).getDisplayValue()).toBe(toUk(DAYS[4]));
    // Columns fitted to their contents: the date's ten characters are not cut to "###".
    expect(sheet.getColumnWidth(2)).toBeGreaterThanOrEqual(7 * 10);
  });
});

describe('the figures report.json shows (SPEC §8)', () => {
  it('gives each pupil on roll their sessions, %, stage, flags, letters due and held', () => {
    const pupils = run().review.pupils;
    expect(pupils).toHaveLength(11);
    const l2 = pupils.find((p) => p.upn === U.level2)!;
    expect({
      possible: l2.figures.possible, attended: l2.figures.attended, percent: l2.figures.percent, stage: l2.stage, pa: l2.pa, sa: l2.sa, penalty: l2.penalty,
      lettersDue: l2.ladder.lettersDue, held: l2.held,
      // Additions documented in docs/attendance.md.
      authorised: l2.figures.authorised, unauthorised: l2.figures.unauthorised, tooFewSessions: l2.tooFewSessions, compulsorySchoolAge: l2.compulsorySchoolAge,
    }).toEqual({
      possible: 30, attended: 28, percent: 93.3, stage: 'level2', pa: false, sa: false, penalty: null, lettersDue: ['AT1'], held: false,
      authorised: 2, unauthorised: 0, tooFewSessions: false, compulsorySchoolAge: true,
    });
    const la = pupils.find((p) => p.upn === U.notifyLa)!;
    expect([la.sa, la.pa, la.penalty !== null]).toEqual([true, true, true]);
    expect(pupils.some((p) => p.upn === U.leaver)).toBe(false);
  });
});

describe('entry points', () => {
  const entry = require('../../src/entry/attendance');
  // Jobs run straight from src/ read the real clock (todayIso): fix it at the school's morning.
  beforeEach(() => jest.useFakeTimers({ now: new Date(`${AS_OF}T08:00:00Z`), doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('Review attendance tells the counts (no names) and the lists entry opens the Tier Lists', () => {
    // Menu items return nothing to the browser: the person reads the dialog.
    expect(entry.reviewAttendanceNow()).toBeUndefined();
    const told = t.g.app._record.alerts.pop()!;
    expect(told.title).toBe('Review attendance');
    expect(told.prompt).toMatch(/11 pupils reviewed \(as of 26\/01\/2024\)/);
    expect(told.prompt).not.toMatch(/Case-/);
    expect(entry.showAttendanceLists()).toBeUndefined();
    expect(t.g.app._record.alerts.pop()!.prompt).toMatch(/Punctuality: 1 row\n/);
    expect(t.ss.getActiveSheet().getName()).toBe('Tier Lists');
  });

  it('the lists entry says to run the review first when there are no lists', () => {
    entry.showAttendanceLists();
    expect(t.g.app._record.alerts.pop()!).toMatchObject({ title: 'Attendance lists', prompt: expect.stringMatching(/Review attendance first/) });
  });

  it('Coding review shows a sidebar with the issues, names escaped', () => {
    importRows(t.ss, 'Students', [['UPN', 'Forename', 'Surname', 'Year', 'Reg Group'], [U.withdrawn, '<b>Al</b>', 'Case-withdrawn', '10', '10A']]);
    typeCode(U.withdrawn, DAYS[6], 'AM', 'H');
    entry.showCodingReview();
    // An import since the last review (the Students above): it reviewed first, and said so.
    expect(t.g.app._record.toasts.map((x) => x.message)).toContain('Reviewing attendance first, to include today\'s imports…');
    const bar = t.g.app._record.sidebars.pop()!;
    expect(bar.title).toBe('Coding review');
    expect(bar.content).toContain('Withdrawn code');
    // Opened again with nothing new: today's review is shown, without reviewing again.
    const toasts = t.g.app._record.toasts.length;
    entry.showCodingReview();
    expect(t.g.app._record.toasts.length).toBe(toasts);
    expect(t.g.app._record.sidebars.pop()!.content).toContain('From today\'s attendance review (no import since).');
    expect(bar.content).toContain('&lt;b&gt;Al&lt;/b&gt;');
    expect(bar.content).not.toContain('<b>Al</b>');
  });
});

describe('issue 17 on the Attendance tab and in report.json (read back from the tab)', () => {
  const report = () => buildReport(t.g, { asOf: AS_OF, settings: t.settings, problems: [], lettersBefore: new Set() });
  const reported = (upn: string) => (report().pupils as Array<{ upn: string; attendance: Record<string, unknown> }>).find((p) => p.upn === upn)!.attendance;

  it('the penalty threshold: the date first met and its window; compulsory school age', () => {
    run();
    // 10 U: both sessions of days 4–8 (Fri 12 – Thu 18 Jan); the 10th is Thursday 18 January PM.
    const r = row(U.penalty);
    expect(cellDate(r['Penalty First Met'])).toBe('2024-01-18');
    expect(r['Penalty Window']).toBe('10 sessions (U) in the school weeks 08/01/2024–21/01/2024');
    expect(r['Compulsory School Age']).toBe('Yes');
    expect(cellDate(r['Figures From'])).toBe('2024-01-08');
    // 10 school days of O from Monday 8 Jan: the 10th session is Friday 12 Jan PM, in the first school week.
    expect(cellDate(row(U.notifyLa)['Penalty First Met'])).toBe('2024-01-12');
    expect(row(U.notifyLa)['Penalty Window']).toBe('10 sessions (O) in the school weeks 08/01/2024–14/01/2024');
    expect(row(U.reward)).toMatchObject({ 'Penalty First Met': '', 'Penalty Window': '', 'Exact %': '' });
    expect(reported(U.penalty)).toMatchObject({ penaltyThreshold: true, penaltyFirstMet: '2024-01-18', compulsorySchoolAge: true, tooFewSessions: false });
    expect(reported(U.reward)).toMatchObject({ penaltyThreshold: false, penaltyFirstMet: null });
  });

  it('a step on the Legal tab answers the threshold: the flag goes; the ten days stay until "LA notified"', () => {
    importRows(t.ss, 'Legal', [
      ['Date', 'UPN', 'Step', 'Parent'],
      ['22/01/2024', U.penalty, 'Notice to Improve', 'Mrs Case'],
      ['22/01/2024', U.notifyLa, 'Notice to Improve', 'Mr Case'],
      ['10/01/2024', U.latesAndG, 'LA notified (10 days)', ''], // another pupil, and no flag to answer
    ]);
    run();
    expect(row(U.penalty)).toMatchObject({ 'Penalty Threshold': 'No', 'Penalty First Met': '', 'Penalty Window': '' });
    expect(row(U.notifyLa)).toMatchObject({ 'Penalty Threshold': 'No', 'Notify LA': 'Yes' });
    importRows(t.ss, 'Legal', [['Date', 'UPN', 'Step', 'Parent'], ['23/01/2024', U.notifyLa, 'LA notified (10 days)', '']]);
    run();
    expect(row(U.notifyLa)['Notify LA']).toBe('No');
    expect(reported(U.penalty)).toMatchObject({ penaltyThreshold: false, penaltyFirstMet: null });
  });

  it('Letters Due holds only letter types; Held says why they wait', () => {
    typeCode(U.level2, DAYS[6], 'AM', 'H');
    run();
    expect(row(U.level2)['Letters Due']).toBe('AT1');
    expect(row(U.level2).Held).toMatch(/^Yes: 1 withdrawn code/);
    expect(reported(U.level2)).toMatchObject({ lettersDue: [], held: true });
  });

  it('too few sessions: the Stage says so, nothing is due, report.json has stage null and the flag', () => {
    // Every pupil with marks has 30 possible sessions (28 for the one with two Y1): below a minimum of 31.
    expect(saveSettings({ calendar: { halfTerms: HALF_TERMS }, attendance: { minimumSessions: 31 } } as any)).toEqual([]);
    const result = reviewAttendanceJob(t.ss, loadSettings(), AS_OF);
    expect(row(U.level2)).toMatchObject({ '%': 93.3, Stage: 'Too few sessions', 'Letters Due': '', PA: 'No' });
    expect(row(U.notifyLa)).toMatchObject({ '%': 33.3, Stage: 'Too few sessions', 'Letters Due': '', PA: 'Yes', SA: 'Yes', 'Penalty Threshold': 'Yes' });
    expect(row(U.level2)['Next Action']).toMatch(/^Too early to tell: 30 of the 31 possible sessions/);
    // The summary-only pupil has 100 possible sessions: a stage as before.
    expect(row(U.episode).Stage).toBe('Reward');
    expect(result.stages).toMatchObject({ tooFew: 10, reward: 1 });
    expect(reported(U.level2)).toMatchObject({ stage: null, tooFewSessions: true, lettersDue: [], percent: 93.3, possible: 30 });
    expect(reported(U.notifyLa)).toMatchObject({ stage: null, tooFewSessions: true, lettersDue: [], persistentAbsence: true });
    expect(tabObjects(t.ss, 'Tier Lists')).toEqual([]);
  });
});
