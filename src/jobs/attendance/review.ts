/**
 * The attendance review as one in-process call, for every job that needs it (the review itself,
 * letters, the QA morning run, digests): reads Students, Attendance Marks, Attendance Summary,
 * Letters Log, Lates to Lesson and the tier history ONCE each and runs the core review (SPEC §4).
 * Read-only: nothing here writes.
 *
 * Attendance Marks are read with a classifier that lets withdrawn and unknown codes through (the
 * import refuses them, but staff can type one into the tab): the review then reports them on the
 * coding review and holds the pupil, instead of dropping the row and silently showing a gap.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { AttendanceReview, ReviewInput, reviewAttendance } from '../../core/attendance/review';
import { classifyCode } from '../../core/attendance/codes';
import { formatRefusal } from '../../core/records/refusal';
import { Mark } from '../../core/types';
import { loadTabs } from '../load';
import { readTab } from '../../gas/tables';
import { readTierHistory, TierHistory } from './tierHistory';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface AttendanceReviewRun {
  review: AttendanceReview;
  /** Rows the rules could not use ("Attendance Marks row 12, Date …"), for the person running it. */
  problems: string[];
  /** The tier lists' memory (previous run), so the review job can roll it forward. */
  tierHistory: TierHistory;
}

/** Withdrawn and unknown codes reach the review (as coding issues) instead of being refused. */
const letCodesThrough = (code: string) => {
  const k = classifyCode(code);
  return k === 'withdrawn' || k === 'unknown' ? 'notCounted' : k;
};

export interface AttendanceInputRead {
  input: ReviewInput;
  problems: string[];
  tierHistory: TierHistory;
}

/** Every read the review needs, one per tab (the benchmark times the rules apart from this). */
export function readAttendanceInput(ss: Spreadsheet, settings: Settings, asOf: IsoDate): AttendanceInputRead {
  const { data, problems } = loadTabs(ss, ['Students', 'Letters Log', 'Lates to Lesson', 'Attendance Summary']);
  let marks: Mark[] = [];
  if (ss.getSheetByName('Attendance Marks')) {
    const parsed = readTab(ss, 'Attendance Marks', { classifyCode: letCodesThrough });
    marks = parsed.records;
    for (const r of parsed.refusals) problems.push(formatRefusal('Attendance Marks', r));
  }
  const tierHistory = readTierHistory(ss, asOf);
  const input: ReviewInput = {
    pupils: data.Students || [],
    marks,
    summaries: data.summaries || [],
    letters: data['Letters Log'] || [],
    latesToLesson: data['Lates to Lesson'] || [],
    settings,
    asOf,
    previousTiers: tierHistory.baseline,
  };
  return { input, problems, tierHistory };
}

export function runAttendanceReview(ss: Spreadsheet, settings: Settings, asOf: IsoDate): AttendanceReviewRun {
  const { input, problems, tierHistory } = readAttendanceInput(ss, settings, asOf);
  return { review: reviewAttendance(input), problems, tierHistory };
}
