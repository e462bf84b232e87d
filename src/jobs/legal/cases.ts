/**
 * Each pupil's legal case from what loadLegalSources read: their steps, parents, compulsory school
 * age, the threshold and the ten-day run, and what is due next — computed exactly as the
 * attendance review computes its Legal Next column (core/attendance/pupilReview.ts), so the tab,
 * the profile, the sidebar and the packs agree. The register is indexed once for the pupils asked.
 */
import { groupBy } from '../../core/collections';
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Pupil } from '../../core/types';
import { SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { PupilAttendanceReview } from '../../core/attendance/review';
import { fromAdmission } from '../../core/attendance/pupilReview';
import { PupilMarks, indexRegister, pupilMarks } from '../../core/attendance/register';
import { AbsentRun, PenaltyWindow, penaltyWindow, unauthorisedRun } from '../../core/attendance/penalty';
import { LegalDue, NO_LEGAL_DUE, legalDueNext } from '../../core/legal/dueNext';
import { LegalRecord } from '../../core/legal/steps';
import { answerDates, answersThreshold } from '../../core/legal/answers';
import { parentsOf, studentsTabParents } from '../../core/legal/parents';
import { Contact } from '../../core/types';
import { LegalSources } from './sources';
import { compulsoryOf } from './reviewFacts';
import { normUpn } from '../../core/pupils/names';

export interface PupilCase {
  pupil: Pupil;
  review: PupilAttendanceReview | undefined;
  /** The pupil's marks from their admission on (what the legal counts look at). */
  pm: PupilMarks | null;
  steps: LegalRecord[];
  /** Contacts with parental responsibility (or the Students tab's parent): for the pack and the form. */
  parents: string[];
  compulsory: boolean;
  compulsoryText: string;
  /** Why: "Year 12; no date of birth on the Students tab", "from the date of birth: until 27/06/2025". */
  compulsoryBasis: string;
  /** The threshold met and not yet answered. */
  threshold: PenaltyWindow | null;
  /** The latest run of ten school days absent without permission, answered or not. */
  tenDays: AbsentRun | null;
  due: LegalDue;
}

/** What is due next with these steps (the review's rule; used again after a step is recorded). */
export function dueWith(pupil: Pupil, pm: PupilMarks | null, cal: SchoolCalendar, steps: LegalRecord[], settings: Settings, asOf: IsoDate, compulsory: boolean): { threshold: PenaltyWindow | null; tenDays: AbsentRun | null; due: LegalDue } {
  if (!compulsory) return { threshold: null, tenDays: null, due: NO_LEGAL_DUE as LegalDue };
  const threshold = pm ? penaltyWindow(pm, cal, settings, answerDates(steps, answersThreshold)) : null;
  const tenDays = pm ? unauthorisedRun(pm, settings) : null;
  const due = legalDueNext({ compulsory, threshold, tenDays, pm, cal, steps, parents: studentsTabParents(pupil), settings, asOf });
  return { threshold, tenDays, due };
}

/** One pupil's case from their review, marks and Legal rows (the profile uses it too). */
export function caseFor(
  pupil: Pupil, review: PupilAttendanceReview | undefined, allMarks: PupilMarks | null, cal: SchoolCalendar,
  steps: LegalRecord[], settings: Settings, asOf: IsoDate, contacts: Contact[] = [],
): PupilCase {
  const pm = allMarks ? fromAdmission(allMarks, pupil.admissionDate || '') : null;
  const age = compulsoryOf(pupil, asOf);
  const d = dueWith(pupil, pm, cal, steps, settings, asOf, age.compulsory);
  return {
    pupil, review, pm, steps, parents: parentsOf(pupil, contacts), compulsory: age.compulsory, compulsoryText: age.text, compulsoryBasis: age.basis,
    threshold: d.threshold, tenDays: d.tenDays, due: review ? review.legal : d.due,
  };
}

/** Cases for `upns` (normalised), or for every pupil on roll when none are given. */
export function legalCases(s: LegalSources, upns?: string[]): PupilCase[] {
  const want = upns ? new Set(upns.map(normUpn)) : null;
  const reviewBy = new Map<string, PupilAttendanceReview>();
  for (const r of s.review.pupils) reviewBy.set(normUpn(r.upn), r);
  const pupils = s.pupils.filter((p) => (want ? want.has(normUpn(p.upn)) : reviewBy.has(normUpn(p.upn))));
  const reg = indexRegister(s.marks, s.asOf);
  const cal = s.review.calendar;
  const by = <T extends { upn: string }>(rows: T[]) => groupBy(rows, (r) => normUpn(r.upn));
  const stepsBy = by(s.steps);
  const contactsBy = by(s.contacts);
  return pupils.map((pupil) => {
    const k = normUpn(pupil.upn);
    const raw = reg.byUpn.get(pupil.upn);
    const pm = raw && raw.length ? pupilMarks(pupil.upn, raw, cal) : null;
    return caseFor(pupil, reviewBy.get(k), pm, cal, stepsBy.get(k) || [], s.settings, s.asOf, contactsBy.get(k) || []);
  });
}
