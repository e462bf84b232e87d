import { withDefaults } from '../../../src/core/settings';
import { bandFor, defaultSchoolWeeks, homeworkWeeks } from '../../../src/core/homework/weeks';
import { miss, pupil } from './fixtures';

const settings = withDefaults();

describe('bandFor', () => {
  it('1 → none, exactly 2 → pink, 3 or more → red', () => {
    expect(bandFor(0, settings)).toBe('none');
    expect(bandFor(1, settings)).toBe('none');
    expect(bandFor(2, settings)).toBe('pink');
    expect(bandFor(3, settings)).toBe('red');
    expect(bandFor(7, settings)).toBe('red');
  });

  it('follows the settings, not literals', () => {
    const s = withDefaults({ homework: { pinkAt: 3, redAt: 5 } });
    expect([2, 3, 4, 5].map((n) => bandFor(n, s))).toEqual(['none', 'pink', 'pink', 'red']);
  });
});

describe('per pupil per week', () => {
  const pupils = [pupil('A0001'), pupil('A0002'), pupil('A0003')];
  const log = [
    miss('A0001', '2024-01-15', 'Maths'),
    miss('A0002', '2024-01-15', 'Maths'), miss('A0002', '2024-01-17', 'English'),
    miss('A0003', '2024-01-15', 'Maths'), miss('A0003', '2024-01-16', 'English'), miss('A0003', '2024-01-19', 'Science'),
  ];
  const hw = homeworkWeeks({ log, pupils, asOf: '2024-01-19', settings, schoolWeeks: ['2024-01-08', '2024-01-15'] });

  it('counts the log rows in the pupil week and bands them', () => {
    const bands = ['A0001', 'A0002', 'A0003'].map((u) => hw.pupils.get(u)!.thisWeek);
    expect(bands.map((b) => [b.misses, b.band])).toEqual([[1, 'none'], [2, 'pink'], [3, 'red']]);
    expect(hw.weeks).toEqual(['2024-01-08', '2024-01-15']);
    expect(hw.pupils.get('A0003')!.weeks[0]).toEqual({ weekStart: '2024-01-08', misses: 0, lates: 0, band: 'none' });
  });

  it('two misses either side of Sunday midnight are two weeks of 1 each', () => {
    const h = homeworkWeeks({
      log: [miss('A0001', '2024-01-21', 'Maths'), miss('A0001', '2024-01-22', 'English')],
      pupils, asOf: '2024-01-26', settings, schoolWeeks: ['2024-01-15', '2024-01-22'],
    });
    const weeks = h.pupils.get('A0001')!.weeks;
    expect(weeks.map((w) => [w.weekStart, w.misses, w.band])).toEqual([['2024-01-15', 1, 'none'], ['2024-01-22', 1, 'none']]);
    expect(h.pupils.get('A0001')!.weeksPink).toBe(0);
  });

  it('a leaver has no row', () => {
    const h = homeworkWeeks({ log, pupils: [pupil('A0003', { leavingDate: '2024-01-12' })], asOf: '2024-01-19', settings });
    expect(h.pupils.size).toBe(0);
  });

  it('a miss logged in a week missing from the calendar is still counted (the week is added)', () => {
    const h = homeworkWeeks({ log: [miss('A0001', '2024-01-22'), miss('A0001', '2024-01-23', 'English')], pupils, asOf: '2024-01-24', settings, schoolWeeks: ['2024-01-15'] });
    expect(h.weeks).toEqual(['2024-01-15', '2024-01-22']);
    expect(h.pupils.get('A0001')!.thisWeek.band).toBe('pink');
  });
});

describe('persistent: pink or red in 3 of the last 6 school weeks', () => {
  // Spring 1 ends 16 Feb 2024; 19 Feb is half term (no sessions); school resumes 26 Feb.
  const schoolWeeks = ['2024-01-22', '2024-01-29', '2024-02-05', '2024-02-12', '2024-02-26', '2024-03-04', '2024-03-11'];
  const pinkIn = (weeks: string[]) => weeks.flatMap((w) => [miss('A0001', w, 'Maths'), miss('A0001', w, 'English')]);
  const run = (log: ReturnType<typeof pinkIn>, asOf = '2024-03-15') =>
    homeworkWeeks({ log, pupils: [pupil('A0001')], asOf, settings, schoolWeeks }).pupils.get('A0001')!;

  it('the half-term week is not one of the 6, so a pink week 6 school weeks back still counts', () => {
    const ph = run(pinkIn(['2024-01-29', '2024-02-12', '2024-03-11']));
    expect(ph.weeks.map((w) => w.weekStart)).not.toContain('2024-02-19');
    expect(ph.persistent).toBe(true);
    expect(ph.persistentSince).toBe('2024-03-11');
    expect(ph.weeksPink).toBe(3);
  });

  it('a pink week 7 school weeks back is outside the window', () => {
    expect(run(pinkIn(['2024-01-22', '2024-02-12', '2024-03-11'])).persistent).toBe(false);
  });

  it('2 flagged weeks are not enough; red weeks count like pink ones', () => {
    expect(run(pinkIn(['2024-02-12', '2024-03-11'])).persistent).toBe(false);
    const red = [miss('A0001', '2024-03-04', 'Science')].concat(pinkIn(['2024-02-12', '2024-03-04', '2024-03-11']));
    const ph = run(red);
    expect(ph.weeksRed).toBe(1);
    expect(ph.persistent).toBe(true);
  });

  it('persistentSince stays at the start of the run while the pupil stays persistent', () => {
    const ph = run(pinkIn(['2024-01-29', '2024-02-05', '2024-02-12', '2024-03-04']));
    expect(ph.persistent).toBe(true);
    expect(ph.persistentSince).toBe('2024-02-12');
  });
});

describe('defaultSchoolWeeks', () => {
  it('every week from the first date to asOf, less weeks outside the half terms when they are set', () => {
    expect(defaultSchoolWeeks('2024-02-07', '2024-02-27', settings)).toEqual(['2024-02-05', '2024-02-12', '2024-02-19', '2024-02-26']);
    const s = withDefaults({ calendar: { halfTerms: [
      { name: 'Spring 1', start: '2024-01-04', end: '2024-02-16' },
      { name: 'Spring 2', start: '2024-02-26', end: '2024-03-28' },
    ] } });
    expect(defaultSchoolWeeks('2024-02-07', '2024-02-27', s)).toEqual(['2024-02-05', '2024-02-12', '2024-02-26']);
  });
});
