/**
 * The only code that sends e-mail (SPEC §6, issue 7). An e-mail cannot be recalled, so every
 * message passes the same guards here, whatever job built it:
 *  - the subject is checked again (no pupil names, UPNs, SEN/EAL/PP words): a bad one is refused;
 *  - recipients must be on the Staff tab and in the school's allowed domains (core checkRecipients);
 *  - the remaining daily quota is read once, first; what does not fit is deferred (not attempted)
 *    and sent by the next run;
 *  - in test mode everything goes to the person running the add-on (the trigger's installer),
 *    with the intended recipients written at the top of the body;
 *  - never twice for the same run, even after a crash: each message has a sendKey (run, date,
 *    recipient) recorded in the hidden "Mail Log" tab.
 *
 * Ordering (why a crash cannot resend): for each message we
 *   1. append its row with status "Sending"  (the claim),
 *   1b. SpreadsheetApp.flush() — Sheets buffers writes until flush() or the end of the execution
 *       (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()), so an
 *       unflushed claim could be lost with a killed execution after the e-mail went (issue 15 §4),
 *   2. call MailApp.sendEmail,
 *   3. set the row's status to "Sent" (flushed with the next claim, or at the end).
 * A crash before 1b leaves no row: the re-run sends it. A crash between 2 and 3 leaves "Sending":
 * the message was probably sent, so the re-run does NOT send it again and reports it ("check it
 * arrived"). At most once, never twice. The log holds staff addresses and subjects only — never
 * pupil data.
 *
 * One message that cannot be sent never stops the rest (issue 15 §3): Google refuses a message
 * over its size limits ("Limit Exceeded: Email Body Size." — 200 KB on consumer accounts, 400 KB
 * on Workspace), a malformed address, or fails for a moment ("Service error"). A momentary failure
 * is tried once more; then the message is marked "Failed" in the Mail Log with the reason (no
 * pupil data: Google's message, not the e-mail), reported, and the run carries on with the next.
 * A Failed message is tried again by the next run with the same send key. Only the daily quota
 * stops sending: what is left is deferred to the next run.
 *
 * Parent letters (`{ audience: 'parents' }`, issue 6 §3) take the same path with one difference:
 * the recipient check. A parent is not on the Staff tab, so instead each address must be exactly a
 * Parent Email on file for the pupil the letter is about (the e-mail's `upn`) — core
 * checkParentRecipients. The Mail Log row then says "parent/carer" rather than the address, so
 * the log still holds no family's data; the send key (run and letter number) ties it to the run.
 */
import { IsoDate } from '../core/dates';
import { Settings } from '../core/settings';
import { Pupil, StaffMember } from '../core/types';
import { checkRecipients, checkSubject, StaffEmail } from '../core/email/compose';
import { checkParentRecipients } from '../core/email/parentLetter';
import { toCell } from './cells';
import { MAIL_LOG_HEADER, MailStatus, mailLogKey, mailLogSheet, readLog, setStatus } from './mailLog';
import { mailOptions, trySend } from './mailSend';
import { currentUser } from './session';
import { UserError } from '../core/errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface MailContext {
  settings: Settings;
  staff: StaffMember[];
  /** For the subject check. */
  pupils: Pupil[];
  asOf: IsoDate;
}

export interface SentMail {
  sendKey: string;
  to: string[]; // the intended recipients
  subject: string;
  /** In test mode: where it actually went. */
  redirectedTo?: string;
}

export interface MailOutcome {
  /** One entry per send key: a merged message's parts each have their own (same subject and recipients). */
  sent: SentMail[];
  /** Messages that went (a merged message is one, however many parts it carries). */
  messages: number;
  /** Already sent by an earlier run (Mail Log says Sent). */
  alreadySent: string[];
  /** Interrupted between sending and logging: probably sent, not resent. */
  uncertain: string[];
  /** Not attempted: the daily quota ran out. Sent by the next run. */
  deferred: SentMail[];
  /** Google refused or failed these (too large, a bad address, a failure twice): not sent, logged Failed. */
  failed: Array<SentMail & { reason: string }>;
  refused: { subject: string; address: string; reason: string }[];
  problems: string[];
  quotaAtStart: number;
}

