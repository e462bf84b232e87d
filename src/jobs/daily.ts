/**
 * The daily run: what the one time-driven trigger does before school. An add-on may hold only one
 * trigger of each type per user per document ("Each add-on can only have one trigger of each type,
 * per user, per document" — developers.google.com/apps-script/add-ons/concepts/editor-triggers),
 * so everything that must happen each morning hangs off this one handler, in this order:
 *
 * 1. the QA calendar morning (reminders with evidence, chasing, Monday digests) — first, because
 *    it decides whether today is a school day at all (weekends and holidays stop here);
 * 2. the homework tracker rebuilt from the log (the "nightly" refresh of SPEC §3);
 * 3. the attendance review (Attendance tab, QA lists, tier memory);
 * 4. mentoring: meetings due and overdue, yesterday's Y11 session non-attenders, monthly packs,
 *    sent through the same safe mail path.
 *
 * Each step is idempotent (keys, Mail Log), so a run that fails half-way and is run again does
 * nothing twice.
 */
import { IsoDate } from '../core/dates';
import { Settings } from '../core/settings';
import { morningRunJob, MorningResult } from './qa/morning';
import { refreshHomeworkJob, HomeworkRefreshResult } from './homework/refresh';
import { reviewAttendanceJob, AttendanceJobResult } from './attendance/job';
import { mentoringMorning, mentoringMorningEmails } from './progress/morning';
import { sendMails, MailOutcome } from '../gas/mail';
import { sharingReads } from './sharedReads';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DailyResult {
  asOf: IsoDate;
  schoolDay: boolean;
  qa: MorningResult;
  homework: HomeworkRefreshResult | null;
  attendance: AttendanceJobResult | null;
  mentoringMail: MailOutcome | null;
  problems: string[];
}

export function dailyRunJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate): DailyResult {
  // The QA morning and the attendance review share one read of the Attendance Marks tab.
  return sharingReads(() => dailyRun(ss, settings, asOf));
}

function dailyRun(ss: Spreadsheet, settings: Settings, asOf: IsoDate): DailyResult {
  const qa = morningRunJob(ss, settings, asOf);
  const result: DailyResult = { asOf, schoolDay: qa.schoolDay, qa, homework: null, attendance: null, mentoringMail: null, problems: qa.problems.slice() };
  if (!qa.schoolDay) return result;
  result.homework = refreshHomeworkJob(ss, settings, asOf);
  result.attendance = reviewAttendanceJob(ss, settings, asOf);
  // Send first, then record what was chased (a run stopped in between re-sends nothing: Mail Log).
  const mentoring = mentoringMorning(ss, settings, asOf, { deferWrites: true });
  const built = mentoringMorningEmails(mentoring, settings);
  result.mentoringMail = sendMails(ss, built.emails, { settings, staff: mentoring.context.staff, pupils: mentoring.context.pupils, asOf });
  mentoring.commit();
  result.problems.push(...result.homework.problems, ...result.attendance.problems, ...mentoring.problems, ...built.problems, ...result.mentoringMail.problems);
  return result;
}

/** One line for the execution log: counts only, never pupil data. */
export function describeDaily(r: DailyResult): string {
  if (!r.schoolDay) return `Pastoral Tracker daily run ${r.asOf}: not a school day, nothing done.`;
  const sent = (m: MailOutcome | null | undefined) => (m ? m.sent.length : 0);
  const deferred = (m: MailOutcome | null | undefined) => (m ? m.deferred.length : 0);
  const mails = sent(r.qa.mail) + sent(r.qa.digests && r.qa.digests.mail) + sent(r.mentoringMail);
  const later = deferred(r.qa.mail) + deferred(r.qa.digests && r.qa.digests.mail) + deferred(r.mentoringMail);
  return `Pastoral Tracker daily run ${r.asOf}: ${mails} e-mail(s) sent${later ? `, ${later} deferred to tomorrow (daily quota)` : ''}; homework tracker and attendance refreshed; ${r.problems.length} data problem(s) to look at.`;
}
