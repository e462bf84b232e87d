/**
 * Who letter documents are shared with (issue 15 §1). A Google Doc belongs to whoever made it and
 * is shared with nobody, so a template made by one Head of Year cannot be opened by another, and a
 * letter run started by one cannot be continued — or its Letters Log link opened — by anyone else.
 * The add-on therefore shares templates and each run's document with the staff who run letters:
 * everyone on the Staff tab holding one of the roles in Settings (`letters.shareWithRoles`: Heads
 * of Year, the attendance officer and lead, the intervention team by default), at an address in
 * the school's allowed e-mail domains — the same rule as staff e-mail, so a document is never
 * shared outside the school.
 */
import { Settings } from '../settings';
import { StaffMember } from '../types';
import { hasRole } from '../homework/owners';
import { checkRecipients } from '../email/compose';

export interface LetterStaff {
  /** Lower-case school addresses, each once. */
  emails: string[];
  /** Why someone in those roles is left out (no address, outside the domains); no pupil data. */
  problems: string[];
}

export function letterStaff(staff: StaffMember[], settings: Settings): LetterStaff {
  const roles = settings.letters.shareWithRoles || [];
  const holders = staff.filter((m) => roles.some((r) => hasRole(m, r)));
  const problems: string[] = [];
  const withAddress = holders.filter((m) => {
    if (String(m.email || '').trim()) return true;
    problems.push(`${m.name || 'A member of staff'} (${m.roles.join(', ')}) has no e-mail on the Staff tab, so the letter documents are not shared with them.`);
    return false;
  });
  const { allowed, refused } = checkRecipients(withAddress.map((m) => m.email), staff, settings);
  for (const r of refused) problems.push(`Letter documents are not shared with ${r.address}: ${r.reason}.`);
  const emails: string[] = [];
  for (const a of allowed) if (emails.indexOf(a.toLowerCase()) < 0) emails.push(a.toLowerCase());
  return { emails, problems };
}
