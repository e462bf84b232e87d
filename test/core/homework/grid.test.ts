import { addDays } from '../../../src/core/dates';
import { withDefaults } from '../../../src/core/settings';
import { HOMEWORK_COLOURS, PERSISTENT_COLOURS, TRACKER_FIXED_HEADERS, trackerGrid } from '../../../src/core/homework/grid';
import { homeworkLadder } from '../../../src/core/homework/ladder';
import { weeklyTracking } from '../../../src/core/homework/tracking';
import { homeworkWeeks } from '../../../src/core/homework/weeks';
import { HomeworkMiss, Pupil } from '../../../src/core/types';
import { miss, pupil } from './fixtures';

const settings = withDefaults();

describe('trackerGrid', () => {
  const pupils = [
    pupil('A0003', { year: 9, regGroup: '9A', surname: 'Able' }),
    pupil('A0002', { year: 8, regGroup: '8B', surname: 'Able' }),
    pupil('A0001', { year: 8, regGroup: '8A', surname: 'Zed', forename: 'Zoe', pp: true }),
    pupil('A0004', { year: 8, regGroup: '8A', surname: 'Bee' }),
    pupil('L0001', { year: 8, regGroup: '8A', surname: 'Aardvark', leavingDate: '2024-01-01' }),
  ];
  const log = [
    miss('A0001', '2024-01-15'), miss('A0001', '2024-01-16', 'English'), miss('A0004', '2024-01-09'),
    // Two Late entries this year and one last July: Lates (year to date) is 2.
    miss('A0001', '2024-01-10', 'Science', { reason: 'Late' }), miss('A0001', '2024-01-17', 'Art', { reason: 'Late' }),
    miss('A0001', '2023-07-12', 'Art', { reason: 'Late' }),
  ];
  const hw = homeworkWeeks({ log, pupils, asOf: '2024-01-19', settings, schoolWeeks: ['2024-01-08', '2024-01-15'] });
  const g = trackerGrid(hw, pupils, '2024-01-19', settings);

  it('has the fixed headers then one column per school week headed dd/mm/yyyy', () => {
    // The logged July Late shows its week (a logged row is never dropped) but counts in no year-to-date figure.
    expect(g.values[0]).toEqual(TRACKER_FIXED_HEADERS.concat(['10/07/2023', '08/01/2024', '15/01/2024']));
    expect(g.weekColumns).toEqual(['2023-07-10', '2024-01-08', '2024-01-15']);
    expect(TRACKER_FIXED_HEADERS.slice(7, 10)).toEqual(['Weeks Pink (year to date)', 'Weeks Red (year to date)', 'Lates (year to date)']);
  });

  it('one row per pupil on roll by year, reg group, surname; 0 misses written blank', () => {
    expect(g.values.slice(1).map((r) => r[0])).toEqual(['A0004', 'A0001', 'A0002', 'A0003']);
    expect(g.values[2]).toEqual(['A0001', 'Zed, Zoe', 8, '8A', 'Yes', 'No', 'No', 1, 0, 2, 'No', 'FT monitoring: daily planner check next week', '', '', 2]);
    expect(g.values[1].slice(12)).toEqual(['', 1, '']);
  });

  it('formats the week cells: pink between pinkAt and redAt-1, red from redAt, as plain data', () => {
    const range = { row: 2, col: TRACKER_FIXED_HEADERS.length + 1, numRows: 4, numCols: 3 };
    // Persistent is column K (11): "Yes" there is highlighted by a text rule.
    expect(g.rules).toEqual([
      { range, kind: 'between', values: [2, 2], ...HOMEWORK_COLOURS.pink },
      { range, kind: 'gte', values: [3], ...HOMEWORK_COLOURS.red },
      { range: { row: 2, col: 11, numRows: 4, numCols: 1 }, kind: 'text', values: ['Yes'], ...PERSISTENT_COLOURS },
    ]);
    const s = withDefaults({ homework: { pinkAt: 3, redAt: 5 } });
    expect(trackerGrid(hw, pupils, '2024-01-19', s).rules.map((r) => r.values)).toEqual([[3, 4], [5], ['Yes']]);
  });
});

describe('a whole school', () => {
  it('2,000 pupils × 39 weeks × 20,000 log rows: every miss counted once in the grid (speed: npm run bench)', () => {
    const weeks: string[] = [];
    for (let i = 0; i < 39; i++) weeks.push(addDays('2023-09-04', 7 * i));
    const pupils: Pupil[] = [];
    for (let i = 0; i < 2000; i++) {
      const upn = `K${String(100000000000 + i)}`;
      pupils.push(pupil(upn, { year: 7 + (i % 5), regGroup: `${7 + (i % 5)}${'ABCDEFGH'[i % 8]}`, pp: i % 4 === 0 }));
    }
    const subjects = ['Maths', 'English', 'Science', 'History', 'Geography', 'French'];
    const log: HomeworkMiss[] = [];
    // Deterministic spread: pupil, week and day from the row number.
    for (let r = 0; r < 20000; r++) {
      const p = pupils[(r * 7919) % 2000];
      const day = addDays(weeks[(r * 31) % 39], r % 5);
      log.push(miss(p.upn, day, subjects[r % 6], { row: r + 2 }));
    }
    const asOf = addDays(weeks[38], 4);
    const hw = homeworkWeeks({ log, pupils, asOf, settings, schoolWeeks: weeks });
    const grid = trackerGrid(hw, pupils, asOf, settings);
    homeworkLadder({ hw, pupils, asOf, settings });
    weeklyTracking(hw, pupils, asOf, settings);
    expect(grid.values).toHaveLength(2001);
    expect(grid.values[0]).toHaveLength(TRACKER_FIXED_HEADERS.length + 39);
    const counted = Array.from(hw.pupils.values()).reduce((s, ph) => s + ph.weeks.reduce((a, w) => a + w.misses, 0), 0);
    expect(counted + hw.sorted.duplicates.length).toBe(20000);
  });
});
