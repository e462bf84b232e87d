/**
 * Everything a letter run decides from: the attendance review through the one read path the
 * attendance job uses (`runAttendanceReview`, jobs/attendance/review.ts: Students, Letters Log,
 * Lates to Lesson, Attendance Summary, Attendance Marks and the Head of Year's overrides on the
 * Attendance tab, each read ONCE) with the Homework Log read in the same pass for homework concern
 * letters, plus the hidden Letter Runs tab. The pupils and the log come from that same read, so a
 * letter's addresses, the log and the ladder all agree.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { AttendanceReview } from '../../core/attendance/review';
import { OverrideOutcome } from '../../core/attendance/overrides';
import { homeworkWeeks, HomeworkWeeks } from '../../core/homework/weeks';
import { LetterLogEntry, LetterType, Pupil } from '../../core/types';
import { runAttendanceReview } from '../attendance/review';
import { LetterRunsTab, readLetterRuns } from './runsTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LetterSources {
  asOf: IsoDate;
  settings: Settings;
  pupils: Pupil[];
  log: LetterLogEntry[];
  review: AttendanceReview;
  /** The Head of Year's overrides on the Attendance tab and whether each was honoured. */
  overrides: OverrideOutcome[];
  /** Only for homework concern letters (the Homework Log is not read otherwise). */
  homework: HomeworkWeeks | null;
  runs: LetterRunsTab;
  /** Rows the rules could not use, for the person running it (tab, row and value; no names). */
  problems: string[];
}

export function loadLetterSources(ss: Spreadsheet, settings: Settings, asOf: IsoDate, type: LetterType | null): LetterSources {
  const needHomework = type === 'homework';
  const { review, problems, data, overrides } = runAttendanceReview(ss, settings, asOf, {
    extra: needHomework ? ['Homework Log'] : [],
    tierHistory: false, // tier letters keep their own memory (Letter Runs)
  });
  const pupils = data.Students || [];
  const log = data['Letters Log'] || [];
  const homework = needHomework
    ? homeworkWeeks({ log: data['Homework Log'] || [], pupils, asOf, settings, schoolWeeks: review.calendar.schoolWeeks.length ? review.calendar.schoolWeeks : undefined })
    : null;
  return { asOf, settings, pupils, log, review, overrides, homework, runs: readLetterRuns(ss), problems };
}
