/**
 * One letter as ONE Docs API batchUpdate (developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate):
 * the requests that append it to the end of the letters document's body. Pure: it only computes.
 *
 * Index arithmetic (developers.google.com/docs/api/concepts/structure): the body's last paragraph
 * ends at `end` with the "\n" at end − 1, which can never be deleted and is where every insertion
 * goes, so nothing already written moves. `finalEmpty` says that last paragraph is empty (a new
 * document, or after a table: insertTable puts "a newline before the inserted table", and the
 * paragraph the index was in continues after it).
 *  - a paragraph: into the empty last paragraph as it is, else "\n" + its text after the last one;
 *  - a table: insertTable at end − 1 (its start is end, "the specified location index + 1"), then
 *    each cell's text at its cell's index in the EMPTY table, last cell first so the indexes of
 *    the cells before stay as computed (an empty cell is 2 indexes, a row adds 1:
 *    developers.google.com/docs/api/how-tos/tables). The table's length afterwards is the
 *    template table's measured overhead plus the cells' paragraphs (docsTemplate.ts);
 *  - between letters (not before the first): a page break in a paragraph of its own, as the
 *    DocumentApp merge made it ("\n" if the last paragraph has text, then insertPageBreak, which
 *    "inserts a page break followed by a newline").
 * Inserted text takes the style of the text before it, so the letter's range is first reset
 * (paragraph style, bullets, text style), then every paragraph gets the template's paragraph
 * style and every run its text style, at their final indexes (all inserts come first; later
 * inserts are after them). Bullets go last, last paragraph first: createParagraphBullets removes
 * the leading tabs that set the nesting level, which moves what follows.
 */
import { planRuns } from '../../core/letters/merge';
import { Conditions, paragraphShown } from '../../core/letters/conditions';
import { lineBreaks } from './text';
import { DocImage, DocParaBlock, DocTemplate, PARAGRAPH_FIELDS, PICTURE, TEXT_FIELDS } from './docsTemplate';
import { DocsRequest } from './docsApi';

export interface BodyEnd {
  /** The body's endIndex (its last paragraph's "\n" is at end − 1). */
  end: number;
  /** The last paragraph is empty, ready for text. */
  finalEmpty: boolean;
}

export interface LetterBatch extends BodyEnd {
  requests: DocsRequest[];
}

interface Filled { chars: string; styleOf: number[]; block: DocParaBlock }

const PICTURES = new RegExp(PICTURE, 'g');

/** The template paragraph with this letter's values in (a value takes its placeholder's formatting). */
export function fillPara(b: DocParaBlock, values: Record<string, string>): Filled {
  let chars = b.chars;
  let styleOf = b.styleOf.slice();
  for (const e of planRuns(b.text, values)) {
    // A soft line break is "\u000b" in the Docs API ("\r" and "\n" would be stripped or split the paragraph).
    const v = lineBreaks(e.value).replace(/\r/g, '\u000b').replace(PICTURES, '');
    const style = styleOf[e.endInclusive];
    chars = chars.slice(0, e.start) + v + chars.slice(e.endInclusive + 1);
    styleOf = styleOf.slice(0, e.start).concat(Array.from({ length: v.length }, () => style), styleOf.slice(e.endInclusive + 1));
  }
  return { chars, styleOf, block: b };
}

const loc = (index: number) => ({ location: { index } });

/**
 * Requests that put `text` at `at`, in order: its text, and each PICTURE as the next of `images`
 * (insertInlineImage, one index: "The provided URI must be publicly accessible", which the
 * contentUri Documents.get gives is for its 30 minutes).
 */
function put(text: string, at: number, images: DocImage[]): DocsRequest[] {
  if (text.indexOf(PICTURE) < 0) return text ? [{ insertText: { text, ...loc(at) } }] : [];
  const out: DocsRequest[] = [];
  let pos = at;
  let k = 0;
  text.split(PICTURE).forEach((piece, i) => {
    if (i > 0) {
      const img = images[k++];
      out.push({ insertInlineImage: { uri: img.uri, objectSize: { width: { magnitude: img.width, unit: 'PT' }, height: { magnitude: img.height, unit: 'PT' } }, ...loc(pos) } });
      pos += 1;
    }
    if (piece) out.push({ insertText: { text: piece, ...loc(pos) } });
    pos += piece.length;
  });
  return out;
}
const rng = (startIndex: number, endIndex: number) => ({ startIndex, endIndex });

