/**
 * Homework Log (missed homework, seed 000) and Homework Set (tasks set, seed 001).
 *
 * Misses per pupil per week are Poisson around the pupil's own rate, so most pupils rarely appear,
 * a few appear every week — every week has pink (2) and red (3+) pupils and some are persistent.
 * Detentions from the last two days have not happened yet, so their "attended" is blank.
 */
import { groupBy } from '../../src/core/collections';
import { IsoDate, addDays, weekStart, weekday } from '../../src/core/dates';
import { Rng } from './random';
import { CORE_SUBJECTS, PRACTICAL_SUBJECTS, SampleClass, SamplePupil } from './model';
import { schoolWeeks } from './calendar';
import { CANARY } from './students';

export interface MissRow {
  date: IsoDate; upn: string; subject: string; className: string; teacher: string; reason: string;
  subjectDetention: string; detentionAttended: string; clDetention: string; notes: string;
}

const NOTES = ['Left book at home', 'Planner signed', 'Parent e-mailed', 'Said it was on the laptop', 'Absent for the lesson it was set', 'Handed in next day'];

export function generateHomeworkLog(rng: Rng, pupils: SamplePupil[], days: IsoDate[], asOf: IsoDate): { rows: MissRow[]; duplicate: MissRow } {
  const weeks = schoolWeeks(days);
  const daysOf = new Map<IsoDate, IsoDate[]>();
  for (const d of days) {
    const w = weekStart(d);
    if (!daysOf.has(w)) daysOf.set(w, []);
    daysOf.get(w)!.push(d);
  }
  const settled = addDays(asOf, -2); // detentions up to here have happened
  const rows: MissRow[] = [];
  for (const p of pupils) {
    const seen = new Set<string>();
    const add = (week: IsoDate[], reason: string) => {
      for (let tries = 0; tries < 6; tries++) {
        const date = rng.pick(week);
        const c = rng.pick(p.classes);
        const key = `${c.subject}|${date}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push(missRow(rng, p, c, date, reason, settled));
        return;
      }
    };
    weeks.forEach((w, k) => {
      const week = daysOf.get(w)!.filter((d) => !p.leavingDate || d <= p.leavingDate);
      if (!week.length) return;
      const share = week.length / 5;
      let misses = rng.poisson(p.homeworkRate * share);
      if (p.upn === CANARY.upn && k === weeks.length - 1) misses = Math.max(misses, 3); // red this week
      for (let m = 0; m < misses; m++) add(week, rng.chance(0.75) ? 'Not completed' : 'Not to a good standard');
      const lates = rng.poisson((0.02 + p.homeworkRate * 0.18) * share);
      for (let m = 0; m < lates; m++) add(week, 'Late');
    });
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // One entry typed twice (same pupil, subject and date) — the log must refuse or flag it.
  const at = Math.floor(rows.length * 0.6);
  const duplicate: MissRow = { ...rows[at], reason: 'Not completed', notes: 'Entered again by cover teacher' };
  rows.splice(at + 1, 0, duplicate);
  return { rows, duplicate };
}

function missRow(rng: Rng, p: SamplePupil, c: SampleClass, date: IsoDate, reason: string, settled: IsoDate): MissRow {
  const isMiss = reason !== 'Late';
  const detention = isMiss && rng.chance(0.95);
  const attended = !detention || date > settled ? '' : rng.chance(0.85) ? 'Yes' : 'No';
  return {
    date, upn: p.upn, subject: c.subject, className: c.className, teacher: c.teacher.name, reason,
    subjectDetention: detention ? 'Yes' : 'No',
    detentionAttended: attended,
    clDetention: attended === 'No' ? 'Yes' : '',
    notes: rng.chance(0.08) ? rng.pick(NOTES) : '',
  };
}

export interface SetRow { dateSet: IsoDate; className: string; subject: string; year: number; teacher: string; due: IsoDate }

/**
 * Homework set per class per school week, following the SOP (seed 001): KS3 core weekly, KS3
 * non-core fortnightly, KS3 practical now and then, KS4 weekly — except a few classes that set
 * less than expected (returned as `underSetting`, for CLs to spot).
 */
export function generateHomeworkSet(rng: Rng, pupils: SamplePupil[], days: IsoDate[]): { rows: SetRow[]; underSetting: string[] } {
  const classes = new Map<string, SampleClass>();
  for (const p of pupils) for (const c of p.classes) classes.set(c.className, c);
  const list = Array.from(classes.values()).sort((a, b) => (a.className < b.className ? -1 : 1));
  const expected = list.filter((c) => !(c.year <= 9 && PRACTICAL_SUBJECTS.indexOf(c.subject) >= 0));
  const under = new Set(rng.sample(expected, 6).map((c) => c.className));
  const weeks = schoolWeeks(days);
  // Each week's days, and the first day on or after a date, worked out once: per class and week
  // they made a big school's generation quadratic. Same answers as filtering and finding in `days`.
  const daysOfWeek = groupBy(days, weekStart);
  const ascending = days.every((d, i) => i === 0 || days[i - 1] <= d);
  const firstFrom = (from: IsoDate): IsoDate | undefined => {
    if (!ascending) return days.find((d) => d >= from);
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid] >= from) hi = mid;
      else lo = mid + 1;
    }
    return days[lo];
  };
  const rows: SetRow[] = [];
  for (const c of list) {
    const lessonDay = rng.int(0, 4);
    const parity = rng.int(0, 1);
    weeks.forEach((w, k) => {
      const ks3 = c.year <= 9;
      let sets: boolean;
      if (ks3 && PRACTICAL_SUBJECTS.indexOf(c.subject) >= 0) sets = rng.chance(0.25);
      else if (ks3 && CORE_SUBJECTS.indexOf(c.subject) < 0) sets = k % 2 === parity;
      else sets = true;
      if (under.has(c.className) && rng.chance(0.6)) sets = false;
      if (!sets) return;
      const inWeek = daysOfWeek.get(w) || [];
      const dateSet = inWeek.find((d) => weekday(d) === lessonDay) || inWeek[0];
      // Due a week later, or the first school day after that when it falls in a holiday.
      const due = firstFrom(addDays(dateSet, 7)) || addDays(dateSet, 7);
      rows.push({ dateSet, className: c.className, subject: c.subject, year: c.year, teacher: c.teacher.name, due });
    });
  }
  rows.sort((a, b) => (a.dateSet < b.dateSet ? -1 : a.dateSet > b.dateSet ? 1 : 0));
  return { rows, underSetting: Array.from(under) };
}
