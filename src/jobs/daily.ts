/**
 * The daily run: what the one time-driven trigger does before school. An add-on may hold only one
 * trigger of each type per user per document ("Each add-on can only have one trigger of each type,
 * per user, per document" — developers.google.com/apps-script/add-ons/concepts/editor-triggers),
 * so everything that must happen each morning hangs off this one handler, in this order:
 *
 * 1. the QA calendar morning is planned (read and decided, nothing sent) — first, because it
 *    decides whether today is a school day at all (weekends and holidays stop here);
 * 2. the homework tracker rebuilt from the log (the "nightly" refresh of SPEC §3);
 * 3. the attendance review (Attendance tab, QA lists, tier memory);
 * 4. mentoring: meetings due and overdue, yesterday's Y11 session non-attenders, monthly packs
 *    (built, not sent);
 * 5. one send: the QA e-mails are built (now that the tabs they link to exist) and each person's
 *    QA and mentoring e-mails merged into ONE message (issue 21 §1,
 *    core/email/oneMessage.ts), after the Mail Log has set aside every part already sent;
 * 6. what was delivered is recorded (QA reminder memory, QA work owed, mentoring follow-ups), and
 *    on the digest day the weekly digests go — their own message, a weekly report with its own
 *    Reply-To (docs/emails.md).
 *
 * Each step is idempotent (keys, Mail Log), so a run that fails half-way and is run again does
 * nothing twice.
 */
import { IsoDate } from '../core/dates';
import { Settings } from '../core/settings';
import { planQaMorning, MorningResult } from './qa/morning';
import { refreshHomeworkJob, HomeworkRefreshResult } from './homework/refresh';
import { reviewAttendanceJob, AttendanceJobResult } from './attendance/job';
import { reviewedRegisterValues } from './attendance/review';
import { refreshCopy } from './tabCopies';
import { mentoringMorning, mentoringMorningEmails } from './progress/morning';
import { sendMails, MailOutcome } from '../gas/mail';
import { sharingReads } from './sharedReads';
import { oneMessagePerPerson } from '../core/email/oneMessage';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DailyResult {
  asOf: IsoDate;
  schoolDay: boolean;
  qa: MorningResult;
  homework: HomeworkRefreshResult | null;
  attendance: AttendanceJobResult | null;
  /** The morning's one send: QA and mentoring parts, merged per person. */
  morningMail: MailOutcome | null;
  /** The mentoring parts of it (for the menu's status and tests). */
  mentoringMail: MailOutcome | null;
  problems: string[];
}

export function dailyRunJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate): DailyResult {
  // The QA morning and the attendance review share one read of the Attendance Marks tab.
  return sharingReads(() => dailyRun(ss, settings, asOf));
}

function dailyRun(ss: Spreadsheet, settings: Settings, asOf: IsoDate): DailyResult {
  const qaPlan = planQaMorning(ss, settings, asOf);
  const qa = qaPlan.result;
  const result: DailyResult = { asOf, schoolDay: qa.schoolDay, qa, homework: null, attendance: null, morningMail: null, mentoringMail: null, problems: [] };
  if (!qa.schoolDay) {
    result.problems.push(...qa.problems);
    return result;
  }
  result.homework = refreshHomeworkJob(ss, settings, asOf);
  result.attendance = reviewAttendanceJob(ss, settings, asOf);
  // The Register as the review read it (the run's shared read), for the sidebars' copy of it.
  const register = reviewedRegisterValues(ss);
  if (register) refreshCopy(ss, 'Register', register, asOf);
  const mentoring = mentoringMorning(ss, settings, asOf, { deferWrites: true });
  const built = mentoringMorningEmails(mentoring, settings);

  // One message per person: the QA e-mails first, then the mentoring ones, merged by recipient
  // after the Mail Log has set aside every part already sent (gas/mail.ts, core/email/oneMessage.ts).
  // Built after the attendance review: their links reach the tabs it makes (Tier Lists …).
  const qaEmails = qaPlan.emails();
  const mentoringKeys = new Set(built.emails.map((e) => e.sendKey));
  const mail = sendMails(ss, qaEmails.concat(built.emails), qaPlan.mailContext, {
    merge: (fresh) => oneMessagePerPerson(fresh, { settings, staff: qaPlan.mailContext.staff, asOf }),
  });
  result.morningMail = mail;
  result.mentoringMail = partOf(mail, mentoringKeys);
  // Then record what was delivered: the QA reminder memory (and the digests, their own messages) …
  qaPlan.finish(partOf(mail, new Set(qaEmails.map((e) => e.sendKey)), mail.problems));
  // … and the mentoring follow-ups — unless every mentoring e-mail was held back (quota, refused by
  // Google): then nothing is marked done and the next run builds them again.
  if (!mentoringKeys.size || delivered(result.mentoringMail) > 0) mentoring.commit();
  result.problems.push(...qa.problems, ...result.homework.problems, ...result.attendance.problems, ...mentoring.problems, ...built.problems);
  return result;
}

/** The part of a send's outcome that concerns `keys` (problems go with the first part only). */
function partOf(mail: MailOutcome, keys: Set<string>, problems: string[] = []): MailOutcome {
  const mine = <T extends { sendKey: string }>(xs: T[]) => xs.filter((x) => keys.has(x.sendKey));
  return {
    sent: mine(mail.sent), messages: mail.messages, alreadySent: mail.alreadySent.filter((k) => keys.has(k)), uncertain: mail.uncertain.filter((k) => keys.has(k)),
    deferred: mine(mail.deferred), failed: mine(mail.failed), refused: mail.refused, problems, quotaAtStart: mail.quotaAtStart,
  };
}

function delivered(m: MailOutcome): number {
  return m.sent.length + m.alreadySent.length + m.uncertain.length;
}

/** One line for the execution log: counts only, never pupil data. */
export function describeDaily(r: DailyResult): string {
  if (!r.schoolDay) return `Pastoral Tracker daily run ${r.asOf}: not a school day, nothing done.`;
  const sent = (m: MailOutcome | null | undefined) => (m ? m.messages : 0);
  const deferred = (m: MailOutcome | null | undefined) => (m ? m.deferred.length : 0);
  const mails = sent(r.morningMail) + sent(r.qa.digests && r.qa.digests.mail);
  const later = deferred(r.morningMail) + deferred(r.qa.digests && r.qa.digests.mail);
  return `Pastoral Tracker daily run ${r.asOf}: ${mails} e-mail(s) sent${later ? `, ${later} deferred to tomorrow (daily quota)` : ''}; homework tracker and attendance refreshed; ${r.problems.length} data problem(s) to look at.`;
}
