/**
 * Who signs a letter (SPEC §5: "the signatory is the person whose voice the letter uses"): the
 * pupil's Head of Year from the Staff tab for the letters written as the Head of Year (AT1, AT2,
 * PA and the others), the attendance officer for the panel and EWO letters, which the policy
 * (seed 004) gives to the lead attendance officer.
 *
 * Where the Staff tab names nobody for the role (or the year), the signatory in Settings signs, as
 * before — the run's preview says so, so the Head of Year can fix the Staff tab first.
 * Several people in the role: the first on the Staff tab (a school lists its lead first).
 */
import { Settings } from '../settings';
import { StaffMember } from '../types';
import { Wording } from './wording';

export interface Signature {
  name: string;
  role: string;
  /** True when nobody on the Staff tab held the role and the Settings signatory was used. */
  fallback: boolean;
}

export function signatoryFor(voice: Wording['voice'], year: number, staff: StaffMember[], school: Settings['school']): Signature {
  const has = (m: StaffMember, role: string) => m.roles.some((r) => r.trim().toLowerCase() === role.toLowerCase());
  if (voice === 'headOfYear') {
    const hoy = staff.find((m) => has(m, 'Head of Year') && m.year === year && m.name.trim() !== '');
    if (hoy) return { name: hoy.name.trim(), role: `Head of Year ${year}`, fallback: false };
  } else {
    const lead = staff.find((m) => has(m, 'Attendance officer') && m.name.trim() !== '');
    if (lead) return { name: lead.name.trim(), role: 'Attendance Officer', fallback: false };
  }
  return { name: school.signatory, role: school.signatoryRole, fallback: true };
}
