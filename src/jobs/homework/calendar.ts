/**
 * The school weeks the homework tracker counts (SPEC §2a). From the settings' half terms when the
 * school has typed them; otherwise from the register: the Register's week columns, its header row
 * alone (reading a big school's marks would be the slowest call of the job).
 * Only the current academic year is tracked: the tracker is a year's grid.
 */
import { academicYearOf } from '../../core/calendar/halfTerms';
import { buildCalendar, SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { IsoDate, weekStart } from '../../core/dates';
import { Settings } from '../../core/settings';
import { readColumn } from '../../gas/columns';
import { cellDate } from '../../gas/cells';
import { registerWeeks } from '../../gas/register';
import { OLD_MARKS_TAB } from '../attendance/marks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface HomeworkCalendar {
  calendar: SchoolCalendar;
  /** ISO Mondays of this academic year's school weeks up to the week of asOf. */
  weeks: IsoDate[];
  /** First day of the academic year (1 August): older log rows belong to last year's tracker. */
  yearStart: IsoDate;
  source: 'settings' | 'register' | 'none';
}

export function academicYearStart(asOf: IsoDate): IsoDate {
  return `${academicYearOf(asOf).slice(0, 4)}-08-01`;
}

export function readHomeworkCalendar(ss: Spreadsheet, settings: Settings, asOf: IsoDate): HomeworkCalendar {
  const yearStart = academicYearStart(asOf);
  const configured = settings.calendar.halfTerms.some((t) => t.end >= yearStart && t.start <= asOf);
  const dates = configured ? [] : registerDates(ss);
  const calendar = buildCalendar(dates, settings, asOf);
  const last = weekStart(asOf);
  const weeks = calendar.schoolWeeks.filter((w) => w >= weekStart(yearStart) && w <= last);
  return { calendar, weeks, yearStart, source: configured ? 'settings' : dates.length ? 'register' : 'none' };
}

/**
 * The school weeks of the register: the Register's week columns (its header row alone — a column
 * exists only for a week with marks). The homework tracker counts weeks, so each week's Monday
 * stands for the week. A tracker from before the Register: the Date column of its old Attendance
 * Marks tab.
 */
function registerDates(ss: Spreadsheet): IsoDate[] {
  const weeks = registerWeeks(ss);
  if (weeks.length) return weeks.sort();
  const seen = new Set<IsoDate>();
  for (const v of readColumn(ss, OLD_MARKS_TAB, 'date') || []) {
    const d = cellDate(v);
    if (d) seen.add(d);
  }
  return Array.from(seen).sort();
}
