/**
 * The QA calendar's morning e-mail to one person (SPEC §6): what to do today, what to QA, what to
 * review and what to chase, each with its "checking for" text, and — for tasks that match a
 * built-in check — the evidence as tables in the body and as CSV attachments. The evidence is
 * built by the lead's jobs (coding review report, tier lists, gateway list …) and passed in here.
 */
import { toLongUk, toUk } from '../dates';
import { QaCheck } from '../qa/checks';
import { QaAction, QaItem, QaMessage } from '../qa/today';
import { composeEmail, ComposeContext, EmailAttachment, StaffEmail } from './compose';
import { Block, TableBlock, tableToCsv } from './render';

export interface EvidenceSection {
  title: string; // "Coding review: open issues"
  columns: string[];
  rows: (string | number)[][];
  /** Year groups this section is about; shown only with tasks for those years (none = all). */
  years?: number[];
  /** Links (e.g. the draft tier letters document). */
  links?: { text: string; url: string }[];
  /** Attach the table as CSV too (default true when it has rows). */
  attach?: boolean;
  note?: string;
}

export type Evidence = Partial<Record<QaCheck, EvidenceSection[]>>;

const HEADINGS: Record<QaAction, string> = {
  do: 'To do today',
  qa: 'To QA (marked done)',
  review: 'To review',
  chase: 'Overdue: please chase',
};

const ACTIONS: QaAction[] = ['do', 'qa', 'review', 'chase'];

/** The sections of evidence that go with one item (filtered to the task's year groups). */
export function evidenceFor(item: QaItem, evidence: Evidence): EvidenceSection[] {
  if (item.kind === 'none') return [];
  const all = evidence[item.kind] || [];
  return all.filter((s) => !s.years || s.years.length === 0 || item.years.length === 0 || s.years.some((y) => item.years.indexOf(y) >= 0));
}

export function morningBlocks(msg: QaMessage, evidence: Evidence): { blocks: Block[]; attachments: EmailAttachment[] } {
  const blocks: Block[] = [];
  const attachments: EmailAttachment[] = [];
  const attached: { [name: string]: boolean } = {};
  for (const action of ACTIONS) {
    const items = msg.items.filter((i) => i.action === action);
    if (items.length === 0) continue;
    blocks.push({ type: 'heading', text: HEADINGS[action] });
    for (const item of items) {
      const t = item.task;
      blocks.push({ type: 'paragraph', text: `${toUk(t.date)}: ${t.task}` });
      const facts: string[] = [];
      if (t.checkingFor) facts.push(`Checking for: ${t.checkingFor}`);
      if (t.followUpBy) facts.push(`Follow up with staff by: ${t.followUpBy}`);
      if (t.reviewBy) facts.push(`Review system by: ${t.reviewBy}`);
      if (t.ownerChain.length) facts.push(`Owner chain: ${t.ownerChain.join(' > ')}`);
      if (item.reason) facts.push(item.reason);
      if (item.waitingOn.length) facts.push(`With: ${item.waitingOn.join(', ')}`);
      blocks.push({ type: 'list', items: facts });
      for (const sec of evidenceFor(item, evidence)) {
        const table: TableBlock = { type: 'table', title: sec.title, columns: sec.columns, rows: sec.rows, empty: 'Nothing to show today.' };
        blocks.push(table);
        if (sec.note) blocks.push({ type: 'paragraph', text: sec.note });
        for (const l of sec.links || []) blocks.push({ type: 'link', text: l.text, url: l.url });
        const name = csvName(sec.title, msg.date);
        if (sec.attach !== false && sec.rows.length && !attached[name]) {
          attached[name] = true;
          attachments.push({ name, mimeType: 'text/csv', csv: tableToCsv(sec) });
        }
      }
    }
  }
  blocks.push({ type: 'paragraph', text: 'Mark a task Done on the QA Calendar tab when it is finished; the next person in the chain is then asked to QA it.' });
  return { blocks, attachments };
}

function csvName(title: string, date: string): string {
  return `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${date}.csv`;
}

/** The subject names only the date and the counts: never a pupil or a task's evidence. */
export function morningSubject(msg: QaMessage): string {
  const n = (a: QaAction) => msg.items.filter((i) => i.action === a).length;
  const parts: string[] = [];
  if (n('do')) parts.push(`${n('do')} to do`);
  if (n('qa')) parts.push(`${n('qa')} to QA`);
  if (n('review')) parts.push(`${n('review')} to review`);
  if (n('chase')) parts.push(`${n('chase')} overdue`);
  return `QA calendar ${toUk(msg.date)}: ${parts.join(', ')}`;
}

/** The morning e-mail for one planned message (today.ts), through the compose guards. */
export function morningEmail(msg: QaMessage, evidence: Evidence, ctx: ComposeContext): { email: StaffEmail | null; problems: string[] } {
  const { blocks, attachments } = morningBlocks(msg, evidence);
  return composeEmail(
    {
      to: [msg.to],
      subject: morningSubject(msg),
      title: `QA calendar for ${toLongUk(msg.date)}`,
      blocks: [{ type: 'paragraph', text: `Good morning ${msg.name},` } as Block].concat(blocks),
      attachments,
      sendKey: msg.sendKey,
    },
    ctx,
  );
}
