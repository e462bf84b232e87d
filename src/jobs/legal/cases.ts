/**
 * Each pupil's legal case from what loadLegalSources read: their steps, parents, compulsory school
 * age, the threshold and the ten-day run, and what is due next (core/legal/dueNext.ts). Pure apart
 * from the records it is given; the register is indexed once for all the pupils asked about.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Pupil } from '../../core/types';
import { SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { normUpn } from '../../core/homework/roll';
import { PupilAttendanceReview } from '../../core/attendance/review';
import { PupilMarks, indexRegister, pupilMarks } from '../../core/attendance/register';
import { AbsentRun, unauthorisedRun } from '../../core/attendance/penalty';
import { LegalDue, ThresholdFacts, legalDueNext } from '../../core/legal/dueNext';
import { LegalRecord } from '../../core/legal/steps';
import { LegalSources } from './sources';
import { compulsoryOf, thresholdOf } from './reviewFacts';

export interface PupilCase {
  pupil: Pupil;
  review: PupilAttendanceReview | undefined;
  pm: PupilMarks | null;
  steps: LegalRecord[];
  parents: string[];
  compulsory: boolean;
  compulsoryText: string;
  threshold: ThresholdFacts | null;
  tenDays: AbsentRun | null;
  due: LegalDue;
}

/**
 * The pupil's parents for the Legal tab: the Students tab's parent name, split where one cell
 * names two ("Mrs A Khan; Mr B Khan", "Mrs A Khan and Mr B Khan").
 */
export function parentsOf(p: Pupil): string[] {
  return String(p.parentName || '')
    .split(/\s*(?:;|\/|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Cases for `upns` (normalised), or for every pupil on roll when none are given. */
export function legalCases(s: LegalSources, upns?: string[]): PupilCase[] {
  const want = upns ? new Set(upns.map(normUpn)) : null;
  const reviewBy = new Map<string, PupilAttendanceReview>();
  for (const r of s.review.pupils) reviewBy.set(normUpn(r.upn), r);
  const pupils = s.pupils.filter((p) => (want ? want.has(normUpn(p.upn)) : reviewBy.has(normUpn(p.upn))));
  const reg = indexRegister(s.marks, s.asOf);
  const cal = s.review.calendar;
  const stepsBy = new Map<string, LegalRecord[]>();
  for (const st of s.steps) {
    const k = normUpn(st.upn);
    const list = stepsBy.get(k);
    if (list) list.push(st);
    else stepsBy.set(k, [st]);
  }
  return pupils.map((pupil) => {
    const k = normUpn(pupil.upn);
    const raw = reg.byUpn.get(pupil.upn);
    const pm = raw && raw.length ? pupilMarks(pupil.upn, raw, cal) : null;
    return caseFor(pupil, reviewBy.get(k), pm, cal, stepsBy.get(k) || [], s.settings, s.asOf);
  });
}

/** One pupil's case from their review, indexed marks and Legal rows (the profile uses it too). */
export function caseFor(
  pupil: Pupil, review: PupilAttendanceReview | undefined, pm: PupilMarks | null, cal: SchoolCalendar,
  steps: LegalRecord[], settings: Settings, asOf: IsoDate,
): PupilCase {
  const parents = parentsOf(pupil);
  const age = compulsoryOf(pupil, review, asOf);
  const threshold = age.compulsory ? thresholdOf(review, settings, steps) : null;
  const tenDays = age.compulsory && pm ? unauthorisedRun(pm, settings) : null;
  const due = legalDueNext({ compulsory: age.compulsory, threshold, tenDays, pm, cal, steps, parents, settings, asOf });
  return { pupil, review, pm, steps, parents, compulsory: age.compulsory, compulsoryText: age.text, threshold, tenDays, due };
}
