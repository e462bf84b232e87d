/**
 * Who is on roll. SPEC §2: "A leaver (Leaving Date in the past) is out of every count, list and
 * letter." In the past = before today: on their last day a pupil still counts. Every rule uses
 * this one function so homework, attendance and letters agree.
 */
import { IsoDate } from '../dates';
import { Pupil } from '../types';

export function isLeaver(p: Pupil, asOf: IsoDate): boolean {
  return !!p.leavingDate && p.leavingDate < asOf;
}

export function onRoll(pupils: Pupil[], asOf: IsoDate): Pupil[] {
  return pupils.filter((p) => !isLeaver(p, asOf));
}
