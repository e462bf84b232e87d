/**
 * The mentoring part of the morning run (issue 8): read the mentoring tabs once each, decide with
 * core/progress, write the follow-ups once, and return the e-mail data (sending belongs to the
 * morning run: `mentoringEmails(result.data, ctx)` builds them with composeEmail).
 *
 * Once-only memory:
 *  - a missed session → an Interventions row keyed SS|missed|… and the register's Followed Up date;
 *  - an overdue formal meeting → an Interventions row keyed MT|due|<upn>|<due date>;
 *  - mentors' weekly reminder and the monthly pack → the week / month last done, in the document
 *    properties (no pupil data). The morning trigger runs on school days only, so "the first run of
 *    the month" is the first school day of the month.
 */
import { IsoDate, addDays, toUk, weekStart } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Intervention, Mark } from '../../core/types';
import { mentoringStatus, mentorPack, MenteeDue } from '../../core/progress/mentoring';
import { progressReview } from '../../core/progress/review';
import { parseMissedSessionKey, sessionDayList, sessionFollowUps } from '../../core/progress/sessions';
import { MentoringMorningData, MissedSession, mentoringEmails } from '../../core/progress/mentoringEmails';
import { buildCalendar } from '../../core/calendar/schoolWeeks';
import { summariseMarks, figuresFromSummary } from '../../core/attendance/summary';
import { academicYearOfDate } from '../../core/calendar/academicYear';
import { homeworkWeeks } from '../../core/homework/weeks';
import { ComposeContext } from '../../core/email/compose';
import { appendNewByKey, upsertByKey } from '../../gas/tables';
import { loadTabs } from '../load';
import { StateStore, documentState } from '../../gas/properties';
import { MENTORING_PACK_MONTH, MENTORING_REMINDED_WEEK } from '../../core/state';
import { normUpn, proseName } from '../../core/pupils/names';
import { rollIndex } from '../../core/pupils/roll';
import { normText } from '../../core/text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const MENTOR_AREA = 'Mentoring';

export interface MentoringMorningOptions {
  /** 'auto' (default): packs on the first run of the month; 'force' / 'skip' for the menu and tests. */
  packs?: 'auto' | 'force' | 'skip';
  /**
   * Leave the writes (Interventions, follow-ups, slips sent, the week/month memory) to `commit()`,
   * called once the e-mails are sent: recorded before sending, a run stopped in between would
   * leave the chasers marked as done and the re-run would never send them.
   */
  deferWrites?: boolean;
  /** Where the week/month memory is kept (the document's properties by default). */
  state?: StateStore;
}

export interface MentoringMorningResult {
  data: MentoringMorningData;
  /** For mentoringEmails: the Staff tab and the roll as read this run. */
  context: Pick<ComposeContext, 'staff' | 'pupils'>;
  written: { interventionsAdded: number; registerFollowedUp: number; slipsSent: number };
  problems: string[];
  /** With deferWrites: does the writes and fills `written` (a no-op otherwise, or the second time). */
  commit: () => MentoringMorningResult['written'];
}

function overdueIntervention(d: MenteeDue, asOf: IsoDate): Intervention {
  return {
    key: d.key, date: asOf, upn: d.upn, area: MENTOR_AREA, action: `Formal mentor meeting overdue (due ${toUk(d.due)}): chase`,
    owner: `Mentor: ${d.mentor}`, due: '', status: 'Open', outcome: '', entryValue: d.lastFormal ? `last formal ${toUk(d.lastFormal)}` : 'no formal meeting yet', exitValue: '',
  };
}

