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

/** A row staff have not closed: Status Open, or left blank. */
export function isOpenStatus(status: string): boolean {
  const s = String(status || '').trim().toLowerCase();
  return s === '' || s === 'open';
}

/** A row the add-on may still close: open, and nobody has written an Outcome. */
export function isOpen(i: Pick<Intervention, 'status' | 'outcome'>): boolean {
  return isOpenStatus(i.status) && String(i.outcome || '').trim() === '';
}

const closed = (asOf: IsoDate, why: string) => `Closed by Pastoral Tracker ${toUk(asOf)}: ${why}`;
const up = (s: string) => s.trim().toUpperCase();

/**
 * The closures of the add-on's open rows of one kind (key prefix HW, PR …), in row order: a row
 * whose pupil has left closes "left the school"; any other is `decide`d with its key split.
 */
function closeOpenRows(existing: Intervention[], prefix: string, onRoll: Set<string>, asOf: IsoDate, decide: (i: Intervention, parts: string[], upn: string) => Closure | null): Closure[] {
  const out: Closure[] = [];
  for (const i of existing) {
    const parts = String(i.key || '').split('|');
    if (parts[0] !== prefix || !isOpen(i)) continue;
    const upn = up(parts[2] || '');
    const c = onRoll.has(upn) ? decide(i, parts, upn) : { key: i.key, outcome: closed(asOf, 'left the school'), exitValue: '' };
    if (c) out.push(c);
  }
  return out;
}

/** The last school week (Monday) whose Friday is before `asOf`, among `weeks`. */
function lastCompleteWeek(weeks: IsoDate[], asOf: IsoDate): IsoDate | '' {
  let last: IsoDate | '' = '';
  for (const w of weeks) if (addDays(w, 4) < asOf) last = w;
  return last;
}

export function homeworkClosures(existing: Intervention[], now: HomeworkNow, asOf: IsoDate): Closure[] {
  return closeOpenRows(existing, 'HW', now.onRoll, asOf, (i, parts, upn) => {
    const kind = parts[1];
    if (kind === 'detention' || kind === 'cl') {
      const d = now.detentions.get(up(`${parts[2]}|${parts[3]}|${parts[4]}`));
      if (!d) return null;
      const attended = d.attended.trim().toLowerCase();
      if (kind === 'detention' && attended === 'yes') return { key: i.key, outcome: closed(asOf, 'detention attended'), exitValue: 'Attended' };
      if (kind === 'detention' && attended === 'no') return { key: i.key, outcome: closed(asOf, 'not attended: after-school CL detention set'), exitValue: 'Not attended' };
      if (kind === 'cl' && d.cl.trim().toLowerCase() === 'yes') return { key: i.key, outcome: closed(asOf, 'CL detention done'), exitValue: 'CL detention done' };
      return null;
    }
    if (kind === 'pink' || kind === 'red') {
      if (!i.due || i.due >= asOf) return null; // the follow-up week is not over yet
      const bands = now.bands.get(upn);
      if (!bands) return null;
      const weeks = Array.from(bands.keys()).sort();
      const last = lastCompleteWeek(weeks, asOf);
      if (!last || last <= parts[3] || bands.get(last) !== 'none') return null;
      const n = now.misses.get(upn)?.get(last) ?? 0;
      return { key: i.key, outcome: closed(asOf, `back out of pink/red (w/c ${toUk(last)})`), exitValue: `${n} missed w/c ${toUk(last)}` };
    }
    if (kind === 'persistent') {
      const since = now.persistentSince.get(upn) || '';
      if (since === parts[3]) return null;
      return { key: i.key, outcome: closed(asOf, since ? 'a new run of persistence began (see its own row)' : 'no longer persistent'), exitValue: since ? 'Persistent again' : 'Not persistent' };
    }
    return null;
  });
}

export function progressClosures(existing: Intervention[], now: ProgressNow, asOf: IsoDate): Closure[] {
  return closeOpenRows(existing, 'PR', now.onRoll, asOf, (i, parts, upn) => {
    if (parts[1] === 'below') {
      const s = now.status.get(up(`${parts[2]}|${parts[3]}`));
      const round = parts[4] || '';
      const exitValue = s ? `${parts[3]}: working at ${s.current}, target ${s.target}` : '';
      if (s && (s.status === 'on' || s.status === 'above')) return { key: i.key, outcome: closed(asOf, `target met (${s.status === 'on' ? 'on' : 'above'} target)`), exitValue };
      if (s && s.status === 'below' && round !== now.round) return { key: i.key, outcome: closed(asOf, `still below at the ${now.round} review: carried to that round's row`), exitValue };
    } else if (parts[1] === 'rac') {
      const n = now.belowSubjects.get(upn) || 0;
      const round = parts[3] || '';
      if (n < now.belowForRac) return { key: i.key, outcome: closed(asOf, `below target in ${n} subject${n === 1 ? '' : 's'} now`), exitValue: `Below in ${n}` };
      if (round !== now.round) return { key: i.key, outcome: closed(asOf, `still below in ${n} subjects at the ${now.round} review: carried to that round's row`), exitValue: `Below in ${n}` };
    }
    return null;
  });
}
