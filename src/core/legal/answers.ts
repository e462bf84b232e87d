/**
 * What answers a statutory flag (SPEC §4.3: the penalty threshold "stays flagged until a step on
 * the Legal tab answers it"; §4.4: LA notified "once per episode"). The attendance review asks
 * these; the rule is here, with the Legal tab's words.
 *
 * Rule chosen (docs/RULES.md): a step answers a flag when it is for the same pupil, is a step that
 * deals with that flag, and is dated on or after the day the flag arose (the day the threshold was
 * first met; the first day of the ten-day run). The threshold is answered by a Notice to Improve, a
 * penalty notice, an attendance contract, a referral for prosecution, or the school's record that
 * it considered the threshold and chose support instead ("Considered: no notice") — the framework
 * asks the school to *consider* a notice, not always to issue one. Telling the LA about ten days
 * in a row is a different duty and does not answer the threshold; only "LA notified" answers that.
 */
import { IsoDate } from '../dates';
import { StepKind, stepKind } from './steps';

const THRESHOLD_ANSWERS: StepKind[] = ['noticeToImprove', 'penaltyNotice', 'contract', 'referral', 'considered'];

export function answersThreshold(step: string): boolean {
  const k = stepKind(step);
  return k !== null && THRESHOLD_ANSWERS.indexOf(k) >= 0;
}

export function answersTenDays(step: string): boolean {
  return stepKind(step) === 'laNotified';
}

/** Dates (ascending) of the steps that pass `test` — what the review's flags are answered on. */
export function answerDates(steps: Array<{ date: IsoDate; step: string }> | undefined, test: (step: string) => boolean): IsoDate[] {
  if (!steps || !steps.length) return [];
  return steps.filter((s) => s.date && test(s.step)).map((s) => s.date).sort();
}
