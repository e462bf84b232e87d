/**
 * The "Record a missed homework" sidebar's server side (issue 4): search pupils on roll, and
 * record one Homework Log row after checking it with core's `checkNewEntry` — a second entry for
 * the same UPN + subject + date is refused with a message naming the first.
 * Inputs come from a browser, so every field is checked for type and length before use.
 */
import { IsoDate, isIsoDate } from '../../core/dates';
import { Settings, homeworkReasons } from '../../core/settings';
import { checkNewEntry } from '../../core/homework/misses';
import { comparePupils, onRoll } from '../../core/pupils/roll';
import { HomeworkMiss, Pupil, StaffMember } from '../../core/types';
import { appendNewByKey } from '../../gas/tables';
import { loadTabs } from '../load';
import { normUpn, listName, proseName } from '../../core/pupils/names';
import { normText } from '../../core/text';
import { PupilRef } from '../../core/pupils/identity';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RecordResult {
  ok: boolean;
  message: string;
}

export type PupilMatch = PupilRef;

const MAX = { upn: 20, subject: 60, reason: 40, className: 40, teacher: 80, notes: 500, query: 60 };
export const SEARCH_LIMIT = 20;

function text(v: unknown, max: number): string | null {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = String(v).replace(/\s+/g, ' ').trim();
  return s.length > max ? null : s;
}

/** The form as a Homework Log entry, or the reasons it cannot be one. */
export function readForm(form: unknown): { entry?: HomeworkMiss; errors: string[] } {
  if (!form || typeof form !== 'object') return { errors: ['The form was empty. Fill it in and press Record.'] };
  const f = form as Record<string, unknown>;
  const errors: string[] = [];
  const field = (name: keyof typeof MAX, label: string): string => {
    const v = text(f[name], MAX[name]);
    if (v === null) {
      errors.push(`${label} is too long or not text.`);
      return '';
    }
    return v;
  };
  const entry: HomeworkMiss = {
    upn: field('upn', 'The pupil').toUpperCase(),
    subject: field('subject', 'The subject'),
    reason: field('reason', 'The reason'),
    date: typeof f.date === 'string' ? f.date.trim() : '',
    className: field('className', 'The class'),
    teacher: field('teacher', 'The teacher'),
    notes: field('notes', 'The notes'),
    subjectDetention: '', detentionAttended: '', clDetention: '',
  };
  if (!entry.upn) errors.push('Choose a pupil.');
  if (!isIsoDate(entry.date)) errors.push('Choose a date.');
  return errors.length ? { errors } : { entry, errors };
}

export function recordMissJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, form: unknown): RecordResult {
  const read = readForm(form);
  if (!read.entry) return { ok: false, message: read.errors.join(' ') };
  const entry = read.entry;
  const { data } = loadTabs(ss, ['Students', 'Homework Log'], settings);
  const pupils = data.Students || [];
  const log = data['Homework Log'] || [];
  const errors = checkNewEntry(log, entry, pupils, asOf, settings);
  if (errors.length) return { ok: false, message: errors.join(' ') };

  const pupil = pupils.find((p) => normUpn(p.upn) === normUpn(entry.upn)) as Pupil;
  const row: Record<string, unknown> = { date: entry.date, upn: pupil.upn, subject: entry.subject, reason: canonicalReason(entry.reason, settings) };
  for (const k of ['className', 'teacher', 'notes'] as const) if (entry[k]) row[k] = entry[k];
  const added = appendNewByKey(ss, 'Homework Log', [row]);
  if (!added) {
    // Someone recorded the same piece between our read and write: appendNewByKey re-read and refused.
    return { ok: false, message: `Already recorded: ${pupil.upn} ${proseName(pupil)}, ${entry.subject} on that date (another entry was just saved).` };
  }
  return { ok: true, message: `Recorded: ${proseName(pupil)}, ${entry.subject}, ${row.reason}.` };
}

/** The reason as the settings spell it (the drop-down's value), whatever case the form sent. */
function canonicalReason(reason: string, settings: Settings): string {
  const all = homeworkReasons(settings);
  return all.find((r) => normText(r) === normText(reason)) || reason;
}

/** Up to 20 pupils on roll whose name, UPN or reg group matches every word of the query. */
export function searchPupilsIn(pupils: Pupil[], asOf: IsoDate, query: unknown): PupilMatch[] {
  const q = text(query, MAX.query);
  if (!q || q.length < 2) return [];
  const words = normText(q).split(' ').filter(Boolean);
  const out: PupilMatch[] = [];
  for (const p of onRoll(pupils, asOf).slice().sort(comparePupils)) {
    const hay = normText(`${p.forename} ${p.surname} ${p.upn} ${p.regGroup} y${p.year}`);
    if (words.every((w) => hay.indexOf(w) >= 0)) {
      out.push({ upn: p.upn, name: listName(p), year: p.year, regGroup: p.regGroup });
      if (out.length >= SEARCH_LIMIT) break;
    }
  }
  return out;
}

export function searchPupilsJob(ss: Spreadsheet, asOf: IsoDate, query: unknown): PupilMatch[] {
  if (!text(query, MAX.query) || String(query).trim().length < 2) return [];
  const { data } = loadTabs(ss, ['Students']);
  return searchPupilsIn(data.Students || [], asOf, query);
}

export interface RecordMissSetup {
  today: IsoDate;
  reasons: string[];
  subjects: string[];
  teacher: string;
}

/** What the sidebar opens with: today, the reasons, known subjects, and the user's name. */
export function recordMissSetup(ss: Spreadsheet, settings: Settings, asOf: IsoDate, userEmail: string): RecordMissSetup {
  const { data } = loadTabs(ss, ['Staff']);
  const staff: StaffMember[] = data.Staff || [];
  const subjects = new Set<string>();
  const add = (s: string) => {
    const t = s.trim();
    if (t && !Array.from(subjects).some((x) => x.toLowerCase() === t.toLowerCase())) subjects.add(t);
  };
  settings.homework.coreSubjects.forEach(add);
  for (const s of staff) String(s.department || '').split(/[/,;&]+/).forEach(add);
  settings.homework.practicalSubjects.forEach(add);
  const me = staff.find((s) => s.email && s.email.toLowerCase() === String(userEmail || '').toLowerCase());
  return {
    today: asOf,
    reasons: homeworkReasons(settings),
    subjects: Array.from(subjects).sort((a, b) => a.localeCompare(b)),
    teacher: me ? me.name : '',
  };
}
