/**
 * The ladder with memory (SPEC §4.2): what has been done about a pupil's attendance, read from the
 * Letters Log, and what is due now.
 *
 * Episodes. An episode ends when the pupil is in `reward` at a review. The review cannot rely on
 * having run every week, so an episode end is any of:
 *  1. a Letters Log row of type `episode-end` (the review job writes one when a pupil with an open
 *     episode is in reward — the only memory a school importing summaries has), or
 *  2. a school week whose end found the pupil's cumulative percentage in reward (worked out from
 *     the marks: `rewardWeekEnds`), or
 *  3. the pupil being in reward now (`closesEpisode` tells the job to log the end).
 * The current episode is the ladder letters dated after the latest end. Its start is its first
 * letter's date; for an episode not yet begun it is `asOf`, the date the AT1 will carry.
 *
 * Rungs go in order AT1 → AT2 → panel → EWO and none repeats in an episode. The wait between
 * rungs is counted in school weeks (a holiday week does not count): the next rung is due once
 * `schoolWeeksBetween(previous letter, asOf)` reaches the previous rung's monitoring weeks.
 * A Head of Year override (`LadderOverride`) lets a rung be sent now, without the rung below or
 * the wait, while the pupil is at level 2. Letters with status Cancelled are ignored.
 *
 * PA letter: due when the pupil is a persistent absentee and has no PA letter dated in the current
 * half term. Letter keys (`letterKey`) name the rung and its episode or half term, so the letters
 * job never produces the same letter twice.
 */
import { IsoDate } from '../dates';
import { Settings } from '../settings';
import { LetterLogEntry } from '../types';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { Stage } from './stage';

export type Rung = 'AT1' | 'AT2' | 'panel' | 'EWO';
export type DueLetter = Rung | 'PA';
export const RUNGS: readonly Rung[] = ['AT1', 'AT2', 'panel', 'EWO'];
export const EPISODE_END = 'episode-end';

export interface LadderOverride {
  upn: string;
  rung: Rung; // the rung the Head of Year allows now
  date?: IsoDate; // when given, applies only to an episode still open after this date
}

export interface LadderInput {
  upn: string;
  stage: Stage | null;
  pa: boolean;
  letters: LetterLogEntry[]; // this pupil's Letters Log rows (any order)
  cal: SchoolCalendar;
  settings: Settings;
  asOf: IsoDate;
  overrides?: LadderOverride[];
  /** Last days of school weeks whose end found the pupil in reward (from the marks). */
  rewardWeekEnds?: IsoDate[];
}

export interface LadderResult {
  rung: Rung | 'none'; // highest rung sent in the current episode
  lettersDue: DueLetter[];
  reviewDue: IsoDate | '';
  nextAction: string;
  episodeStart: IsoDate | '';
  /** The pupil is in reward now and had letters in the episode: log an `episode-end`. */
  closesEpisode: boolean;
  /** Letters Log key for each letter due. */
  keys: Partial<Record<DueLetter, string>>;
}

export function letterKey(type: string, upn: string, ref: string): string {
  return `${type}|${upn}|${ref}`;
}

const MONITOR: Record<Rung, keyof Settings['attendance'] | null> = {
  AT1: 'at1MonitorWeeks',
  AT2: 'at2MonitorWeeks',
  panel: 'panelMonitorWeeks',
  EWO: null,
};

const ACTION: Record<Rung, string> = {
  AT1: 'Send AT1 letter and track it (Head of Year); meet parents if needed',
  AT2: 'Send AT2 letter, meet parents, agree an action plan and attendance targets (Head of Year, attendance officer)',
  panel: "Refer to the governors' attendance panel; set weekly targets (lead attendance officer)",
  EWO: 'Refer to the school EWO for an Attendance Improvement Plan (school EWO)',
};

function live(l: LetterLogEntry): boolean {
  return String(l.status || '').trim().toLowerCase() !== 'cancelled';
}

