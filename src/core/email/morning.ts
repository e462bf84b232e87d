/**
 * The QA calendar's morning e-mail to one person (SPEC §6, issue 21): ONE short message a school
 * day — what to do today, what to QA or review, what is overdue — each task by name with its
 * dates tidied, a link to the tab where the work is, and its evidence. Evidence lists are printed
 * when short and attached as CSV when long (layout.ts), each list once per message however many
 * tasks point at it. Items reminded in the last `email.chaseEveryDays` days are named in one line
 * ("still open"), not repeated in full (qa/cadence.ts).
 */
import { IsoDate, toLongUk, toUk } from '../dates';
import { QaCheck } from '../qa/checks';
import { QaAction, QaItem } from '../qa/today';
import { CadencedMessage } from '../qa/cadence';
import { deadlinePhrase, tidyCalendarText, tidyChain } from '../qa/tidy';
import { checkRecipients, composeEmail, ComposeContext, StaffEmail } from './compose';
import { Block, TableBlock, csvFileName } from './render';

export interface EvidenceSection {
  title: string; // "Coding review: open issues"
  columns: string[];
  rows: (string | number)[][];
  /** Year groups this section is about; shown only with tasks for those years (none = all). */
  years?: number[];
  /** Links (e.g. the draft tier letters document). */
  links?: { text: string; url: string }[];
  note?: string;
  /** What one row is ("pupils", "registers"). */
  noun?: string;
  /** Columns holding ISO dates (shown dd/mm/yyyy, kept ISO in the CSV). */
  dateColumns?: number[];
  /** Words for the attachment's name ("coding-review-pupils"); default: the title. */
  file?: string;
}

export type Evidence = Partial<Record<QaCheck, EvidenceSection[]>>;

/** Where the work is: the tracker's tabs as links (spreadsheet URL + #gid=…), from gas/links. */
export interface MorningLinks {
  calendar?: string;
  /** The tab each built-in check's list lives on. */
  checks?: Partial<Record<QaCheck, { tab: string; url: string }>>;
}

const HEADINGS: Record<QaAction, string> = {
  do: 'To do today',
  qa: 'To QA (marked done)',
  review: 'To review',
  chase: 'Overdue: please chase',
};

const ACTIONS: QaAction[] = ['do', 'qa', 'review', 'chase'];
const LETTER_CHECKS: QaCheck[] = ['tierLetters', 'punctuality', 'lateToLesson'];

/** The sections of evidence that go with one item (filtered to the task's year groups). */
export function evidenceFor(item: QaItem, evidence: Evidence): EvidenceSection[] {
  if (item.kind === 'none') return [];
  const all = evidence[item.kind] || [];
  return all.filter((s) => !s.years || s.years.length === 0 || item.years.length === 0 || s.years.some((y) => item.years.indexOf(y) >= 0));
}

function isLettersTask(item: QaItem): boolean {
  return LETTER_CHECKS.indexOf(item.kind) >= 0 || /\bletters?\b/i.test(item.task.task);
}

/** The facts under a task's name: checking for, the two deadlines, the chain, why it is here. */
function itemLines(item: QaItem, msgDate: IsoDate, me: string): string[] {
  const t = item.task;
  const opts = { letters: isLettersTask(item) };
  const lines: string[] = [];
  if (item.action !== 'do') lines.push(item.reason + '.');
  else if (t.date !== msgDate) lines.push(`On the calendar for ${toLongUk(t.date)} (not a school day).`);
  const checking = tidyCalendarText(t.checkingFor, t.date, opts);
  if (checking) lines.push(`Checking for: ${checking}`);
  const deadlines = [deadlinePhrase('Follow up with staff', t.followUpBy, t.date, opts), deadlinePhrase('Review system', t.reviewBy, t.date, opts)].filter((x) => x);
  if (deadlines.length) lines.push(deadlines.join(' · '));
  if (item.waitingOn.length) {
    // The recipient may share the stage they are chasing (a one-stage chain): "you" first.
    const others = item.waitingOn.filter((n) => n !== me);
    const who = (others.length < item.waitingOn.length ? ['you'] : []).concat(others);
    lines.push(`${item.action === 'chase' ? 'Waiting on' : 'Done by'}: ${who.join(', ')}`);
  }
  if (t.ownerChain.length) lines.push(`Chain: ${tidyChain(t.ownerChain)}`);
  return lines;
}

function evidenceTable(sec: EvidenceSection, date: IsoDate): TableBlock {
  return { type: 'table', title: sec.title, columns: sec.columns, rows: sec.rows, empty: sec.note || 'None today.', csv: csvFileName(sec.file || sec.title, date), noun: sec.noun, dateColumns: sec.dateColumns };
}

