import { withDefaults } from '../../../src/core/settings';
import { validateSettings } from '../../../src/core/settingsCheck';
import { compareToTarget, parseGrade } from '../../../src/core/progress/grades';

describe('compareToTarget (9–1 with sub-grades)', () => {
  it('5+ is above 5, and 5 is above 5-', () => {
    expect(compareToTarget('5+', '5')).toBe('above');
    expect(compareToTarget('5', '5-')).toBe('above');
    expect(compareToTarget('5-', '5')).toBe('below');
    expect(compareToTarget('5', '5+')).toBe('below');
    expect(compareToTarget('4+', '5-')).toBe('below');
  });

  it('whole grades, numbers from the sheet and a typographic minus', () => {
    expect(compareToTarget('6', '6')).toBe('on');
    expect(compareToTarget(7 as unknown as string, '6')).toBe('above');
    expect(compareToTarget('5\u2212', ' 5- ')).toBe('on');
  });

  it('U, X, A, blank and unknown text are reported with the reason, not compared', () => {
    expect(compareToTarget('U', '5')).toEqual({ ungradeable: 'current grade U (ungraded)' });
    expect(compareToTarget('4', 'x')).toEqual({ ungradeable: 'target X (no grade)' });
    expect(compareToTarget('A', '4')).toEqual({ ungradeable: 'current grade A (absent)' });
    expect(compareToTarget('', '4')).toEqual({ ungradeable: 'current grade blank' });
    expect(compareToTarget('5/6', '4')).toEqual({ ungradeable: 'current grade not a grade: "5/6"' });
    expect(compareToTarget('10', '4')).toEqual({ ungradeable: 'current grade not a grade: "10"' });
  });
});

describe('below target by the school\'s tolerance (default: a whole grade)', () => {
  const byDefault = withDefaults({});
  it('6- and 5+ against a target of 6 are on target; 5, 5- and 4 are below', () => {
    expect(byDefault.progress.belowTargetSubGrades).toBe(3);
    expect(compareToTarget('6-', '6', byDefault)).toBe('on');
    expect(compareToTarget('5+', '6', byDefault)).toBe('on');
    expect(compareToTarget('5', '6', byDefault)).toBe('below');
    expect(compareToTarget('5-', '6', byDefault)).toBe('below');
    expect(compareToTarget('4', '6', byDefault)).toBe('below');
    // Against 6+: 6- is two sub-grades under (on), 5+ three (below).
    expect(compareToTarget('6-', '6+', byDefault)).toBe('on');
    expect(compareToTarget('5+', '6+', byDefault)).toBe('below');
    // Above is still any step over the target.
    expect(compareToTarget('6+', '6', byDefault)).toBe('above');
  });

  it('a school that counts every sub-grade sets 1; a refused value is named', () => {
    const strict = withDefaults({ progress: { belowTargetSubGrades: 1 } } as any);
    expect(compareToTarget('6-', '6', strict)).toBe('below');
    expect(validateSettings(withDefaults({ progress: { belowTargetSubGrades: 0 } } as any))).toContain('Sub-grades under the target that count as below target must be a whole number from 1 to 27 (it is 0).');
  });
});

describe('a KS3 scale from the settings', () => {
  const s = withDefaults({ progress: { ks3Scale: ['Emerging', 'Developing', 'Secure', 'Mastered'], belowTargetSubGrades: 1 } } as any);

  it('orders the words lowest first, with + and - between', () => {
    expect(compareToTarget('Secure', 'developing', s)).toBe('above');
    expect(compareToTarget('Secure-', 'Secure', s)).toBe('below');
    expect(compareToTarget('Developing+', 'Secure-', s)).toBe('below');
    expect(compareToTarget('mastered', 'Mastered', s)).toBe('on');
  });

  it('does not compare a scale word with a 9–1 grade, and without a scale the words are unknown', () => {
    expect(compareToTarget('Secure', '5', s)).toEqual({ ungradeable: 'current grade "Secure" and target "5" are on different scales' });
    expect(parseGrade('Secure')).toEqual({ ungradeable: 'not a grade: "Secure"' });
  });

  it('single-letter scales work too', () => {
    const w = withDefaults({ progress: { ks3Scale: ['W', 'B', 'S', 'M'] } });
    expect(compareToTarget('M', 'S', w)).toBe('above');
    expect(compareToTarget('B', 'S+', w)).toBe('below');
  });
});
