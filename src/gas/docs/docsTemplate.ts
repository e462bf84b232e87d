/**
 * A template's body as the Docs API returns it (Documents.get, once per template per run),
 * turned into blocks a letter is built from: each paragraph's characters with the formatting of
 * each, its paragraph style and bullet; each table's cells. A table's length in indexes is
 * MEASURED here (endIndex − startIndex), never assumed, so the letter's index arithmetic holds
 * whatever Google counts for a table's own markers (letterRequests.ts).
 */
import { DocsDocument, DocsElement, DocsParagraph } from './docsApi';

/** A picture in a template paragraph: where Documents.get serves it, and its size in points. */
export interface DocImage { uri: string; width: number; height: number }

/** Stands for a picture in `chars` (one index, as in the document). */
export const PICTURE = '\ufffc';

/**
 * A paragraph: its characters ("\u000b" for a line break, PICTURE for a picture), the style of
 * each (an index into `styles`), and its pictures in order.
 */
export interface DocParaBlock {
  kind: 'para';
  chars: string;
  images: DocImage[];
  styleOf: number[];
  /** The same text as DocumentApp's getText ("\r" for a line break): for placeholders and conditions. */
  text: string;
  paragraphStyle: Record<string, unknown>;
  bullet?: { preset: string; nesting: number };
}

export interface DocTableBlock {
  kind: 'table';
  /** rows → cells → the cell's paragraphs. */
  rows: DocParaBlock[][][];
  columns: number;
  /** Indexes the table takes beyond its cells' paragraphs (start, rows, cells, end): measured. */
  overhead: number;
  widths: Array<number | null>;
  backgrounds: Array<Array<Record<string, unknown> | null>>;
}

export type DocBlock = DocParaBlock | DocTableBlock;

export interface DocTemplate {
  blocks: DocBlock[];
  /** Distinct text styles (TextStyle JSON), shared by every letter. */
  styles: Array<Record<string, unknown>>;
}

/** The paragraph styles a letter copies (the writable ParagraphStyle fields that shape a letter). */
export const PARAGRAPH_FIELDS = ['namedStyleType', 'alignment', 'lineSpacing', 'spaceAbove', 'spaceBelow', 'indentFirstLine', 'indentStart', 'indentEnd', 'keepLinesTogether', 'keepWithNext'];
/** The text styles a letter copies (TextStyle). */
export const TEXT_FIELDS = ['bold', 'italic', 'underline', 'strikethrough', 'smallCaps', 'fontSize', 'weightedFontFamily', 'foregroundColor', 'backgroundColor', 'link', 'baselineOffset'];

