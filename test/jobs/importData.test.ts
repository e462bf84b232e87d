/**
 * Imports (issue 3 §3–5): every MIS table through importRows (the CLI's --data path) and the menu's
 * staging tabs; re-import and updates by key; the report; validation; formula injection.
 */
import { freshTracker, upn, tabValues, Ss } from '../gas/tableHelpers';
import { importRows, importStaged, stagingTab, REGISTER_GRID } from '../../src/jobs/importData';
import { readTab } from '../../src/gas/tables';
import { readMarks } from '../../src/jobs/attendance/marks';
import { formatImportReport } from '../../src/core/records/merge';
import { LOST_ZEROS } from '../../src/core/records/upn';
import { sampleSchool } from '../fixtures/trackerFixture';

let ss: Ss;
let uninstall: () => void;
beforeEach(() => {
  ({ ss, uninstall } = freshTracker());
});
afterEach(() => uninstall());

const STUDENT_HEAD = ['UPN', 'Adno', 'Forename', 'Surname', 'Year', 'Reg Group', 'PP', 'EAL', 'SEN', 'Parent Email'];
const student = (n: number, over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = { UPN: upn(n), Adno: String(n).padStart(6, '0'), Forename: `F${n}`, Surname: `S${n}`, Year: '8', 'Reg Group': '8A', PP: 'No', EAL: 'No', SEN: 'N', 'Parent Email': `p${n}@home.example` };
  return STUDENT_HEAD.map((h) => (h in over ? (over[h] as string) : base[h]));
};

describe('the sample school (a MIS export with SIMS headers)', () => {
  const school = sampleSchool(60);
  const tabs = Object.keys(school.tables);

  it('imports every table; the same files again report everything unchanged', () => {
    const order = (t: string) => (t === 'Students' ? 0 : 1);
    const first = tabs.sort((a, b) => order(a) - order(b)).map((t) => importRows(ss, t, school.tables[t]));
    for (const r of first) expect(r.added + r.refused).toBeGreaterThan(0);
    expect(first[0]).toMatchObject({ tab: 'Students', added: 60, updated: 0, refused: 0 });
    const again = tabs.map((t) => importRows(ss, t, school.tables[t]));
    for (const [i, r] of again.entries()) {
      expect([r.tab, r.added, r.updated]).toEqual([first[i].tab, 0, 0]);
      expect(r.unchanged).toBe(first[i].added + first[i].unchanged); // the marks' blanks were unchanged the first time too
      expect(r.refused).toBe(first[i].refused);
    }
  });

  it('the roll is exactly the pupils in the students file', () => {
    importRows(ss, 'Students', school.tables.Students);
    const roll = readTab(ss, 'Students').records.map((p) => p.upn).sort();
    expect(roll).toEqual(school.tables.Students.slice(1).map((r) => r[0]).sort());
  });
});

describe('re-import and updates by key', () => {
  it('updates changed rows by key, adds new ones, and leaves staff columns alone', () => {
    importRows(ss, 'Students', [STUDENT_HEAD, student(1), student(2), student(3)]);
    // Staff add their own column and sort the tab.
    const sh = ss.getSheetByName('Students')!;
    const width = sh.getLastColumn();
    sh.getRange(1, width + 1, 4, 1).setValues([['Keyworker'], ['Mr X'], ['Ms Y'], ['Mrs Z']]);
    const keyworkerOf = () => Object.fromEntries(tabValues(ss, 'Students').slice(1).map((r) => [r[0], r[width]]));
    const before = keyworkerOf();
    sh.setFrozenRows(1);
    sh.sort(1, false);
    const r = importRows(ss, 'Students', [STUDENT_HEAD, student(3), student(2, { 'Reg Group': '8B' }), student(4)]);
    expect([r.added, r.updated, r.unchanged, r.refused]).toEqual([1, 1, 1, 0]);
    const students = readTab(ss, 'Students').records;
    expect(students.find((p) => p.upn === upn(2))!.regGroup).toBe('8B');
    expect(students.find((p) => p.upn === upn(1))).toBeTruthy(); // not in the file: kept, not deleted
    const after = keyworkerOf();
    for (const u of Object.keys(before)) expect(after[u]).toBe(before[u]);
    expect(formatImportReport(r)).toMatch(/^Students: 1 row added, 1 updated, 1 unchanged, 0 refused\./);
  });

  it('a column missing from the file is not a column of blanks', () => {
    importRows(ss, 'Students', [STUDENT_HEAD, student(1)]);
    const r = importRows(ss, 'Students', [['UPN', 'Forename', 'Surname', 'Year', 'Reg Group'], [upn(1), 'F1', 'S1', '8', '8C']]);
    expect([r.updated, r.unchanged]).toEqual([1, 0]);
    expect(readTab(ss, 'Students').records[0]).toMatchObject({ regGroup: '8C', parentEmail: 'p1@home.example', adno: '000001' });
  });
});

