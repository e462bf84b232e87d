/**
 * Issue 22: the legal sidebar's case view and "record a step" read one pupil's rows (found by UPN,
 * with the school's open sessions remembered), and show what the whole-school read showed. The
 * reference: the same view built from the whole-school sources (every tab, every pupil's marks).
 * On the hand-made legal school (a threshold crossing the summer, a ten-day run, a sixth former,
 * a penalty notice on the Legal tab) and on every pupil of a sample school.
 */
import { legalSchool, LegalSchool, AS_OF, U, BELLA_PAID } from './legalSchool';
import { sampleSchool, useTracker } from '../../fixtures/trackerFixture';
import { loadSettings } from '../../../src/gas/settingsStore';
import { legalCaseViewJob } from '../../../src/jobs/legal/view';
import { loadLegalSources } from '../../../src/jobs/legal/sources';

const whole = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, upn: string, asOf: string) => legalCaseViewJob(ss, upn, loadSettings(), asOf, loadLegalSources(ss, loadSettings(), asOf));

describe('the hand-made legal school', () => {
  let t: LegalSchool;
  beforeAll(() => {
    t = legalSchool({ legal: BELLA_PAID });
  });
  afterAll(() => t.uninstall());

  it.each(Object.keys(U))('%s: the same case from their rows as from the whole school', (who) => {
    const upn = U[who as keyof typeof U];
    const mine = legalCaseViewJob(t.ss, upn, loadSettings(), AS_OF);
    expect(mine).toEqual(whole(t.ss, upn, AS_OF));
  });

  it('the threshold that crosses the summer is still found from Amir\'s row alone', () => {
    expect(legalCaseViewJob(t.ss, U.amir, loadSettings(), AS_OF).due[0]).toMatchObject({ kind: 'threshold', action: true });
  });
});

describe('a sample school', () => {
  const school = sampleSchool(40);
  const tracker = useTracker({ school });

  // (What it reads at 2,000 pupils is in npm run bench: "sidebar: legal case".)
  it('every pupil: the same case', () => {
    let compulsory = 0;
    for (const upn of school.tables.Students.slice(1).map((r) => String(r[0]))) {
      const mine = legalCaseViewJob(tracker().ss, upn, loadSettings(), school.asOf);
      expect(mine).toEqual(whole(tracker().ss, upn, school.asOf));
      if (mine.compulsory) compulsory++;
    }
    expect(compulsory).toBeGreaterThan(20);
  });
});
