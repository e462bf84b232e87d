/**
 * A pupil's attendance school week by school week, for the rules that look back: the ladder's
 * episode end (was the pupil in reward at the end of a week?), the early warning (the trend over
 * the last few school weeks), the profile's trend and the dashboard's PA rate. Like the figures,
 * they count the academic year to date: `weeklyFigures` takes the date counting starts from, and
 * `rewardWeekEnds` starts its running figure afresh at each academic year's start.
 */
import { IsoDate } from '../dates';
import { Settings } from '../settings';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { academicYearOfDate } from '../calendar/academicYear';
import { PupilMarks } from './register';
import { percentTenths } from './summary';
import { stageOf } from './stage';

export interface WeeklyFigures {
  attended: Int32Array; // per calendar school week
  possible: Int32Array;
  lastDay: IsoDate[]; // the pupil's last marked school day in each week ('' when none)
}

/** Per school week; marks before `from` (the academic year's start, or the pupil's admission) are left out. */
export function weeklyFigures(pm: PupilMarks, cal: SchoolCalendar, from: IsoDate = '', to: IsoDate = ''): WeeklyFigures {
  const n = cal.schoolWeeks.length;
  const attended = new Int32Array(n);
  const possible = new Int32Array(n);
  const lastDay: IsoDate[] = new Array(n).fill('');
  for (let i = 0; i < pm.marks.length; i++) {
    if (from && pm.marks[i].date < from) continue;
    if (to && pm.marks[i].date > to) break;
    const w = pm.weekIdx[i];
    if (w < 0) continue;
    const c = pm.classes[i];
    if (c === 'present' || c === 'aea') {
      attended[w]++;
      possible[w]++;
    } else if (c === 'authorised' || c === 'unauthorised') possible[w]++;
    lastDay[w] = pm.marks[i].date;
  }
  return { attended, possible, lastDay };
}

/**
 * The last day of each school week at whose end the pupil's figure for that academic year to date
 * was in reward (the ladder's episode ends). The running figure starts again at each academic
 * year's start, and from `countFrom` in the year holding it (the pupil's admission); a week end
 * with fewer than `minimumSessions` possible sessions so far is too early to tell, so it ends
 * nothing. One pass over the marks.
 */
export function rewardWeekEnds(pm: PupilMarks, settings: Settings, countFrom: IsoDate = ''): IsoDate[] {
  const out: IsoDate[] = [];
  const min = settings.attendance.minimumSessions;
  let a = 0;
  let p = 0;
  let yearEnd = '';
  let week = -2;
  let lastDay = '';
  const close = () => {
    if (!lastDay || p === 0 || p < min) return;
    const t = percentTenths(a, p);
    if (t !== null && stageOf(t / 10, settings) === 'reward') out.push(lastDay);
  };
  for (let i = 0; i < pm.marks.length; i++) {
    const w = pm.weekIdx[i];
    if (w < 0) continue;
    const date = pm.marks[i].date;
    if (w !== week) {
      close();
      week = w;
      lastDay = '';
    }
    if (date > yearEnd) {
      // A new academic year: its figure starts from nothing.
      yearEnd = academicYearOfDate(date, settings).end;
      a = 0;
      p = 0;
    }
    if (countFrom && date < countFrom && yearEnd >= countFrom) continue; // before admission this year
    const c = pm.classes[i];
    if (c === 'present' || c === 'aea') {
      a++;
      p++;
    } else if (c === 'authorised' || c === 'unauthorised') p++;
    lastDay = date;
  }
  close();
  return out;
}

/** Attended and possible sessions over the `weeks` school weeks up to and including the week of `asOf`. */
export function recentFigures(w: WeeklyFigures, cal: SchoolCalendar, asOf: IsoDate, weeks: number): { attended: number; possible: number } {
  const last = Math.min(cal.schoolWeekIndex(asOf), w.possible.length - 1);
  let attended = 0;
  let possible = 0;
  for (let i = last; i > last - weeks && i >= 0; i--) {
    attended += w.attended[i];
    possible += w.possible[i];
  }
  return { attended, possible };
}
