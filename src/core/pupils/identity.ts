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

/** Headers that say who a row is about (the identity columns of SPEC §2's lists). */
const WHO = ['upn', 'name', 'pupil', 'year', 'reg group', 'tier', 'date', 'type', 'subject teacher'];
const NAMES = ['name', 'pupil'];

/**
 * How many columns to freeze so a row's pupil stays in view while the figures scroll (issue 20):
 * through the last identity column (UPN, Name/Pupil, Year, Reg Group) among the tab's first six,
 * when a name is among them and every column before it says who, for whom or when the row is
 * (Date, Type, Tier, Subject Teacher). 0 for tabs that are not lists of pupils (Coding Review, Attendance by Cohort …).
 * `normalised`: the header row through normaliseHeader (core/tabs.ts).
 */
export function identityColumns(normalised: string[]): number {
  let last = -1;
  let named = false;
  for (let i = 0; i < Math.min(6, normalised.length); i++) {
    const h = normalised[i];
    if (WHO.indexOf(h) < 0) break;
    if (NAMES.indexOf(h) >= 0) named = true;
    if (['upn', 'name', 'pupil', 'year', 'reg group'].indexOf(h) >= 0) last = i;
  }
  return named ? last + 1 : 0;
}
