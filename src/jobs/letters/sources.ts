/**
 * Everything a letter run decides from: the attendance review through the one read path the
 * attendance job uses (`runAttendanceReview`, jobs/attendance/review.ts: Students, Letters Log,
 * Lates to Lesson, Attendance Summary, Attendance Marks and the Head of Year's overrides on the
 * Attendance tab, each read ONCE) with, in the same pass, the Staff tab (who signs), the Contacts
 * tab (who the letters go to) and, for homework concern letters, the Homework Log; plus the hidden
 * Letter Runs tab. The pupils and the log come from that same read, so a letter's addresses, the
 * log and the ladder all agree.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { AttendanceReview, ReviewInput } from '../../core/attendance/review';
import { OverrideOutcome } from '../../core/attendance/overrides';
import { homeworkWeeks, HomeworkWeeks } from '../../core/homework/weeks';
import { AddresseeResult, ContactLike, addresseesFor } from '../../core/letters/addressees';
import { ImportableTab } from '../../core/records/parse';
import { LetterLogEntry, Pupil, StaffMember } from '../../core/types';
import { runAttendanceReview } from '../attendance/review';
import { LetterRunsTab, readLetterRuns } from './runsTab';
import { normUpn } from '../../core/pupils/names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LetterSources {
  asOf: IsoDate;
  settings: Settings;
  pupils: Pupil[];
  log: LetterLogEntry[];
  review: AttendanceReview;
  /** What `review` was run on (the run reviews again with its own letters: Next Action after it). */
  reviewInput: ReviewInput;
  /** The Head of Year's overrides on the Attendance tab and whether each was honoured. */
  overrides: OverrideOutcome[];
  /** Only for homework concern letters (the Homework Log is not read otherwise). */
  homework: HomeworkWeeks | null;
  /** Who signs: the Heads of Year and the attendance officer (Staff tab). */
  staff: StaffMember[];
  /** Contacts tab rows by UPN (empty when the tracker has no Contacts tab). */
  contacts: Map<string, ContactLike[]>;
  runs: LetterRunsTab;
  /** Rows the rules could not use, for the person running it (tab, row and value; no names). */
  problems: string[];
}

export function loadLetterSources(ss: Spreadsheet, settings: Settings, asOf: IsoDate, type: string | null): LetterSources {
  const needHomework = type === 'homework';
  const extra: ImportableTab[] = ['Staff', 'Contacts'];
  if (needHomework) extra.push('Homework Log');
  const { review, problems, data, overrides, input } = runAttendanceReview(ss, settings, asOf, {
    extra,
    tierHistory: false, // tier letters keep their own memory (Letter Runs)
  });
  const pupils = data.Students || [];
  const log = data['Letters Log'] || [];
  const homework = needHomework
    ? homeworkWeeks({ log: data['Homework Log'] || [], pupils, asOf, settings, schoolWeeks: review.calendar.schoolWeeks.length ? review.calendar.schoolWeeks : undefined })
    : null;
  const contacts = new Map<string, ContactLike[]>();
  for (const c of data.Contacts || []) {
    const u = normUpn(c.upn);
    const list = contacts.get(u);
    if (list) list.push(c);
    else contacts.set(u, [c]);
  }
  return { asOf, settings, pupils, log, review, reviewInput: input, overrides, homework, staff: data.Staff || [], contacts, runs: readLetterRuns(ss), problems };
}

/** Who each pupil's letters go to (Contacts tab, else the Students tab), by UPN. */
export function addresseeMap(s: LetterSources, upns: string[]): Map<string, AddresseeResult> {
  const byUpn = new Map<string, Pupil>();
  for (const p of s.pupils) byUpn.set(normUpn(p.upn), p);
  const out = new Map<string, AddresseeResult>();
  for (const raw of upns) {
    const u = normUpn(raw);
    const p = byUpn.get(u);
    if (p && !out.has(u)) out.set(u, addresseesFor(p, s.contacts.get(u) || []));
  }
  return out;
}
