/**
 * The weekly digests (SPEC §6, issues 7 and 21): SLT (whole school), form tutor, Head of Year,
 * curriculum leader, PP lead, SENCO and EAL coordinator — one e-mail per person per week (core
 * digestEmails), sent through gas/mail.ts. The data is gathered in digestInput.ts from the
 * morning run's own reads; the week's figures are recomputed from the register every time (so a
 * mark recoded later corrects last week's figure too) and nothing about pupils is stored.
 *
 * Which week: run on Monday to Thursday, a digest covers the previous school week (the week just
 * finished); run on Friday to Sunday (e.g. "Send weekly digests now" at the end of the week), the
 * current week up to yesterday. The send key is the covered week's Monday, so clicking again never
 * resends.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { digestEmails } from '../../core/email/digests';
import { sendMails, MailOutcome } from '../../gas/mail';
import { tabLinks } from '../../gas/links';
import { loadTabs } from '../load';
import { loadQaContext, QaContext } from './context';
import { buildDigestInput, digestWeek } from './digestInput';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export { digestWeek };

export interface DigestResult {
  asOf: IsoDate;
  weekStart: IsoDate;
  recipients: number;
  mail: MailOutcome;
  problems: string[];
}

export function weeklyDigestsJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, shared?: QaContext): DigestResult {
  const ctx = shared || loadQaContext(ss, settings, asOf, ['Homework Log', 'Homework Set']);
  const problems = ctx.problems.slice();
  let log = ctx.data['Homework Log'];
  let set = ctx.data['Homework Set'];
  if (!log || !set) {
    const more = loadTabs(ss, ['Homework Log', 'Homework Set'], settings);
    log = more.data['Homework Log'] || [];
    set = more.data['Homework Set'] || [];
    problems.push(...more.problems);
  }
  const link = tabLinks(ss);
  const legal = link('Legal');
  const input = buildDigestInput(ctx, {
    log,
    set,
    hasLegal: legal !== '',
    links: { attendance: link('Attendance'), dashboard: link('Dashboard'), homework: link('Homework Tracker'), qaCalendar: link('QA Calendar'), legal },
  });
  const { emails, problems: planProblems } = digestEmails(input, { staff: ctx.staff, settings, pupils: ctx.pupils });
  problems.push(...planProblems);
  const mail = sendMails(ss, emails, { settings, staff: ctx.staff, pupils: ctx.pupils, asOf });
  problems.push(...mail.problems);
  return { asOf, weekStart: input.week.start, recipients: emails.length, mail, problems };
}
