/**
 * Safe staff e-mails, as data for gas/ to send. Three guards, because an e-mail cannot be
 * recalled (plus the size budget of layout.ts and the sender/reply-to of docs/emails.md):
 *  - recipients only from the Staff tab, and only in the school's allowed domains (a typo in a
 *    sheet must not mail pupil data to a personal address): anything else is refused and reported;
 *  - subjects carry no pupil names, UPNs or SEN/EAL/PP words (subjects show on lock screens and
 *    in notification previews): checkSubject throws;
 *  - every value is HTML-escaped (render.ts).
 */
import { Settings } from '../settings';
import { Pupil, StaffMember } from '../types';
import { Block, blocksToHtml, blocksToText, escapeHtml, wrapHtml } from './render';
import { EmailAttachment, layoutEmail } from './layout';

export { escapeHtml };
export type { EmailAttachment };

export interface StaffEmail {
  to: string[];
  subject: string;
  htmlBody: string;
  body: string; // plain text part
  attachments?: EmailAttachment[];
  /** Recorded by the job before sending: the same key is never sent twice. */
  sendKey: string;
  /** The sender's display name ("Pastoral Tracker — Hillside Academy"). */
  name?: string;
  /** Where replies go: staff in the school's domains who own the task or the subject. */
  replyTo?: string[];
  /** Google Workspace only: send from a no-reply address (the school's setting). */
  noReply?: boolean;
  /**
   * The body as one section of a bigger message (set by composeEmail): its title, its HTML and
   * text without the title, the "replies go to" line and the footer, and a few words for a subject
   * ("QA 1 to do, 1 overdue"). The morning run merges one person's messages with it (oneMessage.ts).
   */
  section?: EmailSection;
  /**
   * The send keys of the messages merged into this one (oneMessage.ts): the Mail Log records each,
   * so a re-run recognises every part as sent whatever else it is merged with that time.
   */
  parts?: string[];
}

export interface EmailSection {
  title: string;
  html: string;
  text: string;
  label: string;
  /** "Good morning Evie,": a merged message opens with it once, above its sections. */
  greeting?: string;
}

