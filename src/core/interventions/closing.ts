/**
 * Interventions the add-on opened are closed by it when their reason ends (issue 20), so the tab
 * holds open items for the current reason only. A closure is Status "Done" with an Outcome saying
 * why and when, and the Exit Value (the figure at closing). Only rows the add-on made (keys HW|…,
 * PR|…) that are still Open — Status blank or "Open", Outcome blank — are closed: a row staff
 * have worked (any other status, or an outcome typed) is theirs. The rules, in docs/RULES.md
 * ("Interventions: closing"):
 *   HW|detention|<upn>|<subject>|<date>  the Homework Log row says Detention Attended Yes / No
 *   HW|cl|<upn>|<subject>|<date>         the Homework Log row says CL Detention Yes
 *   HW|pink|… / HW|red|<upn>|<week>      the follow-up week is over and the pupil's last complete
 *                                        school week is neither pink nor red
 *   HW|persistent|<upn>|<since>          the pupil is no longer persistent (or a new run began)
 *   PR|below|<upn>|<subject>|<round>     target met at a later review, or carried to a newer round
 *   PR|rac|<upn>|<round>                 below in fewer subjects than the threshold, or a newer round
 * A pupil who has left closes every open row ("left the school").
 */
import { addDays, IsoDate, toUk } from '../dates';
import { Intervention } from '../types';

export interface Closure {
  key: string;
  outcome: string;
  exitValue: string;
}

/** What the homework rules know now, per pupil (normalised UPN). */
export interface HomeworkNow {
  /** The pupil's bands by week (Monday → band), only pupils on roll. */
  bands: Map<string, Map<IsoDate, 'none' | 'pink' | 'red'>>;
  /** Misses per week, for the exit value. */
  misses: Map<string, Map<IsoDate, number>>;
  persistentSince: Map<string, IsoDate | ''>;
  /** The Homework Log rows' detention columns by `<upn>|<subject>|<date>` (upper-case). */
  detentions: Map<string, { attended: string; cl: string }>;
  onRoll: Set<string>;
}

/** What the progress review found now: status per `<upn>|<subject>` (upper-case) and the round. */
export interface ProgressNow {
  round: string;
  status: Map<string, { status: string; current: string; target: string }>;
  belowSubjects: Map<string, number>;
  belowForRac: number;
  onRoll: Set<string>;
}

export function isOpen(i: Pick<Intervention, 'status' | 'outcome'>): boolean {
  const s = String(i.status || '').trim().toLowerCase();
  return (s === '' || s === 'open') && String(i.outcome || '').trim() === '';
}

const closed = (asOf: IsoDate, why: string) => `Closed by Pastoral Tracker ${toUk(asOf)}: ${why}`;
const up = (s: string) => s.trim().toUpperCase();

/** The last school week (Monday) whose Friday is before `asOf`, among `weeks`. */
function lastCompleteWeek(weeks: IsoDate[], asOf: IsoDate): IsoDate | '' {
  let last: IsoDate | '' = '';
  for (const w of weeks) if (addDays(w, 4) < asOf) last = w;
  return last;
}

export function homeworkClosures(existing: Intervention[], now: HomeworkNow, asOf: IsoDate): Closure[] {
  const out: Closure[] = [];
  for (const i of existing) {
    const parts = String(i.key || '').split('|');
    if (parts[0] !== 'HW' || !isOpen(i)) continue;
    const kind = parts[1];
    const upn = up(parts[2] || '');
    if (!now.onRoll.has(upn)) {
      out.push({ key: i.key, outcome: closed(asOf, 'left the school'), exitValue: '' });
      continue;
    }
    if (kind === 'detention' || kind === 'cl') {
      const d = now.detentions.get(up(`${parts[2]}|${parts[3]}|${parts[4]}`));
      if (!d) continue;
      const attended = d.attended.trim().toLowerCase();
      if (kind === 'detention' && attended === 'yes') out.push({ key: i.key, outcome: closed(asOf, 'detention attended'), exitValue: 'Attended' });
      else if (kind === 'detention' && attended === 'no') out.push({ key: i.key, outcome: closed(asOf, 'not attended: after-school CL detention set'), exitValue: 'Not attended' });
      else if (kind === 'cl' && d.cl.trim().toLowerCase() === 'yes') out.push({ key: i.key, outcome: closed(asOf, 'CL detention done'), exitValue: 'CL detention done' });
      continue;
    }
    if (kind === 'pink' || kind === 'red') {
      if (!i.due || i.due >= asOf) continue; // the follow-up week is not over yet
      const bands = now.bands.get(upn);
      if (!bands) continue;
      const weeks = Array.from(bands.keys()).sort();
      const last = lastCompleteWeek(weeks, asOf);
      if (!last || last <= parts[3] || bands.get(last) !== 'none') continue;
      const n = now.misses.get(upn)?.get(last) ?? 0;
      out.push({ key: i.key, outcome: closed(asOf, `back out of pink/red (w/c ${toUk(last)})`), exitValue: `${n} missed w/c ${toUk(last)}` });
      continue;
    }
    if (kind === 'persistent') {
      const since = now.persistentSince.get(upn) || '';
      if (since === parts[3]) continue;
      out.push({ key: i.key, outcome: closed(asOf, since ? 'a new run of persistence began (see its own row)' : 'no longer persistent'), exitValue: since ? 'Persistent again' : 'Not persistent' });
    }
  }
  return out;
}

export function progressClosures(existing: Intervention[], now: ProgressNow, asOf: IsoDate): Closure[] {
  const out: Closure[] = [];
  for (const i of existing) {
    const parts = String(i.key || '').split('|');
    if (parts[0] !== 'PR' || !isOpen(i)) continue;
    const upn = up(parts[2] || '');
    if (!now.onRoll.has(upn)) {
      out.push({ key: i.key, outcome: closed(asOf, 'left the school'), exitValue: '' });
      continue;
    }
    if (parts[1] === 'below') {
      const s = now.status.get(up(`${parts[2]}|${parts[3]}`));
      const round = parts[4] || '';
      if (s && (s.status === 'on' || s.status === 'above')) {
        out.push({ key: i.key, outcome: closed(asOf, `target met (${s.status === 'on' ? 'on' : 'above'} target)`), exitValue: `${parts[3]}: working at ${s.current}, target ${s.target}` });
      } else if (s && s.status === 'below' && round !== now.round) {
        out.push({ key: i.key, outcome: closed(asOf, `still below at the ${now.round} review: carried to that round's row`), exitValue: `${parts[3]}: working at ${s.current}, target ${s.target}` });
      }
    } else if (parts[1] === 'rac') {
      const n = now.belowSubjects.get(upn) || 0;
      const round = parts[3] || '';
      if (n < now.belowForRac) out.push({ key: i.key, outcome: closed(asOf, `below target in ${n} subject${n === 1 ? '' : 's'} now`), exitValue: `Below in ${n}` });
      else if (round !== now.round) out.push({ key: i.key, outcome: closed(asOf, `still below in ${n} subjects at the ${now.round} review: carried to that round's row`), exitValue: `Below in ${n}` });
    }
  }
  return out;
}
