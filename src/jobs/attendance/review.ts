/**
 * The attendance review as one in-process call, and the ONE read path for every job that needs
 * it (the review itself, letters, the QA morning run, digests, the coding review): reads Students,
 * the Register, Attendance Summary, Letters Log, Lates to Lesson, Legal (its steps answer the
 * penalty threshold and the ten-day flag), the Attendance tab (for the Head of Year's overrides)
 * and the tier history ONCE each — plus any other tab the caller needs,
 * in the same pass — and runs the core review (SPEC §4). Callers use the records returned here
 * instead of reading those tabs again, so all of them see the same data and the same overrides.
 * Read-only: nothing here writes.
 *
 * The marks (the Register: jobs/attendance/marks.ts) are read with a classifier that lets withdrawn and unknown codes through (the
 * import refuses them, but staff can type one into the tab): the review then reports them on the
 * coding review and holds the pupil, instead of dropping the row and silently showing a gap.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { AttendanceReview, ReviewInput, reviewAttendance } from '../../core/attendance/review';
import { Mark } from '../../core/types';
import { ImportableTab } from '../../core/records/parse';
import { OverrideCell, OverrideOutcome, overrideOutcomes } from '../../core/attendance/overrides';
import { readOverrideCells } from './overrideCells';
import { loadTabs, Loaded } from '../load';
import { letCodesThrough, readMarks } from './marks';
import { readTierHistory, TierHistory } from './tierHistory';
import { CopyReader } from '../tabCopies';
import { readShared } from '../sharedReads';
import { KeptProblems, LatestMarks, latestMarks } from '../../core/attendance/reviewMemory';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface AttendanceReviewRun {
  review: AttendanceReview;
  /**
   * Rows the rules could not use ("Attendance Marks row 12, Date …") and overrides not honoured
   * ("Attendance row 7, HoY Override …"), for the person running it. No pupil names.
   */
  problems: string[];
  /** The tier lists' memory (previous run), so the review job can roll it forward. */
  tierHistory: TierHistory;
  /** Every record read (Students, Letters Log, Lates to Lesson, Attendance Marks, summaries, extras). */
  data: Loaded;
  /** Each Head of Year override on the Attendance tab and what the review made of it. */
  overrides: OverrideOutcome[];
  /** The Attendance tab as read (null when the tracker has none yet), for a job that writes it. */
  attendanceSheet: Sheet | null;
  /** What the review was run on: a letter run reviews again with its own letters added (no reads). */
  input: ReviewInput;
  /** The Mondays of the Register's week columns (the review job remembers their open sessions). */
  registerWeeks: IsoDate[];
  /** Problems of the tabs the kept review stands for (core/attendance/reviewMemory.ts). */
  keptProblems: KeptProblems;
  /** The Register's latest weeks as read, for the kept review. */
  latest: LatestMarks;
}

/** Tabs whose problems the kept review keeps (a sidebar that uses it reads the others again). */
export const KEPT_TABS: string[] = ['Lates to Lesson', 'Attendance Summary'];

export interface AttendanceReadOptions {
  /** Other tabs the caller needs (Homework Log, QA Calendar, Staff …), read in the same pass. */
  extra?: ImportableTab[];
  /**
   * Read the tier lists' memory, for names included / to be removed (default true). Jobs that do
   * not show the tier lists' changes skip the read.
   */
  tierHistory?: boolean;
  /** A sidebar's reader of long tabs through their kept copies (jobs/tabCopies.ts). */
  copies?: CopyReader;
}

export interface AttendanceInputRead {
  input: ReviewInput;
  problems: string[];
  tierHistory: TierHistory;
  data: Loaded;
  overrides: OverrideCell[];
  attendanceSheet: Sheet | null;
  registerWeeks: IsoDate[];
  keptProblems: KeptProblems;
  /** The Register's latest weeks as read, for the kept review (core/attendance/reviewMemory.ts). */
  latest: LatestMarks;
}

// The Legal tab: its steps answer the penalty threshold and the ten-day flag (SPEC §4.3).
export const REVIEW_TABS: Array<ImportableTab | 'Attendance Summary'> = ['Students', 'Letters Log', 'Lates to Lesson', 'Attendance Summary', 'Legal'];

/** Every tab an import can change that the review job reads: its tabs, the Register, and Staff (who takes each register). */
export const REVIEW_INPUT_TABS: string[] = [...REVIEW_TABS, 'Register', 'Staff'];

