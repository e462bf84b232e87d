/**
 * "What is due next" in a pupil's legal case (SPEC §4.4, issue 19): one short line for the
 * Attendance tab, the pupil profile and the attendance officer's morning e-mail —
 *   "threshold first met 12/03 — no Notice to Improve yet"
 *   "improvement period ends 19/04 — 3 unauthorised sessions since"
 *   "2 notices to Mrs X in 3 years"
 * Only for pupils of compulsory school age, and only about unauthorised absence (the penalty
 * codes): a sixth former is never flagged, and authorised absence never starts a legal step.
 *
 * The rules chosen where the framework leaves it to the school are in docs/RULES.md ("Legal
 * steps"). In short:
 * - The threshold (met, not yet answered by a Legal-tab step) asks for a Notice to Improve —
 *   unless every session in its window is a term-time holiday (G), for which no Notice to Improve
 *   is expected: then it asks the school to consider a penalty notice. Met again while an
 *   improvement period runs, it asks for a penalty notice (a second Notice is not the next step).
 * - The latest Notice to Improve not followed by another step: while its period runs, the
 *   unauthorised sessions since the notice; once it has ended with any, "consider a penalty notice"
 *   (for `penaltyWindowWeeks` school weeks after the end, after which the case is stale and a new
 *   threshold starts a new one).
 * - Penalty notices per parent in the last 3 years, and "consider prosecution" at the limit.
 * - Ten school days in a row absent without permission: notify the LA once per run (a step dated
 *   on or after the run's first day answers it), and the return date once the pupil is back.
 */
import { IsoDate } from '../dates';
import { Settings } from '../settings';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { PupilMarks } from '../attendance/register';
import { AbsentRun } from '../attendance/penalty';
import { normaliseCode } from '../attendance/codes';
import { LegalRecord, STEP_NAMES, sortSteps, stepKind } from './steps';
import { noticesPerParent, noticesText, unnamedNotices } from './notices';
import { improvementPeriodEnd, returnDate, unauthorisedBetween } from './improvement';

/** The penalty threshold as the attendance review reports it (met and not yet answered). */
export interface ThresholdFacts {
  firstMet: IsoDate;
  sessions: number;
  from: IsoDate;
  to: IsoDate;
  /** "2024-01-10 AM G", one per session in the window. */
  marks: string[];
}

export interface LegalDueInput {
  compulsory: boolean;
  threshold: ThresholdFacts | null;
  /** The latest run of ten school days absent without permission, answered or not. */
  tenDays: AbsentRun | null;
  pm: PupilMarks | null;
  cal: Pick<SchoolCalendar, 'schoolWeeks'>;
  /** This pupil's Legal-tab rows. */
  steps: LegalRecord[];
  /** The pupil's parents (contacts with parental responsibility, or the Students tab's parent). */
  parents: string[];
  settings: Settings;
  asOf: IsoDate;
}

export type LegalDueKind = 'threshold' | 'improvement' | 'notices' | 'tenDays' | 'problem';

export interface LegalDueItem {
  kind: LegalDueKind;
  text: string;
  /** Something to do now (false: information, e.g. a period still running or notices counted). */
  action: boolean;
}

export interface LegalDue {
  items: LegalDueItem[];
  /** The items joined with "; " — the Attendance tab's Legal Next cell ('' when nothing). */
  text: string;
  /** The case is at the threshold or penalty-notice stage: the evidence pack run includes the pupil. */
  packWanted: boolean;
  /** The latest Notice to Improve's period (for the pack and the profile); null when none. */
  improvement: { noticeDate: IsoDate; periodEnd: IsoDate; sessionsSince: number; ended: boolean } | null;
}

/** Nothing due (a pupil not of compulsory school age). */
export const NO_LEGAL_DUE: Readonly<LegalDue> = Object.freeze({ items: [], text: '', packWanted: false, improvement: null });
const NONE = NO_LEGAL_DUE as LegalDue;

