/**
 * What the legal jobs read (issue 19), each tab once: the attendance review's read path (Students,
 * Attendance Marks, Letters Log, Lates to Lesson, the Attendance tab) plus the Legal tab, the
 * Interventions, the Staff tab and the Contacts tab in the same pass. Read-only.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Intervention, LetterLogEntry, Mark, Pupil, StaffMember } from '../../core/types';
import { AttendanceReview } from '../../core/attendance/review';
import { LegalRecord } from '../../core/legal/steps';
import { Contact } from '../../core/types';
import { runAttendanceReview } from '../attendance/review';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LegalSources {
  settings: Settings;
  asOf: IsoDate;
  review: AttendanceReview;
  /** Every pupil on the Students tab (leavers too: a leaver's pack can still be asked for). */
  pupils: Pupil[];
  marks: Mark[];
  steps: LegalRecord[];
  letters: LetterLogEntry[];
  interventions: Intervention[];
  staff: StaffMember[];
  /** The Contacts tab (parents with parental responsibility), when the tracker has one. */
  contacts: Contact[];
  /** Rows that could not be read ("Legal row 7, Step …"), for the person; no pupil names. */
  problems: string[];
}

export function loadLegalSources(ss: Spreadsheet, settings: Settings, asOf: IsoDate): LegalSources {
  const run = runAttendanceReview(ss, settings, asOf, { extra: ['Legal', 'Interventions', 'Staff', 'Contacts'], tierHistory: false });
  const d = run.data;
  return {
    settings,
    asOf,
    review: run.review,
    pupils: d.Students || [],
    marks: d['Attendance Marks'] || [],
    steps: d.Legal || [],
    letters: d['Letters Log'] || [],
    interventions: d.Interventions || [],
    staff: d.Staff || [],
    contacts: d.Contacts || [],
    problems: run.problems,
  };
}
