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
import { homeworkWeeks } from '../../core/homework/weeks';
import { ContactLike } from '../../core/letters/addressees';
import { LetterSources } from '../../core/letters/sources';
import { ImportableTab } from '../../core/records/parse';
import { runAttendanceReview } from '../attendance/review';
import { readLetterRuns } from './runsTab';
import { normUpn } from '../../core/pupils/names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
