/**
 * One message per person per morning (issue 21 §1): the morning run builds a person's QA calendar
 * e-mail and their mentoring e-mail apart (each job knows its own content), and this rule merges
 * everything going to the same recipients into one message — a section per part, under its own
 * heading, in the order given (QA first), with every part's attachments.
 *
 * The merged message:
 *  - subject: "Your morning 25/01/2024: QA calendar 1 to do, 1 overdue; mentoring reminders" —
 *    the date and each part's short label (dates and counts only; mail.ts checks it again);
 *  - Reply-To: the parts' Reply-To in order (QA first: the people who own the tasks), without the
 *    recipients, at most three; mentoring e-mails name none, so a merged message's replies go where
 *    the QA part's would (docs/RULES.md, *One morning e-mail*); the body ends with one "Replies to
 *    this e-mail go to …" line for that list;
 *  - `parts`: every part's send key, so the Mail Log records each (gas/mail.ts).
 *
 * A part that would not fit joins no message: it starts the next one (in order, as many parts to
 * a message as fit). Fitting means both bodies within the school's `email.maxBodyKb` (each part was
 * laid out to fit on its own) and attachments within Google's limits for one message (250 files,
 * 25 MB — developers.google.com/apps-script/guides/services/quotas). So a person gets one message,
 * or — at a big school, on a day with a long list in each part — two, never one Google refuses.
 * A part composed without a section (not by composeEmail) is never merged.
 * Pure: no clock (the run date is a parameter), no Google services.
 */
import { IsoDate, toLongUk, toUk } from '../dates';
import { Settings } from '../settings';
import { StaffMember } from '../types';
import { groupBy } from '../collections';
import { EmailSection, emailFooter, replyNote, StaffEmail } from './compose';
import { EmailAttachment } from './layout';
import { Block, blocksToHtml, blocksToText, COLOURS, escapeHtml, utf8Bytes, wrapHtml } from './render';

/** Google's limits on one message's attachments (MailApp: 250 files, 25 MB in all). */
const MAX_FILES = 250;
const MAX_ATTACHMENT_BYTES = 25 * 1000 * 1000;
/** A merged message's Reply-To names at most this many people (as the QA e-mail's own rule). */
const MAX_REPLY_TO = 3;

export interface OneMessageContext {
  settings: Settings;
  staff: StaffMember[];
  /** The run's date: in the subject and the title. */
  asOf: IsoDate;
}

/** The messages of one run with everything for the same recipients merged (see the header). */
export function oneMessagePerPerson(emails: StaffEmail[], ctx: OneMessageContext): StaffEmail[] {
  const groups = groupBy(emails, recipientsKey);
  const out: StaffEmail[] = [];
  groups.forEach((group) => {
    // In order, as many parts to a message as fit: usually one message; two when together they
    // would pass the size budget.
    let bucket: StaffEmail[] = [];
    const close = () => {
      if (bucket.length) out.push(bucket.length === 1 ? bucket[0] : mergeParts(bucket, ctx)!);
      bucket = [];
    };
    for (const e of group) {
      if (!e.section) {
        out.push(e);
        continue;
      }
      if (bucket.length && !mergeParts(bucket.concat([e]), ctx)) close();
      bucket.push(e);
    }
    close();
  });
  return out;
}

/** The same people, whatever the order or case of their addresses. */
function recipientsKey(e: StaffEmail): string {
  return e.to.map((a) => a.trim().toLowerCase()).sort().join(',');
}

