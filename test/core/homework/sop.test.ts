import { withDefaults } from '../../../src/core/settings';
import { expectedFrequency, sopReview } from '../../../src/core/homework/sop';
import { HomeworkSet } from '../../../src/core/types';

const settings = withDefaults(); // sopWindowWeeks 4
const schoolWeeks = ['2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29', '2024-02-05'];
const asOf = '2024-02-07'; // the week of 5 Feb is not finished: the window is 8 Jan – 2 Feb

function set(className: string, subject: string, year: number, dates: string[]): HomeworkSet[] {
  return dates.map((dateSet) => ({ dateSet, className, subject, year, teacher: 'Ms T', due: '' }));
}

describe('expectedFrequency (seed 001)', () => {
  it('KS3 core weekly, KS3 non-core fortnightly, KS3 practical as needed, KS4 weekly, sixth form none', () => {
    expect(expectedFrequency('maths', 7, settings)!.frequency).toBe('weekly');
    expect(expectedFrequency('History', 9, settings)!.frequency).toBe('fortnightly');
    expect(expectedFrequency('Drama', 8, settings)!.frequency).toBe('as needed');
    expect(expectedFrequency('Drama', 10, settings)).toEqual({ keyStage: 'KS4', frequency: 'weekly' });
    expect(expectedFrequency('History', 12, settings)).toBeNull();
  });
});

describe('sopReview', () => {
  const rows = [
    ...set('8H1', 'History', 8, ['2024-01-09', '2024-01-23']), // fortnightly: 2 in 4 weeks — meets
    ...set('8H2', 'History', 8, ['2024-01-09']), // 1 of 2 — below
    ...set('8M1', 'Maths', 8, ['2024-01-09', '2024-01-16', '2024-01-23']), // weekly: 3 of 4 — below
    ...set('8D1', 'Drama', 8, []),
    ...set('10H1', 'History', 10, ['2024-01-09', '2024-01-16', '2024-01-23', '2024-01-30']), // 4 of 4
    ...set('10H1', 'History', 10, ['2024-02-06']), // this week: not judged yet
    ...set('9G1', 'Geography', 9, ['2023-12-05']), // known class, nothing in the window
  ];
  const r = sopReview(rows, schoolWeeks, asOf, settings, [{ className: '8D1', subject: 'Drama', year: 8 }]);

  it('looks at the last 4 complete school weeks', () => {
    expect(r.weeks).toEqual(['2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29']);
  });

  it('KS3 non-core is expected fortnightly: 2 in 4 weeks meets it, 1 does not', () => {
    const get = (c: string) => r.rows.find((x) => x.className === c)!;
    expect([get('8H1').expected, get('8H1').set]).toEqual([2, 2]);
    expect([get('8H2').expected, get('8H2').set]).toEqual([2, 1]);
    expect([get('10H1').expected, get('10H1').set]).toEqual([4, 4]);
    expect([get('8D1').expected, get('8D1').set]).toEqual([0, 0]);
  });

  it('CLs see the classes that set less than expected, with expected vs set', () => {
    expect(r.below.map((x) => `${x.className} ${x.subject} ${x.set}/${x.expected}`)).toEqual([
      '9G1 Geography 0/2', '8H2 History 1/2', '8M1 Maths 3/4',
    ]);
  });

  it('a half-term week is not a week of expectation', () => {
    const weeks = ['2024-02-05', '2024-02-12', '2024-02-26', '2024-03-04'];
    const r2 = sopReview(set('8H1', 'History', 8, ['2024-02-06', '2024-02-27']), weeks, '2024-03-10', settings);
    expect(r2.rows[0]).toMatchObject({ expected: 2, set: 2 });
  });
});
