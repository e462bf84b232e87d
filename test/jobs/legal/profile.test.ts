/**
 * The pupil profile shows the legal case (issue 19): what is due next and the steps so far — and
 * nothing legal for a sixth former.
 */
import { legalSchool, LegalSchool, AS_OF, U, BELLA_PAID } from './legalSchool';
import { loadSettings } from '../../../src/gas/settingsStore';
import { pupilProfileJob } from '../../../src/jobs/profile/profile';

let t: LegalSchool;
beforeAll(() => {
  t = legalSchool({ legal: BELLA_PAID });
});
afterAll(() => t.uninstall());

test("Amir: the threshold not yet answered is what is due", () => {
  const p = pupilProfileJob(t.ss, U.amir, loadSettings(), AS_OF);
  expect(p.legal).toEqual({ due: [{ kind: 'threshold', text: 'threshold first met 12/09 — no Notice to Improve yet', action: true }], steps: [] });
});

test('Bella: answered by a penalty notice to her mother, counted for the limit', () => {
  const p = pupilProfileJob(t.ss, U.bella, loadSettings(), AS_OF);
  expect(p.legal!.due.map((d) => d.text)).toEqual(['1 notice to Ms Jo Green in 3 years — another would be £160, no reduction']);
  expect(p.legal!.steps).toEqual([{ date: '2024-09-20', step: 'Penalty notice', parent: 'Ms Jo Green', amount: '£80 if paid within 21 days, £160 within 28 days', periodEnd: '', outcome: 'Paid within 21 days' }]);
});

test('Dana, a sixth former: no legal section at all', () => {
  expect(pupilProfileJob(t.ss, U.dana, loadSettings(), AS_OF).legal).toBeNull();
});
