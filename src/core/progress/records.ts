/**
 * Records of the mentoring tabs (SPEC §7; columns in core/tabs.ts). The importer's records
 * (core/types.ts) are the one definition; the rules take only the fields they use,
 * so a record read from the tracker can be passed straight in.
 */
import * as R from '../types';

export type MentorMeeting = Pick<R.MentorMeeting, 'date' | 'upn' | 'mentor' | 'type'> & Partial<R.MentorMeeting>;
export type MentoringSlip = Pick<R.MentoringSlip, 'date' | 'upn' | 'from' | 'kind' | 'comment' | 'target'> & Partial<R.MentoringSlip>;
export type SessionRequest = R.SessionRequest;
/** The register taken at a session (the Session Register tab). */
export type SessionRegisterEntry = Pick<R.SessionAttendance, 'date' | 'upn' | 'subject' | 'attended'> & Partial<R.SessionAttendance>;
