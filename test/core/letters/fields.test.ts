import { FIELD_HELP, FIELD_NAMES, FIELDS, isSharedField, letterFields } from '../../../src/core/letters/fields';
import { withDefaults } from '../../../src/core/settings';
import { context, pupil } from './fixtures';

describe('letterFields', () => {
  it('works out the pupil, school and attendance fields', () => {
    const v = letterFields(context({ type: 'AT1' }));
    expect(v).toMatchObject({
      PupilName: 'Amy Jones', PupilForename: 'Amy', PupilSurname: 'Jones', Year: '9', RegGroup: '9B',
      ParentName: 'Mrs S Jones', Address: '12 Acacia Avenue\nTown\nAB1 2CD',
      SchoolName: 'Coopers School', SchoolAddress: '1 School Lane\nTown\nAB1 2CD', SchoolPhone: '01234 567890',
      Signatory: 'Ms R Patel', SignatoryRole: 'Head of Year 9', Addressee: 'Mrs S Jones', Salutation: 'Dear Mrs Jones',
      Date: 'Friday 26 January 2024', AcademicYear: '2023/24',
      AttendancePercent: '94.4%', AbsencePercent: '5.6%', SessionsPossible: '160', SessionsAttended: '151', SessionsMissed: '9',
      Authorised: '5', Unauthorised: '4', Stage: 'cause for concern level 1', ReviewDate: 'Friday 23 February 2024',
      RewardThreshold: '97%', Level1Threshold: '94%', PersistentAbsenceThreshold: '10%', MonitorWeeks: '4',
    });
  });

  it('gives every known field a value (blank when there are no figures) and nothing else', () => {
    const v = letterFields({ pupil: pupil(), school: context().school, asOf: '2024-09-02' });
    expect(Object.keys(v).sort()).toEqual([...FIELD_NAMES].sort());
    expect(v.AttendancePercent).toBe('');
    expect(v.ReviewDate).toBe('');
    expect(v.AcademicYear).toBe('2024/25');
  });

  it('keeps the UPN out of letters to parents', () => {
    const p = pupil();
    const v = letterFields(context({ pupil: p }));
    expect(FIELD_NAMES).not.toContain('UPN');
    expect(Object.values(v).some((x) => x.includes(p.upn))).toBe(false);
  });

  it('computes the percentage from the sessions when the review did not give one, to 1 decimal place', () => {
    const v = letterFields(context({ attendance: { possible: 180, attended: 162, authorised: 10, unauthorised: 8 } }));
    expect(v.AttendancePercent).toBe('90.0%');
    expect(v.AbsencePercent).toBe('10.0%');
  });

  it('writes "Parent/Carer" for a blank parent name and splits a comma address into lines', () => {
    const v = letterFields(context({ pupil: pupil({ parentName: ' ', address: '3 High St, Flat 2,  Town, ZZ9 9ZZ' }) }));
    expect(v.ParentName).toBe('Parent/Carer');
    expect(v.Address).toBe('3 High St\nFlat 2\nTown\nZZ9 9ZZ');
  });

  it("takes thresholds and monitoring weeks from the school's settings, not literals", () => {
    const s = withDefaults({ attendance: { rewardAbove: 96, persistentAbsenceFrom: 12, panelMonitorWeeks: 6 } });
    const v = letterFields(context({ rules: s.attendance, type: 'panel' }));
    expect([v.RewardThreshold, v.PersistentAbsenceThreshold, v.MonitorWeeks]).toEqual(['96%', '12%', '6']);
  });

  it('fills lates, homework and tier fields from their figures', () => {
    const v = letterFields(context({
      lates: { count: 5, dates: ['2024-01-09', '2024-01-08'] },
      latesToLesson: { count: 6, dates: ['2024-01-10'] },
      homework: { missesThisHalfTerm: 7, weeksPink: 1, weeksRed: 2, subjects: ['English', 'Maths', 'Science'] },
      tier: 3,
      reviewDue: '2024-02-09',
    }));
    expect(v).toMatchObject({
      Lates: '5', LateDates: '08/01/2024, 09/01/2024', LatesToLesson: '6', LateToLessonDates: '10/01/2024',
      HomeworkMisses: '7', WeeksPink: '1', WeeksRed: '2', Subjects: 'English, Maths and Science',
      Tier: '3', TierName: 'Tier 3 (persistent absence)', ReviewDate: 'Friday 9 February 2024',
    });
  });
});

describe('addressee, salutation, signature and panel fields (issue 18)', () => {
  it("default to the Students tab's parent and the Settings signatory; the letter's own when given", () => {
    expect(letterFields(context())).toMatchObject({ Addressee: 'Mrs S Jones', Salutation: 'Dear Mrs Jones', ParentName: 'Mrs S Jones' });
    const v = letterFields(context({
      signedBy: { name: 'Mr T Okafor', role: 'Head of Year 9' },
      panel: { date: 'Tuesday 6 February 2024', time: ' ', place: 'Library' },
    }));
    expect(v).toMatchObject({ Signatory: 'Mr T Okafor', SignatoryRole: 'Head of Year 9', PanelDate: 'Tuesday 6 February 2024', PanelTime: '____________________', PanelPlace: 'Library' });
  });

  it('condition fields print nothing', () => {
    const v = letterFields(context());
    expect([v.IfLegal, v.IfSupport, v.IfPA, v.IfPAAgain, v.IfFirst, v.IfRepeat]).toEqual(['', '', '', '', '', '']);
  });
});

describe('FIELD_HELP', () => {
  it('describes every field in one line', () => {
    for (const f of FIELDS) {
      expect(FIELD_HELP[f.name]).toBeTruthy();
      expect(FIELD_HELP[f.name]).not.toContain('\n');
    }
  });

  it('marks only school and run-wide fields as shared by a header or footer', () => {
    expect(isSharedField('SchoolName')).toBe(true);
    expect(isSharedField('Date')).toBe(true);
    expect(isSharedField('PupilName')).toBe(false);
    expect(isSharedField('ParentName')).toBe(false);
    expect(isSharedField('Nope')).toBe(false);
  });
});
