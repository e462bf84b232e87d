/**
 * The academic year (SPEC §4.1): a pupil's figures, stage, PA and SA cover the current academic
 * year to date, as the DfE's "Monitor your school attendance" counts them. The year starts on the
 * 1st of `settings.attendance.academicYearStartMonth` (September by default) and runs to the day
 * before the next start; its first school day is simply the first day with sessions on or after
 * that date, so no school has to type its term dates for the figures to be right.
 */
import { IsoDate, addDays, pad2 } from '../dates';
import { Settings } from '../settings';

export interface AcademicYear {
  /** The 1st of the start month (inclusive). */
  start: IsoDate;
  /** The day before the next year's start (inclusive). */
  end: IsoDate;
  /** "2023-24"; "2024" when the year starts in January. */
  label: string;
}

function startMonth(settings: Settings): number {
  const m = Math.floor(Number(settings.attendance.academicYearStartMonth));
  return m >= 1 && m <= 12 ? m : 9;
}

/** The academic year holding `d`. */
export function academicYearOfDate(d: IsoDate, settings: Settings): AcademicYear {
  const m = startMonth(settings);
  const y = +d.slice(0, 4);
  const first = +d.slice(5, 7) >= m ? y : y - 1;
  return yearStarting(first, m);
}

/** The academic year before the one holding `d` (for "last year" beside "this year"). */
export function previousAcademicYear(d: IsoDate, settings: Settings): AcademicYear {
  const m = startMonth(settings);
  return yearStarting(+academicYearOfDate(d, settings).start.slice(0, 4) - 1, m);
}

function yearStarting(first: number, month: number): AcademicYear {
  const start = `${first}-${pad2(month)}-01`;
  const next = month === 1 ? `${first + 1}-01-01` : `${first + 1}-${pad2(month)}-01`;
  const label = month === 1 ? String(first) : `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
  return { start, end: addDays(next, -1), label };
}
