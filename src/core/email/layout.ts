/**
 * Keeping every e-mail short and under Google's size limit by design (issue 21, docs/emails.md):
 *
 *  1. A list longer than the school's `email.inlineRows` (default 20) that has a CSV name leaves
 *     the body: the body says what it is, how many rows and the file name; the rows travel as a
 *     CSV attachment. A list is never printed and attached both.
 *  2. If the HTML or the text body would still pass `email.maxBodyKb` (default 150 KB, against
 *     Google's 200 KB consumer / 400 KB Workspace), the largest tables left are attached too,
 *     largest first, until both bodies fit.
 *  3. Should they still not fit (hundreds of paragraphs), the body is cut at a block boundary with
 *     a line saying so — a shorter e-mail beats one Google refuses and nobody gets.
 * Pure: the caller renders with the same functions compose.ts uses.
 */
import { Block, TableBlock, csvFileName, tableToCsv, utf8Bytes } from './render';

export interface EmailAttachment {
  name: string;
  mimeType: string;
  csv?: string;
  text?: string;
}

export interface LayoutOptions {
  inlineRows: number;
  maxBytes: number;
  /** For the names of files made from tables that had none (yyyy-mm-dd). */
  fileDate?: string;
}

export type Render = (blocks: Block[]) => { html: string; text: string };

/** What the body says instead of a list that went to an attachment. */
export function attachedLine(t: TableBlock, name: string): string {
  const n = t.rows.length;
  const noun = t.noun || (n === 1 ? 'row' : 'rows');
  return `${t.title ? `${t.title} — ` : ''}${n} ${noun}, attached as ${name}.`;
}

/** Attach the table (once: the same list twice is one file; another list with the same name gets "-2"). */
function attach(t: TableBlock, name: string, files: EmailAttachment[]): Block {
  const csv = tableToCsv(t);
  let file = name;
  for (let i = 2; files.some((f) => f.name === file && f.csv !== csv); i++) file = name.replace(/(\.csv)?$/, `-${i}.csv`);
  if (!files.some((f) => f.name === file)) files.push({ name: file, mimeType: 'text/csv', csv });
  return { type: 'paragraph', text: attachedLine(t, file) };
}

function uniqueName(base: string, files: EmailAttachment[], taken: string[]): string {
  let name = base;
  for (let i = 2; files.some((f) => f.name === name) || taken.indexOf(name) >= 0; i++) name = base.replace(/\.csv$/, `-${i}.csv`);
  return name;
}

export function layoutEmail(blocks: Block[], attachments: EmailAttachment[], opts: LayoutOptions, render: Render): { blocks: Block[]; attachments: EmailAttachment[]; html: string; text: string; cut: boolean } {
  const files = attachments.slice();
  let out: Block[] = blocks.map((b) => (b.type === 'table' && b.csv && b.rows.length > opts.inlineRows ? attach(b, b.csv, files) : b));
  let r = render(out);
  const over = () => utf8Bytes(r.html) > opts.maxBytes || utf8Bytes(r.text) > opts.maxBytes;
  while (over()) {
    let best = -1;
    let size = 0;
    out.forEach((b, i) => {
      if (b.type !== 'table' || b.rows.length === 0) return;
      const s = render([b]).html.length;
      if (s > size) {
        size = s;
        best = i;
      }
    });
    if (best < 0) break;
    const t = out[best] as TableBlock;
    const name = t.csv && !files.some((f) => f.name === t.csv) ? t.csv : uniqueName(csvFileName(t.title || 'list', opts.fileDate || 'attached'), files, []);
    out = out.slice();
    out[best] = attach(t, name, files);
    r = render(out);
  }
  let cut = false;
  while (over() && out.length > 1) {
    cut = true;
    out = out.slice(0, Math.max(1, Math.floor(out.length * 0.8)));
    r = render(out.concat([CUT_NOTE]));
  }
  if (cut) out = out.concat([CUT_NOTE]);
  return { blocks: out, attachments: files, html: r.html, text: r.text, cut };
}

const CUT_NOTE: Block = { type: 'note', text: 'This e-mail was shortened to stay under the e-mail size limit: the rest is in the tracker.' };