export function mentoringMorning(ss: Spreadsheet, settings: Settings, asOf: IsoDate, opts: MentoringMorningOptions = {}): MentoringMorningResult {
  const state = opts.state || documentState();
  const month = asOf.slice(0, 7);
  const week = weekStart(asOf);
  const packDay = opts.packs === 'force' || (opts.packs !== 'skip' && state.get(MENTORING_PACK_MONTH) !== month);
  const remindMentors = state.get(MENTORING_REMINDED_WEEK) !== week;

  const need: Parameters<typeof loadTabs>[1] = ['Students', 'Staff', 'Mentor Meetings', 'Mentoring Slips', 'Sessions', 'Session Register', 'Interventions'];
  if (packDay) need.push('Progress', 'Attendance Marks', 'Attendance Summary', 'Homework Log');
  const { data, problems } = loadTabs(ss, need);
  const pupils = data.Students || [];
  const staff = data.Staff || [];
  const roll = rollIndex(pupils, asOf);
  const logged = new Set((data.Interventions || []).map((i) => String(i.key).trim().toUpperCase()));

  const status = mentoringStatus(pupils, data['Mentor Meetings'] || [], asOf, settings);
  const newlyOverdue = status.overdue.filter((d) => !logged.has(d.key.toUpperCase()));

  const sessionsToday = sessionDayList(data.Sessions || [], asOf, pupils);
  const follow = sessionFollowUps(data.Sessions || [], data['Session Register'] || [], pupils, addDays(asOf, -1));
  const fresh = follow.interventions.filter((i) => !logged.has(i.key.toUpperCase()));
  const missedSessions: MissedSession[] = fresh.map((i) => {
    const p = roll.get(normUpn(i.upn))!;
    const { subject, date } = parseMissedSessionKey(i.key);
    return { key: i.key, upn: p.upn, name: proseName(p), regGroup: p.regGroup, mentor: String(p.mentor || '').trim(), subject, date };
  });

  let packs: MentoringMorningData['packs'] = [];
  let homeworkPeriod = '';
  const slipKeys: Array<Record<string, unknown>> = [];
  if (packDay) {
    const marks = data['Attendance Marks'] || [];
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
    for (const s of data.summaries || []) {
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
    const hw = homeworkWeeks({ log: data['Homework Log'] || [], pupils, asOf, settings, schoolWeeks: cal.schoolWeeks.length ? cal.schoolWeeks.filter((w) => w <= asOf) : undefined });
    const half = cal.halfTermOf(asOf);
    const from = half ? weekStart(half.start) : hw.weeks[Math.max(0, hw.weeks.length - 6)] || asOf;
    homeworkPeriod = half ? `this half term (from ${toUk(half.start)})` : `since ${toUk(from)}`;
    const homeworkMisses: Record<string, number> = {};
    mentees.forEach((k) => {
      const ph = hw.pupils.get(k);
      if (ph) homeworkMisses[k] = ph.weeks.filter((w) => w.weekStart >= from).reduce((n, w) => n + w.misses, 0);
    });

    const review = progressReview({ entries: data.Progress || [], pupils, asOf, settings, round: asOf.slice(0, 7) }).rows;
    const slips = data['Mentoring Slips'] || [];
    const mentorNames = Array.from(new Set(status.mentees.map((m) => m.mentor))).sort((a, b) => normText(a).localeCompare(normText(b)));
    packs = mentorNames.map((mentor) => ({ mentor, entries: mentorPack(mentor, { status, review, slips, attendancePercent, homeworkMisses }) }));
    for (const p of packs) for (const e of p.entries) for (const s of e.slips) slipKeys.push({ date: s.date, upn: s.upn, from: s.from, sentToMentor: asOf });
  }

  // Writes: each tab once.
  const written = { interventionsAdded: 0, registerFollowedUp: 0, slipsSent: 0 };
  let committed = false;
  const commit = () => {
    if (committed) return written;
    committed = true;
    const newRows = [...newlyOverdue.map((d) => overdueIntervention(d, asOf)), ...fresh];
    const interventionsAdded = newRows.length ? appendNewByKey(ss, 'Interventions', newRows as unknown as Record<string, unknown>[]) : 0;
    const followedUp = fresh.map((i) => {
      const { subject, date } = parseMissedSessionKey(i.key);
      return { date, upn: i.upn, subject, followedUp: asOf };
    });
    const registerFollowedUp = followedUp.length ? upsertByKey(ss, 'Session Register', followedUp, { fields: ['followedUp'], addMissing: false }).updated : 0;
    const slipsSent = slipKeys.length ? upsertByKey(ss, 'Mentoring Slips', slipKeys, { fields: ['sentToMentor'], addMissing: false }).updated : 0;
    if (packDay && opts.packs !== 'force') state.set(MENTORING_PACK_MONTH, month);
    if (remindMentors) state.set(MENTORING_REMINDED_WEEK, week);
    Object.assign(written, { interventionsAdded, registerFollowedUp, slipsSent });
    return written;
  };
  if (!opts.deferWrites) commit();

  return {
    data: {
      asOf, remindMentors, dueThisWeek: status.dueThisWeek, overdue: status.overdue, newlyOverdue, withoutMentor: status.withoutMentor,
      sessionsToday, missedSessions, packDay, packs, homeworkPeriod,
    },
    context: { staff, pupils },
    written,
    problems,
    commit,
  };
}

/** The morning's mentoring e-mails (StaffEmail data, not sent) for a result of mentoringMorning. */
export function mentoringMorningEmails(result: MentoringMorningResult, settings: Settings) {
  return mentoringEmails(result.data, { ...result.context, settings });
}

export { mentoringEmails };
