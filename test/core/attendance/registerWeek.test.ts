/**
 * A Register cell: a pupil's week as ten marks, Monday AM to Friday PM (issue 22). Expected values
 * written out by hand from the format in core/attendance/registerWeek.ts.
 */
import { formatWeek, parseWeek, readWeekHeader, sessionIndex, weekHeader } from '../../../src/core/attendance/registerWeek';

describe('a week cell', () => {
  it('writes days separated by spaces, AM then PM, "-" where there is no mark', () => {
    expect(formatWeek(['/', '\\', '/', '\\', 'N', '\\', 'C1', 'C1', '', ''])).toBe('/\\ /\\ N\\ C1C1 --');
    expect(formatWeek(['', '', '', '', 'I', 'I', '', '', '', ''])).toBe('-- -- II -- --');
  });

  it('writes a week with no mark as an empty cell', () => {
    expect(formatWeek(new Array(10).fill(''))).toBe('');
  });

  it('reads a letter and a digit as one code', () => {
    const w = parseWeek('/\\ /\\ N\\ C1C1 --');
    expect(w).toEqual({ ok: true, codes: ['/', '\\', '/', '\\', 'N', '\\', 'C1', 'C1', '', ''] });
  });

  it('reads ten marks without spaces, as some MIS exports write them, and upper-cases typed codes', () => {
    expect(parseWeek('/\\/\\n\\y1y1--')).toEqual({ ok: true, codes: ['/', '\\', '/', '\\', 'N', '\\', 'Y1', 'Y1', '', ''] });
  });

  it('drops the text apostrophe a week starting "-" is written with, where Sheets keeps it as a character', () => {
    expect(parseWeek("'-- -- /\\ /\\ /\\")).toEqual({ ok: true, codes: ['', '', '', '', '/', '\\', '/', '\\', '/', '\\'] });
  });

  it('reads a blank cell as a week with no marks', () => {
    expect(parseWeek('')).toEqual({ ok: true, codes: new Array(10).fill('') });
  });

  it('refuses a day with three marks, naming the day', () => {
    const w = parseWeek('/\\ /\\/ N\\ /\\ /\\');
    expect(w.ok).toBe(false);
    expect((w as { reason: string }).reason).toMatch(/^Tuesday has 3 marks \("\/\\\/"\)/);
  });

  it('refuses four days, and nine marks in a row', () => {
    expect((parseWeek('/\\ /\\ /\\ /\\') as { reason: string }).reason).toMatch(/five days .* this has 4/);
    expect((parseWeek('/\\/\\/\\/\\/') as { reason: string }).reason).toMatch(/ten sessions .* this has 9/);
  });

  it('places each session: Monday AM is 0, Friday PM is 9, weekends have no place', () => {
    expect(sessionIndex('2024-01-08', 'AM')).toBe(0); // a Monday
    expect(sessionIndex('2024-01-10', 'PM')).toBe(5); // Wednesday PM
    expect(sessionIndex('2024-01-12', 'PM')).toBe(9); // Friday PM
    expect(sessionIndex('2024-01-13', 'AM')).toBe(-1); // Saturday
  });
});

describe('a week column header', () => {
  it('is "w/c" and the Monday', () => {
    expect(weekHeader('2024-01-08')).toBe('w/c 08/01/2024');
    expect(readWeekHeader('w/c 08/01/2024')).toEqual({ kind: 'week', monday: '2024-01-08' });
  });

  it('also reads "Week commencing …", a bare date and a date cell', () => {
    expect(readWeekHeader('Week commencing 08/01/2024')).toEqual({ kind: 'week', monday: '2024-01-08' });
    expect(readWeekHeader('08/01/2024')).toEqual({ kind: 'week', monday: '2024-01-08' });
    expect(readWeekHeader(new Date(Date.UTC(2024, 0, 8)))).toEqual({ kind: 'week', monday: '2024-01-08' });
  });

  it('refuses a week headed with a Wednesday, saying which day it is', () => {
    expect(readWeekHeader('w/c 10/01/2024')).toEqual({ kind: 'bad', reason: 'a week column is headed with its Monday; 10/01/2024 is a Wednesday.' });
  });

  it('leaves other headers alone', () => {
    expect(readWeekHeader('UPN')).toEqual({ kind: 'other' });
    expect(readWeekHeader('Reg Group')).toEqual({ kind: 'other' });
  });
});
