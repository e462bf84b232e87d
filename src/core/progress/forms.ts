/**
 * The sidebar forms (issue 8): a mentoring slip from any member of staff, and a request for a
 * final-year pupil at an after-school or lunchtime session. Server functions get whatever the
 * browser sent, so everything is checked here; a refusal is a message the person can act on.
 * The sessions are for the final mentored year (Year 11 by default: the highest `mentoredYears`).
 */
import { IsoDate, isIsoDate, isWeekend, toUk } from '../dates';
import { Settings } from '../settings';
import { Pupil } from '../types';
import { MentoringSlip, SessionRequest } from './records';
import { normUpn, listName } from '../pupils/names';
import { rollIndex } from '../pupils/roll';
import { normText } from '../text';

export const MAX_TEXT = 1000;
export const SLOT_OPTIONS = ['Lunchtime', 'After school'];
export const KIND_OPTIONS = ['Positive', 'Concern'];

function text(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v).replace(/\u00a0/g, ' ').trim() : '';
}

function pick(v: unknown, options: string[]): string {
  const t = normText(text(v));
  return options.find((o) => normText(o) === t) || '';
}

export function sessionYear(settings: Settings): number {
  return Math.max.apply(null, settings.progress.mentoredYears.length ? settings.progress.mentoredYears : [11]);
}

/** Pupils a slip can be about: on roll in a mentored year. */
export function slipPupils(pupils: Pupil[], asOf: IsoDate, settings: Settings): Pupil[] {
  const years = settings.progress.mentoredYears;
  return Array.from(rollIndex(pupils, asOf).values()).filter((p) => years.indexOf(p.year) >= 0);
}

export interface FormCheck<T> {
  record: T | null;
  errors: string[];
}

export function checkSlip(form: Record<string, unknown>, from: string, pupils: Pupil[], asOf: IsoDate, settings: Settings): FormCheck<MentoringSlip> {
  const errors: string[] = [];
  const upn = normUpn(text(form && form.upn));
  const pupil = slipPupils(pupils, asOf, settings).find((p) => normUpn(p.upn) === upn);
  if (!upn) errors.push('Choose a pupil.');
  else if (!pupil) errors.push(`That pupil is not on roll in Year ${settings.progress.mentoredYears.join(' or ')}: mentoring slips go to Year ${settings.progress.mentoredYears.join('/')} mentors.`);
  const kind = pick(form && form.kind, KIND_OPTIONS);
  if (!kind) errors.push('Choose Positive or Concern.');
  const comment = text(form && form.comment);
  const target = text(form && form.target);
  if (!comment) errors.push('Write a comment for the mentor.');
  if (comment.length > MAX_TEXT) errors.push(`The comment is ${comment.length} characters; keep it under ${MAX_TEXT}.`);
  if (target.length > MAX_TEXT) errors.push(`The target is ${target.length} characters; keep it under ${MAX_TEXT}.`);
  if (!from) errors.push('Your e-mail address is not available: ask the tracker owner to share the sheet with your school account.');
  if (errors.length || !pupil) return { record: null, errors };
  return { record: { date: asOf, upn: pupil.upn, from, kind, comment, target }, errors };
}

export function checkSessionRequest(form: Record<string, unknown>, requestedBy: string, pupils: Pupil[], asOf: IsoDate, settings: Settings): FormCheck<SessionRequest> {
  const errors: string[] = [];
  const year = sessionYear(settings);
  const upn = normUpn(text(form && form.upn));
  const pupil = Array.from(rollIndex(pupils, asOf).values()).find((p) => normUpn(p.upn) === upn && p.year === year);
  if (!upn) errors.push('Choose a pupil.');
  else if (!pupil) errors.push(`Sessions are for Year ${year} pupils on roll; that pupil is not one.`);
  const slot = pick(form && form.slot, SLOT_OPTIONS);
  if (!slot) errors.push('Choose Lunchtime or After school.');
  const subject = text(form && form.subject);
  if (!subject) errors.push('Write the subject.');
  const date = text(form && form.date);
  if (!isIsoDate(date)) errors.push('Choose the date of the session.');
  else if (date < asOf) errors.push(`${toUk(date)} has passed: choose today or a later date.`);
  else if (isWeekend(date)) errors.push(`${toUk(date)} is a weekend.`);
  const time = text(form && form.time);
  if (time && !/^\d{1,2}[:.]\d{2}(\s*[-–]\s*\d{1,2}[:.]\d{2})?$/.test(time)) errors.push(`"${time}" is not a time: write it like 15:10 or 15:10-16:10.`);
  const teacher = text(form && form.teacher);
  if (!teacher) errors.push('Write the teacher taking the session.');
  for (const [name, v] of [['subject', subject], ['teacher', teacher]]) if (v.length > 200) errors.push(`The ${name} is too long.`);
  if (errors.length || !pupil) return { record: null, errors };
  return { record: { date, upn: pupil.upn, slot, subject, time, teacher, requestedBy }, errors };
}

/** What the sidebar lists for the pupil search (no addresses, no parent details). */
export function pupilChoices(pupils: Pupil[]): Array<{ upn: string; name: string; year: number; regGroup: string }> {
  return pupils
    .slice()
    .sort((a, b) => a.surname.localeCompare(b.surname) || a.forename.localeCompare(b.forename))
    .map((p) => ({ upn: p.upn, name: listName(p), year: p.year, regGroup: p.regGroup }));
}
