/**
 * How a pupil appears in every list: UPN, name (core/pupils/names.ts: "Surname, Forename" in lists,
 * "Forename Surname" in prose), year and reg group — one shape that list rows extend. The cohort
 * splits (PP, EAL, SEN) are added for the attendance, homework and digest lists.
 */

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
