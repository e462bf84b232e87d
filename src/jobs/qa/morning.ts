/**
 * The morning run (issue 7, SPEC §6): on a school day, each person gets ONE e-mail with their QA
 * calendar tasks for the day (do / QA / review / chase), with the evidence for tasks that match a
 * built-in check. Weekends and holidays send nothing (and a weekend reads nothing).
 *
 * On the digest weekday (Monday by default) — or the first school day of the week after it, when
 * that day was a holiday — the run also sends the weekly digests, sharing this run's reads.
 *
 * An item waiting on someone (a QA or review prompt, an overdue chase) is sent the first morning it
 * applies and then every `email.chaseEveryDays` days while it does not change (core/qa/cadence.ts,
 * memory in the hidden "QA Reminders" tab, written after sending).
 *
 * Deferred mail (the daily quota ran out) is sent by the next run: the dates with deferred morning
 * e-mails and the week with deferred digests are kept in document properties (dates only, no
 * pupil data); the next run re-plans those dates and the Mail Log's send keys make sure nothing
 * already sent goes again.
 */
import { addDays, IsoDate, isWeekend, weekday, weekStart } from '../../core/dates';
import { Settings } from '../../core/settings';
import { planMorning, QaMessage } from '../../core/qa/today';
import { applyCadence, CadencedMessage, updateMemory } from '../../core/qa/cadence';
import { QaCheck } from '../../core/qa/checks';
import { morningEmail, MorningLinks } from '../../core/email/morning';
import { StaffEmail } from '../../core/email/compose';
import { sendMails, MailContext, MailOutcome } from '../../gas/mail';
import { tabLinks, TabLinks } from '../../gas/links';
import { CODING_REVIEW, FAILURE_TO_RETURN, G_CODES, LATE_TO_LESSON_LIST, PUNCTUALITY, TIER_LISTS } from '../attendance/lists';
import { loadQaContext, QaContext } from './context';
import { buildEvidence } from './evidence';
import { readReminders, writeReminders } from './reminders';
import { DigestResult, digestWeek as coveredWeek, weeklyDigestsJob } from './digests';
import { StateStore, documentState } from '../../gas/properties';
import { QA_PENDING, QaPending } from '../../core/state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface QaReminder {
  date: IsoDate;
  task: string;
  action: string;
  reminded: string[];
}

export interface MorningResult {
  asOf: IsoDate;
  schoolDay: boolean;
  /** The dates planned: today, plus earlier dates whose e-mails were deferred. */
  dates: IsoDate[];
  messages: number;
  reminders: QaReminder[];
  mail: MailOutcome | null;
  digests: DigestResult | null;
  problems: string[];
}

/** The QA morning on its own (tests, the bench; the trigger uses planQaMorning): plan, send, record. */
export function morningRunJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, opts: QaMorningOptions = {}): MorningResult {
  const plan = planQaMorning(ss, settings, asOf, opts);
  if (!plan.result.schoolDay) return plan.result;
  return plan.finish(sendMails(ss, plan.emails(), plan.mailContext));
}

export interface QaMorningOptions {
  digests?: boolean;
  state?: StateStore;
}

/**
 * The QA morning built but not sent: the e-mails, and `finish(mail)` — given what happened to
 * them (the outcome of the send that carried them, alone or merged with other parts of the
 * morning), it records the reminders delivered, keeps the dates still owed in QA_PENDING and sends
 * the weekly digests when due. Nothing is written before `finish`, so a run stopped in between
 * re-plans the same e-mails and the Mail Log decides what was sent.
 */
export interface QaMorningPlan {
  result: MorningResult;
  /**
   * Builds the e-mails (once). Called as late as possible: the daily run calls it after the
   * attendance review, so the links to the tabs the review makes (Tier Lists, Coding Review …)
   * are there on the very first morning too, and a re-run after a crash builds the same e-mails.
   */
  emails: () => StaffEmail[];
  mailContext: MailContext;
  finish: (mail: MailOutcome) => MorningResult;
}

