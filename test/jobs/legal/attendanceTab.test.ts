/**
 * The Attendance tab's Legal Next column and the Penalty Threshold flag with the Legal tab (issue
 * 19): what is due next per pupil after "Review attendance", only for pupils of compulsory school
 * age; a step recorded on the Legal tab answers the threshold, so the flag clears.
 */
import { legalSchool, LegalSchool, AS_OF, U } from './legalSchool';
import { tabObjects } from '../attendanceSchool';
import { loadSettings } from '../../../src/gas/settingsStore';
import { reviewAttendanceJob } from '../../../src/jobs/attendance/job';
import { recordLegalStepJob } from '../../../src/jobs/legal/record';
import { buildEvidence } from '../../../src/jobs/qa/evidence';
import { runAttendanceReview } from '../../../src/jobs/attendance/review';

let t: LegalSchool;
beforeAll(() => (t = legalSchool()));
afterAll(() => t.uninstall());

const row = (upn: string) => tabObjects(t.ss, 'Attendance').find((r) => r.UPN === upn)!;

test('Legal Next after Review attendance', () => {
  reviewAttendanceJob(t.ss, loadSettings(), AS_OF);
  expect(row(U.amir)['Legal Next']).toBe('threshold first met 12/09 — no Notice to Improve yet');
  expect(row(U.bella)['Legal Next']).toBe('threshold first met 20/09 (holiday in term time) — consider a penalty notice; no Notice to Improve is expected for a holiday');
  expect(row(U.callum)['Legal Next']).toBe('threshold first met 04/10 — no Notice to Improve yet; absent without permission 30/09–11/10 (10 school days), back 14/10 — notify the LA, with the return date');
  // Dana (Year 12, the same holiday as Bella) and Evan (always in): nothing.
  expect(row(U.dana)['Legal Next']).toBe('');
  expect(row(U.dana)['Penalty Threshold']).toBe('No');
  expect(row(U.evan)['Legal Next']).toBe('');
});

test('a penalty notice on the Legal tab answers the threshold: the flag clears and the count shows', () => {
  expect(row(U.bella)['Penalty Threshold']).toBe('Yes');
  recordLegalStepJob(t.ss, loadSettings(), AS_OF, { upn: U.bella, step: 'Penalty notice', date: '2024-10-01', parents: ['Ms Jo Green'] });
  recordLegalStepJob(t.ss, loadSettings(), AS_OF, { upn: U.callum, step: 'LA notified (10 days)', date: '2024-10-14' });
  reviewAttendanceJob(t.ss, loadSettings(), AS_OF);
  expect(row(U.bella)['Penalty Threshold']).toBe('No');
  expect(row(U.bella)['Legal Next']).toBe('1 notice to Ms Jo Green in 3 years — another would be £160, no reduction');
  expect(row(U.callum)['Notify LA']).toBe('No');
  expect(row(U.callum)['Legal Next']).toBe('threshold first met 04/10 — no Notice to Improve yet');
});

test("the attendance officer's morning e-mail: legal steps due, with EWO on site, contract meetings and G codes", () => {
  const { review, data } = runAttendanceReview(t.ss, loadSettings(), AS_OF);
  const ev = buildEvidence(review, data['Letters Log'] || []);
  for (const check of ['ewoOnSite', 'contractMeetings', 'gCodes'] as const) {
    const sec = ev[check]!.find((s) => /^Legal steps due/.test(s.title))!;
    // After the test above: Bella's threshold is answered (only information left), Callum notified.
    expect({ check, rows: sec.rows }).toEqual({ check, rows: [
      ['Reid, Callum', 10, '10R', 'threshold first met 04/10 — no Notice to Improve yet'],
      ['Shah, Amir', 9, '9S', 'threshold first met 12/09 — no Notice to Improve yet'],
    ] });
  }
});