/** dd/mm, as the tab and e-mail lines write dates (the year is this year's or last). */
export function shortUk(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Steps that close a Notice to Improve's case: what the school did next. */
const FOLLOW_UP = new Set(['penaltyNotice', 'contract', 'referral', 'considered']);

export function legalDueNext(input: LegalDueInput): LegalDue {
  if (!input.compulsory) return NONE;
  const { settings, asOf, pm } = input;
  const steps = sortSteps(input.steps.filter((s) => s.date && s.date <= asOf));
  const items: LegalDueItem[] = [];
  let packWanted = false;

  // The latest Notice to Improve, and whether the school has acted since.
  const ntis = steps.filter((s) => stepKind(s.step) === 'noticeToImprove');
  const nti = ntis.length ? ntis[ntis.length - 1] : null;
  let improvement: LegalDue['improvement'] = null;
  let periodRunning = false;
  if (nti) {
    const followed = steps.some((s) => s.date >= nti.date && FOLLOW_UP.has(stepKind(s.step) || ''));
    const end = nti.periodEnd || improvementPeriodEnd(nti.date, settings.legal.improvementWeeks, input.cal);
    const ended = asOf > end;
    const since = unauthorisedBetween(pm, nti.date, ended ? end : asOf, settings.attendance.penaltyCodes);
    improvement = { noticeDate: nti.date, periodEnd: end, sessionsSince: since, ended };
    if (!followed && !ended) {
      periodRunning = true;
      items.push({ kind: 'improvement', text: `improvement period ends ${shortUk(end)} — ${since ? plural(since, 'unauthorised session', 'unauthorised sessions') : 'no unauthorised sessions'} since`, action: false });
    } else if (!followed && ended && since > 0 && !stale(end, input)) {
      packWanted = true;
      items.push({ kind: 'improvement', text: `improvement period ended ${shortUk(end)} with ${plural(since, 'unauthorised session', 'unauthorised sessions')} — consider a penalty notice`, action: true });
    }
  }

  const t = input.threshold;
  if (t) {
    packWanted = true;
    if (periodRunning) {
      items.unshift({ kind: 'threshold', text: `threshold met again ${shortUk(t.firstMet)} during the improvement period — consider a penalty notice`, action: true });
    } else if (holidayOnly(t)) {
      items.unshift({ kind: 'threshold', text: `threshold first met ${shortUk(t.firstMet)} (holiday in term time) — consider a penalty notice; no ${STEP_NAMES.noticeToImprove} is expected for a holiday`, action: true });
    } else {
      items.unshift({ kind: 'threshold', text: `threshold first met ${shortUk(t.firstMet)} — no ${STEP_NAMES.noticeToImprove} yet`, action: true });
    }
  }

  for (const n of noticesPerParent(steps, input.parents, asOf, settings)) {
    items.push({ kind: 'notices', text: noticesText(n, settings), action: n.atLimit && packWanted });
  }
  const unnamed = unnamedNotices(steps);
  if (unnamed.length) {
    items.push({ kind: 'problem', text: `penalty notice ${unnamed.map(shortUk).join(', ')} has no parent named — fill in Parent on the Legal tab`, action: true });
  }

  const run = input.tenDays;
  if (run) {
    const notified = steps.filter((s) => stepKind(s.step) === 'laNotified' && s.date >= run.from);
    const back = returnDate(pm, run.to, asOf);
    if (!notified.length) {
      items.push({
        kind: 'tenDays',
        text: back
          ? `absent without permission ${shortUk(run.from)}–${shortUk(run.to)} (${run.days} school days), back ${shortUk(back)} — notify the LA, with the return date`
          : `absent without permission for ${run.days} school days since ${shortUk(run.from)} — notify the LA`,
        action: true,
      });
    } else if (back && !notified.some((s) => s.periodEnd)) {
      items.push({ kind: 'tenDays', text: `back ${shortUk(back)} after ${run.days} school days — tell the LA the return date (Period End on the Legal tab)`, action: true });
    }
  }

  return { items, text: items.map((i) => i.text).join('; '), packWanted, improvement };
}

/** The national code for leave not granted for a holiday (2024 regulations): law, not a setting. */
const HOLIDAY_CODE = 'G';

/** Every session in the threshold's window is a term-time holiday. */
function holidayOnly(t: ThresholdFacts): boolean {
  return t.marks.length > 0 && t.marks.every((m) => normaliseCode(m.split(' ')[2] || '') === HOLIDAY_CODE);
}

/** An improvement period that ended more than `penaltyWindowWeeks` school weeks ago is no longer acted on. */
function stale(end: IsoDate, input: LegalDueInput): boolean {
  const weeks = input.cal.schoolWeeks.filter((m) => m > end && m <= input.asOf).length;
  return weeks > input.settings.attendance.penaltyWindowWeeks;
}
