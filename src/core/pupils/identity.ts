/**
 * The few facts about a pupil that every list shows (name, year, reg group) and every cohort
 * split uses (PP, EAL, SEN): one shape for the attendance, homework and digest lists.
 */
import { Pupil } from '../types';

export interface PupilIdentity {
  upn: string;
  name: string;
  year: number;
  regGroup: string;
  pp: boolean;
  eal: boolean;
  sen: boolean;
}

export function identityOf(p: Pupil): PupilIdentity {
  return { upn: p.upn, name: `${p.forename} ${p.surname}`.trim(), year: p.year, regGroup: p.regGroup, pp: p.pp, eal: p.eal, sen: p.sen };
}
