/**
 * The Letters Log as schools keep it (issue 16): Date, Type, UPN — with Status, By and Document if
 * they have them. The Key is the add-on's own business, so an imported row without one gets the
 * key the add-on would have given that letter:
 * - ladder rungs (AT1, AT2, panel, EWO): `TYPE|UPN|episode-<start>`, the episode starting at its
 *   first ladder letter, as core/attendance/ladder.ts reads it. An `episode-end` row ends it; a
 *   rung sent again (or a lower rung after a higher one) begins a new key episode so two real
 *   letters never collide — and is reported, because the ladder itself counts from the first;
 * - every other letter: `TYPE|UPN|halfterm-<start>` when the school's half-term dates (Settings)
 *   place the date, otherwise `TYPE|UPN|date-<date>`; letter runs also match history by type and
 *   date within the period (core/letters/plan.ts), so either form stops a second letter.
 * A Key the file does have is kept when it names the row's own type and pupil; one naming another
 * pupil or type is refused (the row would block the wrong letter).
 */
import { IsoDate, toUk } from '../dates';
import { TermDates } from '../settings';
import { LetterLogEntry } from '../types';
import { Refusal } from './refusal';
import { EPISODE_END_TYPE, letterTypeOf } from './letterTypes';

const RUNGS = ['AT1', 'AT2', 'panel', 'EWO'];

function live(e: LetterLogEntry): boolean {
  return String(e.status || '').trim().toLowerCase() !== 'cancelled';
}

function halfTermStart(date: IsoDate, halfTerms: TermDates[]): IsoDate | '' {
  for (const t of halfTerms) if (t.start <= date && date <= t.end) return t.start;
  return '';
}

export interface LogFinish {
  /** Records with their Key filled in (refused rows left out). */
  records: LetterLogEntry[];
  rows: number[];
  refusals: Refusal[];
  /** What the person should know about the history (e.g. an AT1 sent again with no episode end). */
  notes: string[];
}

export interface LogOptions {
  /** The school's half terms (Settings), to key non-ladder letters by half term. */
  halfTerms?: TermDates[];
  /** On import: a letter dated after today is refused (a day/month mix-up, or a typing slip). */
  today?: IsoDate;
}

/**
 * Fill in missing keys and check given ones, for rows already read (one file or one tab).
 * `rows[i]` is the sheet row of `records[i]`.
 */
export function finishLettersLog(records: LetterLogEntry[], rows: number[], opts: LogOptions = {}): LogFinish {
  const halfTerms = opts.halfTerms || [];
  const out: LogFinish = { records: [], rows: [], refusals: [], notes: [] };
  const keep: boolean[] = records.map(() => true);

  if (opts.today) {
    const today = opts.today;
    records.forEach((r, i) => {
      if (r.date <= today) return;
      keep[i] = false;
      out.refusals.push({ row: rows[i], column: 'Date', value: toUk(r.date),
        reason: `a letter dated after today (${toUk(today)}) cannot have been sent — check the date is written day/month/year.` });
    });
  }

  // Given keys: must be this row's type and pupil.
  records.forEach((r, i) => {
    if (!keep[i] || !r.key) return;
    const parts = r.key.split('|');
    const t = letterTypeOf(parts[0] || '');
    const upn = String(parts[1] || '').trim().toUpperCase();
    if (parts.length < 3 || !t.ok || t.type !== r.type || upn !== r.upn) {
      keep[i] = false;
      out.refusals.push({ row: rows[i], column: 'Key', value: r.key,
        reason: `this key is not for a ${r.type} letter to ${r.upn} — leave Key blank and the tracker makes it from Date, Type and UPN.` });
    }
  });

  // Each pupil's letters in date order (then sheet order), to place the ladder's episodes.
  const byUpn = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (!keep[i]) return;
    const list = byUpn.get(r.upn) || [];
    list.push(i);
    byUpn.set(r.upn, list);
  });
  byUpn.forEach((idx) => {
    idx.sort((a, b) => (records[a].date < records[b].date ? -1 : records[a].date > records[b].date ? 1 : rows[a] - rows[b]));
    let start = '';
    let top = -1;
    let topDate = '';
    for (const i of idx) {
      const r = records[i];
      if (r.type === EPISODE_END_TYPE) {
        if (live(r)) { start = ''; top = -1; topDate = ''; }
        if (!r.key) r.key = `${EPISODE_END_TYPE}|${r.upn}|${r.date}`;
        continue;
      }
      const rung = RUNGS.indexOf(r.type);
      if (rung >= 0) {
        if (live(r)) {
          if (start && rung <= top) {
            out.notes.push(`Letters Log row ${rows[i]}: ${r.type} on ${toUk(r.date)} follows ${RUNGS[top]} on ${toUk(topDate)} for ${r.upn} with no episode end between. ` +
              `The ladder counts one episode from ${toUk(start)}; if a new episode began, add an "episode-end" row dated before ${toUk(r.date)}.`);
            start = r.date;
          } else if (!start) {
            start = r.date;
          }
          top = rung;
          topDate = r.date;
        }
        if (!r.key) r.key = `${r.type}|${r.upn}|episode-${start || r.date}`;
        continue;
      }
      if (!r.key) {
        const ht = halfTermStart(r.date, halfTerms);
        r.key = `${r.type}|${r.upn}|${ht ? `halfterm-${ht}` : `date-${r.date}`}`;
      }
    }
  });

  records.forEach((r, i) => {
    if (!keep[i]) return;
    out.records.push(r);
    out.rows.push(rows[i]);
  });
  return out;
}

/**
 * Why a pupil's current episode may not read the way the school meant (the letter preview shows
 * these beside the pupil): a rung sent again or below a higher one with no episode end between,
 * or an episode that starts above AT1. `episodeStart` is where the ladder began the episode.
 */
export function episodeNotes(letters: LetterLogEntry[], episodeStart: IsoDate | '', asOf: IsoDate): string[] {
  if (!episodeStart) return [];
  const inEpisode = letters
    .filter((l) => live(l) && RUNGS.indexOf(l.type) >= 0 && l.date >= episodeStart && l.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const notes: string[] = [];
  let top = -1;
  let topDate = '';
  for (const l of inEpisode) {
    const rung = RUNGS.indexOf(l.type);
    if (top < 0 && rung > 0) {
      notes.push(`the Letters Log has ${l.type} on ${toUk(l.date)} with no ${RUNGS[rung - 1]} before it in this episode, so the ladder carries on from ${l.type}`);
    } else if (top >= 0 && rung <= top) {
      notes.push(`the Letters Log has ${l.type} on ${toUk(l.date)} after ${RUNGS[top]} on ${toUk(topDate)} with no episode end between, so the ladder counts one episode from ${toUk(episodeStart)} ` +
        `(add an "episode-end" row to the Letters Log if a new episode began)`);
      continue;
    }
    top = rung;
    topDate = l.date;
  }
  const later = letters.filter((l) => live(l) && l.date > asOf);
  for (const l of later) notes.push(`the Letters Log has ${l.type} dated ${toUk(l.date)}, after today — it is not counted until then`);
  return notes;
}