/** A letter e-mailed to a parent: which pupil it is about, and the letter as a file (a PDF). */
export interface ParentLetterEmail extends StaffEmail {
  upn: string;
  files?: GoogleAppsScript.Base.BlobSource[];
}

export interface SendOptions {
  /** 'staff' (default): Staff tab and school domains. 'parents': each e-mail a ParentLetterEmail, to that pupil's Parent Email on file. */
  audience?: 'staff' | 'parents';
  /**
   * Merge the messages still to send into fewer (the morning run's one message per person,
   * core/email/oneMessage.ts). Applied after the Mail Log has set aside every message already
   * Sent or left Sending, so a part an earlier run delivered is never sent again inside a merged
   * one; each merged message lists its parts' send keys (`parts`), each claimed and recorded.
   */
  merge?: (fresh: StaffEmail[]) => StaffEmail[];
}

/** What the Mail Log's To column says for a parent letter (never the family's address). */
export const PARENT_TO = 'parent/carer (Students tab)';

/** Send `emails` through every guard. Throws (after logging) when a send fails unexpectedly. */
export function sendMails(ss: Spreadsheet, emails: StaffEmail[], ctx: MailContext, opts: SendOptions = {}): MailOutcome {
  const out: MailOutcome = { sent: [], messages: 0, alreadySent: [], uncertain: [], deferred: [], failed: [], refused: [], problems: [], quotaAtStart: 0 };
  const testMode = ctx.settings.testMode;
  const parents = opts.audience === 'parents';
  const byUpn = new Map<string, Pupil>();
  if (parents) for (const p of ctx.pupils) byUpn.set(String(p.upn).trim().toUpperCase(), p);
  const whom = (to: string[]) => (parents ? 'the parent/carer' : to.join(', '));
  // The guards, for each message as built and again for each merged one (a new subject).
  const guard = (email: StaffEmail): string[] => {
    try {
      checkSubject(email.subject, ctx.pupils);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      out.refused.push({ subject: '(withheld)', address: email.to.join(', '), reason });
      out.problems.push(`Not sent (unsafe subject): ${reason.replace(/"[^"]*"/, '(subject withheld)')}`);
      return [];
    }
    const { allowed, refused } = parents
      ? checkParentRecipients(email.to, byUpn.get(String((email as ParentLetterEmail).upn || '').trim().toUpperCase()) || null)
      : checkRecipients(email.to, ctx.staff, ctx.settings);
    for (const r of refused) {
      out.refused.push({ subject: email.subject, address: r.address, reason: r.reason });
      out.problems.push(parents ? `Not sent "${email.subject}" to a parent/carer: ${r.reason}.` : `Not sent "${email.subject}" to ${r.address}: ${r.reason}.`);
    }
    return allowed;
  };
  let ready: StaffEmail[] = [];
  for (const email of emails) {
    const allowed = guard(email);
    if (allowed.length) ready.push(allowed.length === email.to.length ? email : { ...email, to: allowed });
  }
  if (ready.length === 0) return out;

  const sheet = mailLogSheet(ss);
  const log = readLog(sheet);
  let nextRow = log.lastRow + 1;
  // Each part's own Mail Log row decides, BEFORE any merging: what an earlier run sent (or was
  // sending when it stopped) is reported as such and never rides along in a merged message.
  const fresh: StaffEmail[] = [];
  for (const email of ready) {
    const keys = partKeys(email);
    const status = (k: string) => (log.rows.get(mailLogKey(k, testMode)) || { status: '' }).status;
    const sent = keys.filter((k) => status(k) === 'Sent');
    const sending = keys.filter((k) => status(k) === 'Sending');
    out.alreadySent.push(...sent);
    out.uncertain.push(...sending);
    if (sending.length) out.problems.push(`"${email.subject}" to ${whom(email.to)} may have been sent by an interrupted run (Mail Log says Sending): not sent again — check it arrived.`);
    if (sent.length + sending.length === 0) fresh.push(email);
    else if (sent.length + sending.length < keys.length) {
      // A merged message of which an earlier run delivered only some parts cannot be taken apart
      // here: that is a mistake in the caller (merge after this check, through opts.merge).
      throw new Error(`Mail: a merged message holds parts already sent (${sent.concat(sending).join(', ')}): merge through sendMails' merge option.`);
    }
  }
  if (opts.merge) {
    ready = [];
    for (const email of opts.merge(fresh)) {
      const allowed = guard(email);
      if (allowed.length) ready.push(allowed.length === email.to.length ? email : { ...email, to: allowed });
    }
  } else ready = fresh;
  if (ready.length === 0) return out;

  let quota = MailApp.getRemainingDailyQuota();
  out.quotaAtStart = quota;
  const me = testMode ? currentUser() : '';
  if (testMode && !me) throw new UserError('Test mode is on but the add-on cannot tell who you are, so it cannot send the test e-mails to you. Turn test mode off or run it yourself.');

  for (const email of ready) {
    const to = email.to;
    const keys = partKeys(email);
    const records: SentMail[] = keys.map((sendKey) => ({ sendKey, to, subject: email.subject }));
    // The same send key twice in one batch: the first went (or is going) in this run.
    if (keys.some((k) => (log.rows.get(mailLogKey(k, testMode)) || { status: '' }).status === 'Sent')) {
      out.alreadySent.push(...keys);
      continue;
    }
    const recipients = testMode ? [me] : to;
    if (recipients.length > quota) {
      out.deferred.push(...records);
      continue;
    }
    // 1. claim every part, and make the claims land before the e-mail goes
    const rows: number[] = [];
    const newRows: unknown[][] = [];
    for (const k of keys) {
      const key = mailLogKey(k, testMode);
      const have = log.rows.get(key);
      if (have) {
        rows.push(have.row);
        setStatus(sheet, have.row, 'Sending');
      } else {
        rows.push(nextRow);
        newRows.push([key, toCell(ctx.asOf, 'date'), toCell(parents ? PARENT_TO : to.join(', '), 'text'), toCell(email.subject, 'text'), 'Sending', '']);
        nextRow++;
      }
      log.rows.set(key, { row: rows[rows.length - 1], status: 'Sending' });
    }
    // One message's new rows in one write: its claims land together or not at all.
    if (newRows.length === 1) sheet.appendRow(newRows[0]);
    else if (newRows.length) sheet.getRange(nextRow - newRows.length, 1, newRows.length, MAIL_LOG_HEADER.length).setValues(newRows);
    try {
      SpreadsheetApp.flush();
    } catch (e) {
      // One retry: a transient failure here would otherwise leave a claim for an e-mail never sent
      // (an interrupted claim reads as "probably sent" and is not sent again). A second ends the run.
      SpreadsheetApp.flush();
    }
    const mark = (status: MailStatus, problem?: string) => {
      for (let i = 0; i < keys.length; i++) {
        setStatus(sheet, rows[i], status, problem);
        log.rows.set(mailLogKey(keys[i], testMode), { row: rows[i], status });
      }
    };
    // 2. send
    const problem = trySend(mailOptions(email, recipients, testMode ? to : null));
    if (problem === 'quota') {
      mark('Deferred');
      quota = 0;
      out.deferred.push(...records);
      continue;
    }
    if (problem) {
      mark('Failed', problem);
      out.failed.push(...records.map((r) => ({ ...r, reason: problem })));
      out.problems.push(`Not sent "${email.subject}" to ${whom(to)}: ${problem} It is tried again by the next run; the Mail Log says Failed.`);
      continue;
    }
    quota -= recipients.length;
    out.messages++;
    // 3. record
    try {
      mark('Sent');
    } catch (e) {
      mark('Sent'); // one retry: a transient service error; a second failure ends the run
    }
    for (const r of records) {
      if (testMode) r.redirectedTo = me;
      out.sent.push(r);
    }
  }
  if (out.deferred.length) {
    out.problems.push(`${out.deferred.length} e-mail(s) deferred: the daily e-mail quota ran out (${out.quotaAtStart} left at the start). They are sent by the next run.`);
  }
  return out;
}

/** The send keys a message is recorded under: its parts' when it is a merged message. */
function partKeys(email: StaffEmail): string[] {
  return email.parts && email.parts.length ? email.parts : [email.sendKey];
}
