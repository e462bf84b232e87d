/**
 * Penalty notices (DfE national framework for penalty notices, from 19 August 2024; SPEC §4.4).
 *
 * - A notice is issued to each parent separately, for each child.
 * - The first notice to a parent for a child: £160 if paid within 28 days, reduced to £80 if paid
 *   within 21 days.
 * - A second notice to the same parent for the same child within 3 years of the first: £160
 *   within 28 days, with no reduction.
 * - No more than two in 3 years: where the threshold is met a third time, another tool is used
 *   instead — "consider prosecution".
 * - Notices count whether paid or not; a withdrawn notice does not count; notices issued before
 *   the framework began (settings.legal.countNoticesFrom) do not count.
 *
 * The 3-year window, as chosen (docs/RULES.md): an earlier notice counts when it is dated on or
 * after the same calendar day `noticeYears` years before the new one ("within 3 years" includes
 * the anniversary, as "within 21 days" includes day 21) — so a notice 3 years and 1 day old does
 * not count. 29 February steps back to 28 February.
 *
 * The Legal tab rows given are one pupil's: the framework counts per parent *and* per child.
 */
import { IsoDate, isIsoDate, pad2 } from '../dates';
import { Settings } from '../settings';
import { LegalRecord, isWithdrawn, parentKey, stepKind } from './steps';

/** The same calendar day `years` years earlier (29 February → 28 February in a common year). */
export function yearsBefore(d: IsoDate, years: number): IsoDate {
  const y = +d.slice(0, 4) - years;
  const md = d.slice(5);
  const same = `${y}-${md}`;
  return isIsoDate(same) ? same : `${y}-${md.slice(0, 2)}-${pad2(+md.slice(3) - 1)}`;
}

/** The first day a notice still counts on `date`: notices dated on or after it are "within N years". */
export function windowStart(date: IsoDate, settings: Settings): IsoDate {
  const from = yearsBefore(date, settings.legal.noticeYears);
  return from > settings.legal.countNoticesFrom ? from : settings.legal.countNoticesFrom;
}

/**
 * The penalty notices that count towards the limit on `date` for `parent`: this pupil's notices to
 * that parent, not withdrawn, dated within the window and not after `date`. A notice with no
 * parent named counts for every parent (the limit cannot be passed through a blank cell); the
 * "what is due next" text asks for the name.
 */
export function countedNotices(steps: LegalRecord[], parent: string, date: IsoDate, settings: Settings): LegalRecord[] {
  const who = parentKey(parent);
  const from = windowStart(date, settings);
  return steps.filter((s) => {
    if (stepKind(s.step) !== 'penaltyNotice' || !s.date || isWithdrawn(s)) return false;
    if (s.date < from || s.date > date) return false;
    const k = parentKey(s.parent);
    return k === '' || k === who;
  });
}

export type NextNotice =
  | { kind: 'first'; amount: string; counted: LegalRecord[] }
  | { kind: 'second'; amount: string; counted: LegalRecord[] }
  | { kind: 'prosecution'; amount: ''; counted: LegalRecord[] };

/** "£80" / "£160" from a whole number of pounds. */
export function pounds(n: number): string {
  return `£${n}`;
}

/** The Amount the add-on writes for a first notice: both figures, since the payment decides. */
export function firstNoticeAmount(settings: Settings): string {
  const l = settings.legal;
  return `${pounds(l.reducedAmount)} if paid within ${l.reducedWithinDays} days, ${pounds(l.fullAmount)} within ${l.payWithinDays} days`;
}

export function secondNoticeAmount(settings: Settings): string {
  const l = settings.legal;
  return `${pounds(l.fullAmount)} within ${l.payWithinDays} days (second notice in ${l.noticeYears} years: no reduction)`;
}

/**
 * What a notice to `parent` dated `date` would be: the first (reduced if paid early), a second
 * (full amount, no reduction), or none — the limit is reached and the case is "consider
 * prosecution".
 */
export function nextNotice(steps: LegalRecord[], parent: string, date: IsoDate, settings: Settings): NextNotice {
  const counted = countedNotices(steps, parent, date, settings);
  const limit = settings.legal.noticeLimit;
  if (counted.length >= limit) return { kind: 'prosecution', amount: '', counted };
  if (counted.length === 0) return { kind: 'first', amount: firstNoticeAmount(settings), counted };
  return { kind: 'second', amount: secondNoticeAmount(settings), counted };
}

export interface ParentNotices {
  parent: string;
  /** Notices counting towards the limit today. */
  count: number;
  dates: IsoDate[];
  /** The limit is reached: a further case is "consider prosecution", not a notice. */
  atLimit: boolean;
}

/**
 * Notices per parent in the window as of `asOf`, for every parent named on a counted notice and
 * every parent in `parents` (the pupil's known parents). Only parents with at least one notice.
 */
export function noticesPerParent(steps: LegalRecord[], parents: string[], asOf: IsoDate, settings: Settings): ParentNotices[] {
  const names = new Map<string, string>();
  const add = (n: string) => {
    const k = parentKey(n);
    if (k && !names.has(k)) names.set(k, String(n).trim());
  };
  for (const s of steps) if (stepKind(s.step) === 'penaltyNotice') add(s.parent);
  for (const p of parents) add(p);
  const out: ParentNotices[] = [];
  names.forEach((name) => {
    const counted = countedNotices(steps, name, asOf, settings);
    if (!counted.length) return;
    out.push({ parent: name, count: counted.length, dates: counted.map((s) => s.date).sort(), atLimit: counted.length >= settings.legal.noticeLimit });
  });
  return out;
}

/** "2 notices to Mrs X in 3 years" (and what that means for the next case). */
export function noticesText(n: ParentNotices, settings: Settings): string {
  const years = settings.legal.noticeYears;
  const base = `${n.count} ${n.count === 1 ? 'notice' : 'notices'} to ${n.parent} in ${years} years`;
  if (n.atLimit) return `${base} — a further case: consider prosecution, not a notice`;
  if (n.count === settings.legal.noticeLimit - 1) return `${base} — another would be ${pounds(settings.legal.fullAmount)}, no reduction`;
  return base;
}

/** The dates of notices with no parent named (they count for every parent until someone names them). */
export function unnamedNotices(steps: LegalRecord[]): IsoDate[] {
  return steps.filter((s) => stepKind(s.step) === 'penaltyNotice' && !isWithdrawn(s) && parentKey(s.parent) === '').map((s) => s.date);
}
