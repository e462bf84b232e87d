import { StaffMember } from '../../../src/core/types';

export function staff(name: string, roles: string[], extra: Partial<StaffMember> = {}): StaffMember {
  return { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@school.sch.uk`, roles, year: null, regGroup: '', department: '', ...extra };
}

/** A small attendance team: everyone the seed's chains name, except no SLT attendance lead. */
export const TEAM: StaffMember[] = [
  staff('Ann Officer', ['Attendance officer']),
  staff('Pat Manager', ['Pastoral Manager']),
  staff('Hana Ten', ['Year Achievement Manager'], { year: 10 }),
  staff('Ed Eleven', ['HoY'], { year: 11 }),
  staff('Lee Link', ['SLT link'], { year: 10 }),
  staff('Sam Link', ['SLT Link'], { year: 11 }),
  staff('Pia Psw', ['PSW Attendance']),
  staff('Rita Reception', ['Student reception']),
];