export function readDocTemplate(doc: DocsDocument): DocTemplate {
  const styles: Array<Record<string, unknown>> = [{}];
  const keys = new Map<string, number>([['{}', 0]]);
  const styleId = (s: Record<string, unknown> | undefined): number => {
    const clean: Record<string, unknown> = {};
    for (const f of TEXT_FIELDS) if (s && s[f] !== undefined) clean[f] = s[f];
    const k = JSON.stringify(clean);
    let id = keys.get(k);
    if (id === undefined) {
      id = styles.length;
      styles.push(clean);
      keys.set(k, id);
    }
    return id;
  };
  const presetOf = (listId: string | undefined, level: number): string => {
    const l = listId && doc.lists && doc.lists[listId];
    const g = l && l.listProperties && l.listProperties.nestingLevels && l.listProperties.nestingLevels[level];
    const t = g && g.glyphType;
    if (t === 'DECIMAL' || t === 'ZERO_DECIMAL' || t === 'ALPHA' || t === 'ROMAN') return 'NUMBERED_DECIMAL_ALPHA_ROMAN';
    if (t === 'UPPER_ALPHA') return 'NUMBERED_UPPERALPHA_ALPHA_ROMAN';
    if (t === 'UPPER_ROMAN') return 'NUMBERED_UPPERROMAN_UPPERALPHA_DECIMAL';
    return 'BULLET_DISC_CIRCLE_SQUARE';
  };
  const para = (p: DocsParagraph): DocParaBlock => {
    let chars = '';
    const styleOf: number[] = [];
    const images: DocImage[] = [];
    for (const el of p.elements || []) {
      // A picture (a signature, a logo) goes in again from the URI Documents.get gives for it:
      // "A URI to the image with a default lifetime of 30 minutes", enough for one execution,
      // which reads the template afresh (developers.google.com/docs/api/reference/rest/v1/documents#ImageProperties).
      const obj = el.inlineObjectElement && el.inlineObjectElement.inlineObjectId && doc.inlineObjects && doc.inlineObjects[el.inlineObjectElement.inlineObjectId];
      const embedded = obj && obj.inlineObjectProperties && obj.inlineObjectProperties.embeddedObject;
      if (embedded && embedded.imageProperties && embedded.imageProperties.contentUri) {
        chars += PICTURE;
        styleOf.push(styleId(el.inlineObjectElement && el.inlineObjectElement.textStyle));
        const size = embedded.size || {};
        images.push({ uri: embedded.imageProperties.contentUri, width: Number(size.width && size.width.magnitude) || 0, height: Number(size.height && size.height.magnitude) || 0 });
        continue;
      }
      // A page break or a drawing inside a template paragraph is left out of letters (a letter is
      // one page per family; the merge puts the page breaks between letters).
      if (!el.textRun) continue;
      const content = String(el.textRun.content || '');
      const id = styleId(el.textRun.textStyle);
      for (const c of content) {
        chars += c;
        for (let i = 0; i < c.length; i++) styleOf.push(id);
      }
    }
    if (chars.endsWith('\n')) {
      chars = chars.slice(0, -1);
      styleOf.pop();
    }
    const paragraphStyle: Record<string, unknown> = {};
    for (const f of PARAGRAPH_FIELDS) if (p.paragraphStyle && p.paragraphStyle[f] !== undefined) paragraphStyle[f] = p.paragraphStyle[f];
    const block: DocParaBlock = { kind: 'para', chars, images, styleOf, text: chars.split('\u000b').join('\r'), paragraphStyle };
    if (p.bullet) block.bullet = { preset: presetOf(p.bullet.listId, p.bullet.nestingLevel || 0), nesting: p.bullet.nestingLevel || 0 };
    return block;
  };
  const blocks: DocBlock[] = [];
  const walk = (els: DocsElement[]): DocParaBlock[] => els.filter((e) => e.paragraph).map((e) => para(e.paragraph as DocsParagraph));
  for (const el of (doc.body && doc.body.content) || []) {
    if (el.paragraph) blocks.push(para(el.paragraph));
    else if (el.table) {
      const t = el.table;
      const rows = (t.tableRows || []).map((r) => (r.tableCells || []).map((c) => walk(c.content || [])));
      const columns = rows.reduce((m, r) => Math.max(m, r.length), 0);
      // Nested tables in a cell are not copied (a letter's tables are one level deep).
      let inner = 0;
      for (const r of t.tableRows || []) for (const c of r.tableCells || []) for (const k of c.content || []) inner += Number(k.endIndex) - Number(k.startIndex);
      const overhead = Number(el.endIndex) - Number(el.startIndex) - inner;
      const widths = Array.from({ length: columns }, (_, i) => {
        const cp = t.tableStyle && t.tableStyle.tableColumnProperties && t.tableStyle.tableColumnProperties[i];
        return cp && cp.widthType === 'FIXED_WIDTH' && cp.width && cp.width.magnitude ? cp.width.magnitude : null;
      });
      const backgrounds = (t.tableRows || []).map((r) => (r.tableCells || []).map((c) => {
        const bg = c.tableCellStyle && c.tableCellStyle.backgroundColor;
        return bg && Object.keys(bg).length ? (bg as Record<string, unknown>) : null;
      }));
      blocks.push({ kind: 'table', rows, columns, overhead, widths, backgrounds });
    }
    // A section break (index 0) and anything else (a table of contents) are not part of a letter.
  }
  return { blocks, styles };
}
