/**
 * Letters Log keys: the memory that stops the same letter going twice (SPEC §5). A key names the
 * letter type, the pupil, the period it belongs to (the ladder's episode or the half term) and —
 * since letters go to every parent — who it was addressed to:
 *
 *   AT1|<UPN>|episode-2024-01-08|to-kate-smith+lee-jones
 *
 * A key without the last part (letters made before, or history imported from a school's own log)
 * stands for the whole family: nobody is written to again for that letter and period.
 */
import { LetterLogEntry } from '../types';
import { normUpn } from '../pupils/names';

export function letterKey(type: string, upn: string, period: string, addresseeId?: string): string {
  const base = `${type}|${normUpn(upn)}|${period}`;
  return addresseeId ? `${base}|to-${addresseeId}` : base;
}

export interface KeyParts {
  type: string;
  upn: string;
  period: string;
  /** The people the letter was addressed to; null for a whole-family key. */
  to: string[] | null;
}

/** The parts of a log key; `period` is '' for keys not made by letterKey. */
export function parseLetterKey(key: string): KeyParts {
  const parts = String(key || '').split('|');
  let to: string[] | null = null;
  if (parts.length > 3 && /^to-/.test(parts[parts.length - 1])) to = (parts.pop() as string).slice(3).split('+').filter((x) => x !== '');
  return { type: parts[0] || '', upn: normUpn(parts[1] || ''), period: parts.slice(2).join('|'), to };
}

/** A log row that still stands: a Cancelled row does not block the letter being made again. */
export function blocks(e: LetterLogEntry): boolean {
  return String(e.status || '').trim().toLowerCase() !== 'cancelled';
}

/** A log row that counts as "sent" for the ladder: neither Cancelled nor Out of date. */
export function counts(e: LetterLogEntry): boolean {
  const s = String(e.status || '').trim().toLowerCase();
  return s !== 'cancelled' && s !== 'out of date';
}

/** The standing rows of one letter (type, pupil, period), whoever they were addressed to. */
export interface Covered {
  /** A whole-family row exists: everyone has had it. */
  all: boolean;
  /** People already written to. */
  people: Set<string>;
  /** The earliest such row, for messages. */
  first: LetterLogEntry | null;
  /** Some row counts as sent for the ladder (not Out of date): the rung above may follow it. */
  counting: boolean;
}

/** Index of the Letters Log by "TYPE|UPN|period" for the standing rows (built once per plan). */
export function coverIndex(log: LetterLogEntry[]): Map<string, Covered> {
  const out = new Map<string, Covered>();
  for (const e of log) {
    if (!blocks(e)) continue;
    const k = parseLetterKey(e.key);
    const id = `${k.type}|${k.upn}|${k.period}`;
    let c = out.get(id);
    if (!c) out.set(id, (c = { all: false, people: new Set<string>(), first: null, counting: false }));
    if (counts(e)) c.counting = true;
    if (k.to === null) c.all = true;
    else k.to.forEach((p) => (c as Covered).people.add(p));
    if (!c.first || e.date < c.first.date) c.first = e;
  }
  return out;
}
