/**
 * Who owns this tracker. The owner may always use every job, whatever the Staff tab says (a
 * school's Staff file without them must not lock out the person who installed it, issue 16), and
 * their e-mail domain is the school's domain until Settings names one.
 *
 * The owners are the spreadsheet's Drive owner — Spreadsheet.getOwner(): "the owner of the
 * document, or null for a document in a shared drive" (developers.google.com/apps-script/
 * reference/spreadsheet/spreadsheet#getOwner()) — and the person who first ran Set up tracker,
 * remembered in the document's properties (a staff address, never pupil data). On a shared drive
 * the second is the only owner there is.
 */
import { documentProperties } from './properties';

const OWNER_KEY = 'pastoralTracker.owner';

function norm(email: unknown): string {
  return String(email || '').trim().toLowerCase();
}

function driveOwner(): string {
  try {
    const owner = SpreadsheetApp.getActiveSpreadsheet().getOwner();
    return owner ? norm(owner.getEmail()) : '';
  } catch (e) {
    // Refused here (an authorisation mode, or a scope Google wants for it that the documented
    // spreadsheets.currentonly may not cover): the owner remembered at set-up decides.
    return '';
  }
}

/** At set-up: remember the person setting up, unless someone already is. Returns who is. */
export function rememberOwner(email: string): string {
  const props = documentProperties();
  const known = norm(props.getProperty(OWNER_KEY));
  if (known) return known;
  const me = norm(email);
  if (me) props.setProperty(OWNER_KEY, me);
  return me;
}

/** Every owner of the tracker (the person who set it up, the Drive owner); empty when none is known. */
export function trackerOwners(): string[] {
  const owners = [norm(documentProperties().getProperty(OWNER_KEY)), driveOwner()].filter((e) => e !== '');
  return owners.filter((e, i) => owners.indexOf(e) === i);
}

/** The tracker's owner ('' when nobody is known): whoever set it up, else the Drive owner. */
export function trackerOwner(): string {
  return trackerOwners()[0] || '';
}
