import { withDefaults } from '../../../src/core/settings';
import { checkNewEntry, classifyReason, duplicateMessage, findDuplicate, sortLog } from '../../../src/core/homework/misses';
import { homeworkWeeks } from '../../../src/core/homework/weeks';
import { miss, pupil } from './fixtures';

const settings = withDefaults();
const asOf = '2024-01-26';

describe('classifyReason', () => {
  it('reads the SPEC reasons case- and space-insensitively', () => {
    expect(classifyReason('Not completed', settings)).toBe('miss');
    expect(classifyReason('  not TO a good   standard ', settings)).toBe('miss');
    expect(classifyReason('late', settings)).toBe('late');
    expect(classifyReason('Forgot', settings)).toBe('other');
  });
});

describe('duplicates: the same UPN + subject + date is recorded once', () => {
  const first = miss('A0001', '2024-01-15', 'Maths', { row: 12 });
  const log = [miss('A0002', '2024-01-15', 'Maths', { row: 11 }), first];

  it('findDuplicate returns the first entry, ignoring case and spaces in the subject', () => {
    const candidate = miss('a0001 ', '2024-01-15', ' maths', { reason: 'Not to a good standard' });
    expect(findDuplicate(log, candidate)).toBe(first);
    expect(findDuplicate(log, miss('A0001', '2024-01-16', 'Maths'))).toBeNull();
    expect(findDuplicate(log, miss('A0001', '2024-01-15', 'English'))).toBeNull();
  });

  it('the refusal names the first entry with its row', () => {
    expect(duplicateMessage(first)).toBe('Already recorded: A0001, Maths, 15/01/2024 (Homework Log row 12).');
    const errs = checkNewEntry(log, miss('A0001', '2024-01-15', 'Maths'), [pupil('A0001', { forename: 'Ann', surname: 'Smith' })], asOf, settings);
    expect(errs).toEqual(['Already recorded: A0001 Ann Smith, Maths, 15/01/2024 (Homework Log row 12).']);
  });

  it('a duplicate that got into the log counts once and is reported against the first', () => {
    const dupLog = [first, miss('A0001', '2024-01-15', 'Maths', { row: 20 }), miss('A0001', '2024-01-16', 'Maths', { row: 21 })];
    const sorted = sortLog(dupLog, [pupil('A0001')], asOf, settings);
    expect(sorted.misses.map((m) => m.row)).toEqual([12, 21]);
    expect(sorted.duplicates).toHaveLength(1);
    expect(sorted.duplicates[0].entry.row).toBe(20);
    expect(sorted.duplicates[0].first.row).toBe(12);
    const hw = homeworkWeeks({ log: dupLog, pupils: [pupil('A0001')], asOf, settings });
    expect(hw.pupils.get('A0001')!.weeks.find((w) => w.weekStart === '2024-01-15')!.misses).toBe(2);
  });
});

describe('Late', () => {
  const log = [miss('A0001', '2024-01-15', 'Maths'), miss('A0001', '2024-01-16', 'English', { reason: 'Late' })];
  const week = (s = settings) => homeworkWeeks({ log, pupils: [pupil('A0001')], asOf, settings: s }).pupils.get('A0001')!.weeks.find((w) => w.weekStart === '2024-01-15')!;

  it('is counted separately and not towards pink by default', () => {
    expect(week()).toEqual({ weekStart: '2024-01-15', misses: 1, lates: 1, band: 'none' });
  });

  it('counts towards pink when the school says so', () => {
    expect(week(withDefaults({ homework: { countLateAsMiss: true } }))).toEqual({ weekStart: '2024-01-15', misses: 2, lates: 1, band: 'pink' });
  });
});

describe('sortLog', () => {
  it('drops leavers silently and reports unknown UPNs, future dates and unknown reasons with the row', () => {
    const pupils = [pupil('A0001'), pupil('L0001', { leavingDate: '2024-01-10' })];
    const log = [
      miss('L0001', '2024-01-15', 'Maths', { row: 2 }),
      miss('Z9999', '2024-01-15', 'Maths', { row: 3 }),
      miss('A0001', '2024-02-15', 'Maths', { row: 4 }),
      miss('A0001', '2024-01-15', 'Maths', { row: 5, reason: 'Dog ate it' }),
      miss('A0001', '2024-01-15', 'Maths', { row: 6 }),
    ];
    const sorted = sortLog(log, pupils, asOf, settings);
    expect(sorted.misses.map((m) => m.row)).toEqual([6]);
    expect(sorted.problems.map((p) => p.entry.row)).toEqual([3, 4, 5]);
    expect(sorted.problems[0].message).toContain('Z9999');
    expect(sorted.problems[0].message).toContain('row 3');
  });

  it('refuses a new entry for a leaver, naming the UPN', () => {
    const errs = checkNewEntry([], miss('L0001', '2024-01-15'), [pupil('L0001', { leavingDate: '2024-01-10' })], asOf, settings);
    expect(errs).toEqual(['Homework Log: UPN "L0001" is not a pupil on roll (Students tab).']);
  });
});
