/**
 * The Register tab as a grid (issue 22): reading its cells into marks and merging imported marks
 * into it. Every expected grid and count is worked out by hand.
 */
import { mergeIntoRegister, readRegister, recentWeekColumns, registerLayout } from '../../../src/core/attendance/registerTab';
import { classifyCode } from '../../../src/core/attendance/codes';
import { makeUpn } from '../../upn';

const A = makeUpn(1);
const B = makeUpn(2);
const HEADER = ['UPN', 'Name', 'Reg Group', 'w/c 08/01/2024', 'w/c 15/01/2024'];
const names = new Map([[A, { name: 'Ali, Sam', regGroup: '7A' }], [B, { name: 'Bell, Jo', regGroup: '7B' }]]);

describe('reading the Register', () => {
  it('gives one mark per session with a mark, dated from the column\'s Monday', () => {
    const values = [HEADER, [A, 'Ali, Sam', '7A', '/\\ -- N\\ -- --', '']];
    const layout = registerLayout(values[0]);
    const read = readRegister(layout, values.slice(1), { classify: classifyCode });
    expect(read.refusals).toEqual([]);
    expect(read.marks).toEqual([
      { upn: A, date: '2024-01-08', session: 'AM', code: '/' },
      { upn: A, date: '2024-01-08', session: 'PM', code: '\\' },
      { upn: A, date: '2024-01-10', session: 'AM', code: 'N' },
      { upn: A, date: '2024-01-10', session: 'PM', code: '\\' },
    ]);
  });

  it('names the row, the week and the session of a code that is not a 2024 code', () => {
    const values = [HEADER, [A, '', '', '', '/\\ /\\ /H /\\ /\\']];
    const read = readRegister(registerLayout(values[0]), values.slice(1), { classify: classifyCode });
    expect(read.refusals).toEqual([{ row: 2, column: 'w/c 15/01/2024', value: '/\\ /\\ /H /\\ /\\', reason: 'Wednesday PM: code "H" was withdrawn in 2024 — recode it in the MIS and re-export.' }]);
    expect(read.marks).toHaveLength(9); // the other nine sessions are read
  });

  it('refuses a UPN that lost its zeros and a second row for the same pupil', () => {
    const values = [HEADER, [A, '', '', '/\\ /\\ /\\ /\\ /\\', ''], [12345, '', '', '/\\ /\\ /\\ /\\ /\\', ''], [A, '', '', '', 'NN NN NN NN NN']];
    const read = readRegister(registerLayout(values[0]), values.slice(1), { classify: classifyCode });
    expect(read.refusals.map((r) => `${r.row} ${r.column}`)).toEqual(['3 UPN', '4 UPN']);
    expect(read.refusals[1].reason).toMatch(/already on row 2/);
    expect(read.marks).toHaveLength(10);
  });

  it('will not read a week headed with a day that is not a Monday', () => {
    const layout = registerLayout(['UPN', 'w/c 09/01/2024']);
    expect(layout.messages).toEqual(['Register column B "w/c 09/01/2024": a week column is headed with its Monday; 09/01/2024 is a Tuesday.']);
  });
});

