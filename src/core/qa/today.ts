/**
 * What the QA calendar's morning run sends (SPEC §6): each person gets ONE message for the day
 * listing everything the calendar asks of them —
 *   do     a task dated today (or dated on a non-school day since the last school day), to the
 *          first stage of its chain;
 *   qa     a task marked Done and not yet QA'd, to the second stage;
 *   review a task QA'd and not yet Reviewed, to the third stage;
 *   chase  a task whose "follow up with staff by" / "review system by" date has passed while the
 *          step it is waiting for is not done, to the stage above the one holding it up.
 * Nothing is sent on a weekend or a day `isSchoolDay` says is not a school day. Each message has a
 * `sendKey` (run kind, date, recipient) that the job records before sending, so a re-run after a
 * crash never sends the same e-mail twice.
 */
import { IsoDate, addDays, isWeekend, toUk } from '../dates';
import { QaTask, StaffMember } from '../types';
import { resolveChain, ResolvedStage } from './chains';
import { checkForTask, isNonTaskDay, QaCheck } from './checks';
import { dateInText } from './deadlines';

export type QaAction = 'do' | 'qa' | 'review' | 'chase';

export interface QaItem {
  action: QaAction;
  task: QaTask;
  kind: QaCheck;
  years: number[]; // year groups the task names ("Year 10 Tier Letters" → [10])
  /** Why this person has it today, e.g. "Follow up by 16/01/2024 has passed; not yet done". */
  reason: string;
  /** For QA, review and chase: who the step before was with. */
  waitingOn: string[];
  /**
   * Who a reply about this item should reach (e-mails): for a task to do, the people who QA it;
   * for a QA or review prompt, the people whose work it is; for a chase, the people holding it up.
   */
  replyTo: string[];
}

export interface QaMessage {
  sendKey: string;
  date: IsoDate;
  to: string; // e-mail, as on the Staff tab
  name: string;
  items: QaItem[];
}

export interface MorningPlan {
  asOf: IsoDate;
  schoolDay: boolean;
  messages: QaMessage[];
  problems: string[];
}

export interface MorningInput {
  tasks: QaTask[];
  staff: StaffMember[];
  asOf: IsoDate;
  isSchoolDay: (d: IsoDate) => boolean;
}

export const MORNING_RUN = 'qa-morning';

/** The stable key of one morning e-mail: the same recipient on the same day is sent once. */
export function sendKeyFor(run: string, date: IsoDate, email: string): string {
  return `${run}|${date}|${String(email).trim().toLowerCase()}`;
}

