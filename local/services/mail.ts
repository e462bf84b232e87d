/**
 * Local MailApp (developers.google.com/apps-script/reference/mail/mail-app). Mail is recorded in
 * `_sent`, not sent. The daily quota counts recipients, not messages: "Quotas are based on the
 * number of email recipients" (getRemainingDailyQuota), so to + cc + bcc each cost 1. Default
 * 1,500 a day — Google Workspace accounts, which schools use (developers.google.com/apps-script/
 * guides/services/quotas: "Email recipients per day: 100 consumer / 1,500 Workspace").
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

function addresses(list: string | undefined): string[] {
  return String(list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export class LocalMailApp {
  /** Every message "sent", in order. */
  readonly _sent: SentMail[] = [];
  private remaining = 1500;

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
    if (all.length > this.remaining) throw new Error(QUOTA_ERROR);
    const attachments = (m.attachments ?? []).map((a) => {
      const b = toLocalBlob(a);
      return { name: b.getName() ?? 'attachment', contentType: b.getContentType() ?? 'application/octet-stream', data: Buffer.from(b._buffer()) };
    });
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

  /** Local only: set what getRemainingDailyQuota() reports (and what sending may use). */
  _setQuota(n: number): void {
    this.remaining = n;
  }
}

export function createMailApp(env: LocalEnv): GoogleAppsScript.Mail.MailApp {
  return env.counted(new LocalMailApp(env), 'MailApp') as unknown as GoogleAppsScript.Mail.MailApp;
}
