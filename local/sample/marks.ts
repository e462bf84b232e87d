/**
 * Attendance marks, pupil by pupil, session by session, like a MIS's long-form export.
 *
 * The base pattern is a two-state chain per pupil (in school / off), so absence comes in runs as
 * it does in life: one child's flu is three days, not three scattered Tuesdays. The chance of a
 * new absence follows the season (winter illness) and, for some pupils, the weekday (Monday and
 * Friday absence). Special cases the demo must show (holidays, penalty cases, coding issues …)
 * are laid over the top by markEvents.ts.
 */
import { IsoDate, weekday } from '../../src/core/dates';
import { Rng } from './random';
import { SamplePupil } from './model';

/** One pupil's marks: index 2·day for AM, 2·day+1 for PM; null = not on roll (no row). */
export type PupilMarks = Array<string | null>;

const SEASON: Record<string, number> = {
  '09': 0.7, '10': 0.9, '11': 1.0, '12': 1.35, '01': 1.35, '02': 1.1,
  '03': 1.0, '04': 0.85, '05': 0.85, '06': 0.9, '07': 1.15,
};

export function generateBaseMarks(rng: Rng, pupils: SamplePupil[], days: IsoDate[], asOf: IsoDate): PupilMarks[] {
  const season = days.map((d) => SEASON[d.slice(5, 7)] || 1);
  const dow = days.map((d) => weekday(d));
  const recent = days.length - 3; // marks in the last 3 days may still be N (reason not yet known)
  return pupils.map((p) => {
    const r = p.absenceRate;
    const stick = r > 0.4 ? 0.85 : 0.5; // severe absence comes in long runs
    const start = Math.min(0.95, (r * (1 - stick)) / (1 - r));
    const monFri = r > 0.05 && rng.chance(0.25);
    const lateRate = rng.weighted([0.003, 0.015, 0.04], [70, 25, 5]);
    const marks: PupilMarks = new Array(days.length * 2);
    let off = false;
    let code = 'I';
    for (let d = 0; d < days.length; d++) {
      if ((p.leavingDate && days[d] > p.leavingDate) || days[d] > asOf) {
        marks[2 * d] = marks[2 * d + 1] = null;
        continue;
      }
      const dayFactor = monFri ? (dow[d] === 0 || dow[d] === 4 ? 2 : 0.5) : 1;
      if (off) off = rng.chance(stick);
      else if (rng.chance(start * season[d] * dayFactor)) {
        off = true;
        code = episodeCode(rng, r);
      }
      if (off) {
        const c = d >= recent && (code === 'O' || code === 'I') && rng.chance(0.4) ? 'N' : code;
        marks[2 * d] = marks[2 * d + 1] = c;
        continue;
      }
      marks[2 * d] = rng.chance(lateRate) ? (r > 0.06 && rng.chance(0.15) ? 'U' : 'L') : '/';
      marks[2 * d + 1] = '\\';
      // Half-day absences: a medical appointment in the morning or sent home ill after lunch.
      if (rng.chance(r * 0.12)) {
        if (rng.chance(0.5)) marks[2 * d] = 'M';
        else marks[2 * d + 1] = 'I';
      }
    }
    return marks;
  });
}

/** Why a run of absence happened: illness mostly; truancy and unexplained absence for the worst. */
function episodeCode(rng: Rng, r: number): string {
  if (r < 0.06) return rng.weighted(['I', 'C', 'O', 'R'], [88, 5, 5, 2]);
  if (r < 0.4) return rng.weighted(['I', 'O', 'C'], [72, 20, 8]);
  return rng.weighted(['O', 'I', 'C'], [60, 30, 10]);
}
