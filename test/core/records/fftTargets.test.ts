/** Issue 8 §1: the Target column comes from the FFT benchmark chosen in the settings. */
import { benchmarkColumn, chooseFftTargets } from '../../../src/core/records/fftTargets';
import { parseTab } from '../../../src/core/records/parse';
import { wideProgressToLong } from '../../../src/core/records/progressWide';

const UPN = 'A123456789012';

describe('benchmarkColumn', () => {
  test.each([
    ['FFT50', '', 'FFT50'], ['FFT 20', '', 'FFT20'], ['fft5', '', 'FFT5'], ['FFT50 Target', '', 'FFT50'],
    ['Target (FFT20)', '', 'FFT20'], ['FFT5 Estimate', '', 'FFT5'], ['Maths FFT20', 'Maths', 'FFT20'],
    ['Maths - FFT50 Target', 'Maths', 'FFT50'], ['Design & Technology FFT5', 'Design & Technology', 'FFT5'],
  ])('%s', (h, subject, benchmark) => expect(benchmarkColumn(h)).toEqual({ subject, benchmark }));
  test.each(['Target', 'FFT Target', 'FFT55', 'Current', 'Maths', 'FFT'])('%s is not one', (h) => expect(benchmarkColumn(h)).toBeNull());
});

describe('one row per pupil and subject', () => {
  const rows = [['UPN', 'Subject', 'FFT50', 'FFT20 Target', 'FFT5', 'Current'], [UPN, 'Maths', '5', '6', '7', '5']];

  test.each([['FFT50', '5'], ['FFT20', '6'], ['FFT5', '7']] as const)('%s chosen: its column is the Target', (b, target) => {
    const c = chooseFftTargets(rows, b, 'long');
    expect(c.source).toBe('benchmark');
    const p = parseTab('Progress', c.rows);
    expect(p.records[0]).toMatchObject({ subject: 'Maths', target, current: '5' });
    // The other benchmarks stay columns the tracker does not use: never written.
    expect(p.unknownHeaders).toHaveLength(2);
    expect(p.fields).toContain('target');
    expect(c.note).toMatch(new RegExp(`^Targets: ${b} \\(the benchmark chosen in Settings\\)`));
    expect(c.note).toMatch(/Not used: /);
  });

  test('a plain Target column wins over benchmark columns', () => {
    const c = chooseFftTargets([['UPN', 'Subject', 'Target Grade', 'FFT20'], [UPN, 'Maths', '4', '6']], 'FFT20', 'long');
    expect(c.source).toBe('targetColumn');
    expect(parseTab('Progress', c.rows).records[0].target).toBe('4');
    expect(c.note).toMatch(/own Target column.*FFT20 not used/);
  });

  test('the chosen benchmark missing: no targets (the column is not written), never another benchmark', () => {
    const c = chooseFftTargets([['UPN', 'Subject', 'FFT50', 'Current'], [UPN, 'Maths', '5', '4']], 'FFT5', 'long');
    expect(c.source).toBe('missing');
    const p = parseTab('Progress', c.rows);
    expect(p.fields).not.toContain('target');
    expect(c.note).toMatch(/none imported — Settings choose FFT5, but the file's benchmark columns are FFT50/);
  });

  test('no benchmark columns: rows as they are, no note', () => {
    const rows2 = [['UPN', 'Subject', 'Target'], [UPN, 'Maths', '5']];
    expect(chooseFftTargets(rows2, 'FFT50', 'long')).toMatchObject({ rows: rows2, source: 'none', note: '' });
  });
});

describe('one column per subject', () => {
  const header = ['UPN', 'Name', 'Maths FFT50', 'Maths FFT20', 'Maths', 'English Target', 'English FFT20', 'English', 'Science FFT5', 'Science'];
  const rows = [header, [UPN, 'Ann', '5', '6', '4', '7', '8', '6', '9', '3']];

  test('the chosen benchmark per subject; a subject\'s own Target wins; other columns dropped, not grades', () => {
    const c = chooseFftTargets(rows, 'FFT20', 'wide');
    const long = wideProgressToLong(c.rows);
    expect(long.messages).toEqual([]);
    expect(long.rows.slice(1)).toEqual([
      [UPN, 'Maths', '6', '4', ''],
      [UPN, 'English', '7', '6', ''],
      [UPN, 'Science', '', '3', ''],
    ]);
    expect(c.unused.sort()).toEqual(['English FFT20', 'Maths FFT50', 'Science FFT5']);
    expect(c.note).toMatch(/FFT20 \(the benchmark chosen in Settings\) for Maths; the file's own Target column for English; none for Science/);
  });

  test('without the change, a benchmark column would have become a subject', () => {
    expect(wideProgressToLong(rows).rows.some((r) => r[1] === 'Maths FFT50')).toBe(true);
  });
});
