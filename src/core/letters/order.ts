/**
 * The order letters are printed and filed in (SPEC §5): year, reg group, surname, forename — with
 * letters to one household next to each other, so they can go in one envelope.
 */
import { Pupil } from '../types';
import { PlannedLetter } from './plan';

/**
 * The printing order (SPEC §5): year, reg group, surname — and letters to one household (siblings
 * at one address) next to each other, where the household's first letter falls, so they can go in
 * one envelope. A letter with no address stands alone.
 */
export function packOrder(letters: PlannedLetter[], byUpn: Map<string, Pupil>): PlannedLetter[] {
  const order = filingOrder(byUpn);
  const sorted = letters.map((l, i) => ({ l, i })).sort((a, b) => order(a.l.upn, b.l.upn) || a.i - b.i).map((x) => x.l);
  const groups: PlannedLetter[][] = [];
  const byHousehold = new Map<string, PlannedLetter[]>();
  for (const l of sorted) {
    const h = l.addressee.household;
    const g = h ? byHousehold.get(h) : undefined;
    if (g) {
      g.push(l);
      continue;
    }
    const fresh = [l];
    groups.push(fresh);
    if (h) byHousehold.set(h, fresh);
  }
  return ([] as PlannedLetter[]).concat(...groups);
}

/** Year, reg group, surname, forename, then UPN so the order never depends on the input order. */
export function filingOrder(byUpn: Map<string, Pupil>): (a: string, b: string) => number {
  return (a, b) => {
    const p = byUpn.get(a);
    const q = byUpn.get(b);
    if (p && q) {
      if (p.year !== q.year) return p.year - q.year;
      const c = cmp(p.regGroup, q.regGroup) || cmp(p.surname, q.surname) || cmp(p.forename, q.forename);
      if (c) return c;
    } else if (p || q) {
      return p ? -1 : 1; // pupils not on the roll go last
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

function cmp(a: string, b: string): number {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
