import { parseAttendanceSummary } from '../../../src/core/records/summaryImport';
import { U1, U2, U3 } from './fixtures';

describe('parseAttendanceSummary', () => {
  it('reads MIS alias headers', () => {
    const r = parseAttendanceSummary([
      ['UPN', 'Possible Sessions', 'Attendance Marks', 'Authorised Absences', 'Unauthorised Absences', '%'],
      [U1, 160, 151, 6, 3, '94.4'],
      [U2, '160', '160', '', '', '100'],
    ]);
    expect(r.refusals).toEqual([]);
    expect(r.records).toEqual([
      { upn: U1, possible: 160, attended: 151, authorised: 6, unauthorised: 3 },
      { upn: U2, possible: 160, attended: 160, authorised: 0, unauthorised: 0 },
    ]);
    expect(r.unknownHeaders).toEqual(['%']);
  });

  it('works out the missing absence column from the rest', () => {
    const r = parseAttendanceSummary([['UPN', 'Possible', 'Present', 'Unauthorised'], [U1, 100, 90, 4]]);
    expect(r.records).toEqual([{ upn: U1, possible: 100, attended: 90, authorised: 6, unauthorised: 4 }]);
  });

  it('refuses rows that do not add up', () => {
    const r = parseAttendanceSummary([
      ['UPN', 'Possible', 'Present', 'Authorised', 'Unauthorised'],
      [U1, 100, 101, 0, 0],
      [U2, 100, 90, 5, 2],
      [U3, 100, 90.5, 5, 4.5],
      [U1, 100, 100, 0, 0],
    ]);
    expect(r.records).toEqual([{ upn: U1, possible: 100, attended: 100, authorised: 0, unauthorised: 0 }]);
    expect(r.refusals).toEqual([
      { row: 2, column: 'Attended', value: '101', reason: 'attended (101) is more than possible (100).' },
      { row: 3, column: 'Possible', value: '100', reason: 'attended 90 + authorised 5 + unauthorised 2 does not make possible 100.' },
      { row: 4, column: 'Attended', value: '90.5', reason: '90.5 is not a whole number of sessions.' },
      { row: 4, column: 'Unauthorised', value: '4.5', reason: '4.5 is not a whole number of sessions.' },
    ]);
  });

  it('needs possible, attended and at least one absence column', () => {
    const r = parseAttendanceSummary([['UPN', 'Possible', 'Present'], [U1, 100, 90]]);
    expect(r.records).toEqual([]);
    expect(r.headerMessages[0]).toMatch(/^Attendance Summary: no "Authorised" or "Unauthorised" column/);
    expect(parseAttendanceSummary([['UPN', 'Present', 'Authorised']]).headerMessages[0])
      .toMatch(/^Attendance Summary: no "Possible" column \(looked for Possible, Possible Sessions/);
  });
});