/**
 * The review's tabs and the caller's, in reading order, each read once. With `kept` (the kept
 * review's problems of KEPT_TABS, core/attendance/reviewMemory.ts) those tabs are not read and
 * their problems come from `kept`, in the same place, so a sidebar's problems read as a fresh review's.
 */
export function loadReviewTabs(ss: Spreadsheet, settings: Settings, extra: ImportableTab[], kept?: string[], copies?: CopyReader): { data: Loaded; problems: string[]; keptTabProblems: string[] } {
  const data: Loaded = {};
  const problems: string[] = [];
  const keptTabProblems: string[] = [];
  let keptSaid = false;
  for (const name of REVIEW_TABS.concat(extra.filter((t) => t !== 'Attendance Marks' && REVIEW_TABS.indexOf(t) < 0))) {
    const isKept = KEPT_TABS.indexOf(name) >= 0;
    if (isKept && kept) {
      if (!keptSaid) problems.push(...kept);
      keptSaid = true;
      continue;
    }
    const one = loadTabs(ss, [name], settings, { copies });
    Object.assign(data, one.data);
    problems.push(...one.problems);
    if (isKept) keptTabProblems.push(...one.problems);
  }
  return { data, problems, keptTabProblems };
}

/** The Register's values as the review read them in this execution (read again outside a shared-reads scope). */
export function reviewedRegisterValues(ss: Spreadsheet): unknown[][] | undefined {
  return readShared('marks|review', () => readMarks(ss, { classify: letCodesThrough })).registerValues;
}

/** Every read the review needs, one per tab (the benchmark times the rules apart from this). */
export function readAttendanceInput(ss: Spreadsheet, settings: Settings, asOf: IsoDate, opts: AttendanceReadOptions = {}): AttendanceInputRead {
  const { data, problems, keptTabProblems } = loadReviewTabs(ss, settings, opts.extra || [], undefined, opts.copies);
  const keptProblems: KeptProblems = { tabs: keptTabProblems, marks: [] };
  // Every week: a penalty threshold met last year and never answered is still flagged (SPEC §4.3),
  // so the review cannot stop at this year. Read once per execution when the morning run shares
  // its reads (jobs/sharedReads.ts).
  const read = readShared('marks|review', () => readMarks(ss, { classify: letCodesThrough, copies: opts.copies }));
  const marks: Mark[] = read.marks;
  problems.push(...read.problems);
  keptProblems.marks.push(...read.problems);
  data['Attendance Marks'] = marks;
  const attendanceSheet = ss.getSheetByName('Attendance');
  const overrides = readOverrideCells(attendanceSheet);
  problems.push(...overrides.problems);
  const tierHistory: TierHistory = opts.tierHistory === false
    ? { baselineDate: '', baseline: [], baselineYears: new Map() }
    : readTierHistory(ss, asOf);
  const input: ReviewInput = {
    pupils: data.Students || [],
    marks,
    summaries: data.summaries || [],
    letters: data['Letters Log'] || [],
    latesToLesson: data['Lates to Lesson'] || [],
    settings,
    asOf,
    overrides: overrides.overrides,
    previousTiers: opts.tierHistory === false ? undefined : tierHistory.baseline,
    legalSteps: data.Legal || [], // whole rows: what is due next reads Parent, Period End and Outcome too
  };
  return { input, problems, tierHistory, data, overrides: overrides.overrides, attendanceSheet, registerWeeks: read.registerWeeks, keptProblems, latest: latestMarks(read.registerValues, asOf) };
}

/** The review on what readAttendanceInput read; overrides not honoured join the problems. */
export function reviewRead(read: AttendanceInputRead): AttendanceReviewRun {
  // The morning run reviews once: the QA evidence and the attendance job decide from one review of
  // the same tabs on the same day (nothing between them writes what it reads).
  const review = readShared(`review|${read.input.asOf}|${read.input.previousTiers ? 'tiers' : 'none'}`, () => reviewAttendance(read.input));
  const overrides = overrideOutcomes(read.overrides, review.pupils);
  const problems = read.problems.concat(overrides.filter((o) => o.state !== 'honoured').map((o) => o.message));
  return { review, problems, tierHistory: read.tierHistory, data: read.data, overrides, attendanceSheet: read.attendanceSheet, input: read.input, registerWeeks: read.registerWeeks, keptProblems: read.keptProblems, latest: read.latest };
}

export function runAttendanceReview(ss: Spreadsheet, settings: Settings, asOf: IsoDate, opts: AttendanceReadOptions = {}): AttendanceReviewRun {
  return reviewRead(readAttendanceInput(ss, settings, asOf, opts));
}
