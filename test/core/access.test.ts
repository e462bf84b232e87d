/**
 * Who may use what (issue 13, core/access.ts), answers from the rule as written: the owner may
 * always; otherwise the person must be on the Staff tab, with a letters role for letter runs and
 * a settings role for settings, imports and the e-mails.
 */
import { decideAccess } from '../../src/core/access';
import { StaffMember } from '../../src/core/types';
import { UserError } from '../../src/core/errors';

const staff = (email: string, roles: string[]): StaffMember => ({ name: 'X', email, roles, year: null, regGroup: '', department: '' });
const LIST = [
  staff('hoy@s.sch.uk', ['Head of Year']),
  staff('ao@s.sch.uk', ['Attendance officer']),
  staff('teacher@s.sch.uk', ['Class teacher']),
  staff('yam@s.sch.uk', ['YAM']), // seed 000's word for Head of Year
];
const OWNERS = ['owner@s.sch.uk'];

function allowed(level: Parameters<typeof decideAccess>[0], email: string, list = LIST, owners = OWNERS): boolean | string {
  try {
    decideAccess(level, list, email, owners);
    return true;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
}

test('each level, for each kind of person', () => {
  const people = ['teacher@s.sch.uk', 'HoY@S.sch.uk', 'yam@s.sch.uk', 'ao@s.sch.uk', 'owner@s.sch.uk', 'parent@gmail.com'];
  const table = people.map((p) => [p, ...(['anyone', 'staff', 'letters', 'settings'] as const).map((l) => allowed(l, p) === true)]);
  expect(table).toEqual([
    ['teacher@s.sch.uk', true, true, false, false],
    ['HoY@S.sch.uk', true, true, true, false],
    ['yam@s.sch.uk', true, true, true, false],
    ['ao@s.sch.uk', true, true, true, true],
    ['owner@s.sch.uk', true, true, true, true], // not on the Staff tab, and still allowed
    ['parent@gmail.com', true, false, false, false],
  ]);
});

test('the refusals say why and what to do, and name no pupil', () => {
  expect(allowed('staff', 'parent@gmail.com')).toBe('parent@gmail.com is not on the Staff tab. Ask your attendance officer to add you.');
  expect(allowed('letters', 'teacher@s.sch.uk')).toMatch(/^Letter runs are for the Head of Year, .* or Intervention team \(Role on the Staff tab\)/);
  expect(allowed('settings', 'hoy@s.sch.uk')).toBe('Only the SLT, Attendance officer or Intervention team can do this (Role on the Staff tab). Ask one of them.');
  expect(allowed('staff', '')).toMatch(/^Google did not tell Pastoral Tracker who you are/);
});

test('an empty Staff tab lets in only an owner; with no owner known, nobody', () => {
  expect(allowed('settings', 'owner@s.sch.uk', [])).toBe(true);
  expect(allowed('staff', 'someone@s.sch.uk', [])).toMatch(/Staff tab is empty/);
  expect(allowed('staff', 'someone@s.sch.uk', [], [])).toMatch(/Staff tab is empty/);
  expect(allowed('anyone', '', [], [])).toBe(true);
});

test('the caller says who they are, their Staff row and whether they own the tracker', () => {
  expect(decideAccess('staff', LIST, ' AO@s.sch.uk ', OWNERS)).toEqual({ email: 'ao@s.sch.uk', staff: LIST[1], owner: false });
  expect(decideAccess('settings', LIST, 'owner@s.sch.uk', ['', 'Owner@S.sch.uk'])).toEqual({ email: 'owner@s.sch.uk', staff: null, owner: true });
});
