import { lastAttendanceLetters, lastLetterText } from '../../../src/core/letters/lastLetter';
import { signatoryFor } from '../../../src/core/letters/signatory';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { LetterLogEntry, StaffMember } from '../../../src/core/types';

const row = (type: string, upn: string, date: string, status = 'Produced', to = 'a'): LetterLogEntry => ({ key: `${type}|${upn}|p|to-${to}`, date, type, upn, link: '', by: '', status });

describe('what the Attendance tab says was sent last', () => {
  it('one letter covering AT1 and PA to two households reads as one: "AT1 + PA produced 26/01/2024"', () => {
    const log = [row('AT1', 'U1', '2023-11-06', 'Sent'), row('AT1', 'U1', '2024-01-26', 'Produced', 'a'), row('PA', 'U1', '2024-01-26', 'Produced', 'a'), row('AT1', 'U1', '2024-01-26', 'Produced', 'b'), row('PA', 'U1', '2024-01-26', 'Produced', 'b')];
    expect(lastLetterText(lastAttendanceLetters(log).get('U1'))).toBe('AT1 + PA produced 26/01/2024');
  });

  it('says sent once every row of the day is Sent; ignores cancelled letters and other letter types', () => {
    const log = [row('PA', 'U2', '2024-01-26', 'Sent'), row('AT2', 'U2', '2024-01-26', 'Sent'), row('homework', 'U2', '2024-01-29'), row('AT1', 'U3', '2024-01-26', 'Cancelled')];
    const last = lastAttendanceLetters(log);
    expect(lastLetterText(last.get('U2'))).toBe('AT2 + PA sent 26/01/2024');
    expect(last.has('U3')).toBe(false);
    expect(lastLetterText(undefined)).toBe('');
  });
});

describe('who signs', () => {
  const staff: StaffMember[] = [
    { name: 'Mrs A Shah', email: 'a@s', roles: ['Head of Year'], year: 8, regGroup: '', department: '' },
    { name: 'Mr T Okafor', email: 't@s', roles: ['Form tutor', 'Head of Year'], year: 9, regGroup: '', department: '' },
    { name: 'Ms J Reid', email: 'j@s', roles: ['Attendance officer'], year: null, regGroup: '', department: '' },
  ];
  const school = { ...DEFAULT_SETTINGS.school, signatory: 'Mrs H Marsh', signatoryRole: 'Headteacher' };

  it("the pupil's Head of Year for Head of Year letters; the attendance officer for panel and EWO", () => {
    expect(signatoryFor('headOfYear', 9, staff, school)).toEqual({ name: 'Mr T Okafor', role: 'Head of Year 9', fallback: false });
    expect(signatoryFor('attendanceLead', 9, staff, school)).toEqual({ name: 'Ms J Reid', role: 'Attendance Officer', fallback: false });
  });

  it('the Settings signatory when nobody on the Staff tab holds the role, and says so', () => {
    expect(signatoryFor('headOfYear', 11, staff, school)).toEqual({ name: 'Mrs H Marsh', role: 'Headteacher', fallback: true });
  });
});
