/**
 * The Docs API's view of a local document (the same tree the local DocumentApp edits, so a
 * document written with batchUpdate opens in DocumentApp and exports to .docx as before).
 *
 * Index arithmetic, from developers.google.com/docs/api/concepts/structure and
 * developers.google.com/docs/api/reference/rest/v1/documents (StructuralElement, Paragraph,
 * Table): indexes count UTF-16 code units; the body starts with a section break at [0, 1), a
 * header or footer at 0; every paragraph ends with "\n", counted in its endIndex; a page break is
 * one index; a table takes one index for its start, one for each row and one for each cell before
 * the cell's content (developers.google.com/docs/api/how-tos/tables: an empty cell is 2 indexes,
 * a row adds 1). Whether a table also has an end index of its own is not stated in the
 * reference; we give it one — the add-on never relies on it: it measures each template table's
 * length from Documents.get (src/gas/docs/letterRequests.ts).
 *
 * A soft line break inside a paragraph is "\u000b" in the API and "\r" in Apps Script's getText
 * (developers.google.com/apps-script/reference/document/text#getText()); the tree keeps "\r".
 */
import { LocalContainer } from '../document/container';
import type { DocNode } from '../document/node';
import { LocalInlineImage, LocalListItem, LocalPageBreak, LocalParagraph } from '../document/paragraph';
import { LocalTable, LocalTableCell, LocalTableRow } from '../document/table';
import { LocalText, type TextAttrs } from '../document/text';
import type { LocalDocument } from '../document/document';

/** One index of a paragraph's content: a character with its formatting, a page break or a picture. */
export type Unit = { c: string; a: TextAttrs } | { pb: true } | { img: { uri: string; width: number; height: number } };

export function unitsOf(p: LocalParagraph): Unit[] {
  const out: Unit[] = [];
  for (const k of p._kids) {
    if (k instanceof LocalText) for (let i = 0; i < k._chars.length; i++) out.push({ c: k._chars[i], a: { ...k._attrs[i] } });
    else if (k instanceof LocalPageBreak) out.push({ pb: true });
    else if (k instanceof LocalInlineImage) out.push({ img: { uri: k._uri, width: k._width, height: k._height } });
  }
  return out;
}

/** Rebuild a paragraph's children from units: one Text per stretch of characters. */
export function setUnits(p: LocalParagraph, units: Unit[]): void {
  for (const k of [...p._kids]) p._removeChild(k);
  let t: LocalText | null = null;
  for (const u of units) {
    if ('pb' in u) {
      p._insert(new LocalPageBreak(p._env));
      t = null;
    } else if ('img' in u) {
      p._insert(new LocalInlineImage(p._env, u.img.uri, u.img.width, u.img.height));
      t = null;
    } else {
      if (!t) t = p._insert(new LocalText(p._env));
      t._chars += u.c;
      t._attrs.push({ ...u.a });
    }
  }
}

export function paraLength(p: LocalParagraph): number {
  let n = 1;
  for (const k of p._kids) n += k instanceof LocalText ? k._chars.length : 1;
  return n;
}

export function cellLength(cell: LocalTableCell): number {
  return 1 + cell._kids.reduce((n, k) => n + nodeLength(k), 0);
}

export function tableLength(t: LocalTable): number {
  let n = 2; // the table's start and end
  for (const row of t._kids) {
    n += 1;
    for (const cell of (row as LocalTableRow)._kids) n += cellLength(cell as LocalTableCell);
  }
  return n;
}

export function nodeLength(n: DocNode): number {
  if (n instanceof LocalParagraph) return paraLength(n);
  if (n instanceof LocalTable) return tableLength(n);
  return 1;
}

/** Where a segment's content starts: after the body's section break, or 0. */
export function segmentStart(c: LocalContainer): number {
  return c._type === 'BODY_SECTION' ? 1 : 0;
}

// ---- Documents.get ---------------------------------------------------------------------------

