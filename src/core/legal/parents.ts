/**
 * A pupil's parents for the legal steps (each parent gets their own penalty notice): the contacts
 * with parental responsibility (Contacts tab — "not stated" counts, as letters do), in priority
 * order, written as a notice names them ("Mrs Rana Shah"); without contacts, the Students tab's
 * parent name, split where one cell names two ("Mrs A Khan; Mr B Khan", "Mrs A Khan and Mr B Khan").
 */
import { Pupil } from '../types';
import { Contact } from '../types';
import { parentKey } from './steps';

/** The Students tab's Parent Name, split into people. */
export function studentsTabParents(p: Pick<Pupil, 'parentName'>): string[] {
  return String(p.parentName || '')
    .split(/\s*(?:;|\/|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function contactName(c: Pick<Contact, 'title' | 'name'>): string {
  const name = String(c.name || '').trim();
  const title = String(c.title || '').trim();
  if (!title || name.toLowerCase().indexOf(`${title.toLowerCase()} `) === 0) return name;
  return `${title} ${name}`;
}

export function parentsOf(p: Pick<Pupil, 'parentName'>, contacts: Contact[] = []): string[] {
  const withPr = contacts
    .filter((c) => c.parentalResponsibility !== false && String(c.name || '').trim())
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.priority ?? 99) - (b.c.priority ?? 99) || a.i - b.i)
    .map((x) => contactName(x.c));
  const out: string[] = [];
  for (const n of withPr.length ? withPr : studentsTabParents(p)) if (!out.some((o) => parentKey(o) === parentKey(n))) out.push(n);
  return out;
}
