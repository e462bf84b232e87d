/**
 * Who is on roll, and how a pupil is named in lists. Shared by the homework and progress rules so
 * that "a leaver is out of every count, list and letter" (SPEC §2) is decided in one place.
 */
import { isLeaver } from '../pupils/roll';
import { IsoDate } from '../dates';
import { Pupil } from '../types';

export { isLeaver };

/** UPNs are text keys: trimmed and upper-cased so a stray space or lower-case letter still matches. */
export function normUpn(upn: string): string {
  return String(upn == null ? '' : upn).trim().toUpperCase();
}

/** Case- and space-insensitive text key (subjects, reasons, roles, class names). */
export function normText(s: string): string {
  return String(s == null ? '' : s).replace(/\u00a0/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Pupils on roll at `asOf`, keyed by normalised UPN. */
export function rollIndex(pupils: Pupil[], asOf: IsoDate): Map<string, Pupil> {
  const m = new Map<string, Pupil>();
  for (const p of pupils) if (!isLeaver(p, asOf)) m.set(normUpn(p.upn), p);
  return m;
}

export function pupilName(p: Pupil): string {
  return `${p.forename} ${p.surname}`.trim();
}

/** Year, then reg group, then surname, forename: the order Heads of Year read lists in. */
export function comparePupils(a: Pupil, b: Pupil): number {
  if (a.year !== b.year) return a.year - b.year;
  const rg = a.regGroup.localeCompare(b.regGroup);
  if (rg !== 0) return rg;
  const sn = a.surname.localeCompare(b.surname);
  if (sn !== 0) return sn;
  const fn = a.forename.localeCompare(b.forename);
  return fn !== 0 ? fn : a.upn.localeCompare(b.upn);
}
