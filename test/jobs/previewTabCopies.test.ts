/**
 * Issue 22: the letter preview reads the Homework Log and the Contacts tab through the copies it
 * kept (the hidden Tab Copies tab, core/tabCopy.ts) instead of whole at every call, and must show
 * exactly what reading them whole shows. Rows a teacher adds below are read and added; a deleted
 * row, an import or a damaged copy make it read the tab whole again; a cell edited in the middle,
 * which the copy cannot see, is caught by the run, which reads every tab whole.
 */
import { sampleSchool, useTracker } from '../fixtures/trackerFixture';
import { freshPreview as freshPreviewOf } from '../fixtures/freshPreview';
import { loadSettings } from '../../src/gas/settingsStore';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { dailyRunJob } from '../../src/jobs/daily';
import { previewLetterRunJob } from '../../src/jobs/letters/sidebarData';
import { generateLetterRunJob } from '../../src/jobs/letters/run';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { importRows } from '../../src/jobs/importData';
import { TAB_COPIES_TAB } from '../../src/gas/tabCopiesTab';
import { noteTrackerChanged } from '../../src/jobs/imported';
import { forgetCopies } from '../fixtures/forgetCopies';
import { documentState } from '../../src/gas/properties';
import { DATA_GENERATION } from '../../src/core/state';
import { formatWeek, parseWeek } from '../../src/core/attendance/registerWeek';
import { toCell } from '../../src/gas/cells';

const school = sampleSchool(120);
const asOf = school.asOf; // Friday 26 January 2024
const tracker = useTracker({ school });
const HOMEWORK = { type: 'homework', cohort: { kind: 'all' } };
const AT1 = { type: 'AT1', cohort: { kind: 'all' } };

const freshPreview = (raw: unknown, on = asOf) => freshPreviewOf(tracker().ss, raw, on);

/** The sidebar's answer (without what only the sidebar needs) and the cells it read, by tab. */
function shown(raw: unknown, on = asOf) {
  const env = tracker().g.env;
  const cells = new Map<string, number>();
  const at = env.callHooks.push((cls: string, method: string, target: any) => {
    if (cls === 'Range' && /^get(Values|DisplayValues)$/.test(method)) {
      const name = target._sheet.getName();
      cells.set(name, (cells.get(name) || 0) + target._rect.numRows * target._rect.numCols);
    }
  });
  try {
    const { templateProblem, selection, reviewNote, ...preview } = previewLetterRunJob(tracker().ss, loadSettings(), on, raw);
    void templateProblem; void selection;
    return { preview, cells, reviewNote };
  } finally {
    env.callHooks.splice(at - 1, 1);
  }
}

const sheet = (name: string) => tracker().ss.getSheetByName(name)!;
const width = (name: string) => sheet(name).getLastColumn();
const rows = (name: string) => sheet(name).getLastRow();

