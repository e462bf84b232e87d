/**
 * Who owns this tracker: the person who set it up. They may always use every job (issue 16), and
 * their e-mail domain is the school's domain until Settings names one.
 *
 * Remembered in the document's properties at the first "Set up tracker" (a staff address, never
 * pupil data). A tracker set up before this was remembered falls back to the spreadsheet's Drive
 * owner (Spreadsheet.getOwner(): "the owner of the document, or null for a document in a shared
 * drive" — developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner()).
 */
const OWNER_KEY = 'pastoralTracker.owner';

/** At set-up: remember the person setting up, unless someone already is. Returns the owner. */
export function rememberOwner(email: string): string {
  const props = PropertiesService.getDocumentProperties();
  const known = String(props.getProperty(OWNER_KEY) || '').trim().toLowerCase();
  if (known) return known;
  const me = String(email || '').trim().toLowerCase();
  if (me) props.setProperty(OWNER_KEY, me);
  return me;
}

/** The tracker's owner ('' when nobody is known). */
export function trackerOwner(): string {
  const stored = String(PropertiesService.getDocumentProperties().getProperty(OWNER_KEY) || '').trim().toLowerCase();
  if (stored) return stored;
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet() as unknown as { getOwner?: () => GoogleAppsScript.Base.User | null };
    const owner = ss && typeof ss.getOwner === 'function' ? ss.getOwner() : null;
    return owner ? String(owner.getEmail() || '').trim().toLowerCase() : '';
  } catch (e) {
    return ''; // no Drive access in this mode: nobody is the owner, the Staff tab decides
  }
}