/** "Pastoral Tracker — Hillside Academy", or the school's own sender name. */
export function senderName(settings: Settings): string {
  const own = String(settings.email.senderName || '').replace(/[\r\n"<>]+/g, ' ').trim();
  if (own) return own;
  const school = String(settings.school.name || '').replace(/[\r\n"<>]+/g, ' ').trim();
  return school ? `Pastoral Tracker — ${school}` : 'Pastoral Tracker';
}

export interface Refusal {
  address: string;
  reason: string;
}

/** Splits "a@x; b@x, c@x" and trims. */
export function splitAddresses(list: string | string[]): string[] {
  const parts = Array.isArray(list) ? list : [list];
  const out: string[] = [];
  for (const p of parts) for (const a of String(p || '').split(/[;,\s]+/)) if (a.trim()) out.push(a.trim());
  return out;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

/**
 * Which addresses may be mailed: each must be a Staff tab e-mail and in an allowed domain
 * (exactly, not a look-alike like school.sch.uk.evil.com).
 */
export function checkRecipients(addresses: string[], staff: StaffMember[], settings: Settings): { allowed: string[]; refused: Refusal[] } {
  const allowed: string[] = [];
  const refused: Refusal[] = [];
  const domains = settings.school.allowedDomains.map((d) => d.trim().toLowerCase().replace(/^@/, ''));
  for (const raw of addresses) {
    const address = raw.trim();
    const lower = address.toLowerCase();
    if (!/^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/.test(address)) {
      refused.push({ address, reason: `"${address}" is not an e-mail address` });
      continue;
    }
    const member = staff.find((m) => String(m.email || '').trim().toLowerCase() === lower);
    if (!member) {
      refused.push({ address, reason: `${address} is not on the Staff tab` });
      continue;
    }
    if (domains.length === 0) {
      refused.push({ address, reason: `no allowed e-mail domains are set (Settings: school e-mail domains), so ${address} was not sent to` });
      continue;
    }
    if (domains.indexOf(domainOf(lower)) < 0) {
      refused.push({ address, reason: `${address} (Staff tab, ${member.name}) is outside the allowed domains (${domains.join(', ')})` });
      continue;
    }
    if (allowed.every((a) => a.toLowerCase() !== lower)) allowed.push(address);
  }
  return { allowed, refused };
}

// Whole words in capitals only: "send" and "pp." in ordinary subjects are not SEND or PP.
const ACRONYMS = ['SEN', 'SEND', 'EAL', 'PP', 'EHCP', 'EHC', 'SENK', 'FSM'];
const PHRASES = ['pupil premium', 'special educational needs', 'english as an additional language', 'education health and care', 'free school meals'];

function normaliseSpaces(s: string): string {
  return s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordIn(haystack: string, word: string, flags: string): boolean {
  if (!word) return false;
  return new RegExp(`(^|[^A-Za-z0-9\\u00C0-\\u024F])${escapeRe(word)}($|[^A-Za-z0-9\\u00C0-\\u024F])`, flags).test(haystack);
}

/**
 * Throws if the subject names a pupil (forename + surname, surname alone, UPN) or carries an
 * SEN/SEND/EAL/PP/EHCP/Pupil Premium word. The message says what matched so the code can be fixed.
 */
export function checkSubject(subject: string, pupils: Pupil[]): void {
  const s = normaliseSpaces(String(subject || ''));
  for (const a of ACRONYMS) {
    if (wordIn(s, a, '')) throw new Error(`E-mail subject "${s}" contains "${a}": subjects must not carry SEN, EAL or PP words.`);
  }
  for (const p of PHRASES) {
    if (s.toLowerCase().indexOf(p) >= 0) throw new Error(`E-mail subject "${s}" contains "${p}": subjects must not carry SEN, EAL or PP words.`);
  }
  const lower = s.toLowerCase();
  const upper = s.toUpperCase();
  for (const p of pupils) {
    const fore = normaliseSpaces(p.forename || '');
    const sur = normaliseSpaces(p.surname || '');
    const upn = String(p.upn || '').trim();
    if (upn && lower.indexOf(upn.toLowerCase()) >= 0) throw new Error(`E-mail subject "${s}" contains a pupil's UPN: subjects must not identify pupils.`);
    // Neither the name nor the surname can match where the surname is not even in the subject: the
    // two regular expressions per pupil were seconds of a 2,000-pupil morning run.
    if (sur && upper.indexOf(sur.toUpperCase()) < 0) continue;
    if (fore && sur && wordIn(s, `${fore} ${sur}`, 'i')) throw new Error(`E-mail subject "${s}" contains a pupil's name: subjects must not identify pupils.`);
    if (sur && wordIn(s, sur, 'i')) throw new Error(`E-mail subject "${s}" contains a pupil's surname ("${sur}"): subjects must not identify pupils.`);
  }
}

export interface ComposeInput {
  to: string[];
  subject: string;
  title: string; // the heading at the top of the body
  blocks: Block[];
  attachments?: EmailAttachment[];
  sendKey: string;
  /** Who replies should reach (checked like recipients; the recipients themselves are left out). */
  replyTo?: string[];
  /** yyyy-mm-dd for the names of files made from long tables. */
  fileDate?: string;
  /** End the body with "Replies to this e-mail go to …" (the Reply-To as checked, by name). */
  replyNote?: boolean;
  /** A few words for a merged message's subject (default: the subject). */
  label?: string;
  /** The body's first line ("Good morning Evie,"), kept apart from the section for merging. */
  greeting?: string;
}

export interface ComposeContext {
  staff: StaffMember[];
  settings: Settings;
  pupils: Pupil[]; // for the subject check
}

/**
 * One e-mail, or null when no recipient is allowed. Refused recipients come back as problems;
 * an unsafe subject throws (that is a bug in the code that built it, not something to send).
 */
export function composeEmail(input: ComposeInput, ctx: ComposeContext): { email: StaffEmail | null; problems: string[] } {
  checkSubject(input.subject, ctx.pupils);
  const { allowed, refused } = checkRecipients(input.to, ctx.staff, ctx.settings);
  const problems = refused.map((r) => `Not sent "${input.subject}": ${r.reason}.`);
  if (allowed.length === 0) return { email: null, problems };
  const settings = ctx.settings;
  const footer = emailFooter(settings);
  let reply: string[] = [];
  if (!settings.email.noReply) {
    const mine = allowed.map((a) => a.toLowerCase());
    reply = checkRecipients((input.replyTo || []).filter((a) => mine.indexOf(String(a).trim().toLowerCase()) < 0), ctx.staff, settings).allowed;
  }
  // The "replies go to" line is the body's last block, outside the section (a merged message
  // writes one line for its own Reply-To).
  const note = input.replyNote ? replyNote(reply, ctx.staff) : null;
  const hello: Block | null = input.greeting ? { type: 'paragraph', text: input.greeting } : null;
  const none: Block[] = [];
  const render = (blocks: Block[]) => ({
    html: wrapHtml(input.title, blocksToHtml(blocks), footer),
    text: `${input.title}\n\n${blocksToText(blocks)}\n${footer}\n`,
  });
  const all = none.concat(hello ? [hello] : [], input.blocks, note ? [note] : []);
  const laid = layoutEmail(all, input.attachments || [], { inlineRows: settings.email.inlineRows, maxBytes: settings.email.maxBodyKb * 1000, fileDate: input.fileDate }, render);
  const own = laid.blocks.filter((b) => b !== note && b !== hello);
  const email: StaffEmail = {
    to: allowed,
    subject: input.subject,
    htmlBody: laid.html,
    body: laid.text,
    sendKey: input.sendKey,
    name: senderName(settings),
    section: { title: input.title, html: blocksToHtml(own), text: blocksToText(own), label: input.label || input.subject },
  };
  if (input.greeting) email.section!.greeting = input.greeting;
  if (laid.attachments.length) email.attachments = laid.attachments;
  if (settings.email.noReply) email.noReply = true;
  else if (reply.length) email.replyTo = reply;
  return { email, problems };
}

/** The last line of every staff e-mail: who sent it, and that it holds pupil information. */
export function emailFooter(settings: Settings): string {
  return `Sent by Pastoral Tracker for ${settings.school.name}. This e-mail holds pupil information: do not forward it outside school.`;
}

/** "Replies to this e-mail go to Hana Ten, Sam Lee." (null when replies go nowhere in particular). */
export function replyNote(replyTo: string[], staff: StaffMember[]): Block | null {
  if (!replyTo.length) return null;
  const names = replyTo.map((e) => {
    const m = staff.find((s) => String(s.email || '').trim().toLowerCase() === e.toLowerCase());
    return m ? m.name : e;
  });
  return { type: 'note', text: `Replies to this e-mail go to ${names.join(', ')}.` };
}
