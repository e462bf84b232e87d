/**
 * "Review attendance" (issue 5): read once (runAttendanceReview), decide in core, write once per
 * tab: the Attendance tab by UPN, `episode-end` rows appended to the Letters Log (the ladder's
 * memory, SPEC §4.2), the QA lists as generated tabs, and the tier history. Head of Year overrides
 * (HoY Override column) go into the ladder; an override whose pupil is back in reward is spent (the
 * episode is over) and its cell is cleared. The number of service calls does not depend on the
 * number of pupils.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { AttendanceReview, PupilAttendanceReview } from '../../core/attendance/review';
import { EPISODE_END, letterKey, Rung } from '../../core/attendance/ladder';
import { appendNewByKey, UpsertResult } from '../../gas/tables';
import { OverrideState } from '../../core/attendance/overrides';
import { REVIEW_INPUT_TABS, runAttendanceReview } from './review';
import { importCounts } from '../imported';
import { rememberOpenWeeks } from './marks';
import { documentState } from '../../gas/properties';
import { ATTENDANCE_REVIEWED, DATA_GENERATION } from '../../core/state';
import { writeAttendanceTab } from './attendanceTab';
import { keepReview, keptOf } from './keepReview';
import { lastAttendanceLetters, lastLetterText } from '../../core/letters/lastLetter';
import { clearOverrideCells } from './overrideCells';
import { readGenerated, writeGenerated } from './generatedTabs';
import {
  CODING_REVIEW, COHORTS, FAILURE_TO_RETURN, G_CODES, LATE_TO_LESSON_LIST, PUNCTUALITY, TIER_LISTS,
  codingRows, cohortRows, failureRows, gCodeRows, lateToLessonRows, punctualityRows, tierRows,
} from './lists';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface AttendanceJobResult {
  asOf: IsoDate;
  pupils: number;
  /** `tooFew`: possible sessions this year below the minimum (no stage yet); `none`: no sessions at all. */
  stages: { reward: number; level1: number; level2: number; tooFew: number; none: number };
  persistentAbsence: number;
  severeAbsence: number;
  penaltyThreshold: number;
  notifyLa: number;
  held: number;
  /** Letters due now, by type, for pupils not held. */
  lettersDue: Record<string, number>;
  attendanceTab: UpsertResult;
  episodeEnds: number;
  lists: {
    tierIncluded: number;
    tierRemoved: number;
    tierPupils: number;
    punctuality: number;
    lateToLesson: number;
    gCodes: number;
    failureToReturn: number;
    registerTakenToday: boolean;
    codingIssues: number;
    registerIssues: number;
  };
  /** Tab name → data rows written. */
  tabsWritten: Record<string, number>;
  /** Each Head of Year override on the Attendance tab and what the review made of it. */
  hoyOverrides: Array<{ upn: string; rung: Rung; row: number; state: OverrideState }>;
  /** Override cells cleared because the pupil's episode is over (back in reward). */
  overridesCleared: number;
  /** Rows the review could not use (tab, row, value, reason). */
  problems: string[];
  /** The full review, for callers in the same run (the QA lists, the letters). */
  review: AttendanceReview;
}

export const EPISODE_END_BY = 'Pastoral Tracker (attendance review)';

