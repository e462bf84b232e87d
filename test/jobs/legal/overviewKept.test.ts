/**
 * Issue 22: the legal sidebar's overview (pupils whose pack is wanted) starts from the kept
 * attendance review, and lists exactly who the whole-school read lists. The hand-made legal school
 * says who by hand: Amir (threshold met 12/09, crossing the summer) and Callum (threshold met 04/10,
 * ten school days in a row) are of compulsory school age and unanswered; Bella's penalty notice was
 * paid; Dana is a sixth former; Evan was always in. A step recorded on the Legal tab since the
 * review makes it review afresh.
 */
import { legalSchool, LegalSchool, AS_OF, U, BELLA_PAID } from './legalSchool';
import { sampleSchool, useTracker } from '../../fixtures/trackerFixture';
import { loadSettings } from '../../../src/gas/settingsStore';
import { legalOverviewJob } from '../../../src/jobs/legal/view';
import { loadLegalSources } from '../../../src/jobs/legal/sources';
import { legalCases } from '../../../src/jobs/legal/cases';
import { reviewAttendanceJob } from '../../../src/jobs/attendance/job';
import { listName } from '../../../src/core/pupils/names';

const KEPT = /^From today's attendance review/;

/** The overview from the whole-school read, as the sidebar built it before. */
function whole(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, asOf: string) {
  const s = loadLegalSources(ss, loadSettings(), asOf);
  return legalCases(s)
    .filter((c) => c.compulsory && c.due.packWanted)
    .sort((a, b) => a.pupil.year - b.pupil.year || a.pupil.surname.localeCompare(b.pupil.surname))
    .map((c) => ({ upn: c.pupil.upn, name: listName(c.pupil), year: c.pupil.year, regGroup: c.pupil.regGroup, dueNext: c.due.text }));
}

describe('the hand-made legal school', () => {
  let t: LegalSchool;
  beforeAll(() => {
    t = legalSchool({ legal: BELLA_PAID });
  });
  afterAll(() => t.uninstall());

  it('lists Amir and Callum, from a fresh review the first time and from the kept one after', () => {
    const first = legalOverviewJob(t.ss, loadSettings(), AS_OF);
    expect(first.reviewNote).toMatch(/reviewed afresh: there is no earlier review to start from/);
    expect(first.cases.map((c) => c.upn).sort()).toEqual([U.amir, U.callum].sort());
    expect(first.cases.find((c) => c.upn === U.amir)!.dueNext).toMatch(/^threshold first met 12\/09/);
    expect(first.cases.find((c) => c.upn === U.callum)!.dueNext).toMatch(/^threshold first met 04\/10/);
    expect(first.cases).toEqual(whole(t.ss, AS_OF));
    const again = legalOverviewJob(t.ss, loadSettings(), AS_OF);
    expect(again.reviewNote).toMatch(KEPT);
    expect(again.cases).toEqual(first.cases);
  });

  it('a step typed on the Legal tab since: reviewed afresh, and Amir is no longer listed once his threshold is answered', () => {
    reviewAttendanceJob(t.ss, loadSettings(), AS_OF);
    expect(legalOverviewJob(t.ss, loadSettings(), AS_OF).reviewNote).toMatch(KEPT);
    const legal = t.ss.getSheetByName('Legal')!;
    const header = legal.getRange(1, 1, 1, legal.getLastColumn()).getValues()[0].map(String);
    const row = header.map((h) => (h === 'Date' ? '14/11/2024' : h === 'UPN' ? U.amir : h === 'Step' ? 'Penalty notice' : h === 'Parent' ? 'Mr Sam Khan' : h === 'Amount' ? '£80 if paid within 21 days, £160 within 28 days' : ''));
    legal.getRange(legal.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    const after = legalOverviewJob(t.ss, loadSettings(), AS_OF);
    expect(after.reviewNote).toMatch(/the Legal tab has changed/);
    expect(after.cases).toEqual(whole(t.ss, AS_OF));
    // The penalty notice answers Amir's threshold: only Callum is left.
    expect(after.cases.map((c) => c.upn)).toEqual([U.callum]);
  });
});

describe('a sample school', () => {
  const school = sampleSchool(120);
  const tracker = useTracker({ school });

  it('the kept review lists who the whole-school read lists', () => {
    reviewAttendanceJob(tracker().ss, loadSettings(), school.asOf);
    const o = legalOverviewJob(tracker().ss, loadSettings(), school.asOf);
    expect(o.reviewNote).toMatch(KEPT);
    expect(o.cases.length).toBeGreaterThan(0);
    expect(o.cases).toEqual(whole(tracker().ss, school.asOf));
  });
});
