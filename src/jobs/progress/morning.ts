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
import { IDENTITY_FIELDS, interventionRecords } from '../interventionRows';
import { IsoDate, addDays, toUk, weekStart } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Intervention } from '../../core/types';
import { mentoringStatus, MenteeDue } from '../../core/progress/mentoring';
import { MentorPacks, mentorPacks } from '../../core/progress/mentorPacks';
import { parseMissedSessionKey, sessionDayList, sessionFollowUps } from '../../core/progress/sessions';
import { MentoringMorningData, MissedSession, mentoringEmails } from '../../core/progress/mentoringEmails';
import { ComposeContext } from '../../core/email/compose';
import { appendNewByKey, upsertByKey } from '../../gas/tables';
import { loadTabs } from '../load';
import { StateStore, documentState } from '../../gas/properties';
import { MENTORING_PACK_MONTH, MENTORING_REMINDED_WEEK } from '../../core/state';
import { normUpn, listName } from '../../core/pupils/names';
import { rollIndex } from '../../core/pupils/roll';

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
  const { data, problems } = loadTabs(ss, need, settings);
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
    return { key: i.key, upn: p.upn, name: listName(p), regGroup: p.regGroup, mentor: String(p.mentor || '').trim(), subject, date };
  });

  const monthly: MentorPacks = packDay
    ? mentorPacks({
      status, pupils, marks: data['Attendance Marks'] || [], summaries: data.summaries || [], homeworkLog: data['Homework Log'] || [],
      progress: data.Progress || [], slips: data['Mentoring Slips'] || [], asOf, settings,
    })
    : { packs: [], homeworkPeriod: '', slipsSent: [] };
  const { packs, homeworkPeriod } = monthly;
  const slipKeys: Array<Record<string, unknown>> = monthly.slipsSent;

  // Writes: each tab once.
  const written = { interventionsAdded: 0, registerFollowedUp: 0, slipsSent: 0 };
  let committed = false;
  const commit = () => {
    if (committed) return written;
    committed = true;
    const newRows = [...newlyOverdue.map((d) => overdueIntervention(d, asOf)), ...fresh];
    const interventionsAdded = newRows.length ? appendNewByKey(ss, 'Interventions', interventionRecords(newRows, data.Students || []), IDENTITY_FIELDS) : 0;
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
