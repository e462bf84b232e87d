import { readFileSync } from 'fs';
import { importQaGrid } from '../../../src/core/qa/importGrid';
import { SAMPLE_QA_CALENDAR_FILE } from '../../../local/sample/school';

const SEED = readFileSync(SAMPLE_QA_CALENDAR_FILE, 'utf8');

// Read off the seed's grid: week 17 (8 Jan 2024) to week 21 (9 Feb 2024).
const EXPECTED: [string, string][] = [
  ['2024-01-08', 'STAFF TRAINING DAY'],
  ['2024-01-09', 'Failure to return to school phone calls – year 11 priority'],
  ['2024-01-10', 'G codes for holidays and enter onto gateway'],
  ['2024-01-11', 'Coding review'],
  ['2024-01-12', 'Year 10 Tier Letters'],
  ['2024-01-15', 'Tutor programme QA – Learning walk/questionnaire of students'],
  ['2024-01-16', 'Tutor programme QA – year 11'],
  ['2024-01-17', 'Year 10 and 11 Tier Letters'],
  ['2024-01-18', 'EWO on site – meeting SA students'],
  ['2024-01-19', 'PSW Attendance Lates procedure Attendance contract meetings'],
  ['2024-01-22', 'Tutor programme QA – Learning walk/questionnaire of students'],
  ['2024-01-23', 'Tutor programme QA – year 11'],
  ['2024-01-24', 'Year 7, 8 and 9 Tier letters'],
  ['2024-01-25', 'Coding review'],
  ['2024-01-26', 'Year 10 Tier Letters'],
  ['2024-01-29', 'Tutor programme QA – Learning walk/questionnaire of students'],
  ['2024-01-30', 'Tutor programme QA – year 11'],
  ['2024-01-31', 'Punctuality Letters'],
  ['2024-02-01', 'Coding review'],
  ['2024-02-02', 'PSW Attendance Lates procedure Attendance contract meetings'],
  ['2024-02-05', 'Tutor programme QA – Learning walk/questionnaire of students'],
  ['2024-02-06', 'Tutor programme QA – year 11'],
  ['2024-02-07', 'Late to Lesson letters'],
  ['2024-02-08', 'G codes for holidays and enter onto gateway'],
  ['2024-02-09', 'PSW Attendance Lates procedure Attendance contract meetings'],
];

