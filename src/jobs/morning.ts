/**
 * The morning trigger around the daily run (issue 15 §7):
 *  - ONE switch decides whether it runs: Settings "Morning e-mails on" (document properties).
 *    Triggers are per user — two members of staff may each have turned the morning e-mails on —
 *    but the switch is the tracker's, so turning it off stops every user's trigger at once;
 *  - every run leaves a visible status (gas/morningStatus.ts): OK with counts, Skipped, or Failed
 *    with the reason;
 *  - a failure is e-mailed to the attendance lead (Settings `triggers.failureAlertRoles`: the
 *    holders of the first of those roles anyone on the Staff tab holds), once a day, through the
 *    same guarded mail path as every e-mail. Google tells nobody when an add-on's trigger fails.
 */
import { IsoDate } from '../core/dates';
import { Settings } from '../core/settings';
import { hasRole } from '../core/homework/owners';
import { escapeHtml, StaffEmail } from '../core/email/compose';
import { StaffMember } from '../core/types';
import { sendMails } from '../gas/mail';
import { MorningStatus, recordMorningStatus } from '../gas/morningStatus';
import { DailyResult, describeDaily } from './daily';
import { loadTabs } from './load';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface MorningContext {
  asOf: IsoDate;
  /** Now, as yyyy-MM-ddTHH:mm:ss in UK time. */
  at: string;
  /** Whose trigger is running. */
  by: string;
}

/** Runs `run` unless morning e-mails are off; records the outcome; on failure alerts and rethrows. */
export function morningWithStatus(ss: Spreadsheet, settings: Settings, ctx: MorningContext, run: () => DailyResult): DailyResult | null {
  const status = (result: MorningStatus['result'], details: string): MorningStatus => ({ at: ctx.at, result, by: ctx.by, details });
  if (!settings.triggers.enabled) {
    recordMorningStatus(ss, status('Skipped', 'morning e-mails are off in Settings, so no user\'s trigger runs the morning'));
    return null;
  }
  try {
    const result = run();
    recordMorningStatus(ss, status('OK', describeDaily(result).replace(/^Pastoral Tracker daily run [\d-]+:\s*/, '')));
    return result;
  } catch (e) {
    const reason = firstLine(e);
    try {
      recordMorningStatus(ss, status('Failed', reason));
    } catch (ignored) {
      // The status could not be written (the same failure, perhaps): the e-mail still goes.
    }
    try {
      alertMorningFailure(ss, settings, ctx, reason);
    } catch (ignored) {
      // Nothing more to do from a trigger: the error is rethrown for the execution log.
    }
    throw e;
  }
}

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  const line = m.split('\n')[0].replace(/^Exception:\s*/, '').trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

/** The people told when the morning run fails (first role of the list that someone holds). */
export function failureRecipients(staff: StaffMember[], settings: Settings): string[] {
  for (const role of settings.triggers.failureAlertRoles || []) {
    const holders = staff.filter((m) => hasRole(m, role) && String(m.email || '').trim());
    if (holders.length) return holders.map((m) => m.email.trim());
  }
  return [];
}

function alertMorningFailure(ss: Spreadsheet, settings: Settings, ctx: MorningContext, reason: string): void {
  const staff = loadTabs(ss, ['Staff']).data.Staff || [];
  const to = failureRecipients(staff, settings);
  if (!to.length) return;
  const text = [
    `This morning's Pastoral Tracker run (${ctx.by ? `${ctx.by}'s trigger` : 'the morning trigger'}, ${ctx.at.replace('T', ' ')}) did not finish:`,
    '',
    reason,
    '',
    'Morning reminders, the homework tracker and the attendance review may not be up to date. The "Tracker Status" tab shows the last run;',
    'Help → Check this tracker shows the trigger. Fix what the message names; the trigger runs again tomorrow morning and sends nothing twice.',
  ].join('\n');
  const email: StaffEmail = {
    to,
    subject: 'Pastoral Tracker: this morning\'s run did not finish',
    body: text,
    htmlBody: `<div style="font-family:Arial,sans-serif;font-size:14px">${text.split('\n').map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join('')}</div>`,
    sendKey: `morning-failed|${ctx.asOf}`,
  };
  sendMails(ss, [email], { settings, staff, pupils: [], asOf: ctx.asOf });
}
