/**
 * What answers a statutory flag (SPEC §4.3–4.4). The penalty-notice threshold "stays flagged until
 * a step on the Legal tab answers it", and "LA notified of 10 consecutive school days" is once per
 * episode. The Legal tab itself is a later piece of work: until it exists the review is given no
 * steps and nothing is answered. These rules are here so that tab only has to read its rows into
 * `LegalStep`s and pass them to the review.
 *
 * Rule chosen: a step answers a flag when it is for the same pupil, is a step that deals with that
 * flag, and is dated on or after the day the flag arose (the day the threshold was first met; the
 * first day of the ten-day run). Answered sessions are spent: the threshold is looked for again
 * only in penalty sessions after the answering step.
 */
import { IsoDate } from '../dates';

export interface LegalStep {
  upn: string;
  date: IsoDate;
  /** As on the Legal tab (SPEC §4.4): Notice to Improve, Penalty notice, LA notified (10 days), … */
  step: string;
}

/** The Legal tab's steps (SPEC §4.4), in the words of its drop-down. */
export const LEGAL_STEPS = ['Notice to Improve', 'Penalty notice', 'LA notified (10 days)', 'Attendance contract', 'Referral for prosecution'];

const norm = (s: string) => String(s || '').trim().toLowerCase();

/**
 * Steps that answer the penalty threshold: the school considered it and acted (a Notice to
 * Improve, a penalty notice, an attendance contract instead, or a referral). Telling the LA about
 * ten days in a row is a different duty and does not answer it.
 */
export function answersPenaltyThreshold(step: string): boolean {
  const s = norm(step);
  return s === 'notice to improve' || s === 'penalty notice' || s === 'attendance contract' || s === 'referral for prosecution';
}

/** The step that answers "notify the local authority" (ten school days in a row). */
export function answersTenDays(step: string): boolean {
  return norm(step).indexOf('la notified') === 0;
}

/** Dates (ascending) of this pupil's steps that pass `test`. */
export function answerDates(steps: LegalStep[] | undefined, test: (step: string) => boolean): IsoDate[] {
  if (!steps || !steps.length) return [];
  return steps.filter((s) => s.date && test(s.step)).map((s) => s.date).sort();
}
