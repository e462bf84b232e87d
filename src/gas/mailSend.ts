/**
 * One message through MailApp: the options Google is asked to send (sender name, reply-to or
 * noReply, attachments, the test-mode banner) and what its refusals mean for a member of staff.
 * Only gas/mail.ts calls these, after the Mail Log has claimed the message.
 */
import { escapeHtml, StaffEmail } from '../core/email/compose';
import type { ParentLetterEmail } from './mail';

/** The sender's name when a message does not set its own (composeEmail names the school). */
export const SENDER_NAME = 'Pastoral Tracker';

/** Daily quota: the rest of the run's e-mail waits for tomorrow. */
const QUOTA = /too many times|quota/i;
/** Google refuses this message itself: sending it again cannot help. */
const REFUSED = /limit exceeded|invalid email|invalid argument|argument too large/i;

/**
 * Sends one message. '' when it went; 'quota' when the day's quota is spent; otherwise why it
 * was not sent. A momentary failure (anything not a quota or a refusal) is tried once more.
 */
export function trySend(options: GoogleAppsScript.Mail.MailAdvancedParameters): string {
  for (let attempt = 1; ; attempt++) {
    try {
      MailApp.sendEmail(options);
      return '';
    } catch (e) {
      const m = String(e instanceof Error ? e.message : e).replace(/^Exception:\s*/, '').trim();
      if (QUOTA.test(m)) return 'quota';
      if (REFUSED.test(m) || attempt >= 2) return reasonFor(m);
    }
  }
}

/** Google's message in words a member of staff can act on (no pupil data: it names no e-mail content). */
function reasonFor(message: string): string {
  if (/body size/i.test(message)) return `Google refused it as too large (${message}: at most 200 KB of text on a personal Google account, 400 KB on a school Workspace account).`;
  if (/attachments/i.test(message)) return `Google refused its attachments (${message}: at most 250 files and 25 MB).`;
  if (/recipients per message/i.test(message)) return `Google refused it (${message}: at most 50 recipients in one e-mail).`;
  return `Google did not send it (${message}).`;
}

export function mailOptions(email: StaffEmail, recipients: string[], intended: string[] | null): GoogleAppsScript.Mail.MailAdvancedParameters & { to: string; subject: string } {
  let htmlBody = email.htmlBody;
  let body = email.body;
  if (intended) {
    const note = `TEST MODE: this e-mail would have gone to ${intended.join(', ')}.`;
    body = `${note}\n\n${body}`;
    const banner = `<p style="background:#fff3cd;border:1px solid #d9a300;padding:6px;font-family:Arial,sans-serif">${escapeHtml(note)}</p>`;
    htmlBody = /<body[^>]*>/i.test(htmlBody) ? htmlBody.replace(/(<body[^>]*>)/i, `$1${banner}`) : banner + htmlBody;
  }
  const options: GoogleAppsScript.Mail.MailAdvancedParameters & { to: string; subject: string } = {
    to: recipients.join(','),
    subject: email.subject,
    htmlBody,
    body,
    name: email.name || SENDER_NAME,
  };
  // Replies reach the person who owns the task or the digest's subject (composeEmail checked them
  // like recipients); in test mode they come back to the tester. noReply is Workspace-only
  // (MailApp.sendEmail advanced parameters) and leaves no one to reply to.
  if (email.noReply) options.noReply = true;
  else if (!intended && email.replyTo && email.replyTo.length) options.replyTo = email.replyTo.join(',');
  const files: GoogleAppsScript.Base.BlobSource[] = [];
  if (email.attachments && email.attachments.length) {
    for (const a of email.attachments) files.push(Utilities.newBlob(a.csv !== undefined ? a.csv : a.text || '', a.mimeType, a.name));
  }
  for (const f of (email as ParentLetterEmail).files || []) files.push(f);
  if (files.length) options.attachments = files;
  return options;
}