export function reviewLadder(input: LadderInput): LadderResult {
  const { upn, stage, pa, cal, asOf } = input;
  const letters = input.letters.filter((l) => live(l) && l.date <= asOf);

  // The latest episode end.
  let end = '';
  for (const l of letters) if (l.type === EPISODE_END && l.date > end) end = l.date;
  for (const d of input.rewardWeekEnds || []) if (d <= asOf && d > end) end = d;

  const sent: Partial<Record<Rung, IsoDate>> = {};
  let episodeStart = '';
  for (const l of letters) {
    const r = l.type as Rung;
    if (RUNGS.indexOf(r) < 0 || l.date <= end) continue;
    if (!sent[r] || l.date < (sent[r] as IsoDate)) sent[r] = l.date;
    if (!episodeStart || l.date < episodeStart) episodeStart = l.date;
  }
  let top = -1;
  RUNGS.forEach((r, i) => {
    if (sent[r]) top = i;
  });

  const result: LadderResult = {
    rung: top < 0 ? 'none' : RUNGS[top],
    lettersDue: [],
    reviewDue: '',
    nextAction: '',
    episodeStart,
    closesEpisode: false,
    keys: {},
  };

  if (stage === 'reward' || stage === null) {
    result.closesEpisode = stage === 'reward' && top >= 0;
    // Nothing to do for a pupil in reward: the cell stays blank (issue 20 — the same line on most
    // rows hid the few that need action); the green % and the Stage say "Reward".
    result.nextAction = '';
    if (result.closesEpisode) {
      result.rung = 'none';
      result.episodeStart = '';
    }
  } else {
    decideRung(input, result, sent, top, end);
  }

  if (pa) {
    const ht = cal.halfTermOf(asOf);
    const from = ht ? ht.start : '';
    const hasPa = letters.some((l) => l.type === 'PA' && l.date >= from);
    if (!hasPa) {
      result.lettersDue.push('PA');
      result.keys.PA = letterKey('PA', upn, `halfterm-${from || asOf}`);
      result.nextAction = joinAction(result.nextAction, 'Send the persistent absence letter and plan with parents (Head of Year)');
    }
  }
  return result;
}

function decideRung(
  input: LadderInput,
  result: LadderResult,
  sent: Partial<Record<Rung, IsoDate>>,
  top: number,
  end: IsoDate,
): void {
  const { upn, stage, cal, settings, asOf } = input;
  const startFor = (): IsoDate => result.episodeStart || asOf;
  const due = (r: Rung) => {
    result.lettersDue.push(r);
    result.keys[r] = letterKey(r, upn, `episode-${startFor()}`);
    result.reviewDue = asOf;
    result.nextAction = ACTION[r];
    if (!result.episodeStart) result.episodeStart = asOf;
  };

  // A Head of Year override for a rung above the current one, in this episode, at level 2.
  let overridden = -1;
  for (const o of input.overrides || []) {
    if (o.upn !== upn || (o.date && o.date <= end)) continue;
    const i = RUNGS.indexOf(o.rung);
    if (i > top && i > overridden) overridden = i;
  }
  if (overridden >= 0 && stage === 'level2') return due(RUNGS[overridden]);

  if (top < 0) return due('AT1'); // level1 or level2 with nothing sent this episode

  const current = RUNGS[top];
  const key = MONITOR[current];
  if (!key) {
    result.nextAction = 'EWO involved: follow the Attendance Improvement Plan';
    return;
  }
  const weeks = settings.attendance[key] as number;
  const since = sent[current] as IsoDate;
  const reviewOn = cal.addSchoolWeeks(since, weeks);
  const next = RUNGS[top + 1];
  if (cal.schoolWeeksBetween(since, asOf) >= weeks) {
    if (stage === 'level2') return due(next);
    // Level 1 after the monitoring period: the next rung needs level 2, so keep monitoring weekly.
    result.reviewDue = asOf;
    result.nextAction = `Monitor after ${current}: ${next} only if attendance falls below level 1`;
    return;
  }
  result.reviewDue = reviewOn;
  result.nextAction = `Monitor after ${current} until the review`;
}

function joinAction(a: string, b: string): string {
  return a ? `${a}; ${b}` : b;
}