export function letterRequests(tpl: DocTemplate, values: Record<string, string>, conditions: Partial<Conditions> | undefined, at: BodyEnd, first: boolean): LetterBatch {
  const inserts: DocsRequest[] = [];
  const styles: DocsRequest[] = [];
  const tables: DocsRequest[] = [];
  const bullets: Array<{ start: number; end: number; preset: string; tabs: number }> = [];
  let end = at.end;
  let empty = at.finalEmpty;
  if (!first) {
    if (!empty) {
      inserts.push({ insertText: { text: '\n', ...loc(end - 1) } });
      end += 1;
    }
    inserts.push({ insertPageBreak: loc(end - 1) });
    end += 2;
    empty = true;
  }
  const start = first ? at.end - 1 : end - 3;

  /** Styles for a paragraph whose text starts at `s` (its tabs included). */
  const styleParagraph = (f: Filled, s: number, tabs: number): void => {
    const ps = f.block.paragraphStyle;
    const fields = PARAGRAPH_FIELDS.filter((k) => ps[k] !== undefined);
    const len = tabs + f.chars.length + 1;
    if (fields.length && !(fields.length === 1 && ps.namedStyleType === 'NORMAL_TEXT')) {
      styles.push({ updateParagraphStyle: { range: rng(s, s + len), paragraphStyle: ps, fields: fields.join(',') } });
    }
    let i = 0;
    while (i < f.chars.length) {
      let j = i;
      while (j < f.chars.length && f.styleOf[j] === f.styleOf[i]) j++;
      const ts = tpl.styles[f.styleOf[i]];
      const tf = TEXT_FIELDS.filter((k) => ts[k] !== undefined);
      if (tf.length) styles.push({ updateTextStyle: { range: rng(s + tabs + i, s + tabs + j), textStyle: ts, fields: tf.join(',') } });
      i = j;
    }
    if (f.block.bullet) bullets.push({ start: s, end: s + len, preset: f.block.bullet.preset, tabs });
  };

  for (const b of tpl.blocks) {
    if (b.kind === 'para') {
      if (!paragraphShown(b.text, conditions)) continue;
      const f = fillPara(b, values);
      const tabs = b.bullet ? b.bullet.nesting : 0;
      const text = '\t'.repeat(tabs) + f.chars;
      let s: number;
      if (empty) {
        s = end - 1;
        inserts.push(...put(text, s, b.images));
        end += text.length;
      } else {
        inserts.push(...put('\n' + text, end - 1, b.images));
        s = end;
        end += 1 + text.length;
      }
      empty = false;
      styleParagraph(f, s, tabs);
      continue;
    }
    // A table: its start is end (insertTable at end − 1 puts a newline before it).
    const t0 = end;
    const C = b.columns;
    inserts.push({ insertTable: { rows: b.rows.length, columns: C, ...loc(end - 1) } });
    const cells: Array<{ r: number; c: number; paras: Filled[] }> = [];
    b.rows.forEach((row, r) => row.forEach((paras, c) => cells.push({ r, c, paras: paras.map((p) => fillPara(p, values)) })));
    // Text into each cell of the empty table, last cell first.
    for (let k = cells.length - 1; k >= 0; k--) {
      const x = cells[k];
      const text = x.paras.map((f) => f.chars).join('\n');
      inserts.push(...put(text, t0 + 3 + x.r * (1 + 2 * C) + 2 * x.c, ([] as DocImage[]).concat(...x.paras.map((f) => f.block.images))));
    }
    // Final indexes: each cell's paragraphs, in order.
    let grown = 0;
    for (const x of cells) {
      let s = t0 + 3 + x.r * (1 + 2 * C) + 2 * x.c + grown;
      for (const f of x.paras) {
        styleParagraph(f, s, 0);
        s += f.chars.length + 1;
      }
      grown += x.paras.reduce((n, f) => n + f.chars.length + 1, 0) - 1;
    }
    b.widths.forEach((w, i) => {
      if (w !== null) tables.push({ updateTableColumnProperties: { tableStartLocation: { index: t0 }, columnIndices: [i], tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: w, unit: 'PT' } }, fields: 'width,widthType' } });
    });
    b.backgrounds.forEach((row, r) => row.forEach((bg, c) => {
      if (bg) tables.push({ updateTableCellStyle: { tableRange: { tableCellLocation: { tableStartLocation: { index: t0 }, rowIndex: r, columnIndex: c }, rowSpan: 1, columnSpan: 1 }, tableCellStyle: { backgroundColor: bg }, fields: 'backgroundColor' } });
    }));
    const inner = cells.reduce((n, x) => n + x.paras.reduce((m, f) => m + f.chars.length + 1, 0), 0);
    end = t0 + b.overhead + inner + 1;
    empty = true;
  }

  const requests: DocsRequest[] = inserts.slice();
  {
    // The letter's range back to the template's own styles (what the insertions inherited).
    const all = rng(start, end);
    requests.push({ updateParagraphStyle: { range: all, paragraphStyle: { namedStyleType: 'NORMAL_TEXT' }, fields: 'namedStyleType,alignment,lineSpacing,spaceAbove,spaceBelow,indentFirstLine,indentStart,indentEnd,keepLinesTogether,keepWithNext' } });
    requests.push({ deleteParagraphBullets: { range: all } });
    requests.push({ updateTextStyle: { range: all, textStyle: {}, fields: TEXT_FIELDS.join(',') } });
  }
  requests.push(...styles, ...tables);
  for (let k = bullets.length - 1; k >= 0; k--) {
    // Consecutive list items with the same preset are one list (numbering runs on).
    let j = k;
    while (j > 0 && bullets[j - 1].end === bullets[j].start && bullets[j - 1].preset === bullets[k].preset) j--;
    requests.push({ createParagraphBullets: { range: rng(bullets[j].start, bullets[k].end), bulletPreset: bullets[k].preset } });
    for (let i = j; i <= k; i++) end -= bullets[i].tabs;
    k = j;
  }
  return { requests, end, finalEmpty: empty };
}
