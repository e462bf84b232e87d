/**
 * What the legal jobs take from the attendance review (issue 17's rules), in one place: whether a
 * pupil is of compulsory school age and on what basis, every threshold episode for the evidence
 * pack, and the academic years the registration certificates cover.
 */
import { IsoDate, toUk } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Pupil } from '../../core/types';
import { SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { academicYearOfDate, previousAcademicYear } from '../../core/calendar/academicYear';
import { PupilMarks } from '../../core/attendance/register';
import { penaltyWindow } from '../../core/attendance/penalty';
import { compulsoryAge } from '../../core/attendance/compulsoryAge';
import { fromAdmission } from '../../core/attendance/pupilReview';
import { ThresholdEpisode } from '../../core/legal/pack';
import { CertificateYear } from '../../core/legal/certificate';
import { LegalRecord, sortSteps } from '../../core/legal/steps';
import { answersThreshold } from '../../core/legal/answers';

/**
 * Compulsory school age on `asOf` (SPEC §4.1): `basis` says why ("from the date of birth: until
 * 27/06/2025", "Year 12; no date of birth on the Students tab"), `text` is "Yes (…)" / "No (…)".
 */
export function compulsoryOf(p: Pupil, asOf: IsoDate): { compulsory: boolean; basis: string; text: string } {
  const a = compulsoryAge(p, asOf);
  const basis = a.from === 'dateOfBirth'
    ? `from the date of birth: ${a.starts && asOf < a.starts ? `from ${toUk(a.starts)}` : a.compulsory ? `until ${toUk(a.ends || '')}` : `ended ${toUk(a.ends || '')}`}`
    : `Year ${p.year}; no date of birth on the Students tab`;
  return { compulsory: a.compulsory, basis, text: `${a.compulsory ? 'Yes' : 'No'} (${basis})` };
}

/**
 * Every time the threshold was met, oldest first, with the step that answered it (the review's
 * rule: a step dated on or after the day it was first met; after it only later sessions count).
 */
export function thresholdEpisodes(p: Pupil, pm: PupilMarks | null, cal: SchoolCalendar, settings: Settings, steps: LegalRecord[]): ThresholdEpisode[] {
  if (!pm) return [];
  const onRoll = fromAdmission(pm, p.admissionDate || '');
  const answers = sortSteps(steps.filter((s) => s.date && answersThreshold(s.step)));
  const out: ThresholdEpisode[] = [];
  let used = 0; // answers [0, used) have been spent on earlier episodes
  for (let guard = 0; guard <= answers.length; guard++) {
    const w = penaltyWindow(onRoll, cal, settings, answers.slice(0, used).map((s) => s.date));
    if (!w) break;
    let k = used;
    while (k < answers.length && answers[k].date < w.firstMet) k++;
    const answeredBy = k < answers.length ? answers[k] : null;
    out.push({ ...w, answeredBy });
    if (!answeredBy) break;
    used = k + 1;
  }
  return out;
}

/** This academic year (to `asOf`) and last, newest first. */
export function certificateYears(asOf: IsoDate, settings: Settings): CertificateYear[] {
  const now = academicYearOfDate(asOf, settings);
  const last = previousAcademicYear(asOf, settings);
  return [
    { label: now.label, from: now.start, to: asOf },
    { label: last.label, from: last.start, to: last.end },
  ];
}
