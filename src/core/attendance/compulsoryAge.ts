/**
 * Compulsory school age (SPEC §4.1). The penalty-notice threshold, "notify the local authority"
 * and the legal wording of letters apply only to pupils of compulsory school age; older pupils
 * (the sixth form) keep the school's ladder with support wording.
 *
 * This is law, not a school threshold, so the dates below are constants rather than settings:
 * - Start (Education Act 1996 s.8(2)–(3); Education (Start of Compulsory School Age) Order 1998):
 *   the first "prescribed day" — 31 March, 31 August or 31 December — on or after the fifth
 *   birthday (on the birthday itself when it is one), i.e. the term after the fifth birthday.
 * - End (s.8(4); Education (School Leaving Date) Order 1997): the last Friday in June of the
 *   school year in which the pupil turns 16. The school year here is the legal 1 September –
 *   31 August year (a birthday from 1 September belongs to the year that September starts), not
 *   the school's own academic-year setting. Worked example (IPSEA): born 23 September 2007 →
 *   of compulsory school age until Friday 28 June 2024.
 * - A birthday on 29 February is reached on 1 March in other years (Family Law Reform Act 1969
 *   s.9: an age is attained at the start of the anniversary of the birth; there is none, so the
 *   next day).
 * Without a Date of Birth the National Curriculum year decides: Year 11 and below are of
 * compulsory school age, Year 12 and above are not (the NC year of the cohort that turns 16 in
 * the school year is Year 11).
 */
import { IsoDate, isIsoDate, pad2, weekday } from '../dates';
import { Pupil } from '../types';

/** The last National Curriculum year of compulsory school age in England. */
export const LAST_COMPULSORY_NC_YEAR = 11;

/** The date on which a pupil born on `dob` reaches age `years` (29 February → 1 March). */
function birthday(dob: IsoDate, years: number): IsoDate {
  const y = +dob.slice(0, 4) + years;
  const md = dob.slice(5);
  if (md === '02-29' && !isIsoDate(`${y}-02-29`)) return `${y}-03-01`;
  return `${y}-${md}`;
}

/** The day compulsory school age begins: the prescribed day on or after the fifth birthday. */
export function compulsoryAgeStarts(dob: IsoDate): IsoDate {
  const fifth = birthday(dob, 5);
  const y = +fifth.slice(0, 4);
  for (const d of [`${y}-03-31`, `${y}-08-31`, `${y}-12-31`]) if (d >= fifth) return d;
  return `${y + 1}-03-31`; // unreachable: 31 December is on or after every date of its year
}

/** The last day of compulsory school age: the last Friday in June of the school year the pupil turns 16. */
export function compulsoryAgeEnds(dob: IsoDate): IsoDate {
  const sixteenth = birthday(dob, 16);
  const y = +sixteenth.slice(0, 4);
  const june = +sixteenth.slice(5, 7) >= 9 ? y + 1 : y; // the school year's June
  let day = 30;
  while (weekday(`${june}-06-${pad2(day)}`) !== 4) day--;
  return `${june}-06-${pad2(day)}`;
}

export type AgeSource = 'dateOfBirth' | 'year';

export interface CompulsoryAge {
  compulsory: boolean;
  /** What decided it: the Date of Birth when the Students tab has one, else the NC year. */
  from: AgeSource;
  /** With a Date of Birth: the first and last days of compulsory school age. */
  starts?: IsoDate;
  ends?: IsoDate;
}

/** Whether a pupil is of compulsory school age on `date`, and why (for the docs and the profile). */
export function compulsoryAge(pupil: Pick<Pupil, 'year' | 'dateOfBirth'>, date: IsoDate): CompulsoryAge {
  const dob = pupil.dateOfBirth || '';
  if (dob && isIsoDate(dob)) {
    const starts = compulsoryAgeStarts(dob);
    const ends = compulsoryAgeEnds(dob);
    return { compulsory: date >= starts && date <= ends, from: 'dateOfBirth', starts, ends };
  }
  return { compulsory: pupil.year <= LAST_COMPULSORY_NC_YEAR, from: 'year' };
}

/**
 * The one test the rules use (penalty threshold, notify the LA) and letters use for their legal
 * paragraphs (SPEC §5): is this pupil of compulsory school age on `date`?
 */
export function isCompulsorySchoolAge(pupil: Pick<Pupil, 'year' | 'dateOfBirth'>, date: IsoDate): boolean {
  return compulsoryAge(pupil, date).compulsory;
}
