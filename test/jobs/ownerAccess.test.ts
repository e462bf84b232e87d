/**
 * The tracker's owner (issue 16): the person who set it up may always use every job, whatever the
 * school's Staff tab says, and their e-mail domain is the school's until Settings names one.
 */
import { createLocalGoogle } from '../../local/google';
import { loadBundle } from '../../local/loadBundle';
import { decideAccess } from '../../src/core/access';
import { withDefaults, withOwnerDomain } from '../../src/core/settings';
import { StaffMember } from '../../src/core/types';

const member = (email: string, roles: string[]): StaffMember => ({ name: email.split('@')[0], email, roles, year: null, regGroup: '', department: '' });

describe('decideAccess with an owner', () => {
  const staff = [member('hoy@oak.sch.uk', ['Head of Year']), member('teacher@oak.sch.uk', ['Teacher'])];

  it('the owner may do everything, on the Staff tab or not', () => {
    expect(decideAccess('settings', staff, 'owner@oak.sch.uk', ['owner@oak.sch.uk'])).toEqual({ email: 'owner@oak.sch.uk', staff: null, owner: true });
    const asTeacher = decideAccess('settings', [...staff, member('dm@oak.sch.uk', ['Teacher'])], 'DM@oak.sch.uk', ['dm@oak.sch.uk']);
    expect([asTeacher.owner, asTeacher.staff?.email]).toEqual([true, 'dm@oak.sch.uk']);
  });

  it('everyone else is decided by the Staff tab, as before', () => {
    expect(() => decideAccess('settings', staff, 'teacher@oak.sch.uk', ['owner@oak.sch.uk'])).toThrow(/^Only the SLT/);
    expect(() => decideAccess('staff', staff, 'visitor@oak.sch.uk', ['owner@oak.sch.uk'])).toThrow(/visitor@oak.sch.uk is not on the Staff tab/);
  });

  it('on an empty Staff tab only an owner gets in', () => {
    expect(() => decideAccess('staff', [], 'someone@oak.sch.uk', ['owner@oak.sch.uk'])).toThrow(/Staff tab is empty/);
    expect(() => decideAccess('staff', [], 'someone@oak.sch.uk', [])).toThrow(/Staff tab is empty/);
  });
});

describe("the school's e-mail domain", () => {
  it("defaults to the owner's domain; a domain in Settings overrides; a Gmail owner lends none", () => {
    expect(withOwnerDomain(withDefaults(), 'owner@oak.sch.uk').school.allowedDomains).toEqual(['oak.sch.uk']);
    expect(withOwnerDomain(withDefaults({ school: { allowedDomains: ['elm.sch.uk'] } }), 'owner@oak.sch.uk').school.allowedDomains).toEqual(['elm.sch.uk']);
    expect(withOwnerDomain(withDefaults(), 'someone@gmail.com').school.allowedDomains).toEqual([]);
    expect(withOwnerDomain(withDefaults(), '').school.allowedDomains).toEqual([]);
  });
});

describe('on the bundle', () => {
  it('the first person to set up owns the tracker; their domain is used until Settings names one', () => {
    const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z'), user: 'Data.Manager@oak.sch.uk' });
    const gas = loadBundle(g);
    gas.setUpTracker();
    const props = g.services.PropertiesService.getDocumentProperties();
    expect(props.getProperty('pastoralTracker.owner')).toBe('data.manager@oak.sch.uk');
    // Someone else setting up again (an upgrade) does not take the tracker over.
    (g.services.Session as any)._setUser('hoy@oak.sch.uk');
    gas.setUpTracker();
    expect(props.getProperty('pastoralTracker.owner')).toBe('data.manager@oak.sch.uk');
    // A Staff tab without the owner on it does not lock the owner out.
    (g.services.Session as any)._setUser('data.manager@oak.sch.uk');
    g.spreadsheet.getSheetByName('Staff')!.getRange(1, 1, 2, 3).setValues([['Name', 'Email', 'Role'], ['Hana Year', 'hoy@oak.sch.uk', 'Head of Year']]);
    gas.showSettings();
    expect(g.app._record.sidebars.length).toBe(1);
    expect(gas.getSettingsForm()).toBeTruthy();
  });
});
