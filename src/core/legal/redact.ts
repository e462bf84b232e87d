/**
 * The evidence pack names no other pupil (issue 19). Its own tables hold only this pupil's rows,
 * but staff's free text (an intervention's action or outcome, a step's outcome) can mention a
 * classmate or a sibling: "fell out with Jack Smith". Every other pupil on roll whose full name
 * ("Forename Surname" or "Surname, Forename") or UPN appears in such text is replaced by
 * "[another pupil]". Case and spacing are ignored; a surname alone is left (it is often the
 * family's own name, and too common to remove safely).
 */
import { Pupil } from '../types';

export const ANOTHER_PUPIL = '[another pupil]';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type Redactor = (text: string) => string;

/** A function that removes every pupil in `others` (not `self`) from a piece of text. */
export function otherPupilRedactor(others: Pick<Pupil, 'upn' | 'forename' | 'surname'>[], self: Pick<Pupil, 'upn' | 'forename' | 'surname'>): Redactor {
  const selfUpn = self.upn.trim().toUpperCase();
  const selfName = `${self.forename} ${self.surname}`.trim().toLowerCase().replace(/\s+/g, ' ');
  const alternatives: string[] = [];
  for (const p of others) {
    const upn = p.upn.trim().toUpperCase();
    if (!upn || upn === selfUpn) continue;
    const fore = p.forename.trim();
    const sur = p.surname.trim();
    alternatives.push(escape(upn));
    if (!fore || !sur) continue;
    // A pupil with the same name as this one cannot be told apart in text: the name stays.
    if (`${fore} ${sur}`.toLowerCase().replace(/\s+/g, ' ') === selfName) continue;
    const f = escape(fore).replace(/\s+/g, '\\s+');
    const s = escape(sur).replace(/\s+/g, '\\s+');
    alternatives.push(`${f}\\s+${s}`, `${s}\\s*,\\s*${f}`);
  }
  if (!alternatives.length) return (text) => text;
  // Longest first, so "Anne Marie Smith" goes before "Marie Smith" can match inside it.
  alternatives.sort((a, b) => b.length - a.length);
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])(?:${alternatives.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'giu');
  return (text) => String(text || '').replace(re, (_m, before: string) => `${before}${ANOTHER_PUPIL}`);
}
