/**
 * The attendance review: every rule of SPEC §4 for every pupil on roll, plus the lists, in one pass
 * over the register. Pure: today is `asOf`. Leavers (Leaving Date on or before `asOf`) are out of
 * every figure, list and letter.
 *
 * Held pupils (open coding issues) keep their figures and `lettersDue` — the Head of Year sees what
 * is waiting — but `held` is true and the letters job must not produce their letters.
 * Pupils with no marks use their MIS summary row when one is given (no L/U/G, penalty, coding or
 * trend: those need marks).
 */
import { IsoDate } from '../dates';
import { Settings } from '../settings';
import { AttendanceSummary, LateToLesson, LetterLogEntry, Mark, Pupil } from '../types';
import { SchoolCalendar, buildCalendar } from '../calendar/schoolWeeks';
import { HalfTerm, Term } from '../calendar/halfTerms';
import { PupilMarks, indexRegister, pupilMarks } from './register';
import { AttendanceFigures, emptyTally, addToTally, figuresFromSummary, figuresFromTally } from './summary';
import { Stage, isPersistentAbsence, isSevereAbsence, stageOf } from './stage';
import { AbsentRun, PenaltyWindow, penaltyWindow, unauthorisedRun } from './penalty';
import { LadderOverride, LadderResult, reviewLadder } from './ladder';
import { CodingIssue, RegisterIssue, pupilCodingIssues, registerIssues, sortedOpenSessions } from './coding';
import { EarlyWarning, Projection, earlyWarning, projectSessionsNeeded } from './projection';
import { recentFigures, rewardWeekEnds, weeklyFigures } from './history';
import { isLeaver } from '../pupils/roll';
import { PupilIdentity } from '../pupils/identity';
import {
  CountEntry, FailureToReturn, TierEntry, TierList, failureToReturnSessions, marksWithCode, pupilName,
  sortFailureToReturn, tierLists, tierOf,
} from './lists';

export interface ReviewInput {
  pupils: Pupil[];
  marks: Mark[];
  summaries?: AttendanceSummary[];
  letters: LetterLogEntry[];
  latesToLesson: LateToLesson[];
  settings: Settings;
  asOf: IsoDate;
  overrides?: LadderOverride[];
  /** The tier lists from the previous run, for names included / to be removed. */
  previousTiers?: TierEntry[];
  /** School days left in the half term; default: from the settings' half-term dates. */
  remainingSchoolDays?: number | null;
}

export interface PupilAttendanceReview extends PupilIdentity {
  source: 'marks' | 'summary' | 'none';
  figures: AttendanceFigures;
  stage: Stage | null;
  pa: boolean;
  sa: boolean;
  penalty: PenaltyWindow | null;
  notifyLa: AbsentRun | null;
  held: boolean;
  issues: CodingIssue[];
  ladder: LadderResult;
  projection: Projection | null;
  earlyWarning: EarlyWarning | null;
}

export interface AttendanceLists {
  tiers: TierList[];
  punctuality: CountEntry[];
  lateToLesson: CountEntry[];
  holidays: CountEntry[]; // G sessions this term, for the LA gateway
  failureToReturn: FailureToReturn[];
  /** False when today's register has not been taken yet, so the failure-to-return list is empty. */
  registerTakenToday: boolean;
  coding: { pupils: CodingIssue[]; registers: RegisterIssue[] };
}

export interface AttendanceReview {
  asOf: IsoDate;
  calendar: SchoolCalendar;
  halfTerm: HalfTerm | null;
  term: Term | null;
  pupils: PupilAttendanceReview[];
  lists: AttendanceLists;
}

export { isLeaver };

