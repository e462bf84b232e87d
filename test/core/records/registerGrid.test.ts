import { parseRegisterGrid, readGridHeader } from '../../../src/core/records/registerGrid';
import { parseTab } from '../../../src/core/records/parse';
import { Mark } from '../../../src/core/types';
import { U1, U2 } from './fixtures';

const sortMarks = (m: Mark[]) => m.slice().sort((a, b) =>
  (a.upn + a.date + a.session).localeCompare(b.upn + b.date + b.session));

// The same register, in the long form…
const LONG = [
  ['UPN', 'Date', 'Session', 'Code'],
  [U1, '08/01/2024', 'AM', '/'], [U1, '08/01/2024', 'PM', 'L'], [U1, '09/01/2024', 'AM', 'N'], [U1, '09/01/2024', 'PM', ''],
  [U2, '08/01/2024', 'AM', 'C'], [U2, '08/01/2024', 'PM', '\\'], [U2, '09/01/2024', 'AM', 'G'], [U2, '09/01/2024', 'PM', '#'],
];

describe('parseRegisterGrid', () => {
  it('single-row headers with a day name give the same marks as the long form', () => {
    const grid = [
      ['UPN', 'Name', 'Reg Group', 'Mon 08/01/2024 AM', 'Mon 08/01/2024 PM', 'Tue 09/01/2024 AM', 'Tue 09/01/2024 PM'],
      [U1, 'Amy One', '9X', '/', 'L', 'N', ''],
      [U2, 'Ben Two', '9X', 'C', '\\', 'G', '#'],
    ];
    const g = parseRegisterGrid(grid);
    const l = parseTab('Attendance Marks', LONG);
    expect(g.refusals).toEqual([]);
    expect(l.refusals).toEqual([]);
    expect(sortMarks(g.marks)).toEqual(sortMarks(l.records));
    expect(g.unknownHeaders).toEqual(['Name', 'Reg Group']);
    expect(g.headerRows).toBe(1);
  });

  it('two-row headers (date over AM, sub-header AM/PM) give the same marks', () => {
    const grid = [
      ['UPN', 'Name', '08/01/2024', '', new Date(Date.UTC(2024, 0, 9)), ''],
      ['', '', 'AM', 'PM', 'AM', 'PM'],
      [U1, 'Amy One', '/', 'L', 'N', ''],
      [U2, 'Ben Two', 'C', '\\', 'G', '#'],
    ];
    const g = parseRegisterGrid(grid);
    expect(g.headerMessages).toEqual([]);
    expect(g.headerRows).toBe(2);
    expect(sortMarks(g.marks)).toEqual(sortMarks(parseTab('Attendance Marks', LONG).records));
  });

  it('reads the header forms', () => {
    expect(readGridHeader('08/01/2024 AM')).toEqual({ kind: 'session', date: '2024-01-08', session: 'AM' });
    expect(readGridHeader('2024-01-08 pm')).toEqual({ kind: 'session', date: '2024-01-08', session: 'PM' });
    expect(readGridHeader('Monday 08/01/2024 (PM)')).toEqual({ kind: 'session', date: '2024-01-08', session: 'PM' });
    expect(readGridHeader('08/01/2024')).toEqual({ kind: 'date', date: '2024-01-08' });
    expect(readGridHeader('Reg Group')).toEqual({ kind: 'other' });
    expect(readGridHeader('Tue 08/01/2024 AM')).toMatchObject({ kind: 'bad' });
    expect(readGridHeader('01/13/2024 AM')).toMatchObject({ kind: 'bad' });
  });

  it('refuses bad cells with row and column, and a pupil twice naming the first row', () => {
    const g = parseRegisterGrid([
      ['UPN', '08/01/2024 AM', '08/01/2024 PM'],
      [U1, '/', 'H'],
      [U1, '/', '/'],
      ['801200005001', '/', '/'],
    ]);
    expect(g.marks).toEqual([{ upn: U1, date: '2024-01-08', session: 'AM', code: '/' }]);
    expect(g.refusals).toEqual([
      { row: 2, column: '08/01/2024 PM', value: 'H', reason: expect.stringMatching(/withdrawn/) },
      { row: 3, column: 'UPN', value: U1, reason: 'this pupil is already on row 2 — one row per pupil.' },
      { row: 4, column: 'UPN', value: '801200005001', reason: expect.stringMatching(/lost leading zeros/) },
    ]);
  });

  it('stops on header problems: no UPN, a column twice, a date without a session', () => {
    expect(parseRegisterGrid([['Name', '08/01/2024 AM'], ['A', '/']]).headerMessages)
      .toEqual(['Register grid: no "UPN" column (looked for UPN, Unique Pupil Number, Pupil UPN).']);
    expect(parseRegisterGrid([['UPN', '08/01/2024 AM', 'Mon 08/01/2024 AM'], [U1, '/', '/']]).headerMessages)
      .toEqual(['Register grid: 2024-01-08 AM appears twice (columns B and C).']);
    const g = parseRegisterGrid([['UPN', '08/01/2024 AM', '08/01/2024'], [U1, '/', '/']]);
    expect(g.headerMessages).toEqual(['Register grid: column C "08/01/2024" has a date but no AM or PM.']);
    expect(g.marks).toEqual([]);
  });

  it('can skip blank cells instead of recording gaps', () => {
    const g = parseRegisterGrid([['UPN', '08/01/2024 AM', '08/01/2024 PM'], [U1, '/', '']], { blankCells: 'skip' });
    expect(g.marks).toHaveLength(1);
  });
});
