/**
 * One pupil's attendance review (SPEC §4.1–4.3), called by review.ts for each pupil on roll.
 *
 * - Figures, stage, PA and SA cover the **current academic year** from the pupil's first session
 *   on roll: marks from the later of the year's start and the Admission Date. Earlier marks stay
 *   in `pm` for the penalty window, the ten-day count and the ladder's memory of reward weeks.
 * - **Too early to tell**: with fewer than `minimumSessions` possible sessions this year the pupil
 *   has figures and the exact PA/SA flags, but no stage, so no ladder rung, no PA letter, no tier
 *   and no episode end — the lists say "too few sessions".
 * - The penalty threshold and "notify the LA" apply only to pupils of compulsory school age on
 *   `asOf`, count marks from the Admission Date on (across terms and years, not before the pupil
 *   joined), and stay flagged until a Legal-tab step answers them (legal.ts).
 */
import { IsoDate, toUk } from '../dates';
import { Settings } from '../settings';
import { AttendanceSummary, LetterLogEntry, Pupil } from '../types';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { AcademicYear } from '../calendar/academicYear';
import { PupilIdentity } from '../pupils/identity';
import { PupilMarks } from './register';
import { AttendanceFigures, emptyTally, figuresFromSummary, figuresFromTally, firstMarkFrom, tallyMarks } from './summary';
import { Stage, exactFigureNote, isPersistentAbsence, isSevereAbsence, stageOf } from './stage';
import { AbsentRun, PenaltyWindow, penaltyWindow, unauthorisedRun } from './penalty';
import { LadderOverride, LadderResult, reviewLadder } from './ladder';
import { CodingIssue, OpenSession, pupilCodingIssues } from './coding';
import { EarlyWarning, Projection, earlyWarning, projectSessionsNeeded } from './projection';
import { recentFigures, rewardWeekEnds, weeklyFigures } from './history';
import { isCompulsorySchoolAge } from './compulsoryAge';
import { LegalStep, answerDates, answersPenaltyThreshold, answersTenDays, asLegalRecord } from './legal';
import { LegalDue, NO_LEGAL_DUE, legalDueNext } from '../legal/dueNext';
import { studentsTabParents } from '../legal/parents';
import { isPossible } from './codes';
import { pupilIdentity } from '../pupils/identity';

export interface PupilAttendanceReview extends PupilIdentity {
  source: 'marks' | 'summary' | 'none';
  /** This academic year's figures, from the pupil's first session on roll. */
  figures: AttendanceFigures;
  /** The date of the first possible session counted this year ('' when none). */
  countedFrom: IsoDate | '';
  /** Some possible sessions this year, but fewer than the minimum: no stage, letter or rung yet. */
  tooFewSessions: boolean;
  /** The school's stage on the 1-decimal figure; null with no figures or too few sessions. */
  stage: Stage | null;
  /** Statutory flags on the exact fraction (also for too few sessions: they are facts, not letters). */
  pa: boolean;
  sa: boolean;
  /** The exact figure where it and the shown figure could disagree on PA/SA; '' elsewhere. */
  exactNote: string;
  /** Of compulsory school age on the review date (Date of Birth, else NC Year ≤ 11). */
  compulsorySchoolAge: boolean;
  /** The penalty threshold not yet answered by a Legal-tab step (compulsory school age only). */
  penalty: PenaltyWindow | null;
  /** Ten school days in a row absent without permission, not yet answered (compulsory school age only). */
  notifyLa: AbsentRun | null;
  /** What is due next in the pupil's legal case (issue 19; core/legal/dueNext.ts): the Attendance tab's Legal Next. */
  legal: LegalDue;
  held: boolean;
  issues: CodingIssue[];
  ladder: LadderResult;
  projection: Projection | null;
  earlyWarning: EarlyWarning | null;
}

/** What every pupil's review shares (built once per review). */
export interface ReviewContext {
  cal: SchoolCalendar;
  open: OpenSession[];
  year: AcademicYear;
  settings: Settings;
  asOf: IsoDate;
  overrides?: LadderOverride[];
  remainingSchoolDays: number | null;
}

/** The later of the academic year's start and the admission date: where this year's figures start. */
export function countFrom(p: Pupil, year: AcademicYear): IsoDate {
  const adm = p.admissionDate || '';
  return adm > year.start ? adm : year.start;
}

/** This year's figures from the marks (to `to` inclusive, '' = no end) and the first session counted. */
export function yearFigures(pm: PupilMarks, from: IsoDate, to: IsoDate | ''): { figures: AttendanceFigures; countedFrom: IsoDate | '' } {
  const figures = figuresFromTally(tallyMarks(pm, from, to));
  let countedFrom = '';
  for (let i = firstMarkFrom(pm, from); i < pm.marks.length && !(to && pm.marks[i].date > to); i++) {
    if (isPossible(pm.classes[i])) {
      countedFrom = pm.marks[i].date;
      break;
    }
  }
  return { figures, countedFrom };
}

