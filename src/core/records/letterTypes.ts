/**
 * A Letters Log "Type" as schools write it → the add-on's letter type (issue 16). Schools keep
 * their history as "AT1", "AT1 letter", "Attendance letter 1", "PA letter", "Stage 2 letter" …;
 * the ladder reads exact types, so every spelling is matched here, once, on the way in.
 *
 * Matching ignores case, punctuation, spacing and the words "letter", "letters", "the" and
 * "sent", then looks the rest up in ALIASES. A type that could be more than one letter (just
 * "Attendance letter") or none is refused naming the types accepted, never guessed: a wrong type
 * moves a pupil to the wrong rung. docs/imports.md lists every alias.
 */
import { LetterType } from '../types';

/** The Letters Log row the review writes when an episode ends (core/attendance/ladder.ts). */
export const EPISODE_END_TYPE = 'episode-end';

export type LogType = LetterType | typeof EPISODE_END_TYPE;

/** Every spelling accepted for each type, as people write them (documented in docs/imports.md). */
export const LETTER_TYPE_ALIASES: Record<LogType, string[]> = {
  AT1: ['AT1', 'AT 1', 'AT1 letter', 'Attendance letter 1', 'Attendance letter one', 'First attendance letter', 'Attendance 1',
    'Stage 1 letter', 'Stage 1', 'Level 1 letter', 'Level 1', 'Cause for concern level 1', 'Attendance concern 1'],
  AT2: ['AT2', 'AT 2', 'AT2 letter', 'Attendance letter 2', 'Attendance letter two', 'Second attendance letter', 'Attendance 2',
    'Stage 2 letter', 'Stage 2', 'Level 2 letter', 'Level 2', 'Cause for concern level 2', 'Attendance concern 2'],
  panel: ['panel', 'Panel letter', 'Attendance panel', 'Governors panel', "Governors' attendance panel", 'Governors attendance panel',
    'Panel invitation', "Governors' attendance panel invitation", 'Panel meeting', 'AT3', 'Attendance letter 3', 'Stage 3'],
  EWO: ['EWO', 'EWO letter', 'EWO referral', 'Referral to the EWO', 'Referral to the Education Welfare Officer', 'Education Welfare Officer',
    'Education welfare referral', 'EWS referral', 'Attendance Improvement Plan', 'AT4', 'Attendance letter 4', 'Stage 4'],
  PA: ['PA', 'PA letter', 'Persistent absence', 'Persistent absence letter', 'Persistent absentee', 'Persistent absentee letter'],
  tier1: ['tier1', 'Tier 1', 'Tier one', 'Tier 1 attendance letter'],
  tier2: ['tier2', 'Tier 2', 'Tier two', 'Tier 2 attendance letter'],
  tier3: ['tier3', 'Tier 3', 'Tier three', 'Tier 3 attendance letter', 'Tier 3 attendance letter (persistent absence)'],
  punctuality: ['punctuality', 'Punctuality letter', 'Lates letter', 'Late marks letter', 'Lateness letter'],
  lateToLesson: ['lateToLesson', 'Late to lesson', 'Late to lessons', 'Lates to lessons', 'Late to lessons letter', 'Lesson lates'],
  homework: ['homework', 'Homework concern', 'Homework concern letter', 'Homework letter', 'Missed homework letter'],
  reward: ['reward', 'Reward letter', 'Attendance reward', 'Attendance reward letter', 'Celebration letter', 'Attendance celebration'],
  'episode-end': ['episode-end', 'Episode end', 'End of episode', 'Episode ended'],
};

const IGNORED_WORDS = ['letter', 'letters', 'the', 'sent'];

/** The text as compared: lower case, letters and digits only, the ignored words dropped. */
export function typeKey(text: string): string {
  return String(text || '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/([a-z])(\d)/g, '$1 $2') // "at1" and "at 1", "tier1" and "tier 1" alike
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && IGNORED_WORDS.indexOf(w) < 0)
    .join(' ');
}

let lookup: Map<string, LogType> | null = null;
function table(): Map<string, LogType> {
  if (lookup) return lookup;
  const m = new Map<string, LogType>();
  (Object.keys(LETTER_TYPE_ALIASES) as LogType[]).forEach((t) => {
    for (const a of LETTER_TYPE_ALIASES[t]) {
      const k = typeKey(a);
      if (m.has(k) && m.get(k) !== t) throw new Error(`Letter type alias "${a}" is listed for two types`); // a programming error
      m.set(k, t);
    }
  });
  lookup = m;
  return m;
}

export type TypeCheck = { ok: true; type: LogType } | { ok: false; reason: string };

/** The add-on's type for a Letters Log "Type" cell, or why it cannot be read. */
export function letterTypeOf(text: string): TypeCheck {
  const raw = String(text || '').trim();
  if (raw === '') return { ok: false, reason: 'Type is blank.' };
  const hit = table().get(typeKey(raw));
  if (hit) return { ok: true, type: hit };
  const k = typeKey(raw);
  const hint = k === 'attendance' || k === ''
    ? 'which attendance letter was it? Write AT1, AT2, Panel, EWO or PA'
    : 'write one of AT1, AT2, Panel, EWO, PA, Tier 1, Tier 2, Tier 3, Punctuality, Late to lessons, Homework concern or Reward (spellings such as "AT1 letter" or "Attendance letter 1" are read too)';
  return { ok: false, reason: `"${raw}" is not a letter type the tracker knows — ${hint}.` };
}

/** Letters Log Status words schools use → the tracker's status (Produced, Sent, Out of date, Cancelled). */
export const LETTER_STATUS_ALIASES: Record<string, string[]> = {
  Produced: ['Produced', 'Printed', 'Generated', 'Created', 'Drafted'],
  Sent: ['Sent', 'Posted', 'Emailed', 'E-mailed', 'Delivered', 'Hand delivered', 'Given to pupil'],
  'Out of date': ['Out of date', 'Superseded', 'Outdated'],
  Cancelled: ['Cancelled', 'Canceled', 'Void', 'Withdrawn', 'Not sent'],
};

/** A Status cell → the tracker's status ('' when blank), or null when it is none of them. */
export function letterStatusOf(text: string): string | null {
  const k = String(text || '').trim().toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  if (k === '') return '';
  for (const status of Object.keys(LETTER_STATUS_ALIASES)) {
    if (LETTER_STATUS_ALIASES[status].some((a) => a.toLowerCase().replace(/[^a-z]+/g, ' ').trim() === k)) return status;
  }
  return null;
}
