/**
 * How a pupil appears in every list: UPN, name (core/pupils/names.ts: "Surname, Forename" in lists,
 * "Forename Surname" in prose), year and reg group — one shape that list rows extend. The cohort
 * splits (PP, EAL, SEN) are added for the attendance, homework and digest lists.
 */
import { Pupil } from '../types';
import { listName } from './names';

export interface PupilRef {
  upn: string;
  name: string;
  year: number;
  regGroup: string;
}

export interface PupilIdentity extends PupilRef {
  pp: boolean;
  eal: boolean;
  sen: boolean;
}

/** A pupil as a list row shows them: listName ("Surname, Forename"), year, reg group, PP/EAL/SEN. */
export function pupilIdentity(p: Pupil): PupilIdentity {
  return { upn: p.upn, name: listName(p), year: p.year, regGroup: p.regGroup, pp: p.pp, eal: p.eal, sen: p.sen };
}
