/**
 * What the QA calendar's jobs read, once per run: the calendar, staff, pupils and the attendance
 * review (for the school calendar and the evidence). Each tab is read once (loadTabs).
 *
 * The attendance review is core `reviewAttendance` on the loaded tabs; when the attendance job's
 * `runAttendanceReview` lands (src/jobs/attendance/review.ts) this is the one place to switch.
 */
import { IsoDate, isWeekend } from '../../core/dates';
import { Settings } from '../../core/settings';
import { LetterLogEntry, Pupil, QaTask, StaffMember } from '../../core/types';
import { AttendanceReview, reviewAttendance } from '../../core/attendance/review';
import { SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { loadTabs, Loaded } from '../load';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface QaContext {
  asOf: IsoDate;
  settings: Settings;
  tasks: QaTask[];
  staff: StaffMember[];
  pupils: Pupil[];
  letters: LetterLogEntry[];
  review: AttendanceReview;
  data: Loaded;
  isSchoolDay: (d: IsoDate) => boolean;
  problems: string[];
}

export type ExtraTab = 'Homework Log' | 'Homework Set';

export function loadQaContext(ss: Spreadsheet, settings: Settings, asOf: IsoDate, extra: ExtraTab[] = []): QaContext {
  const { data, problems } = loadTabs(ss, ['QA Calendar', 'Staff', 'Students', 'Attendance Marks', 'Attendance Summary', 'Letters Log', 'Lates to Lesson', ...extra]);
  const pupils = data.Students || [];
  const letters = data['Letters Log'] || [];
  const review = reviewAttendance({
    pupils,
    marks: data['Attendance Marks'] || [],
    summaries: data.summaries,
    letters,
    latesToLesson: data['Lates to Lesson'] || [],
    settings,
    asOf,
  });
  return {
    asOf,
    settings,
    tasks: data['QA Calendar'] || [],
    staff: data.Staff || [],
    pupils,
    letters,
    review,
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
