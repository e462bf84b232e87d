/**
 * Save a mail recorded by the local MailApp as an RFC 5322 .eml file, built by nodemailer's
 * MailComposer: text and HTML as multipart/alternative, attachments as further MIME parts.
 * The Date header is the add-on's clock at sending time, so a run's output is reproducible
 * except for MIME boundaries and Message-ID.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SentMail } from '../services/mail';

export function emlBuffer(mail: SentMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.name ? { name: mail.name, address: mail.from } : mail.from,
    to: mail.to,
    cc: mail.cc.length ? mail.cc : undefined,
    bcc: mail.bcc.length ? mail.bcc : undefined,
    replyTo: mail.replyTo ?? undefined,
    subject: mail.subject,
    text: mail.body,
    html: mail.htmlBody ?? undefined,
    date: mail.date,
    attachments: mail.attachments.map((a) => ({ filename: a.name, contentType: a.contentType, content: a.data })),
  });
  // Keep Bcc in the saved file: it records who was sent the mail (a real send would drop it).
  const node = composer.compile();
  node.keepBcc = true;
  return new Promise((resolve, reject) => node.build((err, msg) => (err ? reject(err) : resolve(msg))));
}

export async function saveEml(mail: SentMail, path: string): Promise<void> {
  const buf = await emlBuffer(mail);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, buf);
}
