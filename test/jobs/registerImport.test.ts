/**
 * Marks arriving in the Register (issue 22), as a school would meet it: a day's import, the same
 * file again, a mark staff corrected by hand, a cell staff mistyped, a Saturday in the file. Every
 * expected cell is written out by hand.
 */
import { freshTracker, upn, tabValues, Ss } from '../gas/tableHelpers';
import { importRows } from '../../src/jobs/importData';
import { checkFileHeader, fileNames } from '../../src/jobs/importFile';
import { runAttendanceReview } from '../../src/jobs/attendance/review';
import { loadSettings } from '../../src/gas/settingsStore';
import type { LocalGoogle } from '../../local/google';

let g: LocalGoogle;
let ss: Ss;
let uninstall: () => void;
beforeEach(() => {
  ({ g, ss, uninstall } = freshTracker());
  importRows(ss, 'Students', [
    ['UPN', 'Legal Surname', 'Legal Forename', 'Year', 'Reg Group'],
    [upn(1), 'Ali', 'Sam', '7', '7A'],
    [upn(2), 'Bell', 'Jo', '7', '7B'],
  ]);
});
afterEach(() => uninstall());

const HEADER = ['UPN', 'Date', 'Session', 'Mark'];
/** Monday 8 to Wednesday 10 January 2024, both sessions, both pupils present; Jo absent (I) on Wednesday. */
function firstDays(): string[][] {
  const rows = [HEADER];
  for (const d of ['08/01/2024', '09/01/2024', '10/01/2024']) {
    for (const s of ['AM', 'PM']) {
      rows.push([upn(1), d, s, s === 'AM' ? '/' : '\\']);
      rows.push([upn(2), d, s, d === '10/01/2024' ? 'I' : s === 'AM' ? '/' : '\\']);
    }
  }
  return rows;
}

const register = () => tabValues(ss, 'Register');

describe('marks into the Register', () => {
  it('a row per pupil with name and reg group from Students, the week in one cell', () => {
    const r = importRows(ss, 'Attendance Marks', firstDays());
    expect([r.added, r.updated, r.unchanged, r.refused]).toEqual([12, 0, 0, 0]);
    expect(register()).toEqual([
      ['UPN', 'Name', 'Reg Group', 'w/c 08/01/2024'],
      [upn(1), 'Ali, Sam', '7A', '/\\ /\\ /\\ -- --'],
      [upn(2), 'Bell, Jo', '7B', '/\\ /\\ II -- --'],
    ]);
    // The week column: text (a typed "-- /\ …" never becomes a formula), wide enough for its header.
    const sheet = ss.getSheetByName('Register')!;
    expect(sheet.getRange(2, 4).getNumberFormat()).toBe('@');
    expect(sheet.getColumnWidth(4)).toBe(120);
  });

  it('the same file again changes nothing; the next day adds to the week', () => {
    importRows(ss, 'Attendance Marks', firstDays());
    g.env.resetCounts();
    const again = importRows(ss, 'Attendance Marks', firstDays());
    expect([again.added, again.updated, again.unchanged]).toEqual([0, 0, 12]);
    expect(g.env.countsByName()['Range.setValues'] || 0).toBe(0);
    const thursday = importRows(ss, 'Attendance Marks', [HEADER, [upn(1), '11/01/2024', 'AM', 'N'], [upn(1), '11/01/2024', 'PM', 'N']]);
    expect([thursday.added, thursday.updated]).toEqual([2, 0]);
    expect(register()[1][3]).toBe('/\\ /\\ /\\ NN --');
  });

  it('a code changed in the MIS is an update; a mark staff corrected in the cell is what the review reads', () => {
    importRows(ss, 'Attendance Marks', firstDays());
    const r = importRows(ss, 'Attendance Marks', [HEADER, [upn(2), '10/01/2024', 'AM', 'M']]);
    expect([r.added, r.updated]).toEqual([0, 1]);
    expect(register()[2][3]).toBe('/\\ /\\ MI -- --');
    // The attendance officer corrects Jo's Wednesday afternoon by hand.
    ss.getSheetByName('Register')!.getRange(3, 4).setValue('/\\ /\\ MM -- --');
    const { review } = runAttendanceReview(ss, loadSettings(), '2024-01-10');
    const jo = review.pupils.find((p) => p.upn === upn(2))!;
    expect([jo.figures.possible, jo.figures.attended, jo.figures.authorised]).toEqual([6, 4, 2]);
  });

  it('a cell staff mistyped is never overwritten: the import says so, the review names row and week', () => {
    importRows(ss, 'Attendance Marks', firstDays());
    ss.getSheetByName('Register')!.getRange(2, 4).setValue('/\\ /\\/ /\\ -- --');
    const r = importRows(ss, 'Attendance Marks', [HEADER, [upn(1), '11/01/2024', 'AM', '/']]);
    expect(register()[1][3]).toBe('/\\ /\\/ /\\ -- --');
    expect(r.notes).toEqual(['Register row 2, w/c 08/01/2024 "/\\ /\\/ /\\ -- --": cannot be read, so the 1 mark for it in this import was not written. Correct the cell (ten marks, "-" where there is none), then import again.']);
    const { problems } = runAttendanceReview(ss, loadSettings(), '2024-01-11');
    expect(problems).toContain('Register row 2, w/c 08/01/2024 "/\\ /\\/ /\\ -- --": Tuesday has 3 marks ("/\\/"); each day has two, AM then PM ("-" where there is none).');
  });

  it('a Saturday in the file is refused, naming its row; the rest is imported', () => {
    const r = importRows(ss, 'Attendance Marks', [HEADER, [upn(1), '13/01/2024', 'AM', '/'], [upn(1), '12/01/2024', 'PM', 'L']]);
    expect(r.refusals).toEqual([{ row: 2, column: 'Date', value: '13/01/2024', reason: 'a Saturday or Sunday: the Register holds Monday to Friday sessions. Check the date.' }]);
    expect(register()[1][3]).toBe('-- -- -- -- -L');
  });

  it('last term\'s week imported after this term\'s goes in date order, keeping every mark', () => {
    importRows(ss, 'Attendance Marks', firstDays());
    importRows(ss, 'Attendance Marks', [HEADER, [upn(2), '18/12/2023', 'AM', '/']]);
    expect(register().map((row) => row.slice(3))).toEqual([
      ['w/c 18/12/2023', 'w/c 08/01/2024'],
      ['', '/\\ /\\ /\\ -- --'],
      ['/- -- -- -- --', '/\\ /\\ II -- --'],
    ]);
  });
});

