/**
 * The pupil profile (issue 9): one view of a child for the member of staff in front of them —
 * attendance figures, stage and trend, homework weeks, letters sent, interventions and progress.
 * Read-only. Only this pupil's rows are read (jobs/profile/readPupil.ts); the rules are the same
 * core rules the jobs use, run for this one pupil, with the school's open sessions remembered from
 * the whole register (so the school calendar is the school's, not the child's).
 *
 * The result is plain data: the sidebar shows every string with textContent, never as HTML.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Pupil, HomeworkMiss, Intervention, LetterLogEntry, ProgressEntry } from '../../core/types';
import { reviewAttendance } from '../../core/attendance/review';
import { pupilMarks } from '../../core/attendance/register';
import { weeklyFigures } from '../../core/attendance/history';
import { countFrom, yearFigures } from '../../core/attendance/pupilReview';
import { isPersistentAbsence, isSevereAbsence } from '../../core/attendance/stage';
import { compulsoryAge } from '../../core/attendance/compulsoryAge';
import { previousAcademicYear } from '../../core/calendar/academicYear';
import { toUk } from '../../core/dates';
import { homeworkWeeks, Band } from '../../core/homework/weeks';
import { classifyReason } from '../../core/homework/misses';
import { statusOf } from '../../core/progress/review';
import { isLeaver } from '../../core/pupils/roll';
import { pupilTrend, termWeekIndexes, TrendWeek } from '../dashboard/weekly';
import { readPastoral } from './read';
import { PupilReadOptions, readPupil } from './readPupil';
import { LegalRecord, sortSteps } from '../../core/legal/steps';
import { LegalDueItem } from '../../core/legal/dueNext';
import { caseFor } from '../legal/cases';
import { UserError } from '../../core/errors';
import { listName, normUpn } from '../../core/pupils/names';
import { PupilRef } from '../../core/pupils/identity';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PupilProfile {
  asOf: IsoDate;
  pupil: {
    upn: string; forename: string; surname: string; year: number; regGroup: string;
    pp: boolean; eal: boolean; sen: boolean; mentor: string; leaver: boolean; leavingDate: IsoDate | '';
  };
  attendance: {
    source: 'marks' | 'summary' | 'none';
    /** The academic year the figures cover ("2023-24"), and the first session counted in it. */
    academicYear: string; countedFrom: IsoDate | '';
    possible: number; attended: number; authorised: number; unauthorised: number; lates: number;
    percent: number | null; stage: string; pa: boolean; sa: boolean; penalty: boolean; notifyLa: boolean;
    /** The exact figure where it and the shown one could disagree on PA/SA ('' elsewhere). */
    exactNote: string;
    /** Below the minimum of possible sessions: no stage or letter yet. */
    tooFewSessions: boolean; minimumSessions: number;
    compulsorySchoolAge: boolean;
    /** Why: "Date of Birth: until 28/06/2024" or "Year 12 (no Date of Birth)". */
    compulsoryReason: string;
    /** The penalty threshold: when it was first met and its window's sessions (null when not flagged). */
    penaltyWindow: { firstMet: IsoDate; from: IsoDate; to: IsoDate; sessions: number; marks: string[] } | null;
    held: boolean; issues: number; lettersDue: string[]; nextAction: string; reviewDue: IsoDate | '';
    earlyWarning: string;
    trend: TrendWeek[];
    /** Last academic year beside this one (null when the register has none of it). */
    lastYear: { academicYear: string; possible: number; attended: number; authorised: number; unauthorised: number; percent: number | null; pa: boolean; sa: boolean } | null;
  } | null;
  homework: {
    weeks: { weekStart: IsoDate; misses: number; lates: number; band: Band }[];
    weeksPink: number; weeksRed: number; persistent: boolean;
    recent: { date: IsoDate; subject: string; reason: string; teacher: string }[];
  } | null;
  letters: { date: IsoDate; type: string; status: string; link: string }[];
  interventions: { date: IsoDate; area: string; action: string; owner: string; due: IsoDate | ''; status: string; outcome: string }[];
  progress: { subject: string; target: string; current: string; predicted: string; status: string }[];
  /** Legal steps (issue 19): only for pupils of compulsory school age (null otherwise). */
  legal: { due: LegalDueItem[]; steps: { date: IsoDate; step: string; parent: string; amount: string; periodEnd: IsoDate | ''; outcome: string }[] } | null;
  problems: string[];
}

