/**
 * The records the rules work on. gas/ reads a tab into these (by header, see core/tabs.ts) and
 * writes decisions back; core/ never sees a Range. Dates are ISO strings (core/dates.ts).
 */
import { IsoDate } from './dates';

export interface Pupil {
  upn: string; // 13 characters, text (keeps leading zeros)
  adno: string;
  forename: string;
  surname: string;
  year: number; // 7–11 (or the school's configured years)
  regGroup: string;
  pp: boolean;
  eal: boolean;
  sen: boolean; // SEN support or EHCP
  parentName: string;
  parentEmail: string;
  address: string;
  mentor: string; // staff e-mail or name
  leavingDate: IsoDate | ''; // a leaver (date in the past) is out of every count, list and letter
  /** Compulsory school age is worked out from it when present (core/attendance/compulsoryAge.ts). */
  dateOfBirth?: IsoDate | '';
  /** Attendance figures count from the later of this and the academic year's start. */
  admissionDate?: IsoDate | '';
}

export type StaffRole =
  | 'Class teacher'
  | 'Curriculum leader'
  | 'Form tutor'
  | 'Head of Year'
  | 'Deputy Head of Year'
  | 'Intervention team'
  | 'Attendance officer'
  | 'Pastoral manager'
  | 'PSW attendance'
  | 'Student reception'
  | 'SLT'
  | 'SLT attendance'
  | 'SLT link'
  | 'Tutor/Assembly SLT lead'
  | 'EWO'
  | 'PP lead'
  | 'SENCO'
  | 'EAL coordinator'
  | 'Mentor'
  | 'Tracking and mentoring lead'
  | 'Raising Achievement Coordinator'
  | 'Head of subject';

export interface StaffMember {
  name: string;
  email: string;
  /** One or more roles, separated by commas or semicolons in the sheet. */
  roles: string[];
  year: number | null; // HoY / SLT link year
  regGroup: string; // form tutor's group
  department: string; // CL / head of subject / class teacher
}

export interface HomeworkMiss {
  row?: number; // sheet row it came from, for messages
  date: IsoDate;
  upn: string;
  subject: string;
  className: string;
  teacher: string;
  reason: string;
  subjectDetention: string; // Yes/No/''
  detentionAttended: string; // Yes/No/''
  clDetention: string;
  notes: string;
}

export interface HomeworkSet {
  dateSet: IsoDate;
  className: string;
  subject: string;
  year: number;
  teacher: string;
  due: IsoDate | '';
}

export type Session = 'AM' | 'PM';

export interface Mark {
  upn: string;
  date: IsoDate;
  session: Session;
  code: string; // '' = blank (a gap on an open day)
}

/** For schools without session marks: the MIS's attendance summary per pupil. */
export interface AttendanceSummary {
  upn: string;
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
}

export interface LateToLesson {
  date: IsoDate;
  upn: string;
  lesson: string;
  minutes: number;
}

export interface Intervention {
  key: string; // stable id so a re-run never adds it twice
  date: IsoDate;
  upn: string;
  area: string; // Homework / Attendance / Progress / Mentoring
  action: string;
  owner: string;
  due: IsoDate | '';
  status: string; // Open / Done / Cancelled
  outcome: string;
  entryValue: string;
  exitValue: string;
}

export type LetterType =
  | 'AT1' | 'AT2' | 'panel' | 'EWO' | 'PA'
  | 'tier1' | 'tier2' | 'tier3'
  | 'punctuality' | 'lateToLesson' | 'homework' | 'reward';

export interface LetterLogEntry {
  key: string; // e.g. AT1|<upn>|episode-2024-01-08 — the same key is never produced twice
  date: IsoDate;
  type: string;
  upn: string;
  link: string; // batch document URL
  by: string;
  status: string; // Produced / Sent / Out of date / Cancelled
}

export interface QaTask {
  date: IsoDate;
  task: string;
  ownerChain: string[]; // first does, second QAs, third reviews
  checkingFor: string;
  followUpBy: string; // free text as the calendar has it, e.g. "16/1/24 and before send"
  reviewBy: string;
  status: string; // '' / Done / QA'd / Reviewed
  doneOn: IsoDate | '';
  doneBy: string;
}

export interface ProgressEntry {
  upn: string;
  subject: string;
  target: string;
  current: string;
  predicted: string;
  status: string;
}

// The mentoring tabs (SPEC §7).

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