describe.each(['hidden', 'kept'])('a week that starts with no mark, where Sheets %s the text apostrophe', (reading) => {
  it('reads back as the same marks', () => {
    (g.spreadsheet as any)._apostropheInPlainText = reading;
    importRows(ss, 'Attendance Marks', [HEADER, [upn(1), '10/01/2024', 'AM', 'N'], [upn(1), '10/01/2024', 'PM', '\\']]);
    const { review, problems } = runAttendanceReview(ss, loadSettings(), '2024-01-10');
    expect(problems).toEqual([]);
    const sam = review.pupils.find((p) => p.upn === upn(1))!;
    expect([sam.figures.possible, sam.figures.attended, sam.figures.unauthorised]).toEqual([2, 1, 1]);
  });
});

describe('a file in the Register\'s own shape (another tracker\'s Register, or an MIS report of weekly marks)', () => {
  it('imports its weeks as they are; its own name columns are not needed', () => {
    const r = importRows(ss, 'Register', [
      ['UPN', 'Forename', 'Week commencing 08/01/2024', 'w/c 15/01/2024'],
      [upn(1), 'Sam', '/\\/\\/\\NN--', 'II II /\\ /\\ /\\'],
      [upn(2), 'Jo', '', '/\\ /\\ /\\ /\\ /L'],
    ]);
    expect(r).toMatchObject({ tab: 'Register', added: 8 + 10 + 10, refused: 0 });
    expect(register()).toEqual([
      ['UPN', 'Name', 'Reg Group', 'w/c 08/01/2024', 'w/c 15/01/2024'],
      [upn(1), 'Ali, Sam', '7A', '/\\ /\\ /\\ NN --', 'II II /\\ /\\ /\\'],
      [upn(2), 'Bell, Jo', '7B', '', '/\\ /\\ /\\ /\\ /L'],
    ]);
  });

  it('refuses a withdrawn code naming the row, week and session, and a week headed with a Tuesday before anything is written', () => {
    const r = importRows(ss, 'Register', [['UPN', 'w/c 08/01/2024'], [upn(1), '/\\ /\\ /\\ /\\ /H']]);
    expect(r.refusals).toEqual([{ row: 2, column: 'w/c 08/01/2024', value: '/\\ /\\ /\\ /\\ /H', reason: 'Friday PM: code "H" was withdrawn in 2024 — recode it in the MIS and re-export.' }]);
    expect(register()[1][3]).toBe('/\\ /\\ /\\ /\\ /-');
    expect(() => importRows(ss, 'Register', [['UPN', 'w/c 09/01/2024'], [upn(1), '/\\ /\\ /\\ /\\ /\\']])).toThrow('Register column B "w/c 09/01/2024": a week column is headed with its Monday; 09/01/2024 is a Tuesday.');
    expect(register()[1][3]).toBe('/\\ /\\ /\\ /\\ /-');
  });
});

describe('register.csv through Import a file…', () => {
  it('is recognised by its name, its header checked before anything is sent', () => {
    expect(fileNames().register).toBe('Register');
    expect(checkFileHeader(ss, { target: 'Register', rows: [['UPN', 'w/c 08/01/2024']] }).messages).toEqual([]);
    expect(checkFileHeader(ss, { target: 'Register', rows: [['Pupil', 'w/c 08/01/2024']] }).messages).toEqual(['Register: no "UPN" column (looked for UPN, Unique Pupil Number, Pupil UPN).']);
  });
});
