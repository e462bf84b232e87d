/**
 * Everything a letter run decides from, read ONCE per tab: Students, Letters Log, Lates to Lesson,
 * Attendance Summary, Attendance Marks (for the attendance review) and Homework Log (homework
 * concern letters only), plus the hidden Letter Runs tab. The attendance review is the core
 * `reviewAttendance` — the same call the attendance job makes (jobs/attendance/review.ts) — run
 * here on records this loader keeps, because a letter also needs the pupils' addresses and the log,
 * and reading Students twice would double the biggest reads of the job.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { AttendanceReview, reviewAttendance } from '../../core/attendance/review';
import { classifyCode } from '../../core/attendance/codes';
import { homeworkWeeks, HomeworkWeeks } from '../../core/homework/weeks';
import { formatRefusal } from '../../core/records/refusal';
import { LetterLogEntry, LetterType, Mark, Pupil } from '../../core/types';
import { readTab } from '../../gas/tables';
import { loadTabs } from '../load';
import { LetterRunsTab, readLetterRuns } from './runsTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LetterSources {
  asOf: IsoDate;
  settings: Settings;
  pupils: Pupil[];
  log: LetterLogEntry[];
  review: AttendanceReview;
  /** Only for homework concern letters (the Homework Log is not read otherwise). */
  homework: HomeworkWeeks | null;
  runs: LetterRunsTab;
  /** Rows the rules could not use, for the person running it (tab, row and value; no names). */
  problems: string[];
}

/** Withdrawn and unknown codes reach the review (as coding issues that hold the pupil). */
const letCodesThrough = (code: string) => {
  const k = classifyCode(code);
  return k === 'withdrawn' || k === 'unknown' ? 'notCounted' : k;
};

export function loadLetterSources(ss: Spreadsheet, settings: Settings, asOf: IsoDate, type: LetterType | null): LetterSources {
  const needHomework = type === 'homework';
  const { data, problems } = loadTabs(ss, needHomework
    ? ['Students', 'Letters Log', 'Lates to Lesson', 'Attendance Summary', 'Homework Log']
    : ['Students', 'Letters Log', 'Lates to Lesson', 'Attendance Summary']);
  let marks: Mark[] = [];
  if (ss.getSheetByName('Attendance Marks')) {
    const parsed = readTab(ss, 'Attendance Marks', { classifyCode: letCodesThrough });
    marks = parsed.records;
    for (const r of parsed.refusals) problems.push(formatRefusal('Attendance Marks', r));
  }
  const pupils = data.Students || [];
  const log = data['Letters Log'] || [];
  const review = reviewAttendance({
    pupils,
    marks,
    summaries: data.summaries || [],
    letters: log,
    latesToLesson: data['Lates to Lesson'] || [],
    settings,
    asOf,
  });
  const homework = needHomework
    ? homeworkWeeks({ log: data['Homework Log'] || [], pupils, asOf, settings, schoolWeeks: review.calendar.schoolWeeks.length ? review.calendar.schoolWeeks : undefined })
    : null;
  return { asOf, settings, pupils, log, review, homework, runs: readLetterRuns(ss), problems };
}
