/**
 * Letters Log history, so the attendance ladder has memory on the first run: AT1s sent six school
 * weeks ago (AT2 now due for those still at level 2), recent AT1s (AT2 not yet due), AT2s five
 * weeks ago (panel due), one panel six weeks ago (EWO due) and PA letters last half term.
 *
 * Keys follow src/core/attendance/ladder.ts (`letterKey`): ladder rungs
 * `TYPE|<upn>|episode-<episode start>` where the episode starts on its AT1's date (e.g.
 * `AT2|N999999912001|episode-2023-11-01`); PA letters `PA|<upn>|halfterm-<half-term start>`.
 * Pupils are chosen from their own marks (percentage up to the letter date), so every letter was
 * deserved when it was sent.
 */
import { IsoDate, addDays, weekday } from '../../src/core/dates';
import { Rng } from './random';
import { SamplePupil, SampleStaff } from './model';
import { PupilMarks } from './marks';
import { attendanceOf, isPa, SampleStage, stageOf } from './attendanceCodes';
import { schoolWeeks, SAMPLE_HALF_TERMS } from './calendar';

export interface LetterRow {
  key: string;
  date: IsoDate;
  type: string;
  upn: string;
  link: string;
  by: string;
  status: string;
}

export function generateLettersLog(
  rng: Rng, pupils: SamplePupil[], marks: PupilMarks[], days: IsoDate[], headOfYear: Record<number, SampleStaff>,
): LetterRow[] {
  const weeks = schoolWeeks(days);
  const W = weeks.length - 1;
  /** Wednesday (or the nearest school day after it) of the school week `back` weeks before now. */
  const dayOfWeekBack = (back: number): number => {
    if (back > W) return -1;
    const monday = weeks[W - back];
    const sunday = addDays(monday, 6);
    const inWeek = days.map((d, i) => i).filter((i) => days[i] >= monday && days[i] <= sunday);
    const wed = inWeek.find((i) => weekday(days[i]) >= 2);
    return wed !== undefined ? wed : inWeek[0];
  };
  const stageAt = (i: number, d: number): SampleStage => stageOf(attendanceOf(marks[i], 2 * (d + 1)).percent);
  const now = days.length - 1;
  const current = pupils.map((p, i) => i).filter((i) => !pupils[i].leavingDate);
  const taken = new Set<number>();
  const rows: LetterRow[] = [];
  const links = new Map<string, string>();
  const send = (type: string, i: number, d: number, period: string) => {
    const date = days[d];
    let link = links.get(type + date);
    if (!link) links.set(type + date, (link = `https://docs.google.com/document/d/${docId(rng)}/edit`));
    const p = pupils[i];
    rows.push({ key: `${type}|${p.upn}|${period}`, date, type, upn: p.upn, link, by: headOfYear[p.year].email, status: 'Sent' });
  };
  /** Up to n pupils not yet chosen who were at one of `stages` on each date and are `nowIn` today. */
  const choose = (n: number, dates: number[], stages: SampleStage[], nowIn: SampleStage[]): number[] => {
    if (dates.some((d) => d < 0)) return [];
    const ok = current.filter((i) => !taken.has(i) && dates.every((d) => stages.indexOf(stageAt(i, d)) >= 0) && nowIn.indexOf(stageAt(i, now)) >= 0);
    const chosen = rng.sample(ok, n);
    chosen.forEach((i) => taken.add(i));
    return chosen;
  };
  const concern: SampleStage[] = ['level1', 'level2'];
  const l2: SampleStage[] = ['level2'];

  // EWO due now: AT1 16 school weeks ago, AT2 11, panel 6 — still level 2 throughout.
  const [e1, e2, e3] = [dayOfWeekBack(16), dayOfWeekBack(11), dayOfWeekBack(6)];
  const ep = (d: number) => `episode-${days[d]}`;
  for (const i of choose(1, [e1, e2, e3], l2, l2)) { send('AT1', i, e1, ep(e1)); send('AT2', i, e2, ep(e1)); send('panel', i, e3, ep(e1)); }
  // Panel due now: AT1 10 school weeks ago, AT2 5 weeks ago.
  const [p1, p2] = [dayOfWeekBack(10), dayOfWeekBack(5)];
  for (const i of choose(4, [p1, p2], l2, l2)) { send('AT1', i, p1, ep(p1)); send('AT2', i, p2, ep(p1)); }
  // AT2 due now: AT1 six school weeks ago, still level 2; and some who have since improved.
  const a1 = dayOfWeekBack(6);
  for (const i of choose(12, [a1], concern, l2)) send('AT1', i, a1, ep(a1));
  for (const i of choose(6, [a1], concern, ['reward', 'level1'])) send('AT1', i, a1, ep(a1));
  // Recent AT1s: the start-of-term run two school weeks ago reached most pupils then in concern
  // (AT2 not yet due); the rest, and pupils who have slipped since, are due an AT1 now.
  const r1 = dayOfWeekBack(2);
  const eligible = choose(100000, [r1], concern, concern);
  eligible.slice(Math.round(eligible.length * 0.6)).forEach((i) => taken.delete(i));
  for (const i of eligible.slice(0, Math.round(eligible.length * 0.6))) send('AT1', i, r1, ep(r1));

  // PA letters last half term, sent in its third week to most pupils who were PA then.
  const lastTerm = SAMPLE_HALF_TERMS.filter((t) => t.end < days[now]).pop();
  if (lastTerm) {
    const termDays = days.map((d, i) => i).filter((i) => days[i] >= lastTerm.start && days[i] <= lastTerm.end);
    const d = termDays[Math.min(termDays.length - 1, 12)];
    for (const i of current) {
      if (d !== undefined && isPa(attendanceOf(marks[i], 2 * (d + 1)).percent) && rng.chance(0.85)) send('PA', i, d, `halfterm-${lastTerm.start}`);
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A made-up 44-character Google Docs id. */
function docId(rng: Rng): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let s = '1';
  while (s.length < 44) s += chars[rng.int(0, chars.length - 1)];
  return s;
}
