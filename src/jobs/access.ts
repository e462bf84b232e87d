/**
 * Who may call a sidebar's server functions (issue 9). google.script.run can be called by anyone
 * who can open the spreadsheet, from the browser console, with any arguments — so every server
 * function a sidebar uses checks the caller first:
 * - staff only: the active user's e-mail is on the Staff tab;
 * - first set-up: while the Staff tab is empty, the person the add-on runs as (the owner who
 *   installed it) is let in, so someone can import the Staff tab;
 * - settings: SLT, attendance officer or intervention team (or that owner on an empty Staff tab);
 * - the tracker's owner (the person who set it up, gas/owner.ts) may always use every job, on the
 *   Staff tab or not: a school's own staff list must not lock out the person who installed it.
 * Read once per call: one read of the Staff tab.
 */
import { StaffMember } from '../core/types';
import { hasRole } from '../core/homework/owners';
import { loadTabs } from './load';
import { trackerOwner } from '../gas/owner';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class AccessError extends Error {}

export const SETTINGS_ROLES = ['SLT', 'Attendance officer', 'Intervention team'];

export interface Caller {
  email: string;
  staff: StaffMember | null; // null: the owner on an empty Staff tab
  canEditSettings: boolean;
}

/** Pure: decide access from the Staff records, the two e-mails and the tracker's owner. */
export function decideAccess(staff: StaffMember[], activeEmail: string, effectiveEmail: string, ownerEmail = ''): Caller {
  const email = String(activeEmail || '').trim().toLowerCase();
  if (!email) {
    throw new AccessError('Google did not tell the add-on who you are (this happens when you are signed in with an account outside the school). Sign in with your school account and try again.');
  }
  if (email === String(ownerEmail || '').trim().toLowerCase()) {
    return { email, staff: staff.find((s) => s.email.trim().toLowerCase() === email) || null, canEditSettings: true };
  }
  if (!staff.length) {
    // No owner remembered (a tracker set up before owners were): the person the add-on runs as.
    if (!ownerEmail && email === String(effectiveEmail || '').trim().toLowerCase()) return { email, staff: null, canEditSettings: true };
    throw new AccessError('The Staff tab is empty: only the person who installed Pastoral Tracker can use it until the Staff tab is imported.');
  }
  const me = staff.find((s) => s.email.trim().toLowerCase() === email) || null;
  if (!me) throw new AccessError(`${email} is not on the Staff tab. Ask your attendance officer to add you.`);
  return { email, staff: me, canEditSettings: SETTINGS_ROLES.some((r) => hasRole(me, r)) };
}

/** The caller, checked against the Staff tab (throws AccessError when not staff). */
export function checkStaff(ss: Spreadsheet): Caller {
  const { data } = loadTabs(ss, ['Staff']);
  return decideAccess(data.Staff || [], Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), trackerOwner());
}

export function checkSettingsAccess(ss: Spreadsheet): Caller {
  const caller = checkStaff(ss);
  if (!caller.canEditSettings) {
    throw new AccessError(`Only ${SETTINGS_ROLES.join(', ')} can change the settings. Ask one of them.`);
  }
  return caller;
}