const NAMED: Record<string, string> = {
  NORMAL: 'NORMAL_TEXT', HEADING1: 'HEADING_1', HEADING2: 'HEADING_2', HEADING3: 'HEADING_3', HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5', HEADING6: 'HEADING_6', TITLE: 'TITLE', SUBTITLE: 'SUBTITLE',
};
export const HEADING_OF: Record<string, string> = Object.fromEntries(Object.entries(NAMED).map(([k, v]) => [v, k]));
const ALIGN: Record<string, string> = { LEFT: 'START', CENTER: 'CENTER', RIGHT: 'END', JUSTIFY: 'JUSTIFIED' };
export const ALIGN_OF: Record<string, string> = Object.fromEntries(Object.entries(ALIGN).map(([k, v]) => [v, k]));
/** Apps Script glyph types as the API names them (ListProperties.nestingLevels[].glyphType). */
const GLYPH: Record<string, string> = { NUMBER: 'DECIMAL', LATIN_UPPER: 'UPPER_ALPHA', LATIN_LOWER: 'ALPHA', ROMAN_UPPER: 'UPPER_ROMAN', ROMAN_LOWER: 'ROMAN' };

const pt = (magnitude: number) => ({ magnitude, unit: 'PT' });

export function rgbOf(hex: string): { red: number; green: number; blue: number } {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) || ['', '00', '00', '00'];
  return { red: parseInt(m[1], 16) / 255, green: parseInt(m[2], 16) / 255, blue: parseInt(m[3], 16) / 255 };
}
export function hexOf(rgb: { red?: number; green?: number; blue?: number } | undefined): string {
  const h = (v?: number) => Math.round((v || 0) * 255).toString(16).padStart(2, '0');
  return `#${h(rgb?.red)}${h(rgb?.green)}${h(rgb?.blue)}`;
}

export function textStyleOf(a: TextAttrs): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  if (a.bold) s.bold = true;
  if (a.italic) s.italic = true;
  if (a.underline) s.underline = true;
  if (a.fontSize) s.fontSize = pt(a.fontSize);
  if (a.fontFamily) s.weightedFontFamily = { fontFamily: a.fontFamily, weight: 400 };
  if (a.foregroundColor) s.foregroundColor = { color: { rgbColor: rgbOf(a.foregroundColor) } };
  if (a.linkUrl) s.link = { url: a.linkUrl };
  return s;
}

function paragraphStyleOf(p: LocalParagraph): Record<string, unknown> {
  const s: Record<string, unknown> = { namedStyleType: NAMED[p._heading] || 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' };
  if (p._alignment) s.alignment = ALIGN[p._alignment];
  const st = p._style;
  if (st.spacingBefore != null) s.spaceAbove = pt(st.spacingBefore);
  if (st.spacingAfter != null) s.spaceBelow = pt(st.spacingAfter);
  if (st.lineSpacing != null) s.lineSpacing = st.lineSpacing * 100;
  if (st.indentStart != null) s.indentStart = pt(st.indentStart);
  if (st.indentFirstLine != null) s.indentFirstLine = pt(st.indentFirstLine);
  return s;
}

interface Lists { [id: string]: { listProperties: { nestingLevels: Array<Record<string, unknown>> } } }
/** What the content refers to, filled as it is listed: document.lists and document.inlineObjects. */
interface Refs { lists: Lists; objects: Record<string, unknown> }

function listIdOf(li: LocalListItem, refs: Refs): string {
  const lists = refs.lists;
  const id = `kix.local.${li._glyph.toLowerCase()}`;
  if (!lists[id]) {
    const level = li._glyph in GLYPH ? { glyphType: GLYPH[li._glyph], glyphFormat: '%0.' } : { glyphSymbol: li._glyph === 'HOLLOW_BULLET' ? '○' : li._glyph === 'SQUARE_BULLET' ? '■' : '●', glyphFormat: '%0' };
    lists[id] = { listProperties: { nestingLevels: Array.from({ length: 9 }, () => ({ ...level })) } };
  }
  return id;
}

/** A segment's content as Documents.get returns it (StructuralElement[]), from index `start`. */
export function contentJson(c: LocalContainer, refs: Refs): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  let at = segmentStart(c);
  if (c._type === 'BODY_SECTION') out.push({ endIndex: 1, sectionBreak: { sectionStyle: { sectionType: 'CONTINUOUS', contentDirection: 'LEFT_TO_RIGHT' } } });
  for (const k of c._kids) {
    out.push(elementJson(k, at, refs));
    at += nodeLength(k);
  }
  return out;
}

