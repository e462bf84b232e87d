/**
 * School-level attendance rates as the DfE counts them (SPEC §2, §4.1): every pupil enrolled this
 * academic year counts — pupils on roll to today, and pupils who left this year **up to their
 * leaving date** (a leaver is out of every list and letter, but not out of the school's rates).
 *
 * - `percent` is the cohort's sessions (attended ÷ possible over everyone counted), to 1 dp — not
 *   the mean of pupils' percentages.
 * - `persistentAbsentees` / `severeAbsentees` count enrolments (pupils and leavers) whose own
 *   figures are PA / SA on the exact fraction; `paRate` / `saRate` divide by the enrolments with at
 *   least one possible session, to 1 dp.
 * - `include` picks a cohort (a year, a reg group, PP …) by the same identity fields for pupils and
 *   leavers, so the digests and the Attendance by Cohort tab use this one function.
 */
import { IsoDate } from '../dates';
import { Settings } from '../settings';
import { AttendanceSummary, Pupil } from '../types';
import { AcademicYear } from '../calendar/academicYear';
import { PupilIdentity } from '../pupils/identity';
import { PupilMarks } from './register';
import { AttendanceFigures, figuresFromSummary, percentTenths } from './summary';
import { isPersistentAbsence, isSevereAbsence } from './stage';
import { countFrom, yearFigures } from './pupilReview';
import { pupilIdentity } from '../pupils/identity';

/** A pupil who left this academic year, with their figures up to the leaving date. */
export interface LeaverAttendance extends PupilIdentity {
  leavingDate: IsoDate;
  figures: AttendanceFigures;
  pa: boolean;
  sa: boolean;
}

/** A leaver's figures from the later of the year's start and admission, to the leaving date inclusive. */
export function leaverAttendance(p: Pupil, pm: PupilMarks | null, summary: AttendanceSummary | undefined, year: AcademicYear, settings: Settings): LeaverAttendance {
  const leavingDate = p.leavingDate as IsoDate;
  const figures = pm ? yearFigures(pm, countFrom(p, year), leavingDate).figures : figuresFromSummary(summary || { upn: p.upn, possible: 0, attended: 0, authorised: 0, unauthorised: 0 });
  return {
    ...pupilIdentity(p),
    leavingDate,
    figures,
    pa: isPersistentAbsence(figures.attended, figures.possible, settings),
    sa: isSevereAbsence(figures.attended, figures.possible, settings),
  };
}

export interface SchoolFigures {
  /** Pupils on roll counted. */
  pupils: number;
  /** Pupils who left this academic year, counted up to their leaving date. */
  leavers: number;
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  /** Attendance % of everyone's sessions, 1 dp; null with no possible sessions. */
  percent: number | null;
  persistentAbsentees: number;
  severeAbsentees: number;
  /** PA / SA enrolments as a % of enrolments with a possible session, 1 dp; null when none. */
  paRate: number | null;
  saRate: number | null;
}

type Counted = PupilIdentity & { figures: AttendanceFigures; pa: boolean; sa: boolean };

/**
 * The school's (or a cohort's) rates, leavers counted to their leaving date. `review` is an
 * AttendanceReview (its `pupils` on roll and `leavers` this year).
 */
export function schoolFigures(review: { pupils: Counted[]; leavers: Counted[] }, include?: (p: PupilIdentity) => boolean): SchoolFigures {
  const out: SchoolFigures = {
    pupils: 0, leavers: 0, possible: 0, attended: 0, authorised: 0, unauthorised: 0, percent: null,
    persistentAbsentees: 0, severeAbsentees: 0, paRate: null, saRate: null,
  };
  let enrolments = 0;
  const add = (r: Counted) => {
    out.possible += r.figures.possible;
    out.attended += r.figures.attended;
    out.authorised += r.figures.authorised;
    out.unauthorised += r.figures.unauthorised;
    if (r.figures.possible > 0) enrolments++;
    if (r.pa) out.persistentAbsentees++;
    if (r.sa) out.severeAbsentees++;
  };
  for (const r of review.pupils) {
    if (include && !include(r)) continue;
    out.pupils++;
    add(r);
  }
  for (const r of review.leavers) {
    if (include && !include(r)) continue;
    out.leavers++;
    add(r);
  }
  const t = percentTenths(out.attended, out.possible);
  out.percent = t === null ? null : t / 10;
  if (enrolments) {
    out.paRate = (percentTenths(out.persistentAbsentees, enrolments) as number) / 10;
    out.saRate = (percentTenths(out.severeAbsentees, enrolments) as number) / 10;
  }
  return out;
}
