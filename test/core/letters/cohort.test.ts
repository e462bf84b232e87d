/** Who is in a letter run's cohort (core/letters/plan.ts inCohort): one test for the plan, the preview and the tier memory. */
import { inCohort } from '../../../src/core/letters/cohort';
import { pupil } from './fixtures';

const amy = pupil({ upn: 'U1', forename: 'Amy', surname: 'Brown', year: 9, regGroup: '9B' });

test('a year or reg group (reg groups ignore case and spaces)', () => {
  expect(inCohort('U1', amy, { years: [9] })).toBe(true);
  expect(inCohort('U1', amy, { years: [8, 10] })).toBe(false);
  expect(inCohort('U1', amy, { regGroups: [' 9b '] })).toBe(true);
  expect(inCohort('U1', amy, { regGroups: ['9A'] })).toBe(false);
  expect(inCohort('U1', amy, {})).toBe(true);
});

test('a choice of pupils: by UPN, as typed or not', () => {
  expect(inCohort('U1', amy, { upns: [' u1'] })).toBe(true);
  expect(inCohort('U1', amy, { upns: ['U2'] })).toBe(false);
  expect(inCohort('U1', amy, { upns: [] })).toBe(false);
});

test('a UPN not on the Students tab: in the cohort only when chosen or whole-school', () => {
  expect(inCohort('X9', undefined, {})).toBe(true);
  expect(inCohort('X9', undefined, { upns: ['x9'] })).toBe(true);
  expect(inCohort('X9', undefined, { years: [9] })).toBe(false);
  expect(inCohort('X9', undefined, { regGroups: ['9B'] })).toBe(false);
});