function elementJson(n: DocNode, start: number, refs: Refs): Record<string, unknown> {
  if (n instanceof LocalParagraph) {
    const elements: Array<Record<string, unknown>> = [];
    let at = start;
    const units = unitsOf(n);
    let i = 0;
    while (i < units.length) {
      const u = units[i];
      if ('pb' in u) {
        elements.push({ startIndex: at, endIndex: at + 1, pageBreak: { textStyle: {} } });
        at++;
        i++;
        continue;
      }
      if ('img' in u) {
        // developers.google.com/docs/api/reference/rest/v1/documents#InlineObject: the picture
        // is listed once in document.inlineObjects; contentUri "with a default lifetime of 30 minutes".
        const id = `kix.img${Object.keys(refs.objects).length + 1}`;
        refs.objects[id] = { objectId: id, inlineObjectProperties: { embeddedObject: { imageProperties: { contentUri: u.img.uri, sourceUri: u.img.uri }, size: { width: pt(u.img.width), height: pt(u.img.height) } } } };
        elements.push({ startIndex: at, endIndex: at + 1, inlineObjectElement: { inlineObjectId: id, textStyle: {} } });
        at++;
        i++;
        continue;
      }
      let text = '';
      const a = u.a;
      while (i < units.length && 'c' in units[i] && sameStyle((units[i] as { a: TextAttrs }).a, a)) {
        text += (units[i] as { c: string }).c;
        i++;
      }
      elements.push({ startIndex: at, endIndex: at + text.length, textRun: { content: text.replace(/\r/g, '\u000b'), textStyle: textStyleOf(a) } });
      at += text.length;
    }
    // The paragraph's newline: part of the last run when it has the same (default) style.
    const last = elements[elements.length - 1];
    if (last && last.textRun && Object.keys((last.textRun as { textStyle: object }).textStyle).length === 0) {
      (last.textRun as { content: string }).content += '\n';
      last.endIndex = (last.endIndex as number) + 1;
    } else elements.push({ startIndex: at, endIndex: at + 1, textRun: { content: '\n', textStyle: {} } });
    const json: Record<string, unknown> = { startIndex: start, endIndex: start + paraLength(n), paragraph: { elements, paragraphStyle: paragraphStyleOf(n) } };
    if (n instanceof LocalListItem) (json.paragraph as Record<string, unknown>).bullet = { listId: listIdOf(n, refs), nestingLevel: n._nesting };
    return json;
  }
  if (n instanceof LocalTable) {
    let at = start + 1;
    const columns = n._kids.reduce((m, r) => Math.max(m, (r as LocalTableRow)._kids.length), 0);
    const tableRows = n._kids.map((row) => {
      const rowStart = at;
      at += 1;
      const tableCells = (row as LocalTableRow)._kids.map((cell) => {
        const c = cell as LocalTableCell;
        const cellStart = at;
        let inner = at + 1;
        const content = c._kids.map((k) => {
          const j = elementJson(k, inner, refs);
          inner += nodeLength(k);
          return j;
        });
        at = inner;
        const tableCellStyle: Record<string, unknown> = c._background ? { backgroundColor: { color: { rgbColor: rgbOf(c._background) } } } : {};
        return { startIndex: cellStart, endIndex: at, content, tableCellStyle };
      });
      return { startIndex: rowStart, endIndex: at, tableCells };
    });
    const tableColumnProperties = Array.from({ length: columns }, (_, i) =>
      n._columnWidths[i] != null ? { widthType: 'FIXED_WIDTH', width: pt(n._columnWidths[i]) } : { widthType: 'EVENLY_DISTRIBUTED' });
    return { startIndex: start, endIndex: start + tableLength(n), table: { rows: n._kids.length, columns, tableRows, tableStyle: { tableColumnProperties } } };
  }
  return { startIndex: start, endIndex: start + 1 };
}

function sameStyle(a: TextAttrs, b: TextAttrs): boolean {
  return JSON.stringify(textStyleOf(a)) === JSON.stringify(textStyleOf(b));
}

/** The Document resource (developers.google.com/docs/api/reference/rest/v1/documents#Document). */
export function documentJson(doc: LocalDocument): Record<string, unknown> {
  const refs: Refs = { lists: {}, objects: {} };
  const json: Record<string, unknown> = { documentId: doc._id, title: doc._name, body: { content: contentJson(doc._body, refs) } };
  const style: Record<string, unknown> = {};
  if (doc._header) {
    json.headers = { 'kix.header': { headerId: 'kix.header', content: contentJson(doc._header, refs) } };
    style.defaultHeaderId = 'kix.header';
  }
  if (doc._footer) {
    json.footers = { 'kix.footer': { footerId: 'kix.footer', content: contentJson(doc._footer, refs) } };
    style.defaultFooterId = 'kix.footer';
  }
  json.documentStyle = style;
  json.lists = refs.lists;
  json.inlineObjects = refs.objects;
  return json;
}
