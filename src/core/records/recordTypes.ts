/**
 * Records for the mentoring tabs (SPEC §7), which core/types.ts does not define yet. Same shape
 * rules as types.ts: dates are ISO strings, '' when blank. If types.ts gains these, re-export
 * them from there and delete this file.
 */
import { IsoDate } from '../dates';

export interface MentorMeeting {
  date: IsoDate;
  upn: string;
  mentor: string;
  type: string; // Formal / Informal / ''
  notes: string;
  nextMeeting: IsoDate | '';
}

export interface MentoringSlip {
  date: IsoDate;
  upn: string;
  from: string;
  kind: string; // Positive / Concern
  comment: string;
  target: string;
  sentToMentor: IsoDate | '';
}

/** A Y11 after-school or lunchtime session a pupil is requested for. */
export interface SessionRequest {
  date: IsoDate;
  upn: string;
  slot: string; // After school / Lunchtime
  subject: string;
  time: string;
  teacher: string;
  requestedBy: string;
}

/** The register taken at a session. */
export interface SessionAttendance {
  date: IsoDate;
  upn: string;
  subject: string;
  attended: string; // Yes / No / '' (not taken yet)
  followedUp: IsoDate | '';
}

/**
 * A pupil's contact (SPEC §2 Contacts tab: SIMS / Arbor contact exports). Letters are addressed to
 * the contacts with parental responsibility; `correspondence` false means "no correspondence".
 */
export interface Contact {
  upn: string;
  name: string; // as exported, or Contact Forename + Contact Surname
  forename: string;
  surname: string;
  title: string;
  relationship: string;
  parentalResponsibility: boolean | null; // null: not stated
  priority: number | null;
  address: string;
  email: string;
  livesWithPupil: boolean | null;
  salutation: string;
  correspondence: boolean | null; // null: not stated (letters go)
}
