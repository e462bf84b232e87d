/**
 * What the legal jobs read (issue 19), each tab once: the attendance review's read path (Students,
 * Attendance Marks, Letters Log, Lates to Lesson, the Attendance tab) plus the Legal tab, the
 * Interventions, the Staff tab and the Contacts tab in the same pass. Read-only.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Intervention, LetterLogEntry, Mark, Pupil, StaffMember } from '../../core/types';
import type { AttendanceReview } from '../../core/attendance/review';
import { LegalRecord } from '../../core/legal/steps';
import { Contact } from '../../core/types';
import { runAttendanceReview } from '../attendance/review';
import { reviewAttendance } from '../../core/attendance/review';
import { OVERRIDE_TAB, overrideOutcomes } from '../../core/attendance/overrides';
import { readOverrideCells } from '../attendance/overrideCells';
import { normUpn } from '../../core/pupils/names';
import { readPupil } from '../profile/readPupil';
import { loadTabs } from '../load';

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

/**
 * One pupil's legal sources for the legal sidebar's case view (issue 22: a sidebar reads at most
 * 100,000 cells): that pupil's rows of each tab (jobs/profile/readPupil.ts), the Staff tab, and the
 * Head of Year's override for them; the review run for this pupil alone, with the school's open
 * sessions remembered (as the profile does), gives what the whole review gives them.
 */
export function loadPupilLegalSources(ss: Spreadsheet, settings: Settings, asOf: IsoDate, upn: string): LegalSources {
  const read = readPupil(ss, upn, ['Students', 'Attendance Marks', 'Attendance Summary', 'Letters Log', 'Lates to Lesson', 'Legal', 'Interventions', 'Contacts'], settings, asOf);
  const staff = loadTabs(ss, ['Staff'], settings);
  const d = read.data;
  const mine = readOverrideCells(ss.getSheetByName(OVERRIDE_TAB)).overrides.filter((o) => normUpn(o.upn) === normUpn(upn));
  const review = reviewAttendance({
    pupils: d.Students || [],
    marks: read.marks,
    summaries: d.summaries || [],
    letters: d['Letters Log'] || [],
    latesToLesson: d['Lates to Lesson'] || [],
    settings,
    asOf,
    overrides: mine,
    legalSteps: d.Legal || [],
    openSessions: read.openSessions,
  });
  const refused = overrideOutcomes(mine, review.pupils).filter((o) => o.state !== 'honoured').map((o) => o.message);
  return {
    settings,
    asOf,
    review,
    pupils: d.Students || [],
    marks: read.marks,
    steps: d.Legal || [],
    letters: d['Letters Log'] || [],
    interventions: d.Interventions || [],
    staff: staff.data.Staff || [],
    contacts: d.Contacts || [],
    problems: read.problems.concat(staff.problems, refused),
  };
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
