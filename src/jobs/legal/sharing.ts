/**
 * Who an evidence pack is shared with (issue 19): the staff who run letters — they make the
 * letters the pack lists, and they take the case to the local authority — and nobody else. A
 * document is private to whoever made it (SPEC §9), so without this a second Head of Year could
 * not open a pack. Only addresses in the school's e-mail domains are added.
 */
import { Settings } from '../../core/settings';
import { StaffMember } from '../../core/types';
import { hasRole } from '../../core/homework/owners';

/** The roles that run letter runs (and so the legal steps that follow them). */
export const LETTER_ROLES = ['Head of Year', 'Deputy Head of Year', 'Attendance officer', 'Pastoral manager', 'SLT attendance', 'PSW attendance'];

export function lettersStaffEmails(staff: StaffMember[], settings: Settings): string[] {
  const domains = settings.school.allowedDomains.map((d) => d.trim().toLowerCase().replace(/^@/, ''));
  const out: string[] = [];
  for (const m of staff) {
    const e = String(m.email || '').trim().toLowerCase();
    if (!e || out.indexOf(e) >= 0) continue;
    if (!LETTER_ROLES.some((r) => hasRole(m, r))) continue;
    if (!domains.some((d) => e.endsWith(`@${d}`))) continue;
    out.push(e);
  }
  return out.sort();
}
