/**
 * The caller of an entry point, checked against its access level (core/access.ts): one read of the
 * Staff tab, the tracker's owners and the person at the keyboard. google.script.run can be called
 * by anyone who can open the spreadsheet, from the browser console, with any arguments — so every
 * entry point checks here before it reads anything else (src/entry/wrap.ts does it for them).
 */
import { AccessLevel, Caller, decideAccess } from '../core/access';
import { currentUser } from '../gas/session';
import { trackerOwners } from '../gas/owner';
import { loadTabs } from './load';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function checkAccess(ss: Spreadsheet, level: AccessLevel): Caller {
  const email = currentUser();
  if (level === 'anyone') return decideAccess(level, [], email, []);
  const owners = trackerOwners();
  // The owner needs no Staff tab (and a tracker not yet set up has none to read).
  if (owners.indexOf(email.trim().toLowerCase()) >= 0) return decideAccess(level, [], email, owners);
  const { data } = loadTabs(ss, ['Staff']);
  return decideAccess(level, data.Staff || [], email, owners);
}
