/**
 * A homework concern letter's figures (SPEC §3, issue 18): the half term's misses and subjects,
 * and the school weeks that led to the letter — the weeks with more than one piece missed among
 * the last `homework.persistentWindow` school weeks — with their dates and subjects, so the family
 * reads why it was sent in plain words (never "pink" or "red").
 */
import { weekStart } from '../dates';
import { HomeworkFigures, HomeworkWeek } from './fields';
import { LetterSources } from './sources';
import { normUpn } from '../pupils/names';

/** Homework figures for the current half term (the weeks from its start up to asOf). */
export function homeworkFigures(s: LetterSources, upn: string): HomeworkFigures {
  const out: HomeworkFigures = { missesThisHalfTerm: 0, weeksPink: 0, weeksRed: 0, subjects: [] };
  if (!s.homework) return out;
  const from = s.review.halfTerm ? s.review.halfTerm.start : '';
  const u = normUpn(upn);
  const h = s.homework.pupils.get(u);
  if (h) {
    // The weeks of the half term: from the week holding its first day.
    const firstWeek = from ? weekStart(from) : '';
    for (const w of h.weeks) {
      if (w.weekStart < firstWeek) continue;
      if (w.band === 'pink') out.weeksPink++;
      if (w.band === 'red') out.weeksRed++;
    }
  }
  const subjects: string[] = [];
  for (const m of s.homework.sorted.misses) {
    if (normUpn(m.upn) !== u || m.date < from) continue;
    out.missesThisHalfTerm++;
    if (subjects.indexOf(m.subject) < 0) subjects.push(m.subject);
  }
  out.subjects = subjects.sort();
  return out;
}

/** The flagged weeks (pink or red) of the persistence window, oldest first, with their subjects. */
export function homeworkWeeksOf(s: LetterSources, upn: string): HomeworkWeek[] {
  if (!s.homework) return [];
  const u = normUpn(upn);
  const h = s.homework.pupils.get(u);
  if (!h) return [];
  const weeks = h.weeks.slice(-s.settings.homework.persistentWindow).filter((w) => w.band !== 'none');
  const out: HomeworkWeek[] = weeks.map((w) => ({ weekStart: w.weekStart, misses: w.misses, subjects: [] }));
  const at = new Map<string, HomeworkWeek>();
  for (const w of out) at.set(w.weekStart, w);
  for (const m of s.homework.sorted.misses) {
    if (normUpn(m.upn) !== u) continue;
    const w = at.get(weekStart(m.date));
    if (w && w.subjects.indexOf(m.subject) < 0) w.subjects.push(m.subject);
  }
  for (const w of out) w.subjects.sort();
  return out;
}
