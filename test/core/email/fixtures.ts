import { withDefaults } from '../../../src/core/settings';
import { Pupil, StaffMember } from '../../../src/core/types';

export const SETTINGS = withDefaults({ school: { name: 'Hill School', allowedDomains: ['school.sch.uk'] } });

export function pupil(forename: string, surname: string, over: Partial<Pupil> = {}): Pupil {
  return { upn: 'A123456789012', adno: '1', forename, surname, year: 10, regGroup: '10A', pp: false, eal: false, sen: false, parentName: '', parentEmail: '', address: '', mentor: '', leavingDate: '', ...over };
}

export function member(name: string, roles: string[], over: Partial<StaffMember> = {}): StaffMember {
  return { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@school.sch.uk`, roles, year: null, regGroup: '', department: '', ...over };
}
