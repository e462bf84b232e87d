import { buildCalendar } from '../../../src/core/calendar/schoolWeeks';
import { OPEN_2024, SPRING_1, SPRING_2, settings, weekdays } from '../attendance/helpers';

describe('school weeks (SPEC §2a)', () => {
  const cal = buildCalendar(OPEN_2024, settings());

  it('are the Mondays of weeks with at least one session; holiday weeks are not school weeks', () => {
    expect(cal.schoolWeeks[0]).toBe('2024-01-08');
    expect(cal.schoolWeeks).not.toContain('2024-02-12'); // February half term
    expect(cal.schoolWeeks).not.toContain('2024-04-01'); // Easter
    expect(cal.schoolWeeks).not.toContain('2024-04-08');
    expect(cal.schoolWeeks).toContain('2024-03-25'); // Mon–Thu only, still a school week
    expect(cal.schoolWeeks.length).toBe(5 + 6 + 6);
    expect(cal.isSchoolWeek('2024-02-14')).toBe(false);
    expect(cal.isSchoolWeek('2024-02-21')).toBe(true);
  });

  it('a week with one session day is a school week', () => {
    const c = buildCalendar(['2024-01-05', '2024-01-08'], settings());
    expect(c.schoolWeeks).toEqual(['2024-01-01', '2024-01-08']);
  });

  it('counts school weeks, not calendar weeks: a holiday does not age a case', () => {
    expect(cal.schoolWeeksBetween('2024-02-07', '2024-02-21')).toBe(1); // across half term
    expect(cal.schoolWeeksBetween('2024-01-10', '2024-02-07')).toBe(4);
    expect(cal.schoolWeeksBetween('2024-02-14', '2024-02-19')).toBe(1); // holiday counts as the week before
    expect(cal.schoolWeekIndex('2024-01-07')).toBe(-1);
    expect(cal.schoolWeekIndex('2024-02-14')).toBe(cal.schoolWeekIndex('2024-02-09'));
  });

  it('adds school weeks, skipping holidays, and assumes calendar weeks past the register', () => {
    expect(cal.addSchoolWeeks('2024-02-01', 2)).toBe('2024-02-19');
    expect(cal.addSchoolWeeks('2024-05-22', 1)).toBe('2024-05-27');
    expect(cal.addSchoolWeeks('2024-05-22', 3)).toBe('2024-06-10');
  });

  it('school days are dates with sessions; schoolDaysBetween counts (a, b]', () => {
    expect(cal.dayIndex('2024-01-08')).toBe(0);
    expect(cal.dayIndex('2024-01-13')).toBe(-1);
    expect(cal.schoolDaysBetween('2024-01-08', '2024-01-15')).toBe(5);
    expect(cal.schoolDaysBetween('2024-02-08', '2024-02-19')).toBe(2); // Fri 9 Feb, Mon 19 Feb
    expect(cal.schoolDaysBetween('2024-01-08', '2024-01-08')).toBe(0);
  });

  it('counts the review week on a Monday before the register is taken', () => {
    const c = buildCalendar(weekdays('2024-01-08', '2024-01-19'), settings(), '2024-01-22');
    expect(c.schoolWeeks).toContain('2024-01-22');
    const holiday = buildCalendar(weekdays('2024-01-08', '2024-01-19'), settings(), '2024-01-29');
    expect(holiday.schoolWeeks).not.toContain('2024-01-29');
  });
});

describe('half terms and terms', () => {
  it('are inferred from breaks of a week or more with no sessions', () => {
    const cal = buildCalendar(OPEN_2024, settings());
    expect(cal.halfTerms.map((h) => [h.name, h.start, h.end])).toEqual([
      ['Spring 1 2023-24', '2024-01-08', '2024-02-09'],
      ['Spring 2 2023-24', '2024-02-19', '2024-03-28'],
      ['Summer 1 2023-24', '2024-04-15', '2024-05-24'],
    ]);
    expect(cal.halfTermOf('2024-03-01')!.start).toBe('2024-02-19');
    expect(cal.halfTermOf('2024-02-14')!.start).toBe('2024-01-08'); // holiday → the half term just ended
    expect(cal.halfTermOf('2024-01-01')).toBeNull();
  });

  it('a longer breakWeeks setting merges runs', () => {
    const cal = buildCalendar(OPEN_2024, settings({ calendar: { breakWeeks: 2 } }));
    expect(cal.halfTerms.map((h) => h.start)).toEqual(['2024-01-08', '2024-04-15']);
  });

  it('terms pair half terms by season: spring 1 and 2 form the spring term, Easter where the school had it', () => {
    const cal = buildCalendar(OPEN_2024, settings());
    const spring = cal.termOf('2024-03-20')!;
    expect([spring.season, spring.start, spring.end]).toEqual(['spring', '2024-01-08', '2024-03-28']);
    expect(cal.termOf('2024-01-10')!.start).toBe('2024-01-08');
    expect(cal.termOf('2024-04-20')!.season).toBe('summer');
  });

  it('come from the settings when set, and then give the days left in the half term', () => {
    const s = settings({
      calendar: {
        halfTerms: [
          { name: 'Spring 2', start: '2024-02-19', end: '2024-03-28' },
          { name: 'Spring 1', start: '2024-01-08', end: '2024-02-09' },
        ],
      },
    });
    const cal = buildCalendar([...SPRING_1, ...weekdays('2024-02-19', '2024-02-21')], s);
    expect(cal.halfTerms.map((h) => h.name)).toEqual(['Spring 1', 'Spring 2']);
    expect(cal.remainingSchoolDays('2024-03-25')).toBe(3);
    expect(cal.remainingSchoolDays('2024-02-09')).toBe(0);
    expect(cal.remainingSchoolDays('2024-02-14')).toBeNull(); // holiday
    // Planned weeks of the configured half term count as school weeks.
    expect(cal.schoolWeeks).toContain('2024-03-25');
    expect(cal.addSchoolWeeks('2024-02-05', 2)).toBe('2024-02-26');
    // Term dates configured: the term is spring.
    expect(cal.termOf('2024-03-01')!.end).toBe('2024-03-28');
  });

  it('without term dates the end of a half term is not known', () => {
    const cal = buildCalendar(SPRING_2, settings());
    expect(cal.remainingSchoolDays('2024-03-01')).toBeNull();
  });
});