export function reviewAttendanceJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate): AttendanceJobResult {
  // The imports this review sees (the coding review shows it while no import has come since).
  const state = documentState();
  const generation = state.get(DATA_GENERATION);
  const inputs = importCounts(REVIEW_INPUT_TABS, state);
  // The Staff tab names the form tutor who takes each register on the Coding Review.
  const run = runAttendanceReview(ss, settings, asOf, { extra: ['Staff'] });
  const { review, problems, overrides, attendanceSheet, data, input, registerWeeks } = run;
  // What each family was last sent about attendance: the Attendance tab and the tier lists say it.
  const lastLetters = new Map<string, string>();
  lastAttendanceLetters(data['Letters Log'] || []).forEach((l, upn) => lastLetters.set(upn, lastLetterText(l)));
  const gPrevious = readGenerated(ss, G_CODES.name); // staff's "Entered on Gateway", kept by UPN
  const by = new Map<string, PupilAttendanceReview>();
  for (const p of review.pupils) by.set(p.upn, p);

  // Decide every write before the first one (nothing half-written on a bad row).
  const lists = {
    tiers: tierRows(review, by, lastLetters),
    punctuality: punctualityRows(review, by),
    lateToLesson: lateToLessonRows(review, by),
    gCodes: gCodeRows(review, by, gPrevious),
    failure: failureRows(review),
    coding: codingRows(review, by, data.Staff || []),
    cohorts: cohortRows(review),
  };
  const ends = review.pupils
    .filter((p) => p.ladder.closesEpisode)
    .map((p) => ({ key: letterKey(EPISODE_END, p.upn, asOf), date: asOf, type: EPISODE_END, upn: p.upn, by: EPISODE_END_BY }));

  const spent = overrides.filter((o) => o.state === 'episodeOver');

  const { missingColumns, ...attendanceTab } = writeAttendanceTab(ss, review.pupils, attendanceSheet, lastLetters);
  for (const h of missingColumns) problems.push(`Attendance: no "${h}" column, so it was not filled in. Run Pastoral Tracker → Set up tracker to add it.`);
  const overridesCleared = clearOverrideCells(ss, spent, attendanceSheet);
  const episodeEnds = ends.length ? appendNewByKey(ss, 'Letters Log', ends) : 0;
  const tabsWritten: Record<string, number> = { Attendance: review.pupils.length };
  tabsWritten[TIER_LISTS.name] = writeGenerated(ss, TIER_LISTS, lists.tiers);
  tabsWritten[PUNCTUALITY.name] = writeGenerated(ss, PUNCTUALITY, lists.punctuality);
  tabsWritten[LATE_TO_LESSON_LIST.name] = writeGenerated(ss, LATE_TO_LESSON_LIST, lists.lateToLesson);
  tabsWritten[G_CODES.name] = writeGenerated(ss, G_CODES, lists.gCodes);
  tabsWritten[FAILURE_TO_RETURN.name] = writeGenerated(ss, FAILURE_TO_RETURN, lists.failure);
  tabsWritten[CODING_REVIEW.name] = writeGenerated(ss, CODING_REVIEW, lists.coding);
  tabsWritten[COHORTS.name] = writeGenerated(ss, COHORTS, lists.cohorts);
  // The school's open sessions, for one pupil's profile (core/attendance/openWeeks.ts): every
  // week again, so a mark staff typed into the Register since the last import is in it too.
  rememberOpenWeeks(registerWeeks, input.marks, state);
  // What the whole-school sidebars start from while nothing it read has changed (issue 22).
  keepReview(ss, settings, keptOf(run, generation, { lettersLog: episodeEnds > 0, overrides: overridesCleared > 0 }));
  state.set(ATTENDANCE_REVIEWED, { generation, asOf, inputs });

  const result = summarise(review, problems, attendanceTab, episodeEnds, tabsWritten);
  result.hoyOverrides = overrides.map((o) => ({ upn: o.upn, rung: o.rung, row: o.row, state: o.state }));
  result.overridesCleared = overridesCleared;
  return result;
}

