/**
 * The improvement period of a Notice to Improve counts school weeks: a half term inside it does not
 * use it up. Dates worked out on a 2024 calendar by hand.
 */
import { improvementPeriodEnd } from '../../../src/core/legal/improvement';
import { buildCalendar } from '../../../src/core/calendar/schoolWeeks';
import { withDefaults } from '../../../src/core/settings';
import { SPRING_1, SPRING_2, weekdays } from '../attendance/helpers';

describe('improvement period end (4 school weeks)', () => {
  it('with no holiday in it: same weekday 4 weeks later (Wed 7 Feb → Wed 6 Mar)', () => {
    const cal = buildCalendar(weekdays('2024-01-08', '2024-03-28'), withDefaults());
    expect(improvementPeriodEnd('2024-02-07', 4, cal)).toBe('2024-03-06');
  });

  it('across the February half term (12–16 Feb): one week later (Wed 7 Feb → Wed 13 Mar)', () => {
    const cal = buildCalendar([...SPRING_1, ...SPRING_2], withDefaults());
    // School weeks after 5 Feb: 19 Feb, 26 Feb, 4 Mar, 11 Mar — the 4th starts Monday 11 March.
    expect(improvementPeriodEnd('2024-02-07', 4, cal)).toBe('2024-03-13');
  });

  it('across a half term still to come, from the term dates in Settings', () => {
    const settings = withDefaults({
      calendar: {
        halfTerms: [
          { name: 'Spring 1', start: '2024-01-08', end: '2024-02-09' },
          { name: 'Spring 2', start: '2024-02-19', end: '2024-03-28' },
        ],
      },
    });
    // The register only reaches 7 February: the half term and spring 2 come from Settings.
    const cal = buildCalendar(weekdays('2024-01-08', '2024-02-07'), settings, '2024-02-07');
    expect(improvementPeriodEnd('2024-02-07', 4, cal)).toBe('2024-03-13');
    expect(improvementPeriodEnd('2024-02-07', 6, cal)).toBe('2024-03-27');
  });

  it('a notice dated in the half term starts with the next school week and ends the Sunday after the 4th', () => {
    const cal = buildCalendar([...SPRING_1, ...SPRING_2], withDefaults());
    // 19 Feb, 26 Feb, 4 Mar, 11 Mar → the period ends Sunday 17 March.
    expect(improvementPeriodEnd('2024-02-13', 4, cal)).toBe('2024-03-17');
  });

  it('past the known calendar, calendar weeks are assumed', () => {
    const cal = buildCalendar(SPRING_1, withDefaults());
    expect(improvementPeriodEnd('2024-03-06', 3, cal)).toBe('2024-03-27');
  });
});
