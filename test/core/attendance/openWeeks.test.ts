/**
 * The remembered open sessions (core/attendance/openWeeks.ts), worked out by hand: ten bits a
 * week, bit 0 Monday AM … bit 9 Friday PM; a session is open when any pupil has a mark in it other
 * than blank or `#`.
 */
import { coversWeeks, openSessionKeys, openSessionsOfColumn, openWeeksAfterMerge, openWeeksOfMarks, openWeeksOfRegister } from '../../../src/core/attendance/openWeeks';
import { REGISTER_OPEN_WEEKS } from '../../../src/core/state';
import { Mark } from '../../../src/core/types';

const mark = (upn: string, date: string, session: 'AM' | 'PM', code: string): Mark => ({ upn, date, session, code });

describe('open weeks from marks', () => {
  it('sets a bit per session anyone was marked in, skipping # and blanks', () => {
    const weeks = openWeeksOfMarks([
      mark('A', '2024-01-08', 'AM', '/'), // Monday AM: bit 0
      mark('B', '2024-01-08', 'PM', 'N'), // Monday PM: bit 1
      mark('A', '2024-01-12', 'PM', 'L'), // Friday PM: bit 9
      mark('A', '2024-01-11', 'AM', '#'), // Thursday AM closed: no bit
      mark('A', '2024-01-15', 'AM', '#'), // a week of closure only: no entry
    ]);
    expect(weeks).toEqual({ '2024-01-08': 1 + 2 + 512 });
  });

  it('gives every Register week, 0 where nothing was open', () => {
    expect(openWeeksOfRegister(['2024-01-08', '2024-01-15'], [mark('A', '2024-01-09', 'AM', '/')])).toEqual({ '2024-01-08': 4, '2024-01-15': 0 });
  });

  it('reads a week column of Register cells; an unreadable cell opens nothing', () => {
    // Pupil 1: Monday both, Tuesday AM; pupil 2: Wednesday PM only; pupil 3: a cell with 3 marks on Tuesday; pupil 4: a week closed (#).
    expect(openSessionsOfColumn(['/\\ /- -- -- --', '-- -- -N -- --', '/\\ /\\/ -- -- --', '', '## ## ## ## ##'])).toBe(1 + 2 + 4 + 32);
  });
});

describe('the memory as session keys', () => {
  it('lists each open session up to the day asked for', () => {
    expect(openSessionKeys({ '2024-01-08': 1 + 512 }, '2024-01-12')).toEqual(['2024-01-08|AM', '2024-01-12|PM']);
    expect(openSessionKeys({ '2024-01-08': 1 + 512 }, '2024-01-11')).toEqual(['2024-01-08|AM']);
  });

  it('covers the Register only when it holds exactly its weeks', () => {
    expect(coversWeeks({ '2024-01-08': 1, '2024-01-15': 0 }, ['2024-01-08', '2024-01-15'])).toBe(true);
    expect(coversWeeks({ '2024-01-08': 1 }, ['2024-01-08', '2024-01-15'])).toBe(false);
    expect(coversWeeks({ '2024-01-08': 1, '2024-01-15': 0 }, ['2024-01-08'])).toBe(false);
  });
});

describe('after an import merged into the Register', () => {
  const header = ['UPN', 'Name', 'Reg Group', 'w/c 08/01/2024', 'w/c 15/01/2024'];
  const grid = [header, ['A', 'x', '7A', '/\\ /\\ /\\ /\\ /\\', '/- -- -- -- --'], ['B', 'y', '7A', '', '-\\ -- -- -- --']];

  it('works out again the weeks that changed and the weeks imported, and keeps the rest', () => {
    // The stored value for w/c 08/01 is stale on purpose: it is neither changed nor imported, so it is kept.
    expect(openWeeksAfterMerge({ '2024-01-08': 7, '2024-01-15': 0 }, grid, [4], [])).toEqual({ '2024-01-08': 7, '2024-01-15': 3 });
    expect(openWeeksAfterMerge({ '2024-01-08': 7, '2024-01-15': 0 }, grid, [], ['2024-01-08'])).toEqual({ '2024-01-08': 1023, '2024-01-15': 0 });
  });

  it('works out every week when the memory was missing or out of step', () => {
    expect(openWeeksAfterMerge(null, grid, [], [])).toEqual({ '2024-01-08': 1023, '2024-01-15': 3 });
    expect(openWeeksAfterMerge({ '2024-01-01': 1023, '2024-01-08': 7, '2024-01-15': 0 }, grid, [], [])).toEqual({ '2024-01-08': 1023, '2024-01-15': 3 });
  });
});

describe('the stored memory', () => {
  it('round-trips, and a damaged value reads as none', () => {
    const v = { '2024-01-08': 1023, '2024-01-15': 0 };
    expect(REGISTER_OPEN_WEEKS.parse(REGISTER_OPEN_WEEKS.format(v))).toEqual(v);
    expect(REGISTER_OPEN_WEEKS.parse('{"2024-01-08":1024}')).toBeNull();
    expect(REGISTER_OPEN_WEEKS.parse('{"A123456789012":1}')).toBeNull();
    expect(REGISTER_OPEN_WEEKS.parse('not json')).toBeNull();
  });

  it('is not kept past Apps Script\'s 9 kB a value (about 480 weeks): the profile then reads the whole Register', () => {
    const many: Record<string, number> = {};
    for (let i = 0; i < 500; i++) many[new Date(Date.UTC(2000, 0, 3 + 7 * i)).toISOString().slice(0, 10)] = 1023;
    expect(REGISTER_OPEN_WEEKS.format(many)).toBeNull();
  });
});
