/**
 * Records of the mentoring tabs (SPEC §7; columns in core/tabs.ts). Kept here rather than in
 * core/types.ts because only the progress rules use them; gas/ reads the tabs into these shapes.
 */
import { IsoDate } from '../dates';

export interface MentorMeeting {
  date: IsoDate;
  upn: string;
  mentor: string;
  type: string; // Formal / Informal
  notes?: string;
}

export interface MentoringSlip {
  date: IsoDate;
  upn: string;
  from: string;
  kind: string; // Positive / Concern
  comment: string;
  target: string;
}

/** A member of staff asks for a Y11 pupil at an after-school or lunchtime session. */
export interface SessionRequest {
  date: IsoDate;
  upn: string;
  slot: string; // After school / Lunchtime
  subject: string;
  time: string;
  teacher: string;
  requestedBy: string;
}

export interface SessionRegisterEntry {
  date: IsoDate;
  upn: string;
  subject: string;
  attended: string; // Yes / No / '' (not taken)
  followedUp?: IsoDate | '';
}