describe('validation that tells people what to fix', () => {
  const refusalsOf = (rows: string[][]) => importRows(ss, 'Students', [STUDENT_HEAD, ...rows]).refusals;

  it('refuses a UPN with a wrong check letter, with its row', () => {
    const bad = 'Z' + upn(5).slice(1);
    const [f] = refusalsOf([student(1), student(5, { UPN: bad })]);
    expect(f).toMatchObject({ row: 3, column: 'UPN', value: bad });
    expect(f.reason).toMatch(/check letter is wrong/);
  });

  it('refuses a UPN that lost its zeros (a number), saying so', () => {
    const r = importRows(ss, 'Students', [STUDENT_HEAD, [82300000012 as unknown as string, ...student(1).slice(1)]]);
    expect(r.refusals[0]).toMatchObject({ row: 2, column: 'UPN', reason: LOST_ZEROS });
  });

  it('reads 03/04/2024 as 3 April and refuses an impossible date', () => {
    const head = ['Date', 'UPN', 'Lesson', 'Minutes'];
    const r = importRows(ss, 'Lates to Lesson', [head, ['03/04/2024', upn(1), 'P1', '5'], ['31/02/2024', upn(2), 'P2', '3']]);
    expect(r.added).toBe(1);
    expect(readTab(ss, 'Lates to Lesson').records[0].date).toBe('2024-04-03');
    expect(r.refusals).toHaveLength(1);
    expect(r.refusals[0]).toMatchObject({ row: 3, column: 'Date', value: '31/02/2024' });
    const cell = ss.getSheetByName('Lates to Lesson')!.getRange(2, 1);
    expect(cell.getDisplayValue()).toBe('03/04/2024');
  });

  it('refuses withdrawn and unknown attendance codes with their row', () => {
    const r = importRows(ss, 'Attendance Marks', [
      ['UPN', 'Date', 'Session', 'Code'],
      [upn(1), '08/01/2024', 'AM', '/'],
      [upn(1), '08/01/2024', 'PM', 'H'],
      [upn(1), '09/01/2024', 'AM', 'ZZ'],
    ]);
    expect(r.added).toBe(1);
    expect(r.refusals.map((f) => [f.row, f.column, f.value])).toEqual([[3, 'Code', 'H'], [4, 'Code', 'ZZ']]);
    expect(r.refusals[0].reason).toMatch(/withdrawn/);
    expect(r.refusals[1].reason).toMatch(/unknown|not a/i);
  });

  it('refuses a pupil on roll twice, an unknown year group and a malformed e-mail', () => {
    const f = refusalsOf([student(1), student(1, { Surname: 'Again' }), student(2, { Year: '14' }), student(3, { 'Parent Email': 'mum at home' })]);
    expect(f.map((x) => [x.row, x.column])).toEqual([[3, 'UPN'], [4, 'Year'], [5, 'Parent Email']]);
    expect(f[0].reason).toMatch(/row 2/);
  });

  it('a missing required column stops the import naming the tab and column; nothing is written', () => {
    const before = tabValues(ss, 'Students');
    expect(() => importRows(ss, 'Students', [['UPN', 'Forename', 'Year', 'Reg Group'], [upn(1), 'A', '7', '7A']])).toThrow(
      /Students: no "Surname" column/,
    );
    expect(tabValues(ss, 'Students')).toEqual(before);
  });
});

