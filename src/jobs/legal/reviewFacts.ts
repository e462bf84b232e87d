/**
 * What the legal jobs take from the attendance review, in one place: whether a pupil is of
 * compulsory school age, the penalty threshold (met and not yet answered) with the date it was
 * first met, every threshold episode for the evidence pack, and the academic years the
 * registration certificates cover.
 */
import { IsoDate, addDays, pad2 } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Pupil } from '../../core/types';
import { SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { PupilMarks } from '../../core/attendance/register';
import { PupilAttendanceReview } from '../../core/attendance/review';
import { penaltyWindow } from '../../core/attendance/penalty';
import { ThresholdFacts } from '../../core/legal/dueNext';
import { ThresholdEpisode } from '../../core/legal/pack';
import { CertificateYear } from '../../core/legal/certificate';
import { LegalRecord } from '../../core/legal/steps';
import { answersThreshold } from '../../core/legal/answers';

export function compulsoryOf(p: Pupil, r: PupilAttendanceReview | undefined, asOf: IsoDate): { compulsory: boolean; text: string } {
  void r;
  void asOf;
  const compulsory = p.year <= 11;
  return { compulsory, text: compulsory ? `Yes (Year ${p.year})` : `No (Year ${p.year})` };
}

/** The threshold met and not answered by one of `steps` (a step dated on or after the day it was first met). */
export function thresholdOf(r: PupilAttendanceReview | undefined, settings: Settings, steps: LegalRecord[]): ThresholdFacts | null {
  const w = r && r.penalty;
  if (!w) return null;
  const need = settings.attendance.penaltySessions;
  const firstMet = (w as { firstMet?: IsoDate }).firstMet || (w.marks[need - 1] || w.marks[w.marks.length - 1] || '').slice(0, 10);
  if (steps.some((s) => s.date >= firstMet && answersThreshold(s.step))) return null;
  return { firstMet, sessions: w.sessions, from: w.from, to: w.to, marks: w.marks };
}

/** Every time the threshold was met, oldest first, with the step that answered it. */
export function thresholdEpisodes(pm: PupilMarks | null, cal: SchoolCalendar, settings: Settings, steps: LegalRecord[]): ThresholdEpisode[] {
  if (!pm) return [];
  const w = penaltyWindow(pm, cal, settings);
  if (!w) return [];
  const need = settings.attendance.penaltySessions;
  const firstMet = (w.marks[need - 1] || '').slice(0, 10);
  const answer = steps.filter((s) => s.date >= firstMet && answersThreshold(s.step)).sort((a, b) => (a.date < b.date ? -1 : 1))[0] || null;
  return [{ firstMet, sessions: w.sessions, from: w.from, to: w.to, marks: w.marks, answeredBy: answer }];
}

/** This academic year (to `asOf`) and last, newest first. */
export function certificateYears(asOf: IsoDate, settings: Settings): CertificateYear[] {
  const month = Number((settings.attendance as { academicYearStartMonth?: number }).academicYearStartMonth) || 9;
  const y = +asOf.slice(0, 4);
  const first = +asOf.slice(5, 7) >= month ? y : y - 1;
  const start = (f: number) => `${f}-${pad2(month)}-01`;
  const label = (f: number) => `${f}-${String((f + 1) % 100).padStart(2, '0')}`;
  return [
    { label: label(first), from: start(first), to: asOf },
    { label: label(first - 1), from: start(first - 1), to: addDays(start(first), -1) },
  ];
}
