import { withDefaults } from '../../../src/core/settings';
import { ppTermReport, subjectsText, weeklyTracking } from '../../../src/core/homework/tracking';
import { homeworkWeeks } from '../../../src/core/homework/weeks';
import { Intervention } from '../../../src/core/types';
import { miss, pupil, staff } from './fixtures';

const settings = withDefaults();
const asOf = '2024-01-19';
const schoolWeeks = ['2024-01-08', '2024-01-15'];
const pupils = [
  pupil('A0001', { year: 8, regGroup: '8A', pp: true, surname: 'Brown' }),
  pupil('A0002', { year: 8, regGroup: '8B', eal: true, surname: 'Adams' }),
  pupil('A0003', { year: 9, regGroup: '9A', sen: true }),
  pupil('L0001', { year: 8, regGroup: '8A', pp: true, eal: true, sen: true, leavingDate: '2024-01-05' }),
];
const log = [
  miss('A0001', '2024-01-15', 'Maths', { className: '8A/Ma1' }), miss('A0001', '2024-01-16', 'English', { className: '8A/En1' }),
  miss('A0002', '2024-01-15', 'Maths', { className: '8B/Ma2' }), miss('A0002', '2024-01-16', 'Maths', { className: '8B/Ma2' }), miss('A0002', '2024-01-17', 'Maths', { className: '8B/Ma2' }),
  miss('A0003', '2024-01-10', 'Science'), miss('A0003', '2024-01-11', 'Science'), miss('A0003', '2024-01-16', 'Science'),
  miss('L0001', '2024-01-15', 'Maths'), miss('L0001', '2024-01-16', 'Maths'),
];
const hw = homeworkWeeks({ log, pupils, asOf, settings, schoolWeeks });
const t = weeklyTracking(hw, pupils, asOf, settings, [staff('Mrs Nine', ['Head of Year'], { year: 9 })]);

describe('weeklyTracking', () => {
  it('form tutors get their reg group\'s pink and red pupils this week', () => {
    expect(t.weekStart).toBe('2024-01-15');
    const lists = Object.fromEntries(t.formTutors.map((f) => [f.regGroup, f.pupils.map((p) => `${p.upn}:${p.band}`)]));
    expect(lists).toEqual({ '8A': ['A0001:pink'], '8B': ['A0002:red'], '9A': [] });
  });

  it('Heads of Year get their year; the owner is resolved from the Staff tab', () => {
    const y8 = t.headsOfYear.find((h) => h.year === 8)!;
    expect(y8.pupils.map((p) => p.upn)).toEqual(['A0001', 'A0002']);
    expect(t.headsOfYear.find((h) => h.year === 9)!.hoy.name).toBe('Mrs Nine');
  });

  it('SLT get counts by year and the pink/red trend per school week', () => {
    expect(t.slt.byYear).toEqual([
      { year: 8, onRoll: 2, misses: 5, pink: 1, red: 1, persistent: 0 },
      { year: 9, onRoll: 1, misses: 1, pink: 0, red: 0, persistent: 0 },
    ]);
    expect(t.slt.trend).toEqual([
      { weekStart: '2024-01-08', misses: 2, pink: 1, red: 0 },
      { weekStart: '2024-01-15', misses: 6, pink: 1, red: 1 },
    ]);
  });

  it('curriculum leaders get misses by subject and class', () => {
    const maths = t.curriculumLeaders.find((c) => c.subject === 'Maths')!;
    expect(maths.misses).toBe(4);
    expect(maths.classes.map((c) => [c.className, c.misses])).toEqual([['8B/Ma2', 3], ['8A/Ma1', 1]]);
  });

  it('PP, EAL and SEN pupils who missed homework this week are listed; a leaver is in no list', () => {
    expect(t.cohorts.pp.map((p) => p.upn)).toEqual(['A0001']);
    expect(t.cohorts.eal.map((p) => p.upn)).toEqual(['A0002']);
    expect(t.cohorts.sen.map((p) => p.upn)).toEqual(['A0003']);
    const everyone = JSON.stringify(t);
    expect(everyone).not.toContain('L0001');
  });
});

describe('ppTermReport', () => {
  it('each PP pupil\'s misses by week and subject, with their homework interventions and status', () => {
    const ints: Intervention[] = [
      { key: 'HW|pink|A0001|2024-01-15', date: '2024-01-19', upn: 'A0001', area: 'Homework', action: 'FT monitoring', owner: 'Form tutor', due: '', status: 'Done', outcome: 'Improved', entryValue: '', exitValue: '' },
      { key: 'AT|x', date: '2024-01-19', upn: 'A0001', area: 'Attendance', action: 'AT1', owner: 'HoY', due: '', status: 'Open', outcome: '', entryValue: '', exitValue: '' },
    ];
    const rep = ppTermReport(hw, pupils, ints, '2024-01-04', '2024-02-16', asOf);
    expect(rep.map((r) => r.upn)).toEqual(['A0001']);
    expect(rep[0].totalMisses).toBe(2);
    expect(rep[0].weeks).toEqual([
      { weekStart: '2024-01-08', misses: 0, band: 'none', bySubject: {} },
      { weekStart: '2024-01-15', misses: 2, band: 'pink', bySubject: { Maths: 1, English: 1 } },
    ]);
    expect(rep[0].interventions).toEqual([{ date: '2024-01-19', action: 'FT monitoring', owner: 'Form tutor', status: 'Done', outcome: 'Improved' }]);
  });
});

describe('subjectsText (This Week)', () => {
  it('each subject once, A to Z, with ×n when more than one piece in it', () => {
    expect(subjectsText(['English', 'Maths', 'English'])).toBe('English ×2, Maths');
    expect(subjectsText(['Science', 'science ', 'Art', 'Science'])).toBe('Art, Science ×3');
    expect(subjectsText(['Maths'])).toBe('Maths');
    expect(subjectsText([])).toBe('');
    expect(subjectsText(['', ' '])).toBe('');
  });
});