describe('merging marks into the Register', () => {
  it('makes the grid of a new Register: a row per pupil, a column per week in date order', () => {
    const m = mergeIntoRegister([], [
      { upn: A, date: '2024-01-16', session: 'PM', code: 'N' },
      { upn: A, date: '2024-01-08', session: 'AM', code: '/' },
      { upn: B, date: '2024-01-12', session: 'PM', code: 'M' },
    ], names);
    expect(m.grid).toEqual([
      ['UPN', 'Name', 'Reg Group', 'w/c 08/01/2024', 'w/c 15/01/2024'],
      [A, 'Ali, Sam', '7A', '/- -- -- -- --', '-- -N -- -- --'],
      [B, 'Bell, Jo', '7B', '-- -- -- -- -M', ''],
    ]);
    expect([m.added, m.updated, m.unchanged]).toEqual([3, 0, 0]);
  });

  it('changes nothing when the same marks come again', () => {
    const values = [HEADER, [A, 'Ali, Sam', '7A', '/\\ /\\ /\\ /\\ /\\', '']];
    const m = mergeIntoRegister(values, [{ upn: A, date: '2024-01-09', session: 'PM', code: '\\' }], names);
    expect([m.added, m.updated, m.unchanged]).toEqual([0, 0, 1]);
    expect(m.changedColumns).toEqual([]);
  });

  it('updates one session and writes only that week\'s column', () => {
    const values = [HEADER, [A, 'Ali, Sam', '7A', '/\\ /\\ N\\ /\\ /\\', '']];
    const m = mergeIntoRegister(values, [{ upn: A, date: '2024-01-10', session: 'AM', code: 'I' }], names);
    expect(m.grid[1][3]).toBe('/\\ /\\ I\\ /\\ /\\');
    expect([m.added, m.updated, m.unchanged]).toEqual([0, 1, 0]);
    expect(m.changedColumns).toEqual([3]);
    expect(m.sameColumns).toBe(true);
  });

  it('puts an older week among the others in date order, keeping every mark', () => {
    const values = [['UPN', 'Name', 'Reg Group', 'w/c 15/01/2024'], [A, 'Ali, Sam', '7A', '/\\ /\\ /\\ /\\ /\\']];
    const m = mergeIntoRegister(values, [{ upn: A, date: '2024-01-08', session: 'AM', code: 'L' }], names);
    expect(m.grid).toEqual([
      ['UPN', 'Name', 'Reg Group', 'w/c 08/01/2024', 'w/c 15/01/2024'],
      [A, 'Ali, Sam', '7A', 'L- -- -- -- --', '/\\ /\\ /\\ /\\ /\\'],
    ]);
    expect(m.sameColumns).toBe(false);
  });

  it('never overwrites a cell staff typed that cannot be read, and says so', () => {
    const values = [HEADER, [A, 'Ali, Sam', '7A', '/\\ /\\ /', '']];
    const m = mergeIntoRegister(values, [{ upn: A, date: '2024-01-08', session: 'AM', code: '/' }, { upn: A, date: '2024-01-16', session: 'AM', code: '/' }], names);
    expect(m.grid[1][3]).toBe('/\\ /\\ /');
    expect(m.grid[1][4]).toBe('-- /- -- -- --');
    expect(m.blocked).toEqual(['Register row 2, w/c 08/01/2024 "/\\ /\\ /": cannot be read, so the 1 mark for it in this import was not written. Correct the cell (ten marks, "-" where there is none), then import again.']);
  });

  it('keeps a column staff added and refreshes the add-on\'s name and reg group', () => {
    const values = [['UPN', 'Name', 'Reg Group', 'Notes', 'w/c 08/01/2024'], [A, 'Ali, S', '7C', 'call home', '']];
    const m = mergeIntoRegister(values, [{ upn: A, date: '2024-01-08', session: 'AM', code: '/' }], names);
    expect(m.grid[1]).toEqual([A, 'Ali, Sam', '7A', 'call home', '/- -- -- -- --']);
    expect(m.changedColumns).toEqual([1, 2, 4]);
  });
});

describe('the weeks a copy of the Register is read again for (recentWeekColumns)', () => {
  // Columns: A UPN, B Name, C Reg Group, D-G four weeks (the half-term week of 30/10 has no column), H a staff note.
  const header = ['UPN', 'Name', 'Reg Group', 'w/c 16/10/2023', 'w/c 06/11/2023', 'w/c 13/11/2023', 'w/c 20/11/2023', 'Note'];

  it('the week the copy was made, the week before and every week after', () => {
    // Made Wednesday 15/11/2023: its week (13/11) and the week before (06/11), and 20/11 after.
    expect(recentWeekColumns(header, '2023-11-15')).toEqual([4, 5, 6]);
    // Made Monday 20/11/2023: its week and the week before.
    expect(recentWeekColumns(header, '2023-11-20')).toEqual([5, 6]);
    // Made on Saturday 25/11/2023: its week (20/11) and the week before (13/11).
    expect(recentWeekColumns(header, '2023-11-25')).toEqual([5, 6]);
  });

  it('after half term the week before is the holiday: only the weeks from it on', () => {
    // Made Tuesday 07/11/2023: the week before (30/10) has no column; 06/11 and later do.
    expect(recentWeekColumns(header, '2023-11-07')).toEqual([4, 5, 6]);
  });

  it('a copy made after the last week column: none', () => {
    expect(recentWeekColumns(header, '2023-12-06')).toEqual([]);
  });
});