describe('formula injection', () => {
  it('refuses =IMPORTXML(...) as a surname; formula-like text elsewhere is stored as text, never a formula', () => {
    const evil = '=IMPORTXML("http://x")';
    const refused = importRows(ss, 'Students', [STUDENT_HEAD, student(1, { Surname: evil })]);
    expect(refused.refusals).toEqual([expect.objectContaining({ row: 2, column: 'Surname', value: evil })]);
    importRows(ss, 'Students', [STUDENT_HEAD, student(1, { Forename: 'Ann', 'Reg Group': '@8A', Adno: '+44 7700' })]);
    const sh = ss.getSheetByName('Students')!;
    const range = sh.getDataRange();
    expect(range.getFormulas().flat().filter((f) => f !== '')).toEqual([]);
    const rec = readTab(ss, 'Students').records[0];
    expect([rec.regGroup, rec.adno]).toEqual(['@8A', '+44 7700']);
  });
});

describe('every MIS table', () => {
  beforeEach(() => importRows(ss, 'Students', [STUDENT_HEAD, student(1), student(2)]));

  it('Staff, Homework Log, Homework Set, Lates to Lesson, Letters Log', () => {
    const reports = [
      importRows(ss, 'Staff', [['Staff Name', 'E-mail', 'Roles', 'Year', 'Form', 'Dept'], ['Ms T', 'ms.t@hillside.sch.uk', 'Form Tutor', '8', '8A', 'Maths']]),
      importRows(ss, 'Homework Log', [['Date', 'UPN', 'Subject', 'Class', 'Teacher', 'Reason'], ['10/01/2024', upn(1), 'Maths', '8M1', 'Ms T', 'Not completed']]),
      importRows(ss, 'Homework Set', [['Set On', 'Class', 'Subject', 'NC Year', 'Teacher', 'Due Date'], ['08/01/2024', '8M1', 'Maths', '8', 'Ms T', '15/01/2024']]),
      importRows(ss, 'Lates to Lesson', [['Date', 'UPN', 'Period', 'Mins'], ['10/01/2024', upn(2), 'P3', '7']]),
      importRows(ss, 'Letters Log', [['Key', 'Date', 'Type', 'UPN', 'Link', 'By', 'Status'], ['', '05/01/2024', 'AT1', upn(1), 'https://docs.google.com/d/1', 'hoy', 'Sent']]),
    ];
    expect(reports.map((r) => [r.tab, r.added, r.refused])).toEqual([
      ['Staff', 1, 0], ['Homework Log', 1, 0], ['Homework Set', 1, 0], ['Lates to Lesson', 1, 0], ['Letters Log', 1, 0],
    ]);
    expect(readTab(ss, 'Homework Set').records[0]).toMatchObject({ dateSet: '2024-01-08', due: '2024-01-15', year: 8 });
    expect(readTab(ss, 'Letters Log').records[0]).toMatchObject({ key: `AT1|${upn(1)}|episode-2024-01-05`, date: '2024-01-05', status: 'Sent' });
  });

  it('an attendance summary for schools without marks', () => {
    const r = importRows(ss, 'Attendance Summary', [
      ['UPN', 'Possible Sessions', 'Attendance Marks', 'Authorised Absences', 'Unauthorised Absences'],
      [upn(1), '160', '151', '5', '4'],
      [upn(2), '160', '150', '5', '4'],
    ]);
    expect([r.added, r.refused]).toEqual([1, 1]);
    expect(r.refusals[0]).toMatchObject({ row: 3 });
    expect(tabValues(ss, 'Attendance Summary')[1]).toEqual([upn(1), 160, 151, 5, 4]);
  });

  it('a wide register grid and its long form give the same marks', () => {
    const dates = ['08/01/2024', '09/01/2024'];
    const grid = [
      ['UPN', 'Name', ...dates.flatMap((d) => [`${d} AM`, `${d} PM`])],
      [upn(1), 'F1 S1', '/', '\\', 'L', 'N'],
      [upn(2), 'F2 S2', 'C1', 'C1', '/', 'G'],
    ];
    const long = [['UPN', 'Date', 'Session', 'Mark']];
    for (const row of grid.slice(1)) dates.forEach((d, i) => {
      long.push([row[0], d, 'AM', row[2 + 2 * i]]);
      long.push([row[0], d, 'PM', row[3 + 2 * i]]);
    });
    const a = importRows(ss, REGISTER_GRID, grid);
    const fromGrid = readMarks(ss).marks;
    expect(a).toMatchObject({ tab: 'Attendance Marks', added: 8, refused: 0 });
    // The same marks written long: nothing new.
    const b = importRows(ss, 'Attendance Marks', long);
    expect([b.added, b.updated, b.unchanged]).toEqual([0, 0, 8]);
    ss.deleteSheet(ss.getSheetByName('Register')!);
    importRows(ss, 'Attendance Marks', long);
    expect(readMarks(ss).marks).toEqual(fromGrid);
    expect(fromGrid.find((m) => m.upn === upn(1) && m.date === '2024-01-08' && m.session === 'PM')!.code).toBe('\\');
    // Both kept as the Register keeps them: a row per pupil, the week's ten marks in one cell.
    expect(tabValues(ss, 'Register').slice(1).map((r) => r[3])).toEqual(['/\\ LN -- -- --', 'C1C1 /G -- -- --']);
  });
});

