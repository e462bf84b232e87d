/**
 * The Dashboard's figures for SLT (pure): attendance by stage and year, homework pink/red by week
 * and letters by type (the attendance rates come from core/attendance/dashboardRates.ts). Counts
 * only, no names: the dashboard is for the whole school.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { AttendanceReview } from '../../core/attendance/review';
import { DashboardAttendance } from '../../core/attendance/dashboardRates';
import { HomeworkWeeks } from '../../core/homework/weeks';
import { LetterLogEntry } from '../../core/types';
import { letterTitle, LETTER_TYPES } from '../../core/letters/defaultTemplates';
import { academicYearOfDate } from '../../core/calendar/academicYear';

/**
 * One row per year group, as the Attendance tab has them: stage counts, PA and SA are pupils on
 * roll (the pupils to act on); a pupil with too few sessions this year has no stage and is counted
 * apart. (The year group's attendance % is in the attendance table, with the leavers.)
 */
export interface StageRow {
  year: number;
  pupils: number;
  reward: number;
  level1: number;
  level2: number;
  tooFew: number;
  noData: number;
  pa: number;
  sa: number;
}

export function attendanceByStageAndYear(review: AttendanceReview): StageRow[] {
  const by = new Map<number, StageRow>();
  const row = (year: number): StageRow => {
    let r = by.get(year);
    if (!r) by.set(year, (r = { year, pupils: 0, reward: 0, level1: 0, level2: 0, tooFew: 0, noData: 0, pa: 0, sa: 0 }));
    return r;
  };
  for (const p of review.pupils) {
    const r = row(p.year);
    r.pupils++;
    if (p.stage) r[p.stage]++;
    else if (p.tooFewSessions) r.tooFew++;
    else r.noData++;
    if (p.pa) r.pa++;
    if (p.sa) r.sa++;
  }
  return Array.from(by.values()).sort((a, b) => a.year - b.year);
}

export interface HomeworkWeekRow {
  weekStart: IsoDate;
  pink: number;
  red: number;
  misses: number;
}

/** Pupils pink and red in each of the last `weeks` school weeks. */
export function homeworkByWeek(hw: HomeworkWeeks, weeks = 12): HomeworkWeekRow[] {
  const n = hw.weeks.length;
  const from = Math.max(0, n - weeks);
  const rows: HomeworkWeekRow[] = hw.weeks.slice(from).map((w) => ({ weekStart: w, pink: 0, red: 0, misses: 0 }));
  hw.pupils.forEach((ph) => {
    for (let i = from; i < n; i++) {
      const w = ph.weeks[i];
      const row = rows[i - from];
      row.misses += w.misses;
      if (w.band === 'pink') row.pink++;
      else if (w.band === 'red') row.red++;
    }
  });
  return rows;
}

export interface LetterTypeRow {
  type: string;
  title: string;
  count: number;
}

/** Letters produced by type this academic year (cancelled ones and episode markers left out). */
export function lettersByType(log: LetterLogEntry[], asOf: IsoDate, settings: Settings): LetterTypeRow[] {
  const yearStart = academicYearOfDate(asOf, settings).start;
  const counts = new Map<string, number>();
  for (const l of log) {
    if (!l.date || l.date < yearStart || l.date > asOf) continue;
    if (/cancel/i.test(l.status)) continue;
    if (!(LETTER_TYPES as string[]).includes(l.type)) continue;
    counts.set(l.type, (counts.get(l.type) || 0) + 1);
  }
  return LETTER_TYPES.filter((t) => counts.has(t)).map((t) => ({ type: t, title: letterTitle(t), count: counts.get(t) || 0 }));
}

export interface DashboardData {
  asOf: IsoDate;
  /** This week, the year to date and week by week (completed school days only). */
  attendance: DashboardAttendance;
  stages: StageRow[];
  homework: HomeworkWeekRow[];
  letters: LetterTypeRow[];
  /** The school's national figures from Settings (null when not filled in). */
  national: Settings['dashboard'];
}