describe('the letter preview reads long tabs through their copies', () => {
  beforeAll(() => {
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
  });

  it('reads the Homework Log and Contacts whole once, then only their header and last row, showing the same', () => {
    forgetCopies(tracker().ss); // no copy stands (the imports that built the tracker kept them)
    const first = shown(HOMEWORK);
    expect(first.cells.get('Homework Log')).toBe(rows('Homework Log') * width('Homework Log'));
    expect(first.cells.get('Contacts')).toBe(rows('Contacts') * width('Contacts'));
    const second = shown(HOMEWORK);
    expect(second.cells.get('Homework Log')).toBe(2 * width('Homework Log'));
    expect(second.cells.get('Contacts')).toBe(2 * width('Contacts'));
    // Not a comparison of empty lists: six families are due a homework concern letter.
    expect(second.preview.due.length).toBe(6);
    expect(second.preview).toEqual(first.preview);
    expect(second.preview).toEqual(freshPreview(HOMEWORK));
    // The other letters read Contacts through the same copy.
    const at1 = shown(AT1);
    expect(at1.cells.get('Contacts')).toBe(2 * width('Contacts'));
    expect(at1.cells.has('Homework Log')).toBe(false);
    expect(at1.preview).toEqual(freshPreview(AT1));
  });

  it('a teacher logging misses below the copy: only the new rows are read, and the pupil is due', () => {
    shown(HOMEWORK);
    // A pupil on roll with nothing in the Homework Log since 20 November (so none of the last six
    // school weeks is flagged and nothing was missed this half term): two pieces missed in each of
    // the last three school weeks (w/c 8, 15 and 22 January; the spring half term starts on Tuesday
    // 9th) is "more than once a week in 3 of the last 6", persistent from the third of them (the
    // week it first reached 3), and six missed this half term.
    const iso = (uk: string) => uk.split('/').reverse().join('-');
    const logged = new Set(school.tables['Homework Log'].slice(1).filter((r) => iso(String(r[0])) >= '2023-11-20').map((r) => String(r[1])));
    const pupil = school.tables.Students.slice(1).find((r) => !logged.has(String(r[0])) && Number(r[4]) <= 11 && String(r[13]) === '')!;
    const upn = String(pupil[0]);
    const log = sheet('Homework Log');
    const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
    const miss = (date: string, subject: string) => header.map((h) => (h === 'Date' ? date : h === 'UPN' ? upn : h === 'Subject' ? subject : h === 'Reason' ? 'Not completed' : ''));
    const added = [['09/01/2024', 'English'], ['10/01/2024', 'Maths'], ['15/01/2024', 'English'], ['16/01/2024', 'Science'], ['22/01/2024', 'Maths'], ['23/01/2024', 'History']].map(([d, s]) => miss(d, s));
    const from = log.getLastRow() + 1;
    if (log.getMaxRows() < from + added.length - 1) log.insertRowsAfter(log.getMaxRows(), from + added.length - 1 - log.getMaxRows());
    log.getRange(from, 1, added.length, header.length).setValues(added);
    try {
      const { preview, cells } = shown(HOMEWORK);
      expect(cells.get('Homework Log')).toBe((2 + added.length) * width('Homework Log'));
      const due = preview.due.find((d) => d.upn === upn)!;
      expect(due.reason).toBe('Homework missed more than once a week in 3 of the last 6 school weeks (since 22/01/2024); 6 missed this half term');
      expect(preview).toEqual(freshPreview(HOMEWORK));
      // The copy now holds them: the next preview reads the header and last row only.
      expect(shown(HOMEWORK).cells.get('Homework Log')).toBe(2 * width('Homework Log'));
    } finally {
      log.deleteRows(from, added.length);
    }
  });

  it.each([
    ['a row deleted', () => { const r = sheet('Homework Log').getRange(5, 1, 1, width('Homework Log')); const was = r.getValues(); sheet('Homework Log').deleteRow(5); return () => { sheet('Homework Log').insertRowBefore(5); sheet('Homework Log').getRange(5, 1, 1, was[0].length).setValues(was); }; }],
    ['a row deleted in the middle and one logged at the end (as many rows as before)', () => {
      const log = sheet('Homework Log');
      const w = width('Homework Log');
      const was = log.getRange(5, 1, 1, w).getValues();
      const last = log.getRange(rows('Homework Log'), 1, 1, w).getValues();
      log.deleteRow(5);
      log.insertRowAfter(rows('Homework Log'));
      log.getRange(rows('Homework Log') + 1, 1, 1, w).setValues([last[0].map((v, i) => (i === 2 ? 'Drama' : v))]);
      return () => { log.deleteRow(rows('Homework Log')); log.insertRowBefore(5); log.getRange(5, 1, 1, w).setValues(was); };
    }],
    ['the last row edited', () => { const c = sheet('Homework Log').getRange(rows('Homework Log'), 3); const was = c.getValue(); c.setValue('Drama'); return () => c.setValue(was); }],
    ['a column added', () => { sheet('Homework Log').getRange(1, width('Homework Log') + 1).setValue('Form Tutor Note'); return () => sheet('Homework Log').deleteColumn(width('Homework Log')); }],
    ['a damaged copy', () => {
      // Typed over in the Homework Log's column of the hidden tab (its heading names the tab).
      const copies = sheet(TAB_COPIES_TAB);
      const col = copies.getRange(1, 1, 1, copies.getLastColumn()).getValues()[0].findIndex((h) => /^Homework Log: /.test(String(h))) + 1;
      expect(col).toBeGreaterThan(0);
      copies.getRange(3, col).setValue('{"typed over');
    }],
  ])('after %s it reads the Homework Log whole and shows what is there', (_what, change) => {
    shown(HOMEWORK);
    const undo = (change as () => (() => void) | void)();
    try {
      const { preview, cells } = shown(HOMEWORK);
      expect(cells.get('Homework Log')).toBeGreaterThanOrEqual(rows('Homework Log') * width('Homework Log'));
      expect(preview).toEqual(freshPreview(HOMEWORK));
    } finally {
      if (typeof undo === 'function') undo();
    }
  });

  it('an import into the Homework Log keeps its copy itself: the next preview reads the header and last row, and shows the new row', () => {
    shown(HOMEWORK);
    const [header, first] = school.tables['Homework Log'];
    const written = importRows(tracker().ss, 'Homework Log', [header, header.map((h, i) => (h === 'Date' ? '25/01/2024' : h === 'Subject' ? 'Drama' : first[i]))], { today: asOf });
    expect(written.added).toBe(1);
    try {
      const { preview, cells } = shown(HOMEWORK);
      expect(cells.get('Homework Log')).toBe(2 * width('Homework Log'));
      expect(preview).toEqual(freshPreview(HOMEWORK));
    } finally {
      sheet('Homework Log').deleteRow(rows('Homework Log'));
    }
  });

  it('an import that died after saving its rows and before counting them: its re-run counts the change and keeps the copy', () => {
    shown(HOMEWORK);
    const [header, ...rowsOf] = school.tables['Homework Log'];
    const i = 40; // a row in the middle: a change the copy's size, header and last row cannot show
    const notes = header.indexOf('Notes');
    const edited = rowsOf[i].map((v, c) => (c === notes ? 'Parent phoned' : v));
    const cell = sheet('Homework Log').getRange(i + 2, notes + 1);
    expect(String(sheet('Homework Log').getRange(i + 2, header.indexOf('UPN') + 1).getValue())).toBe(String(rowsOf[i][header.indexOf('UPN')]));
    const was = cell.getValue();
    cell.setValue('Parent phoned'); // what the dead run saved
    const generation = documentState().get(DATA_GENERATION);
    try {
      const rerun = importRows(tracker().ss, 'Homework Log', [header, edited], { today: asOf });
      expect(rerun.updated + rerun.added).toBe(0);
      expect(documentState().get(DATA_GENERATION)).toBe(generation + 1);
      const { preview, cells } = shown(HOMEWORK);
      expect(cells.get('Homework Log')).toBe(2 * width('Homework Log'));
      expect(preview).toEqual(freshPreview(HOMEWORK));
    } finally {
      cell.setValue(was);
    }
  });

  it('an import into another tab (Lates to Lesson) leaves the copies standing', () => {
    shown(HOMEWORK);
    const [header, first] = school.tables['Lates to Lesson'];
    const written = importRows(tracker().ss, 'Lates to Lesson', [header, header.map((h, i) => (/date/i.test(h) ? '25/01/2024' : /lesson|period/i.test(h) ? 'P6' : first[i]))]);
    expect(written.added).toBe(1);
    try {
      const { preview, cells } = shown(HOMEWORK);
      expect(cells.get('Homework Log')).toBe(2 * width('Homework Log'));
      expect(cells.get('Contacts')).toBe(2 * width('Contacts'));
      expect(preview).toEqual(freshPreview(HOMEWORK));
    } finally {
      sheet('Lates to Lesson').deleteRow(rows('Lates to Lesson'));
    }
  });

  it('while a job holds the lock the preview still answers, writes nothing, and the next one keeps the copy', () => {
    const lock = tracker().g.services.LockService as any;
    const copies = () => JSON.stringify(tracker().ss.getSheetByName(TAB_COPIES_TAB)!.getDataRange().getValues());
    shown(HOMEWORK);
    const kept = copies();
    // A teacher's new row makes the copy out of date; the morning run holds the lock.
    const log = sheet('Homework Log');
    const w = width('Homework Log');
    const last = log.getRange(rows('Homework Log'), 1, 1, w).getValues()[0];
    log.insertRowAfter(rows('Homework Log'));
    log.getRange(rows('Homework Log') + 1, 1, 1, w).setValues([last.map((v, i) => (i === 2 ? 'Drama' : v))]);
    lock._holdByOther('document');
    try {
      const held = shown(HOMEWORK);
      expect(held.preview).toEqual(freshPreview(HOMEWORK));
      expect(copies()).toBe(kept);
    } finally {
      lock._releaseByOther('document');
    }
    try {
      expect(shown(HOMEWORK).cells.get('Homework Log')).toBe(3 * w); // header, the copy's last row, the new row
      expect(copies()).not.toBe(kept);
      expect(shown(HOMEWORK).cells.get('Homework Log')).toBe(2 * w);
    } finally {
      log.deleteRow(rows('Homework Log'));
    }
  });

  it('a miss corrected to a late in the middle of the Homework Log, unseen by the copy, stops the run; the next preview shows it', () => {
    shown(HOMEWORK);
    const before = shown(HOMEWORK).preview;
    const family = before.due[0];
    const log = sheet('Homework Log');
    const values = log.getDataRange().getValues();
    const header = values[0].map(String);
    // One of this pupil's misses this half term (from Tuesday 9 January), not the log's last row, in
    // a week with one miss or three or more, so the weeks flagged (and the letter) stay as they are.
    const col = (h: string) => header.indexOf(h);
    const monday = (d: Date) => Math.floor((d.getTime() + 3 * 864e5 + 36e5) / (7 * 864e5)); // weeks since a Monday, London midnight
    const misses = (r: unknown[]) => String(r[col('UPN')]) === family.upn && String(r[col('Reason')]) !== 'Late';
    const perWeek = new Map<number, number>();
    values.slice(1).filter(misses).forEach((r) => perWeek.set(monday(r[col('Date')] as Date), (perWeek.get(monday(r[col('Date')] as Date)) || 0) + 1));
    const row = values.findIndex((r, i) => i > 0 && i < values.length - 1 && misses(r)
      && (r[col('Date')] as Date).getTime() >= Date.UTC(2024, 0, 9) && perWeek.get(monday(r[col('Date')] as Date)) !== 2) + 1;
    expect(row).toBeGreaterThan(1);
    const cell = log.getRange(row, header.indexOf('Reason') + 1);
    const was = cell.getValue();
    cell.setValue('Late');
    try {
      const stale = shown(HOMEWORK);
      expect(stale.cells.get('Homework Log')).toBe(2 * width('Homework Log'));
      expect(stale.preview).toEqual(before);
      setUpLetterTemplatesJob(loadSettings(), tracker().ss);
      expect(() => generateLetterRunJob(tracker().ss, loadSettings(), asOf, { ...HOMEWORK, previewed: stale.preview.previewed })).toThrow(/changed since the preview.*nothing was made/);
      // The refused run read every tab whole and kept what it read: the next preview starts from
      // the run's review and reads the long tabs' header and last row only, and sees the late.
      const after = shown(HOMEWORK);
      expect(after.reviewNote).toMatch(/^From today's attendance review/);
      for (const tab of ['Homework Log', 'Contacts']) expect(after.cells.get(tab)).toBe(2 * width(tab));
      // Of the Register only this week's and last week's columns, to check the kept review.
      expect(after.cells.get('Register')).toBe(weekCells('15/01/2024', '22/01/2024'));
      expect(after.preview).toEqual(freshPreview(HOMEWORK));
      // Still due, with one piece fewer missed this half term: only the figure changed.
      const now = after.preview.due.find((d) => d.upn === family.upn)!;
      const count = (r: string) => Number(/(\d+) missed this half term/.exec(r)![1]);
      expect(count(now.reason)).toBe(count(family.reason) - 1);
      expect(after.preview.due.map((d) => d.upn)).toEqual(before.due.map((d) => d.upn));
    } finally {
      cell.setValue(was);
    }
  });

  it('an address edited in the middle of Contacts, unseen by the copy, stops the run; the next preview shows it', () => {
    const before = shown(AT1).preview;
    expect(shown(AT1).cells.get('Contacts')).toBe(2 * width('Contacts'));
    const family = before.due[0];
    const contacts = sheet('Contacts');
    const values = contacts.getDataRange().getValues();
    const header = values[0].map(String);
    const row = values.findIndex((r, i) => i > 0 && i < values.length - 1 && String(r[header.indexOf('UPN')]) === family.upn && family.to.indexOf(String(r[header.findIndex((h) => /address/i.test(h))])) >= 0) + 1;
    expect(row).toBeGreaterThan(1);
    const cell = contacts.getRange(row, header.findIndex((h) => /address/i.test(h)) + 1);
    const was = cell.getValue();
    cell.setValue('1 New Street');
    try {
      // The copy still stands (same header, same last row): the preview shows the old address.
      const stale = shown(AT1).preview;
      expect(stale.due.find((d) => d.upn === family.upn)!.to).toBe(family.to);
      setUpLetterTemplatesJob(loadSettings(), tracker().ss);
      const logRows = rows('Letters Log');
      expect(() => generateLetterRunJob(tracker().ss, loadSettings(), asOf, { ...AT1, previewed: stale.previewed })).toThrow(/changed since the preview.*nothing was made/);
      expect(rows('Letters Log')).toBe(logRows);
      const after = shown(AT1);
      expect(after.reviewNote).toMatch(/^From today's attendance review/);
      expect(after.cells.get('Contacts')).toBe(2 * width('Contacts'));
      // The AT1 run did not read the Homework Log: its copy stands as it was.
      expect(shown(HOMEWORK).cells.get('Homework Log')).toBe(2 * width('Homework Log'));
      expect(after.preview.due.filter((d) => d.upn === family.upn).map((d) => d.to).join(' / ')).toMatch(/1 New Street/);
      expect(after.preview).toEqual(freshPreview(AT1));
    } finally {
      cell.setValue(was);
    }
  });
});

/** The Register's cells in the columns headed `weeks`, every row (header included). */
const weekCells = (...weeks: string[]) => {
  const header = sheet('Register').getRange(1, 1, 1, width('Register')).getValues()[0].map(String);
  weeks.forEach((w) => expect(header).toContain(`w/c ${w}`));
  return weeks.length * rows('Register');
};

describe('a sidebar that must review afresh reads the Register (its latest weeks again) and Lates to Lesson through copies', () => {
  it('after a Letters Log row typed by hand or an import of marks: the copies; on later days the copy with the week it was made and the week before read again', () => {
    // No copy and no kept review (a tracker from before them).
    forgetCopies(tracker().ss);
    const first = shown(AT1);
    expect(first.reviewNote).toMatch(/^Attendance reviewed afresh/);
    expect(first.cells.get('Register')).toBe(rows('Register') * width('Register'));
    expect(first.cells.get('Lates to Lesson')).toBe(rows('Lates to Lesson') * width('Lates to Lesson'));

    const log = sheet('Letters Log');
    const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
    const upn = String(school.tables.Students[3][0]);
    const row = header.map((h) => (/^key$/i.test(h) ? `AT1|${upn}|episode-${asOf}` : /^date$/i.test(h) ? '26/01/2024' : /^type$/i.test(h) ? 'AT1' : /^upn$/i.test(h) ? upn : /status/i.test(h) ? 'Produced' : ''));
    const at = log.getLastRow() + 1;
    if (log.getMaxRows() < at) log.insertRowAfter(log.getMaxRows());
    log.getRange(at, 1, 1, row.length).setValues([row]);
    try {
      const second = shown(AT1);
      expect(second.reviewNote).toMatch(/^Attendance reviewed afresh: the Letters Log has changed/);
      // Made on Friday 26 January 2024: that week's column and the week before's read again (once:
      // the check of the kept review read them, and the copy uses them).
      expect(second.cells.get('Register')).toBe(2 * width('Register') + weekCells('15/01/2024', '22/01/2024'));
      expect(second.cells.get('Lates to Lesson')).toBe(2 * width('Lates to Lesson'));
      // Reviewing afresh after finding the kept review out of date: each tab read once in the call.
      expect(second.cells.get('Students')).toBe(rows('Students') * width('Students'));
      expect(second.cells.get('Letters Log')).toBe(rows('Letters Log') * width('Letters Log'));
      expect(second.preview).toEqual(freshPreview(AT1));

      // An import of marks keeps the Register's copy itself: the review afresh after it reads the copy.
      const marks = school.tables['Attendance Marks'];
      const at1 = marks.findIndex((r, i) => i > 0 && String(r[3]) === '/');
      const changed = marks[at1].map((v, i) => (i === 3 ? 'I' : v));
      expect(importRows(tracker().ss, 'Attendance Marks', [marks[0], changed], { today: asOf }).updated).toBe(1);
      try {
        const afterImport = shown(AT1);
        expect(afterImport.reviewNote).toMatch(/an import has changed/);
        expect(afterImport.cells.get('Register')).toBe(2 * width('Register') + weekCells('15/01/2024', '22/01/2024'));
        expect(afterImport.preview).toEqual(freshPreview(AT1));
      } finally {
        importRows(tracker().ss, 'Attendance Marks', [marks[0], marks[at1]], { today: asOf });
      }

      // Monday, no morning run: Friday's copy, with Friday's week and the week before read again as
      // on Friday; Lates to Lesson's copy stands too.
      const monday = '2024-01-29';
      const next = shown(AT1, monday);
      expect(next.reviewNote).toMatch(/^Attendance reviewed afresh/);
      expect(next.cells.get('Register')).toBe(2 * width('Register') + weekCells('15/01/2024', '22/01/2024'));
      expect(next.cells.get('Lates to Lesson')).toBe(2 * width('Lates to Lesson'));
      expect(next.preview).toEqual(freshPreview(AT1, monday));

      // Tuesday's morning run writes the Register's copy again: a Letters Log row typed after it,
      // and the sidebar that reviews afresh reads the copy and the week before Tuesday's (w/c 22/01;
      // there is no column for this week yet).
      const tuesday = '2024-01-30';
      expect(dailyRunJob(tracker().ss, loadSettings(), tuesday).attendance).not.toBeNull();
      const row2 = row.map((v, i) => (/^key$/i.test(header[i]) ? `AT1|${upn}|episode-${tuesday}` : /^date$/i.test(header[i]) ? '30/01/2024' : v));
      if (log.getMaxRows() < at + 1) log.insertRowAfter(log.getMaxRows());
      log.getRange(at + 1, 1, 1, row2.length).setValues([row2]);
      try {
        const afterMorning = shown(AT1, tuesday);
        expect(afterMorning.reviewNote).toMatch(/^Attendance reviewed afresh: the Letters Log has changed/);
        expect(afterMorning.cells.get('Register')).toBe(2 * width('Register') + weekCells('22/01/2024'));
        expect(afterMorning.preview).toEqual(freshPreview(AT1, tuesday));
      } finally {
        log.deleteRow(at + 1);
      }
    } finally {
      log.deleteRow(at);
    }
  });

  it('a week of marks typed by hand into the latest week since the copy was made: read again, so the preview shows it as reading the Register whole does', () => {
    forgetCopies(tracker().ss); // no copy stands: the next call makes them today, Friday 26 January 2024
    shown(AT1);
    const before = shown(AT1).preview;
    const family = before.due[0];
    const reg = sheet('Register');
    const values = reg.getDataRange().getValues();
    const row = values.findIndex((r) => String(r[0]) === family.upn) + 1;
    const col = values[0].map(String).indexOf('w/c 22/01/2024') + 1;
    expect(row).toBeGreaterThan(1);
    expect(col).toBeGreaterThan(0);
    const cell = reg.getRange(row, col);
    const was = cell.getValue();
    const w = parseWeek(was);
    expect(w.ok).toBe(true);
    // Every session of that week marked present, by hand (no import).
    cell.setValue(toCell(formatWeek((w as { codes: string[] }).codes.map((c, i) => (c ? (i % 2 ? '\\' : '/') : ''))), 'text'));
    try {
      noteTrackerChanged(documentState(), 'Letters Log'); // an import into the Letters Log: the kept review no longer stands
      const after = shown(AT1);
      expect(after.reviewNote).toMatch(/^Attendance reviewed afresh/);
      expect(after.cells.get('Register')).toBe(2 * width('Register') + weekCells('15/01/2024', '22/01/2024'));
      expect(after.preview).toEqual(freshPreview(AT1));
      expect(after.preview.due.find((d) => d.upn === family.upn)?.reason).not.toBe(family.reason);
    } finally {
      cell.setValue(was);
    }
  });
});