/** One message for the parts, or null when it would not fit (then they go as they are). */
export function mergeParts(parts: StaffEmail[], ctx: OneMessageContext): StaffEmail | null {
  const settings = ctx.settings;
  const to = parts[0].to;
  const mine = to.map((a) => a.toLowerCase());
  const replyTo: string[] = [];
  if (!settings.email.noReply) {
    for (const p of parts) {
      for (const r of p.replyTo || []) {
        const k = r.toLowerCase();
        if (mine.indexOf(k) < 0 && replyTo.every((x) => x.toLowerCase() !== k)) replyTo.push(r);
      }
    }
  }
  const reply = replyTo.slice(0, MAX_REPLY_TO);
  const note = replyNote(reply, ctx.staff);
  const title = `Your morning: ${toLongUk(ctx.asOf)}`;
  const { attachments, sections } = combinedAttachments(parts);
  const hello = sections.map((s) => s.greeting).filter((g) => g)[0];
  const opening: Block[] = (hello ? [{ type: 'paragraph', text: hello } as Block] : []).concat([{ type: 'paragraph', text: `In this e-mail: ${sections.map((s) => s.label).join('; ')}.` }]);
  const footer = emailFooter(settings);
  const html = wrapHtml(
    title,
    blocksToHtml(opening) + sections.map((s) => `\n${sectionHeading(s.title)}\n${s.html}`).join('') + (note ? `\n<div style="margin-top:18px;border-top:1px solid ${COLOURS.border};padding-top:4px;">${blocksToHtml([note])}</div>` : ''),
    footer,
  );
  const rule = '='.repeat(40);
  const text =
    `${title}\n\n${blocksToText(opening)}` +
    sections.map((s) => `\n${rule}\n${s.title.toUpperCase()}\n${rule}\n\n${s.text}`).join('') +
    (note ? `\n${rule}\n${blocksToText([note])}` : '') +
    `\n${footer}\n`;
  const max = settings.email.maxBodyKb * 1000;
  if (utf8Bytes(html) > max || utf8Bytes(text) > max) return null;
  if (attachments.length > MAX_FILES || attachments.reduce((n, a) => n + utf8Bytes(a.csv !== undefined ? a.csv : a.text || ''), 0) > MAX_ATTACHMENT_BYTES) return null;

  const email: StaffEmail = {
    to,
    subject: `Your morning ${toUk(ctx.asOf)}: ${sections.map((s) => s.label).join('; ')}`,
    htmlBody: html,
    body: text,
    sendKey: parts.map((p) => p.sendKey).join(' + '),
    name: parts[0].name,
    parts: ([] as string[]).concat(...parts.map((p) => p.parts || [p.sendKey])),
  };
  if (attachments.length) email.attachments = attachments;
  if (settings.email.noReply) email.noReply = true;
  else if (reply.length) email.replyTo = reply;
  return email;
}

/** A part's title as a band across the message: a level above the parts' own h2 headings. */
function sectionHeading(title: string): string {
  return (
    `<h2 style="font-size:17px;margin:26px 0 8px 0;padding:6px 10px;background:${COLOURS.headerBg};` +
    `border-left:4px solid ${COLOURS.bar};color:${COLOURS.text};">${escapeHtml(title)}</h2>`
  );
}

/**
 * Every part's files, and the parts' sections naming them: the same file twice (same name, same
 * content) travels once; two different files with one name — the later is renamed "-2", "-3", and
 * its section's "attached as …" line with it.
 */
function combinedAttachments(parts: StaffEmail[]): { attachments: EmailAttachment[]; sections: EmailSection[] } {
  const out: EmailAttachment[] = [];
  const sections: EmailSection[] = [];
  for (const p of parts) {
    let section = p.section!;
    for (const a of p.attachments || []) {
      const same = out.find((f) => f.name === a.name);
      if (same && same.csv === a.csv && same.text === a.text) continue;
      let name = a.name;
      for (let i = 2; out.some((f) => f.name === name); i++) name = a.name.replace(/(\.[a-z0-9]+)?$/i, `-${i}$1`);
      out.push({ ...a, name });
      if (name !== a.name) {
        const was = `attached as ${a.name}`;
        const now = `attached as ${name}`;
        section = { ...section, html: section.html.split(escapeHtml(was)).join(escapeHtml(now)), text: section.text.split(was).join(now) };
      }
    }
    sections.push(section);
  }
  return { attachments: out, sections };
}