describe('the menu path: "Import - <Tab>" staging tabs', () => {
  it('imports pasted tabs and removes every one of them, listing the refused row on Import Problems', () => {
    const s1 = stagingTab(ss, 'Students');
    s1.getRange(1, 1, 3, STUDENT_HEAD.length).setValues([STUDENT_HEAD, student(1), student(2)]);
    const s2 = stagingTab(ss, 'Lates to Lesson');
    s2.getRange(1, 1, 3, 4).setValues([['Date', 'UPN', 'Lesson', 'Minutes'], ['03/04/2024', upn(1), 'P1', '5'], ['31/02/2024', upn(2), 'P1', '5']]);
    // Plain-text staging keeps leading zeros and literal text, even for a pasted number-like UPN.
    expect(s1.getRange(2, 2).getValue()).toBe('000001');
    const result = importStaged(ss);
    expect(result.reports.map((r) => [r.tab, r.added, r.refused])).toEqual([['Students', 2, 0], ['Lates to Lesson', 1, 1]]);
    expect(ss.getSheetByName('Import - Students')).toBeNull();
    expect(ss.getSheetByName('Import - Lates to Lesson')).toBeNull();
    expect(result.paused).toEqual([]);
    expect(ss.getSheetByName('Import Problems')!.getDataRange().getValues().slice(1).map((r) => r.slice(0, 5)))
      .toEqual([['pasted into Import - Lates to Lesson', 'Lates to Lesson', 3, 'Date', '31/02/2024']]);
    expect(readTab(ss, 'Students').records.map((p) => p.adno)).toEqual(['000001', '000002']);
  });
});

describe('the CLI\'s --data DIR: the sample school\'s CSV files', () => {
  it('imports through readCsv + importRows and the roll is exactly the pupils in students.csv', () => {
    const fs = require('fs');
    const os = require('os');
    const path = require('path');
    const { writeSampleCsv } = require('../../local/sample/writeCsv');
    const { readCsv } = require('../../src/core/records/csv');
    const { csvNameFor } = require('../../src/core/tabs');
    const { onRoll } = require('../../src/core/pupils/roll');
    const school = sampleSchool(60);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-data-'));
    writeSampleCsv(dir, school);
    const results = ['Students', 'Staff', 'Homework Log', 'Attendance Marks', 'Letters Log'].map((tab) =>
      importRows(ss, tab, readCsv(fs.readFileSync(path.join(dir, csvNameFor(tab)))).rows),
    );
    const csvUpns = readCsv(fs.readFileSync(path.join(dir, 'students.csv'))).rows.slice(1).map((r: string[]) => r[0]).sort();
    const pupils = readTab(ss, 'Students').records;
    expect(pupils.map((p) => p.upn).sort()).toEqual(csvUpns);
    const onRollNow = onRoll(pupils, school.asOf).map((p: { upn: string }) => p.upn);
    // From the file itself: a pupil is on roll unless their Leaving Date is before today.
    const iso = (uk: string) => (uk ? uk.split('/').reverse().join('-') : '');
    const expected = readCsv(fs.readFileSync(path.join(dir, 'students.csv'))).rows.slice(1)
      .filter((r: string[]) => !(iso(r[13]) && iso(r[13]) < school.asOf)).map((r: string[]) => r[0]);
    expect(onRollNow.sort()).toEqual(expected.sort());
    expect(expected.length).toBeLessThan(csvUpns.length); // the sample has leavers
    expect(results[0]).toMatchObject({ tab: 'Students', added: 60, refused: 0 });
    expect(results[0].remaining ?? 0).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
