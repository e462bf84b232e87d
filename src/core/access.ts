/**
 * Who may use which part of the add-on (issue 13). Every entry point declares one level:
 * - `anyone`: nothing of the tracker's data (the menu, Help, the sidebars' shared CSS);
 * - `staff`: the person's e-mail is on the Staff tab;
 * - `letters`: staff who run letters (Heads of Year, the attendance team, SLT);
 * - `settings`: staff who change settings, import data and turn on the e-mails (SLT, the
 *   attendance officer, the intervention team).
 * The tracker's owner (gas/owner.ts) may always use everything, on the Staff tab or not, so a
 * school's Staff file can never lock out the person who installed it.
 *
 * This is the add-on's boundary only: whoever the spreadsheet is shared with can read its tabs
 * in Sheets. The add-on never shows anyone more than the sharing already does.
 */
import { StaffMember } from './types';
import { hasRole } from './homework/owners';
import { UserError } from './errors';

export type AccessLevel = 'anyone' | 'staff' | 'letters' | 'settings';

export const SETTINGS_ROLES = ['SLT', 'Attendance officer', 'Intervention team'];
export const LETTERS_ROLES = ['Head of Year', 'Deputy Head of Year', 'Pastoral manager', 'PSW attendance', 'SLT attendance', ...SETTINGS_ROLES];

export interface Caller {
  /** Lower case; '' only for `anyone` when Google did not say who it is. */
  email: string;
  /** Their Staff tab row (null: not on it — the owner, or anyone for `anyone`). */
  staff: StaffMember | null;
  owner: boolean;
}

function norm(email: unknown): string {
  return String(email || '').trim().toLowerCase();
}

function list(roles: string[]): string {
  return roles.length > 1 ? `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}` : roles[0];
}

/**
 * Pure: may `email` use something at `level`? Returns the caller, or throws a UserError that
 * says why not and what to do (no pupil data in it: it reaches the stranger's screen).
 */
export function decideAccess(level: AccessLevel, staff: StaffMember[], email: string, owners: string[]): Caller {
  const me = norm(email);
  const row = me ? staff.find((s) => norm(s.email) === me) || null : null;
  const owner = me !== '' && owners.map(norm).indexOf(me) >= 0;
  const caller: Caller = { email: me, staff: row, owner };
  if (level === 'anyone' || owner) return caller;
  if (!me) {
    throw new UserError('Google did not tell Pastoral Tracker who you are (this happens when you are signed in with an account outside the school). Sign in with your school account and try again.');
  }
  if (!row) {
    throw new UserError(
      staff.length
        ? `${me} is not on the Staff tab. Ask your attendance officer to add you.`
        : 'The Staff tab is empty: only the tracker\'s owner can use Pastoral Tracker until the Staff tab is imported.',
    );
  }
  if (level === 'letters' && !LETTERS_ROLES.some((r) => hasRole(row, r))) {
    throw new UserError(`Letter runs are for the ${list(LETTERS_ROLES)} (Role on the Staff tab). Ask one of them.`);
  }
  if (level === 'settings' && !SETTINGS_ROLES.some((r) => hasRole(row, r))) {
    throw new UserError(`Only the ${list(SETTINGS_ROLES)} can do this (Role on the Staff tab). Ask one of them.`);
  }
  return caller;
}
