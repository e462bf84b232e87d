/**
 * How a pupil is written, and the key they are matched by. Two forms, one each:
 *
 * - `listName`  "Surname, Forename": a pupil in a list, table or register (e-mails, tabs, digests),
 *   in surname order (`bySurname`).
 * - `proseName` "Forename Surname": a pupil in a sentence ("Recorded: Amy Jones, Maths").
 *
 * The surname order ignores case, accents and punctuation ("O'Brien" files as "obrien",
 * "Ó Súilleabháin" as "o suilleabhain", "Wiśniewski" beside "Wilson"), the same on Apps Script as
 * here: no reliance on the server's locale.
 */

/** UPNs are text keys: trimmed and upper-cased so a stray space or lower-case letter still matches. */
export function normUpn(upn: string): string {
  return String(upn == null ? '' : upn).trim().toUpperCase();
}

/** "Forename Surname" (a blank part is left out). */
export function proseName(p: { forename: string; surname: string }): string {
  return [String(p.forename || '').trim(), String(p.surname || '').trim()].filter((s) => s !== '').join(' ');
}

/** "Wiśniewski, Zoë" → "wisniewski zoe" (case, accents and punctuation folded). */
export function sortKey(s: string): string {
  return String(s || '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Surname, Forename". */
export function listName(p: { forename: string; surname: string }): string {
  const s = String(p.surname || '').trim();
  const f = String(p.forename || '').trim();
  return s && f ? `${s}, ${f}` : s || f;
}

/** Surname order, then forename; ties broken by the text as written so the order is stable. */
export function bySurname<T extends { forename: string; surname: string }>(a: T, b: T): number {
  const ka = sortKey(a.surname);
  const kb = sortKey(b.surname);
  if (ka !== kb) return ka < kb ? -1 : 1;
  const fa = sortKey(a.forename);
  const fb = sortKey(b.forename);
  if (fa !== fb) return fa < fb ? -1 : 1;
  const ra = listName(a);
  const rb = listName(b);
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

/** The same order for names already written "Surname, Forename". */
export function byListName(a: string, b: string): number {
  const split = (n: string) => {
    const i = n.indexOf(',');
    return i < 0 ? { surname: n, forename: '' } : { surname: n.slice(0, i), forename: n.slice(i + 1) };
  };
  return bySurname(split(a), split(b));
}
