/**
 * Who is using the add-on: ONE answer for every job, entry point and access check (issue 14).
 *
 * In a menu item or a sidebar call of an editor add-on the add-on runs as the person at the
 * keyboard, so the active and the effective user are the same person (developers.google.com/
 * apps-script/reference/base/session#getEffectiveUser(): "In most other cases, this returns the
 * same account as getActiveUser()"). In an installable trigger the effective user is whoever made
 * the trigger, and the active user may be blank ("If security policies do not allow access to the
 * user's identity, User.getEmail() returns a blank string"): then the trigger's owner is the
 * person the add-on acts for. So: the active user, else the effective user, else '' (Google did
 * not say — callers that need a person refuse with a message). A service error is not "nobody":
 * it is thrown, so a letter run stops (to be carried on) rather than write letters with a blank
 * By — the crash-anywhere proof found that.
 */
export function currentUser(): string {
  const active = String(Session.getActiveUser().getEmail() || '').trim();
  if (active) return active;
  return String(Session.getEffectiveUser().getEmail() || '').trim();
}
