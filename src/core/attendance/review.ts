/**
 * The attendance review: every rule of SPEC §4 for every pupil on roll, plus the lists, in one pass
 * over the register. Pure: today is `asOf`. Leavers (Leaving Date before `asOf`) are out of every
 * list and letter; those who left this academic year are kept apart in `leavers`, with their
 * figures up to the leaving date, for the school-level rates (schoolRates.ts).
 *
 * Figures cover the current academic year from each pupil's first session on roll (pupilReview.ts);
 * the register is indexed whole, so the calendar, the penalty window and the ten-day count see
 * earlier years' marks too.
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
import { AcademicYear, academicYearOfDate } from '../calendar/academicYear';
import { PupilMarks, RegisterIndex, indexRegister, pupilMarks } from './register';
import { LadderOverride } from './ladder';
import { CodingIssue, RegisterIssue, registerIssues, sortedOpenSessions } from './coding';
import { isLeaver } from '../pupils/roll';
import { LegalStep } from './legal';
import { PupilAttendanceReview, reviewPupil } from './pupilReview';
import { LeaverAttendance, leaverAttendance } from './schoolRates';
import { CountEntry, FailureToReturn, TierEntry, TierList, failureToReturnSessions, marksWithCode, sortFailureToReturn, tierLists, tierOf } from './lists';
import { listName } from '../pupils/names';
import { groupBy } from '../collections';

export type { PupilAttendanceReview };

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
  /** Legal-tab steps (a later issue adds the tab): they answer the penalty and ten-day flags. */
  legalSteps?: LegalStep[];
  /**
   * Sessions the school was open ("2024-01-08|AM") known from the whole register, when `marks`
   * holds only some pupils' marks (one pupil's profile): joined with the ones the marks show, so
   * a blank on a day others were marked is still a gap and the school weeks are the school's.
   */
  openSessions?: readonly string[];
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
  /** The academic year the figures cover (to `asOf`). */
  academicYear: AcademicYear;
  calendar: SchoolCalendar;
  halfTerm: HalfTerm | null;
  term: Term | null;
  pupils: PupilAttendanceReview[];
  /** Pupils who left this academic year, with figures up to their leaving date (school-level rates only). */
  leavers: LeaverAttendance[];
  lists: AttendanceLists;
}

export { isLeaver };

/**
 * Join sessions known to be open to the ones the marks show (those after `asOf` are not history).
 * `openDates` may repeat a date: the calendar takes each once (buildCalendar).
 */
function addOpenSessions(reg: RegisterIndex, keys: readonly string[], asOf: IsoDate): void {
  for (const key of keys) {
    const date = key.slice(0, 10);
    if (date > asOf || reg.openSessions.has(key)) continue;
    reg.openSessions.add(key);
    reg.openDates.push(date);
  }
}

export function reviewAttendance(input: ReviewInput): AttendanceReview {
  const { settings, asOf } = input;
  const onRoll = input.pupils.filter((p) => !isLeaver(p, asOf));
  const year = academicYearOfDate(asOf, settings);
  const reg = indexRegister(input.marks, asOf);
  if (input.openSessions) addOpenSessions(reg, input.openSessions, asOf);
  const cal = buildCalendar(reg.openDates, settings, asOf);
  const open = sortedOpenSessions(reg.openSessions);
  const halfTerm = cal.halfTermOf(asOf);
  const term = cal.termOf(asOf);
  const htFrom = halfTerm ? halfTerm.start : '';
  const termFrom = term ? term.start : '';
  const remaining = input.remainingSchoolDays !== undefined ? input.remainingSchoolDays : cal.remainingSchoolDays(asOf);
  const today = open.filter((s) => s.date === asOf);
  const ctx = { cal, open, year, settings, asOf, overrides: input.overrides, remainingSchoolDays: remaining };

  const summaries = new Map<string, AttendanceSummary>();
  for (const s of input.summaries || []) summaries.set(s.upn, s);
  const lettersBy = groupBy(input.letters, (l) => l.upn);
  const latesBy = groupBy(input.latesToLesson, (l) => l.upn);
  const legalBy = groupBy(input.legalSteps || [], (l) => l.upn);
  const noLetters: LetterLogEntry[] = [];

  const pupils: PupilAttendanceReview[] = [];
  const punctuality: CountEntry[] = [];
  const lateToLesson: CountEntry[] = [];
  const holidays: CountEntry[] = [];
  const failure: FailureToReturn[] = [];
  const codingIssues: CodingIssue[] = [];
  const gaps: Array<{ regGroup: string; issue: CodingIssue }> = [];
  const groupSizes = new Map<string, number>();
  const marksOf = (p: Pupil): PupilMarks | null => {
    const raw = reg.byUpn.get(p.upn);
    return raw && raw.length ? pupilMarks(p.upn, raw, cal) : null;
  };

  for (const p of onRoll) {
    groupSizes.set(p.regGroup, (groupSizes.get(p.regGroup) || 0) + 1);
    const pm = marksOf(p);
    const r = reviewPupil(p, pm, summaries.get(p.upn), lettersBy.get(p.upn) || noLetters, legalBy.get(p.upn), ctx);
    pupils.push(r);

    for (const issue of r.issues) {
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
      if (sessions.length) failure.push({ upn: p.upn, year: p.year, regGroup: p.regGroup, name: listName(p), sessions });
    }
  }

  // Leavers of this academic year count in the school's rates up to their leaving date.
  const leavers: LeaverAttendance[] = [];
  for (const p of input.pupils) {
    if (!isLeaver(p, asOf) || (p.leavingDate as IsoDate) < year.start) continue;
    leavers.push(leaverAttendance(p, marksOf(p), summaries.get(p.upn), year, settings));
  }

  return {
    asOf,
    academicYear: year,
    calendar: cal,
    halfTerm,
    term,
    pupils,
    leavers,
    lists: {
      // A pupil too early to tell is in no tier: a tier run is the ladder's letters (SPEC §4.3).
      tiers: tierLists(pupils.map((r) => ({ upn: r.upn, year: r.year, tier: tierOf(r.stage, r.pa && !r.tooFewSessions) })), input.previousTiers),
      punctuality,
      lateToLesson,
      holidays,
      failureToReturn: sortFailureToReturn(failure),
      registerTakenToday: today.length > 0,
      coding: { pupils: codingIssues, registers: registerIssues(gaps, groupSizes) },
    },
  };
}

