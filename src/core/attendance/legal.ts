/**
 * What answers a statutory flag, as the review applies it (SPEC §4.3–4.4): the penalty-notice
 * threshold "stays flagged until a step on the Legal tab answers it"; "LA notified of 10
 * consecutive school days" is once per episode. The review is given the Legal tab's rows
 * (`ReviewInput.legalSteps`, read by jobs/attendance/review.ts) and passes each flag the dates of
 * the steps that answer it.
 *
 * Which steps answer which flag is the Legal tab's rule (core/legal/answers.ts, with its lenient
 * reading of what staff type): the threshold by a Notice to Improve, a penalty notice, an
 * attendance contract, a referral, or "Considered: no notice"; the ten days by "LA notified".
 * A step answers a flag when it is dated on or after the day the flag arose (the day the threshold
 * was first met; the first day of the ten-day run). Answered sessions are spent: the threshold is
 * looked for again only in penalty sessions after the answering step (penalty.ts).
 */
import { IsoDate } from '../dates';
import { answersThreshold, answersTenDays as laNotified } from '../legal/answers';
import { LegalRecord } from '../legal/steps';

export { LEGAL_STEPS } from '../legal/steps';

/** A Legal-tab row as the review needs it; the tab's other columns are there when it was read from the tab (what is due next uses them). */
export interface LegalStep extends Partial<Omit<LegalRecord, 'upn' | 'date' | 'step'>> {
  upn: string;
  date: IsoDate;
  /** As typed on the Legal tab (SPEC §4.4): Notice to Improve, Penalty notice, LA notified (10 days), … */
  step: string;
}

/** Steps that answer the penalty threshold (the Legal tab's rule). */
export function answersPenaltyThreshold(step: string): boolean {
  return answersThreshold(step);
}

/** The step that answers "notify the local authority" (ten school days in a row). */
export function answersTenDays(step: string): boolean {
  return laNotified(step);
}

/** Dates (ascending) of this pupil's steps that pass `test`. */
export function answerDates(steps: LegalStep[] | undefined, test: (step: string) => boolean): IsoDate[] {
  if (!steps || !steps.length) return [];
  return steps.filter((s) => s.date && test(s.step)).map((s) => s.date).sort();
}

/** A review's step as a full Legal-tab row (blank where the caller did not have the column). */
export function asLegalRecord(s: LegalStep): LegalRecord {
  return { date: s.date, upn: s.upn, step: s.step, parent: s.parent || '', amount: s.amount || '', periodEnd: s.periodEnd || '', outcome: s.outcome || '', by: s.by || '' };
}
