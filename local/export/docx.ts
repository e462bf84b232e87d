/**
 * Save a local Google Doc as .docx with the `docx` package: headings, paragraphs with bold /
 * italic / underline runs, alignment, list items, tables, page breaks, header and footer, page
 * margins. Apps Script measures in points; Word uses twips (1/20 pt) and half-point font sizes.
 */
import { writeFileSync, mkdirSync } from 'fs';
import { dirname } from 'path';
import {
  AlignmentType, Document, ExternalHyperlink, Footer, Header, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell,
  TableRow, TextRun, WidthType,
} from 'docx';
import type { LocalDocument } from '../services/document/document';
import type { LocalContainer } from '../services/document/container';
import type { DocNode } from '../services/document/node';
import { LocalListItem, LocalParagraph } from '../services/document/paragraph';
import { LocalText } from '../services/document/text';
import type { LocalTable, LocalTableRow, LocalTableCell } from '../services/document/table';

const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel] | undefined> = {
  HEADING1: HeadingLevel.HEADING_1, HEADING2: HeadingLevel.HEADING_2, HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4, HEADING5: HeadingLevel.HEADING_5, HEADING6: HeadingLevel.HEADING_6,
  TITLE: HeadingLevel.TITLE, SUBTITLE: HeadingLevel.HEADING_2,
};
const ALIGN: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  LEFT: AlignmentType.LEFT, CENTER: AlignmentType.CENTER, RIGHT: AlignmentType.RIGHT, JUSTIFY: AlignmentType.JUSTIFIED,
};
const twips = (pt: number) => Math.round(pt * 20);

function runsOf(p: LocalParagraph): (TextRun | PageBreak | ExternalHyperlink)[] {
  const out: (TextRun | PageBreak | ExternalHyperlink)[] = [];
  for (const k of p._kids) {
    if (k instanceof LocalText) {
      for (const r of k._runs()) {
        // A line break inside a Docs paragraph is \r (or \v) in its text: Word's <w:br/>.
        const lines = r.text.split(/\r\n|[\r\n\v]/);
        const runs = lines.map((line, i) => new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: r.attrs.bold || undefined,
          italics: r.attrs.italic || undefined,
          underline: r.attrs.underline || r.attrs.linkUrl ? {} : undefined,
          size: r.attrs.fontSize ? r.attrs.fontSize * 2 : undefined,
          font: r.attrs.fontFamily,
          color: r.attrs.linkUrl && !r.attrs.foregroundColor ? '1155CC' : r.attrs.foregroundColor?.replace('#', ''),
        }));
        // Text.setLinkUrl: a link in Word too.
        if (r.attrs.linkUrl) out.push(new ExternalHyperlink({ link: r.attrs.linkUrl, children: runs }));
        else out.push(...runs);
      }
    } else if (k._type === 'PAGE_BREAK') {
      out.push(new PageBreak());
    }
  }
  return out;
}

function paragraphOf(p: LocalParagraph): Paragraph {
  const s = p._style;
  return new Paragraph({
    children: runsOf(p),
    heading: HEADINGS[p._heading],
    alignment: p._alignment ? ALIGN[p._alignment] : undefined,
    bullet: p instanceof LocalListItem ? { level: p._nesting } : undefined,
    spacing: s.spacingBefore != null || s.spacingAfter != null
      ? { before: s.spacingBefore != null ? twips(s.spacingBefore) : undefined, after: s.spacingAfter != null ? twips(s.spacingAfter) : undefined }
      : undefined,
    indent: s.indentStart != null ? { left: twips(s.indentStart) } : undefined,
  });
}

/** Page width inside the margins, in points (what a table with column widths shares out). */
let contentWidthPt = 451.3;

function tableOf(t: LocalTable): Table {
  // Column widths set with Table.setColumnWidth (points); the other columns share what is left.
  const cols = t._kids.reduce((n, row) => Math.max(n, (row as LocalTableRow)._kids.length), 0);
  const set = Object.keys(t._columnWidths).map(Number).filter((i) => i < cols);
  let widths: number[] | undefined;
  if (set.length && cols) {
    const fixed = set.reduce((sum, i) => sum + t._columnWidths[i], 0);
    const rest = cols - set.length ? Math.max(20, (contentWidthPt - fixed) / (cols - set.length)) : 0;
    widths = Array.from({ length: cols }, (_, i) => twips(t._columnWidths[i] ?? rest));
  }
  return new Table({
    width: widths ? { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } : { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: t._kids.map((row) => new TableRow({
      children: (row as LocalTableRow)._kids.map((cell, i) => new TableCell({
        children: blocksOf(cell as LocalTableCell).filter((b): b is Paragraph => b instanceof Paragraph),
        shading: (cell as LocalTableCell)._background ? { fill: (cell as LocalTableCell)._background!.replace('#', '') } : undefined,
        width: widths ? { size: widths[i], type: WidthType.DXA } : undefined,
      })),
    })),
  });
}

function blocksOf(c: LocalContainer): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const n of c._kids as DocNode[]) {
    if (n instanceof LocalParagraph) out.push(paragraphOf(n));
    else if (n._type === 'TABLE') out.push(tableOf(n as LocalTable));
  }
  // A Word table cell must end with a paragraph.
  if (c._type === 'TABLE_CELL' && out.length === 0) out.push(new Paragraph({}));
  return out;
}

/** Build the .docx bytes for a document (proxy or raw). */
export async function docxBuffer(document: GoogleAppsScript.Document.Document | LocalDocument): Promise<Buffer> {
  const doc = (document as unknown as { _raw: LocalDocument })._raw;
  const m = doc._body._page;
  contentWidthPt = m.pageWidth - m.marginLeft - m.marginRight;
  const file = new Document({
    title: doc._name,
    creator: 'Pastoral Tracker',
    sections: [{
      properties: {
        page: {
          size: { width: twips(m.pageWidth), height: twips(m.pageHeight) },
          margin: { top: twips(m.marginTop), bottom: twips(m.marginBottom), left: twips(m.marginLeft), right: twips(m.marginRight) },
        },
      },
      headers: doc._header ? { default: new Header({ children: blocksOf(doc._header) }) } : undefined,
      footers: doc._footer ? { default: new Footer({ children: blocksOf(doc._footer) }) } : undefined,
      children: blocksOf(doc._body),
    }],
  });
  return Packer.toBuffer(file);
}

/** Write the document to `path` (folders made as needed). */
export async function saveDocx(document: GoogleAppsScript.Document.Document | LocalDocument, path: string): Promise<void> {
  const buf = await docxBuffer(document);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, buf);
}
