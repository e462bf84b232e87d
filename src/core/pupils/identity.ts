/**
 * The few facts about a pupil that every list shows (name, year, reg group) and every cohort
 * split uses (PP, EAL, SEN): one shape for the attendance, homework and digest lists.
 */

export interface PupilIdentity {
  upn: string;
  name: string;
  year: number;
  regGroup: string;
  pp: boolean;
  eal: boolean;
  sen: boolean;
}
