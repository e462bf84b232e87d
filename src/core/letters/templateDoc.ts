/**
 * A letter template as plain data. The gas/ adapter builds a real Google Doc from it (and reads a
 * staff-edited Doc back into `TemplateSection`s for checking); local/ turns it into a .docx. Keeping
 * the wording as data lets core/ own every word without touching DocumentApp.
 */

export interface Run {
  text: string;
  bold?: boolean;
}

export interface Block {
  kind: 'heading' | 'paragraph' | 'table' | 'spacer';
  /** Plain text of a heading or paragraph ("\n" inside a value becomes a line break). */
  text?: string;
  /** Formatted text of a paragraph; when present it is the paragraph's text and `text` is unused. */
  runs?: Run[];
  /** Cells of a table, row by row. */
  rows?: string[][];
  align?: 'left' | 'right' | 'center';
  /** Space above the paragraph, in points (e.g. after a table). */
  spaceBefore?: number;
}

/** A merged document shares one header and footer across every letter (see placeholders.ts). */
export interface TemplateDoc {
  header: Block[];
  body: Block[];
  footer: Block[];
}

/** One piece of a template's text and where it is, for messages a person can act on. */
export interface TemplateSection {
  where: 'body' | 'header' | 'footer' | 'table';
  /** Free text naming the place, e.g. "paragraph 4" or "table 1 row 2 cell 1". */
  path: string;
  text: string;
}

/** The text of a heading or paragraph block. */
export function blockText(b: Block): string {
  if (b.runs) return b.runs.map((r) => r.text).join('');
  return b.text || '';
}

/**
 * Every piece of text in a template, numbered as a person would count it: paragraphs (headings
 * included) 1, 2, 3 … and tables 1, 2 … separately in each part. Body tables are `where: 'table'`;
 * a table in a header or footer stays in that part, since that is what decides what may go there.
 */
export function templateSections(doc: TemplateDoc): TemplateSection[] {
  const out: TemplateSection[] = [];
  const parts: Array<['header' | 'body' | 'footer', Block[]]> = [['header', doc.header], ['body', doc.body], ['footer', doc.footer]];
  for (const [part, blocks] of parts) {
    let para = 0;
    let table = 0;
    for (const b of blocks) {
      if (b.kind === 'heading' || b.kind === 'paragraph') {
        para++;
        out.push({ where: part, path: `paragraph ${para}`, text: blockText(b) });
      } else if (b.kind === 'table') {
        table++;
        (b.rows || []).forEach((row, r) =>
          row.forEach((cell, c) =>
            out.push({ where: part === 'body' ? 'table' : part, path: `table ${table} row ${r + 1} cell ${c + 1}`, text: cell }),
          ),
        );
      }
    }
  }
  return out;
}
