/**
 * Local MailApp (developers.google.com/apps-script/reference/mail/mail-app). Mail is recorded in
 * `_sent`, not sent. The daily quota counts recipients, not messages: "Quotas are based on the
 * number of email recipients" (getRemainingDailyQuota), so to + cc + bcc each cost 1. Default
 * 1,500 a day — Google Workspace accounts, which schools use (developers.google.com/apps-script/
 * guides/services/quotas: "Email recipients per day: 100 consumer / 1,500 Workspace").
 *
 * Per-message limits, from the same page's "Current limitations" table (consumer / Workspace):
 * email body size 200 KB / 400 KB; attachments 250 per message; total attachments size 25 MB;
 * recipients per message 50. Over them Apps Script throws "Limit Exceeded: Email Body Size." and
 * the like — the wording of the exception messages the page lists ("Limit exceeded: Email
 * Attachments Per Message.") and that scripts report.
 *
 * Which body limit: the CONSUMER 200 KB by default, although the daily quota is Workspace's. A
 * message that fits 200 KB fits every account; a school may run the add-on from any account,
 * and the add-on cannot ask which kind it has. `_setAccount('workspace')` gives 400 KB.
 * What counts as the body is not documented: we count the UTF-8 bytes of the plain body and the
 * HTML body together, and take KB as 1,000 bytes — the stricter reading on both counts.
 */
import type { LocalEnv } from './env';
import { QUOTA_ERROR } from './env';
import { toLocalBlob } from './blob';
import { sharedState } from './shared';

export interface SentAttachment {
  name: string;
  contentType: string;
  data: Buffer;
}

export interface SentMail {
  from: string;
  name: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  subject: string;
  body: string;
  htmlBody: string | null;
  attachments: SentAttachment[];
  date: Date;
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: Record<string, unknown>;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export const LIMITS = {
  consumer: { bodyBytes: 200 * 1000 },
  workspace: { bodyBytes: 400 * 1000 },
  attachmentsPerMessage: 250,
  attachmentBytes: 25 * 1000 * 1000,
  recipientsPerMessage: 50,
};
export const BODY_SIZE_ERROR = 'Exception: Limit Exceeded: Email Body Size.';
export const ATTACHMENTS_ERROR = 'Exception: Limit exceeded: Email Attachments Per Message.';
export const ATTACHMENT_SIZE_ERROR = 'Exception: Limit Exceeded: Email Total Attachments Size.';
export const RECIPIENTS_ERROR = 'Exception: Limit Exceeded: Email Recipients Per Message.';

/** Bytes of a message's body as counted against the limit (plain + HTML, UTF-8). */
export function bodyBytes(body: string, htmlBody: string | null | undefined): number {
  return Buffer.byteLength(String(body ?? ''), 'utf8') + Buffer.byteLength(String(htmlBody ?? ''), 'utf8');
}

function addresses(list: string | undefined): string[] {
  return String(list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export class LocalMailApp {
  /** Every message "sent", in order. */
  readonly _sent: SentMail[] = [];
  private remaining = 1500;
  private account: 'consumer' | 'workspace' = 'consumer';

  constructor(private readonly env: LocalEnv) {}

  getRemainingDailyQuota(): number {
    return this.remaining;
  }

  sendEmail(...args: unknown[]): void {
    let m: MailOptions;
    if (typeof args[0] === 'object' && args[0] !== null) m = { ...(args[0] as MailOptions) };
    else if (args.length === 4 && typeof args[3] === 'string') {
      // sendEmail(to, replyTo, subject, body)
      m = { to: args[0] as string, replyTo: args[1] as string, subject: args[2] as string, body: args[3] as string };
    } else {
      m = { ...((args[3] as MailOptions) ?? {}), to: args[0] as string, subject: args[1] as string, body: args[2] as string };
    }
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw new Error('Exception: Failed to send email: no recipient');
    for (const a of all) if (!EMAIL.test(a)) throw new Error(`Exception: Invalid email: ${a}`);
    if (all.length > LIMITS.recipientsPerMessage) throw new Error(RECIPIENTS_ERROR);
    if (all.length > this.remaining) throw new Error(QUOTA_ERROR);
    if (bodyBytes(String(m.body ?? ''), m.htmlBody) > LIMITS[this.account].bodyBytes) throw new Error(BODY_SIZE_ERROR);
    if ((m.attachments ?? []).length > LIMITS.attachmentsPerMessage) throw new Error(ATTACHMENTS_ERROR);
    const attachments = (m.attachments ?? []).map((a) => {
      const b = toLocalBlob(a);
      return { name: b.getName() ?? 'attachment', contentType: b.getContentType() ?? 'application/octet-stream', data: Buffer.from(b._buffer()) };
    });
    if (attachments.reduce((n, a) => n + a.data.length, 0) > LIMITS.attachmentBytes) throw new Error(ATTACHMENT_SIZE_ERROR);
    this.remaining -= all.length;
    this._sent.push({
      from: sharedState(this.env).user,
      name: m.noReply ? null : m.name ?? null,
      to,
      cc,
      bcc,
      replyTo: m.replyTo ?? null,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      htmlBody: m.htmlBody ?? null,
      attachments,
      date: new Date(this.env.now.getTime()),
    });
  }

  /** Local only: the account's kind decides the body limit (consumer 200 KB, Workspace 400 KB). */
  _setAccount(kind: 'consumer' | 'workspace'): void {
    this.account = kind;
  }
  /** Local only: the body limit now in force, in bytes. */
  _bodyLimit(): number {
    return LIMITS[this.account].bodyBytes;
  }

  /** Local only: set what getRemainingDailyQuota() reports (and what sending may use). */
  _setQuota(n: number): void {
    this.remaining = n;
  }
}

export function createMailApp(env: LocalEnv): GoogleAppsScript.Mail.MailApp {
  return env.counted(new LocalMailApp(env), 'MailApp') as unknown as GoogleAppsScript.Mail.MailApp;
}