export function planQaMorning(ss: Spreadsheet, settings: Settings, asOf: IsoDate, opts: QaMorningOptions = {}): QaMorningPlan {
  const result: MorningResult = { asOf, schoolDay: false, dates: [], messages: 0, reminders: [], mail: null, digests: null, problems: [] };
  const closed = { result, emails: () => [], mailContext: { settings, staff: [], pupils: [], asOf }, finish: () => result };
  if (isWeekend(asOf)) return closed;

  const wantDigests = opts.digests !== false;
  const ctx = loadQaContext(ss, settings, asOf, wantDigests && isDigestCandidate(asOf, settings) ? ['Homework Log', 'Homework Set'] : []);
  result.problems.push(...ctx.problems);
  result.schoolDay = ctx.isSchoolDay(asOf);
  if (!result.schoolDay) return closed;

  const state = opts.state || documentState();
  const pending = state.get(QA_PENDING);
  const dates = pending.morning.filter((d) => d < asOf && d >= addDays(asOf, -7)).concat([asOf]);
  result.dates = dates;

  const evidence = buildEvidence(ctx.review, ctx.letters);
  const stored = readReminders(ss, settings.testMode);
  const emails: StaffEmail[] = [];
  const byKey = new Map<string, { msg: CadencedMessage }>();
  const planned: QaMessage[] = [];
  let built = false;
  const build = (): StaffEmail[] => {
    if (built) return emails;
    built = true;
    const links = tabLinks(ss);
    for (const d of dates) {
      const plan = planMorning({ tasks: ctx.tasks, staff: ctx.staff, asOf: d, isSchoolDay: ctx.isSchoolDay });
      for (const p of plan.problems) if (result.problems.indexOf(p) < 0) result.problems.push(p);
      planned.push(...plan.messages);
      for (const msg of applyCadence(plan.messages, stored.memory, settings.email.chaseEveryDays, ctx.isSchoolDay)) {
        const r = morningEmail(msg, evidence, { staff: ctx.staff, settings, pupils: ctx.pupils }, morningLinks(msg, links));
        for (const p of r.problems) if (result.problems.indexOf(p) < 0) result.problems.push(p);
        if (!r.email) continue;
        emails.push(r.email);
        byKey.set(msg.sendKey, { msg });
      }
    }
    result.messages = emails.length;
    return emails;
  };

  const finish = (mail: MailOutcome): MorningResult => {
    build();
    result.mail = mail;
    result.problems.push(...mail.problems);
    result.reminders = reminders(mail, byKey);
    const delivered = new Set<string>(mail.sent.map((m) => m.sendKey).concat(mail.alreadySent, mail.uncertain));
    const deliveredMsgs = Array.from(byKey.values()).map((v) => v.msg).filter((m) => delivered.has(m.sendKey));
    writeReminders(ss, stored, updateMemory(stored.memory, planned, deliveredMsgs), settings.testMode);

    // The outcome may carry other parts of the morning (mentoring): only this job's keys count here.
    const stillMorning = Array.from(new Set(mail.deferred.filter((m) => byKey.has(m.sendKey)).map((m) => byKey.get(m.sendKey)!.msg.date)));
    let digestWeek: IsoDate | '' = pending.digestWeek;
    const catchUp = pending.digestWeek !== '' && coveredWeek(asOf, ctx.review.calendar.schoolWeeks) === pending.digestWeek;
    if (wantDigests && (isDigestDay(asOf, settings, ctx) || catchUp)) {
      const digests = weeklyDigestsJob(ss, settings, asOf, ctx);
      result.digests = digests;
      result.problems.push(...digests.problems);
      digestWeek = digests.mail.deferred.length ? digests.weekStart : '';
    }
    const next: QaPending = { morning: stillMorning, digestWeek };
    if (JSON.stringify(next) !== JSON.stringify(pending)) state.set(QA_PENDING, next);
    return result;
  };
  return { result, emails: build, mailContext: { settings, staff: ctx.staff, pupils: ctx.pupils, asOf }, finish };
}

/** The tab each built-in check's work is on. */
const CHECK_TABS: Partial<Record<QaCheck, string>> = {
  codingReview: CODING_REVIEW.name,
  tierLetters: TIER_LISTS.name,
  gCodes: G_CODES.name,
  punctuality: PUNCTUALITY.name,
  lateToLesson: LATE_TO_LESSON_LIST.name,
  failureToReturn: FAILURE_TO_RETURN.name,
  ewoOnSite: 'Attendance',
  contractMeetings: 'Attendance',
};

/** Links for one message: the QA Calendar, and the tab of each check its tasks match. */
function morningLinks(msg: CadencedMessage, links: TabLinks): MorningLinks {
  const out: MorningLinks = { calendar: links('QA Calendar') || undefined, checks: {} };
  for (const item of msg.items) {
    const tab = CHECK_TABS[item.kind];
    if (!tab || out.checks![item.kind]) continue;
    const url = links(tab);
    if (url) out.checks![item.kind] = { tab, url };
  }
  return out;
}

/** Could today be the digest day? (Decides whether to read the homework tabs.) */
function isDigestCandidate(asOf: IsoDate, settings: Settings): boolean {
  return weekday(asOf) >= settings.triggers.digestWeekday; // a catch-up (deferred digests) may fall on any later day
}

/** The digest weekday, or the first school day of the week after it when that day was closed. */
function isDigestDay(asOf: IsoDate, settings: Settings, ctx: QaContext): boolean {
  const wd = weekday(asOf);
  const target = settings.triggers.digestWeekday;
  if (wd < target) return false;
  const monday = weekStart(asOf);
  for (let i = target; i < wd; i++) if (ctx.isSchoolDay(addDays(monday, i))) return false;
  return true;
}

/** Who was reminded of what: from the e-mails sent now or by an earlier run today. */
function reminders(mail: MailOutcome, byKey: Map<string, { msg: CadencedMessage }>): QaReminder[] {
  const delivered = new Set<string>(mail.sent.map((s) => s.sendKey).concat(mail.alreadySent));
  const out = new Map<string, QaReminder>();
  for (const [key, { msg }] of byKey) {
    if (!delivered.has(key)) continue;
    for (const item of msg.items) {
      const k = `${item.task.date}|${item.task.task}|${item.action}`;
      let r = out.get(k);
      if (!r) out.set(k, (r = { date: item.task.date, task: item.task.task, action: item.action, reminded: [] }));
      if (r.reminded.indexOf(msg.to) < 0) r.reminded.push(msg.to);
    }
  }
  return Array.from(out.values()).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.task < b.task ? -1 : 1));
}