export interface ProfileInput {
  pupil: Pupil;
  /** This pupil's marks, or every pupil's (the rules pick this pupil's). */
  marks: import('../../core/types').Mark[];
  /** The school's open sessions when `marks` are this pupil's only (core/attendance/review.ts). */
  openSessions?: readonly string[];
  summaries: import('../../core/types').AttendanceSummary[];
  letters: LetterLogEntry[];
  latesToLesson: import('../../core/types').LateToLesson[];
  homeworkLog: HomeworkMiss[];
  interventions: Intervention[];
  progress: ProgressEntry[];
  /** The Legal tab's rows (any pupil's: the profile picks this pupil's). */
  legal?: LegalRecord[];
  settings: Settings;
  asOf: IsoDate;
}

/** Pure: the profile from records. */
export function buildProfile(input: ProfileInput): Omit<PupilProfile, 'problems'> {
  const { pupil: p, settings, asOf } = input;
  const upn = normUpn(p.upn);
  const mine = <T extends { upn: string }>(rows: T[]) => rows.filter((r) => normUpn(r.upn) === upn);
  const leaver = isLeaver(p, asOf);
  // Review as a current pupil even after leaving, so staff can still see the record.
  const asPupil: Pupil = leaver ? { ...p, leavingDate: '' } : p;
  const myLetters = mine(input.letters);

  const review = reviewAttendance({
    pupils: [asPupil],
    marks: input.marks,
    summaries: mine(input.summaries),
    letters: myLetters,
    latesToLesson: mine(input.latesToLesson),
    legalSteps: mine(input.legal || []),
    settings,
    asOf,
    openSessions: input.openSessions,
  });
  const r = review.pupils[0];
  let attendance: PupilProfile['attendance'] = null;
  let legal: PupilProfile['legal'] = null;
  if (r) {
    const myMarks = input.marks.filter((m) => normUpn(m.upn) === upn && m.date <= asOf);
    const pm = myMarks.length ? pupilMarks(p.upn, myMarks, review.calendar) : null;
    const year = review.academicYear;
    const trend = pm ? pupilTrend(weeklyFigures(pm, review.calendar, countFrom(p, year)), review.calendar, termWeekIndexes(review.calendar, asOf)) : [];
    const age = compulsoryAge(p, asOf);
    const steps = mine(input.legal || []);
    const c = caseFor(asPupil, r, pm, review.calendar, steps, settings, asOf);
    if (c.compulsory) {
      legal = {
        due: c.due.items,
        steps: sortSteps(steps).map((x) => ({ date: x.date, step: x.step, parent: x.parent, amount: x.amount, periodEnd: x.periodEnd, outcome: x.outcome })),
      };
    }
    attendance = {
      source: r.source,
      academicYear: year.label,
      countedFrom: r.countedFrom,
      possible: r.figures.possible,
      attended: r.figures.attended,
      authorised: r.figures.authorised,
      unauthorised: r.figures.unauthorised,
      lates: r.figures.lates,
      percent: r.figures.percent,
      stage: r.stage || '',
      pa: r.pa,
      sa: r.sa,
      penalty: !!r.penalty,
      notifyLa: !!r.notifyLa,
      exactNote: r.exactNote,
      tooFewSessions: r.tooFewSessions,
      minimumSessions: settings.attendance.minimumSessions,
      compulsorySchoolAge: r.compulsorySchoolAge,
      compulsoryReason: age.from === 'dateOfBirth'
        ? `Date of Birth: compulsory school age ${toUk(age.starts as IsoDate)} to ${toUk(age.ends as IsoDate)}`
        : `Year ${p.year} (no Date of Birth): compulsory school age up to Year 11`,
      penaltyWindow: r.penalty ? { firstMet: r.penalty.firstMet, from: r.penalty.from, to: r.penalty.to, sessions: r.penalty.sessions, marks: r.penalty.marks.slice() } : null,
      held: r.held,
      issues: r.issues.length,
      lettersDue: r.ladder.lettersDue.slice(),
      nextAction: r.ladder.nextAction,
      reviewDue: r.ladder.reviewDue,
      earlyWarning: r.earlyWarning ? r.earlyWarning.text : '',
      trend,
      lastYear: pm ? lastYearOf(p, pm, asOf, settings) : null,
    };
  }

  const log = mine(input.homeworkLog);
  const hw = homeworkWeeks({ log, pupils: [asPupil], asOf, settings, schoolWeeks: review.calendar.schoolWeeks.length ? review.calendar.schoolWeeks : undefined });
  const ph = hw.pupils.get(upn);
  const homework: PupilProfile['homework'] = ph
    ? {
        weeks: ph.weeks.slice(-12).map((w) => ({ weekStart: w.weekStart, misses: w.misses, lates: w.lates, band: w.band })),
        weeksPink: ph.weeksPink,
        weeksRed: ph.weeksRed,
        persistent: ph.persistent,
        recent: log
          .filter((e) => e.date <= asOf && classifyReason(e.reason, settings) !== 'other')
          .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
          .slice(0, 10)
          .map((e) => ({ date: e.date, subject: e.subject, reason: e.reason, teacher: e.teacher })),
      }
    : null;

  return {
    asOf,
    pupil: {
      upn: p.upn, forename: p.forename, surname: p.surname, year: p.year, regGroup: p.regGroup,
      pp: p.pp, eal: p.eal, sen: p.sen, mentor: p.mentor, leaver, leavingDate: p.leavingDate,
    },
    attendance,
    homework,
    letters: myLetters
      .filter((l) => l.date)
      .sort((a, b) => (a.date < b.date ? 1 : -1))
      .map((l) => ({ date: l.date, type: l.type, status: l.status, link: /^https:\/\/docs\.google\.com\//.test(l.link) ? l.link : '' })),
    interventions: mine(input.interventions)
      .sort((a, b) => (a.date < b.date ? 1 : -1))
      .map((i) => ({ date: i.date, area: i.area, action: i.action, owner: i.owner, due: i.due, status: i.status, outcome: i.outcome })),
    progress: mine(input.progress).map((e) => ({
      subject: e.subject, target: e.target, current: e.current, predicted: e.predicted,
      status: statusOf(e.current, e.target, settings).status,
    })),
    legal,
  };
}

/** Last academic year's figures from the register (from admission when that was later); null when none. */
function lastYearOf(p: Pupil, pm: import('../../core/attendance/register').PupilMarks, asOf: IsoDate, settings: Settings): NonNullable<PupilProfile['attendance']>['lastYear'] {
  const last = previousAcademicYear(asOf, settings);
  const f = yearFigures(pm, countFrom(p, last), last.end).figures;
  if (!f.possible) return null;
  return {
    academicYear: last.label, possible: f.possible, attended: f.attended, authorised: f.authorised, unauthorised: f.unauthorised,
    percent: f.percent, pa: isPersistentAbsence(f.attended, f.possible, settings), sa: isSevereAbsence(f.attended, f.possible, settings),
  };
}

const PROFILE_TABS = ['Students', 'Attendance Marks', 'Attendance Summary', 'Letters Log', 'Lates to Lesson', 'Homework Log', 'Interventions', 'Progress', 'Legal'] as const;

/**
 * The job: this pupil's rows of each tab (jobs/profile/readPupil.ts: found by UPN, not the whole
 * tracker read), the profile built from them.
 */
export function pupilProfileJob(ss: Spreadsheet, upn: string, settings: Settings, asOf: IsoDate, read: PupilReadOptions = {}): PupilProfile {
  const { data, marks, openSessions, problems } = readPupil(ss, upn, PROFILE_TABS, settings, asOf, read);
  const pupil = (data.Students || [])[0];
  if (!pupil) throw new UserError('That pupil is not on the Students tab (they may have been removed since you searched). Search again.');
  const profile = buildProfile({
    pupil,
    marks,
    openSessions,
    summaries: data.summaries || [],
    letters: data['Letters Log'] || [],
    latesToLesson: data['Lates to Lesson'] || [],
    homeworkLog: data['Homework Log'] || [],
    interventions: data.Interventions || [],
    progress: data.Progress || [],
    legal: data.Legal || [],
    settings,
    asOf,
  });
  return { ...profile, problems };
}

export interface SearchHit extends PupilRef {
  leaver: boolean;
}

/** Pure: pupils whose name, UPN, admission number or reg group match every word of `query`. */
export function searchPupils(pupils: Pupil[], query: string, asOf: IsoDate, limit = 20): SearchHit[] {
  const words = query.toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (!words.length) return [];
  const hits: SearchHit[] = [];
  for (const p of pupils) {
    const hay = `${p.forename} ${p.surname} ${p.upn} ${p.adno} ${p.regGroup}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    hits.push({ upn: p.upn, name: listName(p), year: p.year, regGroup: p.regGroup, leaver: isLeaver(p, asOf) });
  }
  hits.sort((a, b) => Number(a.leaver) - Number(b.leaver) || a.name.localeCompare(b.name));
  return hits.slice(0, limit);
}

export function searchPupilsJob(ss: Spreadsheet, query: string, asOf: IsoDate): SearchHit[] {
  const { data } = readPastoral(ss, ['Students']);
  return searchPupils(data.Students || [], query, asOf);
}