describe('importQaGrid on seed 002', () => {
  const { tasks, problems } = importQaGrid(SEED, { academicYearStart: 2023 });
  const on = (date: string) => tasks.find((t) => t.date === date)!;

  test('imports the 25 dated tasks with their dates', () => {
    expect(tasks.map((t) => [t.date, t.task])).toEqual(EXPECTED);
  });

  test('week 20 turns from January to February when the day numbers wrap (29, 30, 31, 1, 2)', () => {
    expect(tasks.slice(15, 20).map((t) => t.date)).toEqual(['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02']);
  });

  test('chains, checking for and dates are read from the same column as the task', () => {
    expect(on('2024-01-17').ownerChain).toEqual(['Pastoral Manager', 'HOY 10 &11/SLT Link']);
    expect(on('2024-01-18').ownerChain).toEqual(['HOY/ Pastoral manager/ Attendance officer', 'SLT attendance Lead']);
    expect(on('2024-01-18').checkingFor).toBe('SA cases reviewed and attendance contract meetings re-established.');
    expect(on('2024-01-19').ownerChain).toEqual(['PSW Attendance/ Student reception', 'SLT attendance']);
    expect(on('2024-01-15').ownerChain).toEqual(['Tutor/Assembly SLT Lead and SLT links HOY to report back in LM']);
    expect(on('2024-01-25').ownerChain).toEqual(['Attendance officer', 'Pastoral manager', 'SLT attendance']);
    expect(on('2024-01-25').reviewBy).toBe('1.2.24');
    expect(on('2024-01-31').ownerChain).toEqual(['Pastoral Manager', 'HOY/SLT Link']);
    expect(on('2024-02-08').ownerChain).toEqual(['Attendance officer', 'Pastoral manager']);
  });

  // Week 17 was extracted with its detail rows one weekday to the left: Tuesday's chain sat under
  // the training day and Friday had none. Week 21's G codes task (same text) shows the right pairing.
  test('week 17: the detail rows are realigned one day right, and the import says so', () => {
    expect(on('2024-01-08').ownerChain).toEqual([]);
    expect(on('2024-01-08').checkingFor).toBe('');
    expect(on('2024-01-09').ownerChain).toEqual(['SLT year links/HOY/ Attendance team']);
    expect(on('2024-01-09').checkingFor).toBe('Poor excuses/ return from holidays – correct coding to G codes where needed');
    expect(on('2024-01-09').followUpBy).toBe('End of 10/1/24');
    expect(on('2024-01-09').reviewBy).toBe('Review G codes and fines by 8/2/24');
    expect(on('2024-01-10').ownerChain).toEqual(['Attendance officer', 'Pastoral manager']);
    expect(on('2024-01-10').checkingFor).toBe(on('2024-02-08').checkingFor);
    expect([on('2024-01-10').followUpBy, on('2024-01-10').reviewBy]).toEqual([on('2024-02-08').followUpBy, on('2024-02-08').reviewBy]);
    expect(on('2024-01-11').ownerChain).toEqual(['Attendance officer', 'Pastoral manager', 'SLT attendance']);
    expect(on('2024-01-11').followUpBy).toBe('Immediate corrections made and reported to Attendance officer. Staff with missing registers: LM notified.');
    expect(on('2024-01-11').reviewBy).toBe('18.1.24');
    expect(on('2024-01-12').ownerChain).toEqual(['Pastoral Manager', 'HOY 10/SLT Link']);
    expect(on('2024-01-12').followUpBy).toBe('16/1/24');
    expect(on('2024-01-12').reviewBy).toBe('16/1/24 and before send');
  });

  test('the only problem is the realignment to check; the training day has no chain and is not reported', () => {
    expect(problems).toEqual(['QA Calendar, week 17: owner rows realigned one day right (check them).']);
  });

  test('every task but the training day has a chain', () => {
    expect(tasks.filter((t) => t.ownerChain.length === 0).map((t) => t.task)).toEqual(['STAFF TRAINING DAY']);
  });

  test("Word's superscript markup is joined into the text", () => {
    expect(on('2024-01-11').checkingFor).toContain('Observe 1st day absence calls');
  });

  test('every imported task starts not done', () => {
    expect(tasks.every((t) => t.status === '' && t.doneOn === '' && t.doneBy === '')).toBe(true);
  });

  test('the same grid pasted into a sheet (2-D cells, numbers as numbers) imports the same', () => {
    const cells = SEED.split('\n').map((l) => l.split('\t').map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
    expect(importQaGrid(cells, { academicYearStart: 2023 }).tasks).toEqual(tasks);
  });
});

describe('importQaGrid detail rows', () => {
  const grid = (rows: string[][]) => [['WEEK', 'MONTH', '', 'Monday', '', 'Tuesday', '', 'Wednesday', '', 'Thursday', '', 'Friday']].concat(rows);

  test('a task with no owner chain is reported with its date and name; a week in line is not moved', () => {
    const { tasks, problems } = importQaGrid(
      grid([
        ['17', 'JAN', '8', 'A', '9', 'B', '10', '', '11', '', '12', ''],
        ['', '', '', 'Attendance officer > Pastoral manager', '', '', '', '', '', '', '', ''],
      ]),
      { academicYearStart: 2023 },
    );
    expect(tasks.map((t) => t.ownerChain)).toEqual([['Attendance officer', 'Pastoral manager'], []]);
    expect(problems).toEqual([expect.stringContaining('09/01/2024 "B" has no owner chain')]);
  });

  test('an INSET day with details and a last task without any: realigned one day right', () => {
    const { tasks, problems } = importQaGrid(
      grid([
        ['17', 'JAN', '8', 'INSET', '9', 'Coding review', '10', 'Punctuality Letters', '11', '', '12', ''],
        ['', '', '', 'Attendance officer', '', 'Pastoral manager', '', '', '', '', '', ''],
      ]),
      { academicYearStart: 2023 },
    );
    expect(tasks.map((t) => [t.task, t.ownerChain])).toEqual([['INSET', []], ['Coding review', ['Attendance officer']], ['Punctuality Letters', ['Pastoral manager']]]);
    expect(problems).toEqual(['QA Calendar, week 17: owner rows realigned one day right (check them).']);
  });
});

describe('importQaGrid year and month', () => {
  const grid = (rows: string[][]) => [['WEEK', 'MONTH', '', 'Monday', '', 'Tuesday', '', 'Wednesday', '', 'Thursday', '', 'Friday']].concat(rows);

  test('September to December take the academic year start; a wrap into January takes the next year', () => {
    const { tasks } = importQaGrid(
      grid([
        ['1', 'SEP', '4', 'A', '5', 'B', '', '', '', '', '', ''],
        ['17', 'DEC', '25', 'C', '26', '', '27', '', '28', '', '29', ''],
        ['18', '', '1', 'D', '2', '', '3', '', '4', '', '5', 'E'],
      ]),
      { academicYearStart: 2023 },
    );
    expect(tasks.map((t) => [t.date, t.task])).toEqual([
      ['2023-09-04', 'A'],
      ['2023-09-05', 'B'],
      ['2023-12-25', 'C'],
      ['2024-01-01', 'D'],
      ['2024-01-05', 'E'],
    ]);
  });

  test('a month written on a week that wraps applies from the wrap', () => {
    const { tasks } = importQaGrid(grid([['20', 'FEB', '29', 'A', '30', '', '31', '', '1', 'B', '2', '']]), { academicYearStart: 2023 });
    expect(tasks.map((t) => t.date)).toEqual(['2024-01-29', '2024-02-01']);
  });

  test('a day that does not fall on its column is reported', () => {
    const { problems } = importQaGrid(grid([['1', 'SEP', '5', 'A', '', '', '', '', '', '', '', '']]), { academicYearStart: 2023 });
    expect(problems.join('\n')).toContain('05/09/2023 ("A") is not a Monday');
  });

  test('a task before any month is named is reported, not guessed', () => {
    const { tasks, problems } = importQaGrid(grid([['1', '', '4', 'A', '', '', '', '', '', '', '', '']]), { academicYearStart: 2023 });
    expect(tasks).toEqual([]);
    expect(problems.join('\n')).toContain('no month is given before day 4');
  });
});