export function reviewPupil(
  p: Pupil,
  pm: PupilMarks | null,
  summary: AttendanceSummary | undefined,
  letters: LetterLogEntry[],
  legal: LegalStep[] | undefined,
  ctx: ReviewContext,
): PupilAttendanceReview {
  const { cal, settings, asOf, year } = ctx;
  const from = countFrom(p, year);
  let figures: AttendanceFigures;
  let countedFrom = '';
  let source: PupilAttendanceReview['source'] = 'none';
  if (pm) {
    ({ figures, countedFrom } = yearFigures(pm, from, ''));
    source = 'marks';
  } else {
    figures = summary ? figuresFromSummary(summary) : figuresFromTally(emptyTally());
    if (summary) source = 'summary';
  }
  const min = settings.attendance.minimumSessions;
  const tooFewSessions = figures.possible > 0 && figures.possible < min;
  const stage = tooFewSessions ? null : stageOf(figures.percent, settings);
  const pa = isPersistentAbsence(figures.attended, figures.possible, settings);
  const sa = isSevereAbsence(figures.attended, figures.possible, settings);
  const csa = isCompulsorySchoolAge(p, asOf);

  const issues = pm ? pupilCodingIssues(pm, ctx.open, cal, settings, asOf, year.start, p.admissionDate || '') : [];
  const ladder = reviewLadder({
    upn: p.upn,
    stage,
    pa: pa && !tooFewSessions,
    letters,
    cal,
    settings,
    asOf,
    overrides: ctx.overrides,
    rewardWeekEnds: pm ? rewardWeekEnds(pm, settings, from) : [],
  });
  // The legal counts look back across terms and years, but not before the pupil joined this school.
  const onRoll = pm && csa ? fromAdmission(pm, p.admissionDate || '') : null;
  const penalty = onRoll ? penaltyWindow(onRoll, cal, settings, answerDates(legal, answersPenaltyThreshold)) : null;
  const notifyLa = onRoll ? unauthorisedRun(onRoll, settings, answerDates(legal, answersTenDays)) : null;
  // The legal case reads the latest ten-day run answered or not (an answered one may still owe the LA its return date).
  const legalDue = csa ? legalDueNext({
    compulsory: true, threshold: penalty, tenDays: onRoll ? unauthorisedRun(onRoll, settings) : null, pm: onRoll, cal,
    steps: (legal || []).map(asLegalRecord), parents: studentsTabParents(p), settings, asOf,
  }) : NO_LEGAL_DUE;

  if (tooFewSessions) ladder.nextAction = `Too early to tell: ${figures.possible} of the ${min} possible sessions this year needed for a stage — no letter yet`;
  if (penalty) ladder.nextAction = join(ladder.nextAction, `Penalty notice threshold met ${toUk(penalty.firstMet)}: consider a Notice to Improve or penalty notice and record it on the Legal tab`);
  if (notifyLa) ladder.nextAction = join(ladder.nextAction, `Notify the local authority: ${notifyLa.days} school days in a row absent without permission from ${toUk(notifyLa.from)}`);
  const held = issues.length > 0;
  if (held) ladder.nextAction = `Held: fix ${issues.length} coding issue${issues.length === 1 ? '' : 's'} before any letter${ladder.nextAction ? `; then ${ladder.nextAction}` : ''}`;

  const weekly = pm && stage ? weeklyFigures(pm, cal, from) : null;
  return {
    ...pupilIdentity(p),
    source,
    figures,
    countedFrom,
    tooFewSessions,
    stage,
    pa,
    sa,
    exactNote: exactFigureNote(figures.attended, figures.possible, figures.percent, settings),
    compulsorySchoolAge: csa,
    penalty,
    notifyLa,
    legal: legalDue,
    held,
    issues,
    ladder,
    projection: projectSessionsNeeded(figures, stage, pa, ctx.remainingSchoolDays, settings),
    earlyWarning: weekly ? earlyWarning(figures, recentFigures(weekly, cal, asOf, settings.attendance.earlyWarningWeeks), ctx.remainingSchoolDays, settings) : null,
  };
}

/** The pupil's marks from their admission date on (all of them when there is none, or it is older). */
export function fromAdmission(pm: PupilMarks, admissionDate: IsoDate | ''): PupilMarks {
  if (!admissionDate || !pm.marks.length || pm.marks[0].date >= admissionDate) return pm;
  const i = firstMarkFrom(pm, admissionDate);
  return {
    upn: pm.upn,
    marks: pm.marks.slice(i),
    codes: pm.codes.slice(i),
    classes: pm.classes.slice(i),
    dayIdx: pm.dayIdx.slice(i),
    weekIdx: pm.weekIdx.slice(i),
  };
}

function join(a: string, b: string): string {
  return a ? `${a}; ${b}` : b;
}
