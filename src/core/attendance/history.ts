/**
 * A pupil's attendance school week by school week, for the rules that look back: the ladder's
 * episode end (was the pupil in reward at the end of a week?) and the early warning (the trend
 * over the last few school weeks).
 */
import { IsoDate } from '../dates';
import { Settings } from '../settings';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { PupilMarks } from './register';
import { percentTenths } from './summary';
import { stageOf } from './stage';

export interface WeeklyFigures {
  attended: Int32Array; // per calendar school week
  possible: Int32Array;
  lastDay: IsoDate[]; // the pupil's last marked school day in each week ('' when none)
}

export function weeklyFigures(pm: PupilMarks, cal: SchoolCalendar): WeeklyFigures {
  const n = cal.schoolWeeks.length;
  const attended = new Int32Array(n);
  const possible = new Int32Array(n);
  const lastDay: IsoDate[] = new Array(n).fill('');
  for (let i = 0; i < pm.marks.length; i++) {
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

/** The last day of each school week at whose end the pupil's cumulative percentage was in reward. */
export function rewardWeekEnds(w: WeeklyFigures, settings: Settings): IsoDate[] {
  const out: IsoDate[] = [];
  let a = 0;
  let p = 0;
  for (let i = 0; i < w.possible.length; i++) {
    a += w.attended[i];
    p += w.possible[i];
    if (!w.lastDay[i] || p === 0) continue;
    const t = percentTenths(a, p);
    if (t !== null && stageOf(t / 10, settings) === 'reward') out.push(w.lastDay[i]);
  }
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
