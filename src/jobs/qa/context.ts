/**
 * What the QA calendar's jobs read, once per run: the calendar, staff, pupils and the attendance
 * review (for the school calendar and the evidence). The review, the pupils and the Letters Log
 * come from the attendance job's own read path (`readAttendanceInput` + `reviewRead`), with the QA Calendar,
 * Staff and any homework tabs read in the same pass: each tab once, and the same data and Head of
 * Year overrides as the attendance review and the letters.
 */
import { IsoDate, isWeekend } from '../../core/dates';
import { Settings } from '../../core/settings';
import { LetterLogEntry, Pupil, QaTask, StaffMember } from '../../core/types';
import { AttendanceReview, ReviewInput } from '../../core/attendance/review';
import { SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { Loaded } from '../load';
import { readAttendanceInput, reviewRead } from '../attendance/review';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface QaContext {
  asOf: IsoDate;
  settings: Settings;
  tasks: QaTask[];
  staff: StaffMember[];
  pupils: Pupil[];
  letters: LetterLogEntry[];
  review: AttendanceReview;
  /** What the review was run on (the digests run it again as at the end of their week). */
  reviewInput: ReviewInput;
  data: Loaded;
  isSchoolDay: (d: IsoDate) => boolean;
  problems: string[];
}

export type ExtraTab = 'Homework Log' | 'Homework Set';

export function loadQaContext(ss: Spreadsheet, settings: Settings, asOf: IsoDate, extra: ExtraTab[] = []): QaContext {
  // With the tier history, as the attendance job reads it: in the morning run both share one review.
  const read = readAttendanceInput(ss, settings, asOf, { extra: ['QA Calendar', 'Staff', ...extra] });
  const { review, problems, data } = reviewRead(read);
  const pupils = data.Students || [];
  const letters = data['Letters Log'] || [];
  return {
    asOf,
    settings,
    tasks: data['QA Calendar'] || [],
    staff: data.Staff || [],
    pupils,
    letters,
    review,
    reviewInput: read.input,
    data,
    isSchoolDay: schoolDayRule(review.calendar, settings),
    problems,
  };
}

/**
 * A school day: a weekday with sessions in the register; after the register's last day (today
 * before registration, or the future), a weekday inside the settings' half terms — or, with no
 * term dates set, a weekday in a school week. A past weekday with no sessions (INSET, bank
 * holiday, holiday) is not a school day.
 */
export function schoolDayRule(cal: SchoolCalendar, settings: Settings): (d: IsoDate) => boolean {
  const last = cal.schoolDays.length ? cal.schoolDays[cal.schoolDays.length - 1] : '';
  const terms = settings.calendar.halfTerms;
  return (d: IsoDate) => {
    if (isWeekend(d)) return false;
    if (cal.dayIndex(d) >= 0) return true;
    if (d <= last) return false;
    if (terms.length) return terms.some((t) => t.start <= d && d <= t.end);
    return cal.isSchoolWeek(d);
  };
}
