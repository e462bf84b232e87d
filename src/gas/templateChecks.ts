/**
 * Letter templates whose check passed lately, for the letter preview only: each check reads the
 * template through the Docs API (400 ms projected), five of them in an attendance letters preview,
 * and a Head of Year previews one year group after another. A template that passed is trusted by
 * the preview for ten minutes; a run always checks every template again before it makes anything,
 * so a template broken in those minutes stops the run with its message, never a letter.
 *
 * The user cache (CacheService.getUserCache: "specific to the current user of the script"), so a
 * template one person can open is not taken as open for a colleague it is not shared with. Keys
 * hold the template's Doc id only; no pupil data. Expiry and limits as developers.google.com/
 * apps-script/reference/cache/cache-service (600 s is its default; 21,600 s its most).
 */
const SECONDS = 600;
const key = (docId: string) => `templateOk|${docId}`;

function cache(): GoogleAppsScript.Cache.Cache | null {
  return CacheService.getUserCache();
}

/** The template ids among `docIds` that passed their check in the last ten minutes. */
export function recentlyChecked(docIds: string[]): Set<string> {
  const c = cache();
  if (!c || !docIds.length) return new Set();
  const found = c.getAll(docIds.map(key));
  return new Set(docIds.filter((id) => found[key(id)] === '1'));
}

export function rememberChecked(docIds: string[]): void {
  const c = cache();
  if (!c || !docIds.length) return;
  const values: Record<string, string> = {};
  for (const id of docIds) values[key(id)] = '1';
  c.putAll(values, SECONDS);
}
