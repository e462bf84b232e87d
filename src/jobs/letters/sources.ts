/**
 * Everything a letter run decides from: the attendance review through the one read path the
 * attendance job uses (`runAttendanceReview`, jobs/attendance/review.ts: Students, Letters Log,
 * Lates to Lesson, Attendance Summary, the Register and the Head of Year's overrides on the
 * Attendance tab, each read ONCE) with, in the same pass, the Staff tab (who signs), the Contacts
 * tab (who the letters go to) and, for homework concern letters, the Homework Log; plus the hidden
 * Letter Runs tab. The pupils and the log come from that same read, so a letter's addresses, the
 * log and the ladder all agree.
 *
 * A letter run always reviews afresh (`loadLetterSources`). The preview, a sidebar call that reads
 * at most 100,000 cells (issue 22), starts from the kept review while nothing it was worked out
 * from has changed (`previewLetterSources`, jobs/attendance/keptReview.ts).
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { homeworkWeeks } from '../../core/homework/weeks';
import { ContactLike } from '../../core/letters/addressees';
import { LetterSources } from '../../core/letters/sources';
import { ImportableTab } from '../../core/records/parse';
import { AttendanceReview, ReviewInput } from '../../core/attendance/review';
import { OverrideOutcome } from '../../core/attendance/overrides';
import { Loaded } from '../load';
import { DATA_GENERATION } from '../../core/state';
import { documentState } from '../../gas/properties';
import { runAttendanceReview } from '../attendance/review';
import { reviewForSidebar } from '../attendance/keptReview';
import { readLetterRuns } from './runsTab';
import { normUpn } from '../../core/pupils/names';
import { CopyReader } from '../tabCopies';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function extraTabs(type: string | null): ImportableTab[] {
  const extra: ImportableTab[] = ['Staff', 'Contacts'];
  if (type === 'homework') extra.push('Homework Log');
  return extra;
}

/** A fresh review and the tabs a letter run needs (`copies`: a whole reader, jobs/tabCopies.ts wholeReader). */
export function loadLetterSources(ss: Spreadsheet, settings: Settings, asOf: IsoDate, type: string | null, copies?: CopyReader): LetterSources {
  // Before the reads: an import landing during them leaves a kept review out of date, never the other way round.
  const generation = documentState().get(DATA_GENERATION);
  const { review, problems, data, overrides, input, keptProblems, latest } = runAttendanceReview(ss, settings, asOf, {
    extra: extraTabs(type),
    tierHistory: false, // tier letters keep their own memory (Letter Runs)
    copies,
  });
  const s = assemble(ss, settings, asOf, type, review, data, overrides, problems, input);
  s.keptFrom = { generation, problems: keptProblems, latest };
  return s;
}

/** The preview's sources: from the kept review, or a fresh one; `note` says which. */
export function previewLetterSources(ss: Spreadsheet, settings: Settings, asOf: IsoDate, type: string | null): { s: LetterSources; note: string } {
  const r = reviewForSidebar(ss, settings, asOf, extraTabs(type));
  return { s: assemble(ss, settings, asOf, type, r.review, r.data, r.overrides, r.problems, r.input), note: r.note };
}

function assemble(
  ss: Spreadsheet, settings: Settings, asOf: IsoDate, type: string | null,
  review: AttendanceReview, data: Loaded, overrides: OverrideOutcome[], problems: string[], input: ReviewInput | null,
): LetterSources {
  const pupils = data.Students || [];
  const log = data['Letters Log'] || [];
  const homework = type === 'homework'
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
