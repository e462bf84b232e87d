/**
 * Who is on roll. SPEC §2: "A leaver (Leaving Date in the past) is out of every count, list and
 * letter." In the past = before today: on their last day a pupil still counts. Every rule uses
 * this one function so homework, attendance and letters agree.
 */
import { IsoDate } from '../dates';
import { Pupil } from '../types';
import { normUpn } from './names';

export function isLeaver(p: Pupil, asOf: IsoDate): boolean {
  return !!p.leavingDate && p.leavingDate < asOf;
}

export function onRoll(pupils: Pupil[], asOf: IsoDate): Pupil[] {
  return pupils.filter((p) => !isLeaver(p, asOf));
}

/** Pupils on roll at `asOf`, keyed by normalised UPN. */
export function rollIndex(pupils: Pupil[], asOf: IsoDate): Map<string, Pupil> {
  const m = new Map<string, Pupil>();
  for (const p of pupils) if (!isLeaver(p, asOf)) m.set(normUpn(p.upn), p);
  return m;
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
