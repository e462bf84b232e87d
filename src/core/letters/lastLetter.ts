/**
 * What a family was last sent about attendance, as the Attendance tab and the tier lists show it
 * (SPEC §5 "After a run the Attendance tab shows what was produced"): "AT1 + PA produced 26/01",
 * "AT2 sent 12/02". One letter covering several rungs has a Letters Log row per rung (and per
 * addressee), all with the same date; they read as one letter here.
 */
import { IsoDate, toUk } from '../dates';
import { LetterLogEntry } from '../types';
import { blocks } from './keys';
import { normUpn } from '../pupils/names';

const ATTENDANCE = ['EWO', 'panel', 'AT2', 'AT1', 'PA', 'tier3', 'tier2', 'tier1'];

export interface LastLetter {
  date: IsoDate;
  /** Most serious first, each once. */
  types: string[];
  /** Sent when every row of that day says Sent (posted or e-mailed), else Produced. */
  status: 'Produced' | 'Sent';
}

/** Each pupil's latest attendance letter (standing rows only: a Cancelled letter never went). */
export function lastAttendanceLetters(log: LetterLogEntry[]): Map<string, LastLetter> {
  const rows = new Map<string, LetterLogEntry[]>();
  for (const e of log) {
    if (!blocks(e) || ATTENDANCE.indexOf(e.type) < 0 || !e.date) continue;
    const u = normUpn(e.upn);
    const list = rows.get(u);
    if (!list) rows.set(u, [e]);
    else if (e.date > list[0].date) rows.set(u, [e]);
    else if (e.date === list[0].date) list.push(e);
  }
  const out = new Map<string, LastLetter>();
  rows.forEach((list, u) => {
    const types = ATTENDANCE.filter((t) => list.some((e) => e.type === t));
    const sent = list.every((e) => /^\s*sent\s*$/i.test(e.status || ''));
    out.set(u, { date: list[0].date, types, status: sent ? 'Sent' : 'Produced' });
  });
  return out;
}

/** "AT1 + PA produced 26/01/2024". */
export function lastLetterText(l: LastLetter | undefined | null): string {
  if (!l) return '';
  return `${l.types.join(' + ')} ${l.status === 'Sent' ? 'sent' : 'produced'} ${toUk(l.date)}`;
}