// Which stage a task is waiting on, by its status: '' → the doer (0), Done → QA (1), QA'd → reviewer (2).
function waitingStage(status: string): number {
  const s = String(status || '').trim().toLowerCase().replace(/[’`]/g, "'");
  if (s === 'done') return 1;
  if (s === "qa'd" || s === 'qad') return 2;
  if (s === 'reviewed') return 3;
  return 0;
}

const ACTION_ORDER: QaAction[] = ['do', 'qa', 'review', 'chase'];

export function planMorning(input: MorningInput): MorningPlan {
  const { asOf, staff } = input;
  const schoolDay = !isWeekend(asOf) && input.isSchoolDay(asOf);
  const problems: string[] = [];
  if (!schoolDay) return { asOf, schoolDay, messages: [], problems };

  const since = previousSchoolDay(asOf, input.isSchoolDay);
  const byEmail: { [email: string]: QaMessage } = {};
  const add = (people: StaffMember[], item: QaItem) => {
    for (const p of people) {
      const email = String(p.email || '').trim();
      if (!email) {
        problems.push(`Staff tab: ${p.name} has no Email, so their QA calendar tasks cannot be sent.`);
        continue;
      }
      const k = email.toLowerCase();
      if (!byEmail[k]) byEmail[k] = { sendKey: sendKeyFor(MORNING_RUN, asOf, email), date: asOf, to: email, name: p.name, items: [] };
      const msg = byEmail[k];
      if (!msg.items.some((i) => i.task === item.task && i.action === item.action)) msg.items.push(item);
    }
  };

  for (const task of input.tasks) {
    if (task.date > asOf) continue;
    if (isNonTaskDay(task.task)) continue; // a training day or INSET row marks the day: nothing to remind
    const where = `QA Calendar, ${toUk(task.date)} ${task.task}`;
    const check = checkForTask(task.task);
    const waiting = waitingStage(task.status);
    if (waiting >= 3) continue;
    const dueToday = task.date === asOf || (since !== null && task.date > since);
    const deadline = passedDeadline(task, waiting, asOf, problems, where);
    if (!dueToday && waiting === 0 && !deadline) continue;

    const resolved = resolveChain(task.ownerChain, staff, { where, years: check.years });
    if (task.ownerChain.length === 0) problems.push(`${where}: no owner chain, so no one was reminded.`);
    const stages = resolved.stages;
    const names = (i: number) => (stages[i] ? stages[i].people.map((p) => p.name) : []);
    const emails = (i: number) => (stages[i] ? stages[i].people.map((p) => String(p.email || '').trim()).filter((e) => e !== '') : []);
    const item = (action: QaAction, reason: string, waitingOn: string[], replyTo: string[]): QaItem => ({ action, task, kind: check.kind, years: check.years, reason, waitingOn, replyTo });
    let used = false;

    if (waiting === 0 && dueToday && stages[0]) {
      add(stages[0].people, item('do', `On the QA calendar for ${toUk(task.date)}`, [], emails(1)));
      used = true;
    }
    if (waiting === 1 && stages[1]) {
      add(stages[1].people, item('qa', `Marked Done${task.doneOn ? ` on ${toUk(task.doneOn)}` : ''}${task.doneBy ? ` by ${task.doneBy}` : ''}; ready for QA`, names(0), emails(0)));
      used = true;
    }
    if (waiting === 2 && stages[2]) {
      add(stages[2].people, item('review', "QA'd; ready for review", names(1), emails(1)));
      used = true;
    }
    if (deadline) {
      const up = chaseStage(stages, waiting);
      if (up) {
        add(up.people, item('chase', deadline, names(waiting), emails(waiting)));
        used = true;
      }
    }
    if (used) for (const p of resolved.problems) if (problems.indexOf(p) < 0) problems.push(p);
  }

  const messages = Object.keys(byEmail)
    .sort()
    .map((k) => byEmail[k]);
  for (const m of messages) {
    m.items.sort((a, b) => ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action) || (a.task.date < b.task.date ? -1 : a.task.date > b.task.date ? 1 : 0) || (a.task.task < b.task.task ? -1 : 1));
  }
  return { asOf, schoolDay, messages, problems };
}

/** The stage above the one holding the task up; when that is the top, the top itself. */
function chaseStage(stages: ResolvedStage[], waiting: number): ResolvedStage | null {
  if (stages.length === 0) return null;
  return stages[Math.min(waiting + 1, stages.length - 1)];
}

/**
 * Why the task is overdue, or null. "Follow up with staff by" applies while the task is not done;
 * "review system by" while it is not yet QA'd. A date before the task's own date is a calendar
 * mistake (copied from another week): reported, and not used to chase.
 */
function passedDeadline(task: QaTask, waiting: number, asOf: IsoDate, problems: string[], where: string): string | null {
  const checks: { label: string; text: string; applies: boolean }[] = [
    { label: 'Follow up with staff by', text: task.followUpBy, applies: waiting === 0 },
    { label: 'Review system by', text: task.reviewBy, applies: waiting <= 1 },
  ];
  for (const c of checks) {
    const d = dateInText(c.text, task.date);
    if (!d) continue;
    if (d < task.date) {
      const msg = `${where}: "${c.label}" says ${toUk(d)}, before the task's own date — check the calendar.`;
      if (problems.indexOf(msg) < 0) problems.push(msg);
      continue;
    }
    if (c.applies && d < asOf) return `${c.label} ${toUk(d)} has passed; ${waiting === 0 ? 'not yet done' : "not yet QA'd"}`;
  }
  return null;
}

/** The school day before `d` (looking back at most three weeks), or null if none is found. */
export function previousSchoolDay(d: IsoDate, isSchoolDay: (d: IsoDate) => boolean): IsoDate | null {
  for (let i = 1; i <= 21; i++) {
    const p = addDays(d, -i);
    if (!isWeekend(p) && isSchoolDay(p)) return p;
  }
  return null;
}