export function reviewAttendance(input: ReviewInput): AttendanceReview {
  const { settings, asOf } = input;
  const onRoll = input.pupils.filter((p) => !isLeaver(p, asOf));
  const reg = indexRegister(input.marks, asOf);
  const cal = buildCalendar(reg.openDates, settings, asOf);
  const open = sortedOpenSessions(reg.openSessions);
  const halfTerm = cal.halfTermOf(asOf);
  const term = cal.termOf(asOf);
  const htFrom = halfTerm ? halfTerm.start : '';
  const termFrom = term ? term.start : '';
  const remaining = input.remainingSchoolDays !== undefined ? input.remainingSchoolDays : cal.remainingSchoolDays(asOf);
  const today = open.filter((s) => s.date === asOf);

  const summaries = new Map<string, AttendanceSummary>();
  for (const s of input.summaries || []) summaries.set(s.upn, s);
  const lettersBy = groupBy(input.letters, (l) => l.upn);
  const latesBy = groupBy(input.latesToLesson, (l) => l.upn);
  const noLetters: LetterLogEntry[] = [];

  const pupils: PupilAttendanceReview[] = [];
  const punctuality: CountEntry[] = [];
  const lateToLesson: CountEntry[] = [];
  const holidays: CountEntry[] = [];
  const failure: FailureToReturn[] = [];
  const codingIssues: CodingIssue[] = [];
  const gaps: Array<{ regGroup: string; issue: CodingIssue }> = [];
  const groupSizes = new Map<string, number>();

  for (const p of onRoll) {
    groupSizes.set(p.regGroup, (groupSizes.get(p.regGroup) || 0) + 1);
    const raw = reg.byUpn.get(p.upn);
    const pm: PupilMarks | null = raw && raw.length ? pupilMarks(p.upn, raw, cal) : null;
    let figures: AttendanceFigures;
    let source: PupilAttendanceReview['source'] = 'none';
    if (pm) {
      const t = emptyTally();
      for (let i = 0; i < pm.codes.length; i++) addToTally(t, pm.classes[i], pm.codes[i]);
      figures = figuresFromTally(t);
      source = 'marks';
    } else {
      const s = summaries.get(p.upn);
      figures = s ? figuresFromSummary(s) : figuresFromTally(emptyTally());
      if (s) source = 'summary';
    }
    const stage = stageOf(figures.percent, settings);
    const pa = isPersistentAbsence(figures.percent, settings);
    const sa = isSevereAbsence(figures.percent, settings);
    const weekly = pm ? weeklyFigures(pm, cal) : null;
    const issues = pm ? pupilCodingIssues(pm, open, cal, settings, asOf) : [];
    const ladder = reviewLadder({
      upn: p.upn,
      stage,
      pa,
      letters: lettersBy.get(p.upn) || noLetters,
      cal,
      settings,
      asOf,
      overrides: input.overrides,
      rewardWeekEnds: weekly ? rewardWeekEnds(weekly, settings) : [],
    });
    const held = issues.length > 0;
    if (held) ladder.nextAction = `Held: fix ${issues.length} coding issue${issues.length === 1 ? '' : 's'} before any letter${ladder.nextAction ? `; then ${ladder.nextAction}` : ''}`;

    pupils.push({
      upn: p.upn,
      name: pupilName(p),
      year: p.year,
      regGroup: p.regGroup,
      pp: p.pp,
      eal: p.eal,
      sen: p.sen,
      source,
      figures,
      stage,
      pa,
      sa,
      penalty: pm ? penaltyWindow(pm, cal, settings) : null,
      notifyLa: pm ? unauthorisedRun(pm, settings) : null,
      held,
      issues,
      ladder,
      projection: projectSessionsNeeded(figures, stage, pa, remaining, settings),
      earlyWarning: weekly ? earlyWarning(figures, recentFigures(weekly, cal, asOf, settings.attendance.earlyWarningWeeks), remaining, settings) : null,
    });

    for (const issue of issues) {
      codingIssues.push(issue);
      if (issue.kind === 'gap') gaps.push({ regGroup: p.regGroup, issue });
    }
    if (pm) {
      const lates = marksWithCode(pm, ['L'], htFrom, asOf);
      if (lates.length >= settings.attendance.punctualityLates) punctuality.push({ upn: p.upn, count: lates.length, dates: lates });
      const g = marksWithCode(pm, ['G'], termFrom, asOf);
      if (g.length >= settings.attendance.holidaySessions) holidays.push({ upn: p.upn, count: g.length, dates: g });
    }
    const ltl = (latesBy.get(p.upn) || []).filter((l) => l.date >= htFrom && l.date <= asOf);
    if (ltl.length >= settings.attendance.lateToLessonCount) {
      lateToLesson.push({ upn: p.upn, count: ltl.length, dates: ltl.map((l) => `${l.date} ${l.lesson}`).sort() });
    }
    if (today.length) {
      const sessions = failureToReturnSessions(pm || undefined, today);
      if (sessions.length) failure.push({ upn: p.upn, year: p.year, regGroup: p.regGroup, name: pupilName(p), sessions });
    }
  }

  return {
    asOf,
    calendar: cal,
    halfTerm,
    term,
    pupils,
    lists: {
      tiers: tierLists(pupils.map((r) => ({ upn: r.upn, year: r.year, tier: tierOf(r.stage, r.pa) })), input.previousTiers),
      punctuality,
      lateToLesson,
      holidays,
      failureToReturn: sortFailureToReturn(failure),
      registerTakenToday: today.length > 0,
      coding: { pupils: codingIssues, registers: registerIssues(gaps, groupSizes) },
    },
  };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