export function morningBlocks(msg: CadencedMessage, evidence: Evidence, links: MorningLinks = {}, chaseEveryDays = 7): Block[] {
  const blocks: Block[] = [];
  const shown: { [title: string]: boolean } = {};
  for (const action of ACTIONS) {
    const items = msg.items.filter((i) => i.action === action);
    if (items.length === 0) continue;
    blocks.push({ type: 'heading', text: `${HEADINGS[action]} (${items.length})` });
    for (const item of items) {
      const t = item.task;
      const withEvidence = action !== 'chase'; // a chase asks for the work, the doer holds the evidence
      const sections = withEvidence ? evidenceFor(item, evidence) : [];
      const tabLink = links.checks && links.checks[item.kind];
      const itemLinks: { text: string; url: string }[] = [];
      if (tabLink) itemLinks.push({ text: `Open the ${tabLink.tab} tab`, url: tabLink.url });
      if (links.calendar) itemLinks.push({ text: 'Open the QA Calendar', url: links.calendar });
      for (const sec of sections) for (const l of sec.links || []) if (!itemLinks.some((x) => x.url === l.url)) itemLinks.push(l);
      const lines = itemLines(item, msg.date, msg.name);
      const again = sections.filter((s) => shown[s.title]);
      if (again.length) lines.push(`Evidence: as for the task above (${again.length === 1 ? again[0].title : `${again.length} lists`}).`);
      blocks.push({ type: 'item', title: action === 'do' ? t.task : `${t.task} (${toUk(t.date)})`, lines, links: itemLinks });
      for (const sec of sections) {
        if (shown[sec.title]) continue;
        shown[sec.title] = true;
        blocks.push(evidenceTable(sec, msg.date));
      }
    }
  }
  if (msg.quiet.length) {
    const names = msg.quiet.map((q) => `${q.item.task.task} (${toUk(q.item.task.date)})`);
    const shownNames = names.length > 8 ? names.slice(0, 8).concat([`${names.length - 8} more`]) : names;
    const next = msg.quiet.map((q) => q.next).sort()[0];
    blocks.push({ type: 'note', text: `Still open, reminded in the last ${chaseEveryDays} days (next reminder ${toUk(next)}): ${shownNames.join('; ')}.` });
  }
  return blocks;
}

/** The subject names only the date and the counts: never a pupil or a task's evidence. */
export function morningSubject(msg: { date: IsoDate; items: QaItem[] }): string {
  const n = (a: QaAction) => msg.items.filter((i) => i.action === a).length;
  const parts: string[] = [];
  if (n('do')) parts.push(`${n('do')} to do`);
  if (n('qa')) parts.push(`${n('qa')} to QA`);
  if (n('review')) parts.push(`${n('review')} to review`);
  if (n('chase')) parts.push(`${n('chase')} overdue`);
  return `QA calendar ${toUk(msg.date)}: ${parts.join(', ')}`;
}

/** "Good morning Jayden," — the first name, unless the Staff tab writes "Mr J Smith". */
export function greeting(name: string): string {
  const parts = String(name || '').trim().split(/\s+/);
  if (!parts[0]) return 'Good morning,';
  return /^(mr|mrs|ms|miss|mx|dr|prof)\.?$/i.test(parts[0]) ? `Good morning ${parts.join(' ')},` : `Good morning ${parts[0]},`;
}

/** Reply-To: the people each item's replies should reach, most pressing first, at most three. */
export function morningReplyTo(msg: CadencedMessage): string[] {
  const out: string[] = [];
  for (const a of ACTIONS) {
    for (const item of msg.items) {
      if (item.action !== a) continue;
      for (const e of item.replyTo) {
        const k = e.toLowerCase();
        if (k !== msg.to.toLowerCase() && out.every((x) => x.toLowerCase() !== k)) out.push(e);
      }
    }
  }
  return out.slice(0, 3);
}

/** The morning e-mail for one planned message, through the compose guards. */
export function morningEmail(msg: CadencedMessage, evidence: Evidence, ctx: ComposeContext, links: MorningLinks = {}): { email: StaffEmail | null; problems: string[] } {
  const n = (a: QaAction) => msg.items.filter((i) => i.action === a).length;
  const counts = [n('do') && `${n('do')} to do`, n('qa') && `${n('qa')} to QA`, n('review') && `${n('review')} to review`, n('chase') && `${n('chase')} overdue`].filter((x) => x) as string[];
  const replyTo = ctx.settings.email.noReply ? [] : checkRecipients(morningReplyTo(msg), ctx.staff, ctx.settings).allowed;
  const ending: Block[] = [{ type: 'note', text: 'When a task is finished, mark it Done on the QA Calendar tab (or in Today’s tasks): the next person in its chain is then asked to QA it.' }];
  const blocks: Block[] = [{ type: 'paragraph', text: `Today: ${counts.join(', ')}.` }];
  return composeEmail(
    {
      to: [msg.to],
      subject: morningSubject(msg),
      title: `QA calendar: ${toLongUk(msg.date)}`,
      blocks: blocks.concat(morningBlocks(msg, evidence, links, ctx.settings.email.chaseEveryDays), ending),
      sendKey: msg.sendKey,
      replyTo,
      replyNote: true,
      greeting: greeting(msg.name),
      label: `QA calendar ${counts.join(', ')}`,
      fileDate: msg.date,
    },
    ctx,
  );
}
