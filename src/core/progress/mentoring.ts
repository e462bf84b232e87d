/**
 * Y10/Y11 mentoring (SPEC §7, seed 003): each mentee has a formal meeting every
 * `mentorMeetingDays` days from the last formal one. Informal meetings do not reset the clock.
 * A mentee with no formal meeting yet is due from `startDate` (default: asOf, i.e. due this week).
 * Overdue meetings carry a key per due date so the chase to the tracking and mentoring lead is
 * sent once per missed meeting.
 */
import { groupBy } from '../collections';
import { addDays, daysBetween, IsoDate, weekStart } from '../dates';
import { Settings } from '../settings';
import { Pupil } from '../types';
import { MentorMeeting, MentoringSlip } from './records';
import { ReviewRow } from './review';
import { normUpn, listName } from '../pupils/names';
import { comparePupils, rollIndex } from '../pupils/roll';
import { normText } from '../text';
import { PupilRef } from '../pupils/identity';

export interface MenteeDue extends PupilRef {
  key: string; // MT|due|<upn>|<dueDate>
  mentor: string;
  lastFormal: IsoDate | '';
  due: IsoDate;
  daysOverdue: number; // 0 when not yet due
}

export interface MentoringStatus {
  dueThisWeek: MenteeDue[];
  overdue: MenteeDue[];
  /** Pupils in a mentored year with no mentor on the Students tab. */
  withoutMentor: Array<{ upn: string; name: string; year: number; regGroup: string }>;
  /** Every mentee's position, for the mentor packs. */
  mentees: MenteeDue[];
}

function isFormal(m: MentorMeeting): boolean {
  const t = normText(m.type);
  return t === '' || t === 'formal'; // a blank type is a formal meeting: the tab's default use
}

/** The last formal meeting on or before asOf per UPN. */
export function lastFormalMeetings(meetings: MentorMeeting[], asOf: IsoDate): Map<string, IsoDate> {
  const last = new Map<string, IsoDate>();
  for (const m of meetings) {
    if (!isFormal(m) || m.date > asOf) continue;
    const k = normUpn(m.upn);
    const have = last.get(k);
    if (!have || m.date > have) last.set(k, m.date);
  }
  return last;
}

export function mentoringStatus(pupils: Pupil[], meetings: MentorMeeting[], asOf: IsoDate, settings: Settings, startDate?: IsoDate): MentoringStatus {
  const years = settings.progress.mentoredYears;
  const inScope = Array.from(rollIndex(pupils, asOf).values())
    .filter((p) => years.indexOf(p.year) >= 0)
    .sort(comparePupils);
  const last = lastFormalMeetings(meetings, asOf);
  const sunday = addDays(weekStart(asOf), 6);
  const out: MentoringStatus = { dueThisWeek: [], overdue: [], withoutMentor: [], mentees: [] };
  for (const p of inScope) {
    if (!String(p.mentor || '').trim()) {
      out.withoutMentor.push({ upn: p.upn, name: listName(p), year: p.year, regGroup: p.regGroup });
      continue;
    }
    const lastFormal = last.get(normUpn(p.upn)) || '';
    const due = lastFormal ? addDays(lastFormal, settings.progress.mentorMeetingDays) : startDate || asOf;
    const daysOverdue = due < asOf ? daysBetween(due, asOf) : 0;
    const row: MenteeDue = {
      key: `MT|due|${p.upn}|${due}`, upn: p.upn, name: listName(p), year: p.year, regGroup: p.regGroup,
      mentor: p.mentor.trim(), lastFormal, due, daysOverdue,
    };
    out.mentees.push(row);
    if (due < asOf) out.overdue.push(row);
    else if (due <= sunday) out.dueThisWeek.push(row);
  }
  return out;
}

export interface MentorPackEntry extends PupilRef {
  lastFormal: IsoDate | '';
  due: IsoDate;
  subjects: Array<{ subject: string; target: string; current: string; predicted: string; status: string; movement: string }>;
  attendancePercent: number | null;
  homeworkMisses: number | null;
  /** Slips dated after the last formal meeting (all slips if there has been none), oldest first. */
  slips: MentoringSlip[];
}

export interface MentorPackInput {
  status: MentoringStatus;
  review: ReviewRow[];
  slips: MentoringSlip[];
  attendancePercent?: Record<string, number>; // by UPN, from the attendance rules
  homeworkMisses?: Record<string, number>; // by UPN, e.g. misses this term
}

/** One mentor's pack: every mentee of theirs (matched by the Mentor cell, case-insensitive). */
export function mentorPack(mentor: string, input: MentorPackInput): MentorPackEntry[] {
  const who = normText(mentor);
  const mine = input.status.mentees.filter((m) => normText(m.mentor) === who);
  // The rows of this mentor's mentees, by UPN, in one pass each: matching every mentee against
  // every row made the packs of a 2,000-pupil school quadratic (seconds of the morning run).
  const wanted = new Set(mine.map((m) => normUpn(m.upn)));
  const rowsOf = <T extends { upn: string }>(rows: T[]): Map<string, T[]> => groupBy(rows.filter((r) => wanted.has(normUpn(r.upn))), (r) => normUpn(r.upn));
  const review = rowsOf(input.review);
  const slips = rowsOf(input.slips);
  // A figure by UPN: the first key that matches (keys are UPNs as written).
  const figures = (rec: Record<string, number> | undefined): Map<string, number> | null => {
    if (!rec) return null;
    const out = new Map<string, number>();
    for (const k of Object.keys(rec)) if (!out.has(normUpn(k))) out.set(normUpn(k), rec[k]);
    return out;
  };
  const attendance = figures(input.attendancePercent);
  const homework = figures(input.homeworkMisses);
  const figure = (m: Map<string, number> | null, upn: string): number | null => (m && m.has(upn) ? m.get(upn)! : null);
  return mine.map((m) => {
    const upn = normUpn(m.upn);
    return {
      upn: m.upn, name: m.name, year: m.year, regGroup: m.regGroup, lastFormal: m.lastFormal, due: m.due,
      subjects: (review.get(upn) || [])
        .map((r) => ({ subject: r.subject, target: r.target, current: r.current, predicted: r.predicted, status: r.status, movement: r.movement })),
      attendancePercent: figure(attendance, upn),
      homeworkMisses: figure(homework, upn),
      slips: (slips.get(upn) || [])
        .filter((s) => !m.lastFormal || s.date > m.lastFormal)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    };
  });
}