function summarise(
  review: AttendanceReview,
  problems: string[],
  attendanceTab: UpsertResult,
  episodeEnds: number,
  tabsWritten: Record<string, number>,
): AttendanceJobResult {
  const stages = { reward: 0, level1: 0, level2: 0, tooFew: 0, none: 0 };
  const lettersDue: Record<string, number> = {};
  let pa = 0, sa = 0, penalty = 0, la = 0, held = 0;
  for (const p of review.pupils) {
    stages[p.stage || (p.tooFewSessions ? 'tooFew' : 'none')]++;
    if (p.pa) pa++;
    if (p.sa) sa++;
    if (p.penalty) penalty++;
    if (p.notifyLa) la++;
    if (p.held) held++;
    else for (const l of p.ladder.lettersDue) lettersDue[l] = (lettersDue[l] || 0) + 1;
  }
  const l = review.lists;
  return {
    asOf: review.asOf,
    pupils: review.pupils.length,
    stages,
    persistentAbsence: pa,
    severeAbsence: sa,
    penaltyThreshold: penalty,
    notifyLa: la,
    held,
    lettersDue,
    attendanceTab,
    episodeEnds,
    lists: {
      tierIncluded: l.tiers.reduce((n, t) => n + t.included.length, 0),
      tierRemoved: l.tiers.reduce((n, t) => n + t.removed.length, 0),
      tierPupils: l.tiers.reduce((n, t) => n + t.tier1.length + t.tier2.length + t.tier3.length, 0),
      punctuality: l.punctuality.length,
      lateToLesson: l.lateToLesson.length,
      gCodes: l.holidays.length,
      failureToReturn: l.failureToReturn.length,
      registerTakenToday: l.registerTakenToday,
      codingIssues: l.coding.pupils.length,
      registerIssues: l.coding.registers.length,
    },
    tabsWritten,
    hoyOverrides: [],
    overridesCleared: 0,
    problems,
    review,
  };
}

/** What the person who clicked "Review attendance" is told (counts only: no pupil names). */
export function describeAttendanceJob(r: AttendanceJobResult): string {
  const due = Object.keys(r.lettersDue).map((k) => `${r.lettersDue[k]} ${k}`).join(', ') || 'none';
  const lines = [
    `${r.pupils} pupils reviewed (as of ${r.asOf.split('-').reverse().join('/')}).`,
    `Reward ${r.stages.reward}, level 1 ${r.stages.level1}, level 2 ${r.stages.level2}${r.stages.tooFew ? `, too few sessions this year ${r.stages.tooFew}` : ''}${r.stages.none ? `, no sessions yet ${r.stages.none}` : ''} (figures: this academic year to date).`,
    `Persistent absence ${r.persistentAbsence}, severe absence ${r.severeAbsence}, penalty threshold ${r.penaltyThreshold}, notify LA ${r.notifyLa}.`,
    `Letters due: ${due}.`,
    r.held ? `${r.held} ${r.held === 1 ? 'pupil is' : 'pupils are'} held from letters until their coding issues are fixed (see the Coding Review tab).` : 'No pupil is held by the coding review.',
    `Lists: tier lists ${r.lists.tierPupils} pupils (${r.lists.tierIncluded} included, ${r.lists.tierRemoved} to be removed), punctuality ${r.lists.punctuality}, late to lesson ${r.lists.lateToLesson}, G codes ${r.lists.gCodes}, failure to return ${r.lists.registerTakenToday ? r.lists.failureToReturn : "— today's register not taken yet"}, coding issues ${r.lists.codingIssues} (+${r.lists.registerIssues} registers).`,
  ];
  if (r.hoyOverrides.length) {
    const honoured = r.hoyOverrides.filter((o) => o.state === 'honoured').length;
    lines.push(`Head of Year overrides: ${honoured} honoured, ${r.hoyOverrides.length - honoured} not${r.overridesCleared ? ` (${r.overridesCleared} cleared: the pupil is back in reward)` : ''}.`);
  }
  if (r.episodeEnds) lines.push(`${r.episodeEnds} ${r.episodeEnds === 1 ? 'pupil' : 'pupils'} back in reward: their letter episode is closed in the Letters Log.`);
  if (r.problems.length) {
    lines.push(`${r.problems.length} rows could not be used:`);
    lines.push(...r.problems.slice(0, 10));
    if (r.problems.length > 10) lines.push(`… and ${r.problems.length - 10} more.`);
  }
  return lines.join('\n');
}
