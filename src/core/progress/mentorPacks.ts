/**
 * The monthly mentoring packs (SPEC §7): for each mentor, their mentees' progress, attendance
 * (the academic year to date, as the Attendance tab counts it), homework misses this half term
 * and the slips since the last formal meeting — and which slips that sends, to mark them sent.
 */
import { IsoDate, toUk, weekStart } from '../dates';
import { Settings } from '../settings';
import { AttendanceSummary, Mark, Pupil } from '../types';
import { buildCalendar } from '../calendar/schoolWeeks';
import { academicYearOfDate } from '../calendar/academicYear';
import { figuresFromSummary, summariseMarks } from '../attendance/summary';
import { homeworkWeeks } from '../homework/weeks';
import { normUpn } from '../pupils/names';
import { normText } from '../text';
import { MentoringStatus, mentorPack } from './mentoring';
import { MentoringMorningData } from './mentoringEmails';
import { MentoringSlip } from './records';
import { progressReview } from './review';

export interface MentorPacksInput {
  status: MentoringStatus;
  pupils: Pupil[];
  marks: Mark[];
  summaries: AttendanceSummary[];
  homeworkLog: Parameters<typeof homeworkWeeks>[0]['log'];
  progress: Parameters<typeof progressReview>[0]['entries'];
  slips: MentoringSlip[];
  asOf: IsoDate;
  settings: Settings;
}

export interface MentorPacks {
  packs: MentoringMorningData['packs'];
  /** "this half term (from 06/01/2025)", or "since …" without term dates. */
  homeworkPeriod: string;
  /** The Mentoring Slips rows the packs carry, to be marked Sent to Mentor today. */
  slipsSent: Array<{ date: IsoDate; upn: string; from: string; sentToMentor: IsoDate }>;
}

export function mentorPacks(input: MentorPacksInput): MentorPacks {
  const { status, pupils, marks, asOf, settings } = input;
  const mentees = new Set(status.mentees.map((m) => normUpn(m.upn)));
  const byUpn = new Map<string, Mark[]>();
  for (const mk of marks) {
    const k = normUpn(mk.upn);
    if (!mentees.has(k)) continue;
    let list = byUpn.get(k);
    if (!list) byUpn.set(k, (list = []));
    list.push(mk);
  }
  const attendancePercent: Record<string, number> = {};
  for (const s of input.summaries) {
    const k = normUpn(s.upn);
    const pc = figuresFromSummary(s).percent;
    if (mentees.has(k) && pc !== null) attendancePercent[k] = pc;
  }
  // The academic year to date, as the Attendance tab counts it (earlier years' marks stay out).
  const yearStart = academicYearOfDate(asOf, settings).start;
  byUpn.forEach((list, k) => {
    const pc = summariseMarks(list, asOf, yearStart).percent;
    if (pc !== null) attendancePercent[k] = pc;
  });

  const cal = buildCalendar(marks.map((m) => m.date), settings, asOf);
  const hw = homeworkWeeks({ log: input.homeworkLog, pupils, asOf, settings, schoolWeeks: cal.schoolWeeks.length ? cal.schoolWeeks.filter((w) => w <= asOf) : undefined });
  const half = cal.halfTermOf(asOf);
  const from = half ? weekStart(half.start) : hw.weeks[Math.max(0, hw.weeks.length - 6)] || asOf;
  const homeworkPeriod = half ? `this half term (from ${toUk(half.start)})` : `since ${toUk(from)}`;
  const homeworkMisses: Record<string, number> = {};
  mentees.forEach((k) => {
    const ph = hw.pupils.get(k);
    if (ph) homeworkMisses[k] = ph.weeks.filter((w) => w.weekStart >= from).reduce((n, w) => n + w.misses, 0);
  });

  const review = progressReview({ entries: input.progress, pupils, asOf, settings, round: asOf.slice(0, 7) }).rows;
  const slips = input.slips;
  const mentorNames = Array.from(new Set(status.mentees.map((m) => m.mentor))).sort((a, b) => normText(a).localeCompare(normText(b)));
  const packs = mentorNames.map((mentor) => ({ mentor, entries: mentorPack(mentor, { status, review, slips, attendancePercent, homeworkMisses }) }));
  const slipsSent: MentorPacks['slipsSent'] = [];
  for (const p of packs) for (const e of p.entries) for (const s of e.slips) slipsSent.push({ date: s.date, upn: s.upn, from: s.from, sentToMentor: asOf });
  return { packs, homeworkPeriod, slipsSent };
}
