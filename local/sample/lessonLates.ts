/**
 * Lates to Lesson: most pupils are rarely late to a lesson; some are often late, and a handful
 * have 5 or more this half term (late-to-lesson letters, SPEC §4.3).
 */
import { IsoDate, weekStart } from '../../src/core/dates';
import { Rng } from './random';
import { SamplePupil } from './model';
import { halfTermOf, schoolWeeks } from './calendar';
import { CANARY } from './students';

export interface LateRow { date: IsoDate; upn: string; lesson: string; minutes: number }

export function generateLessonLates(rng: Rng, pupils: SamplePupil[], days: IsoDate[]): { rows: LateRow[]; frequent: string[] } {
  const weeks = schoolWeeks(days);
  const byWeek = new Map<IsoDate, IsoDate[]>();
  for (const d of days) (byWeek.get(weekStart(d)) || byWeek.set(weekStart(d), []).get(weekStart(d))!).push(d);
  const term = halfTermOf(days[days.length - 1]);
  const termDays = days.filter((d) => !term || d >= term.start);
  const candidates = pupils.filter((p) => !p.leavingDate && p.upn !== CANARY.upn);
  const frequent = new Set(rng.sample(candidates, 10).map((p) => p.upn));
  const rows: LateRow[] = [];
  for (const p of pupils) {
    const seen = new Set<string>();
    const add = (date: IsoDate) => {
      const c = rng.pick(p.classes);
      const lesson = `P${rng.int(1, 5)} ${c.subject}`;
      if (seen.has(date + lesson)) return false;
      seen.add(date + lesson);
      rows.push({ date, upn: p.upn, lesson, minutes: rng.weighted([rng.int(1, 5), rng.int(6, 12), rng.int(13, 30)], [60, 30, 10]) });
      return true;
    };
    const rate = rng.weighted([0.02, 0.15, 0.5], [70, 25, 5]);
    for (const w of weeks) {
      const week = byWeek.get(w)!.filter((d) => !p.leavingDate || d <= p.leavingDate);
      if (!week.length) continue;
      for (let n = rng.poisson(rate * (week.length / 5)); n > 0; n--) add(rng.pick(week));
    }
    if (frequent.has(p.upn)) {
      for (let n = rng.int(5, 8); n > 0;) if (add(rng.pick(termDays))) n--;
    }
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { rows, frequent: Array.from(frequent) };
}
