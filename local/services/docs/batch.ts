/**
 * Documents.batchUpdate on the local document tree, as strict as the reference:
 * developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate and
 * developers.google.com/docs/api/reference/rest/v1/documents/request.
 *
 * - "If any request is not valid, then the entire request will fail and nothing will be
 *   applied" (batchUpdate): requests apply in order, each seeing the edits before it, and an
 *   error undoes the whole batch (the segments' children are put back; every element an edit
 *   touched was copied first, so the originals are untouched).
 * - insertText: "The text must be inserted inside the bounds of an existing Paragraph … Newline
 *   characters inserted will create new paragraphs"; "Certain control characters
 *   (U+0000-U+0008, U+000C-U+001F) and characters from the Unicode Basic Multilingual Plane
 *   Private Use Area (U+E000-U+F8FF) will be stripped out of the inserted text" — so "\r" is
 *   dropped and a soft line break is "\u000b"; inserted text takes the style of the text before it
 *   (developers.google.com/docs/api/concepts/rules-behavior#insert_text).
 * - insertPageBreak: "Inserts a page break followed by a newline"; not inside a table, header,
 *   footer or footnote.
 * - insertInlineImage: a picture is one index inside a paragraph; "The provided URI must be
 *   publicly accessible and at most 2 kB in length" (the URI is kept, not fetched).
 * - insertTable: "A newline character will be inserted before the inserted table, therefore the
 *   table start index will be at the specified location index + 1. The table must be inserted
 *   inside the bounds of an existing Paragraph."
 * - createParagraphBullets: "The nesting level of each paragraph will be determined by counting
 *   leading tabs in front of each paragraph … these leading tabs are removed by this request."
 * - deleteContentRange: the newline at the end of a segment cannot be deleted; a table goes only
 *   whole. (Merging two paragraphs keeps the first one's style, as the Docs editor does; the
 *   reference does not say — the add-on never merges paragraphs.)
 * - Error messages are Google's, as Apps Script shows them ("GoogleJsonResponseException: API
 *   call to docs.documents.batchUpdate failed with error: Invalid requests[3].insertText: Index 57
 *   must be less than the end index of the referenced segment, 40.").
 */
import type { LocalContainer } from '../document/container';
import type { DocNode, ParentNode } from '../document/node';
import { LocalListItem, LocalParagraph } from '../document/paragraph';
import { LocalTable, LocalTableCell, LocalTableRow } from '../document/table';
import type { TextAttrs } from '../document/text';
import { Unit, nodeLength, paraLength, setUnits, unitsOf, hexOf } from './model';
import { DocsApiError, Json, Segments, fail } from './segments';
import { applyParagraphStyle, applyTextStyle, copyParagraph, glyphOf } from './styles';

const KINDS = [
  'insertText', 'insertPageBreak', 'insertTable', 'insertInlineImage', 'deleteContentRange', 'updateTextStyle', 'updateParagraphStyle',
  'createParagraphBullets', 'deleteParagraphBullets', 'updateTableColumnProperties', 'updateTableCellStyle',
];

/** One batchUpdate: applies every request or none. */
export class Batch extends Segments {
  run(requests: Json[]): Json[] {
    try {
      return requests.map((r, i) => this.one(r, i));
    } catch (e) {
      this.undo();
      throw e;
    }
  }

  private one(r: Json, i: number): Json {
    const keys = Object.keys(r || {});
    if (keys.length !== 1) fail(i, 'request', keys.length ? 'A request must have exactly one kind of operation.' : 'Request must specify exactly one kind of operation.');
    const kind = keys[0];
    if (KINDS.indexOf(kind) < 0) throw new DocsApiError(`Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`);
    const q = r[kind] as Json;
    switch (kind) {
      case 'insertText': {
        // eslint-disable-next-line no-control-regex -- the control characters Google strips (reference quoted above)
        const text = String(q.text ?? '').replace(/[\u0000-\u0008\u000c-\u001f\ue000-\uf8ff]/g, '');
        if (!text) fail(i, kind, 'Insert text requests must specify text to insert.');
        const { seg, index } = this.location(q, i, kind);
        this.insertUnits(seg, index, [...text].map((c) => (c === '\n' ? '\n' : { c: c === '\u000b' ? '\r' : c, a: {} })), i, kind);
        break;
      }
      case 'insertPageBreak': {
        const { seg, index } = this.location(q, i, kind);
        if (seg._type !== 'BODY_SECTION') fail(i, kind, 'Page breaks may only be inserted in the body.');
        const spot = this.spot(seg, index, i, kind);
        if (spot.inCell) fail(i, kind, 'Page breaks cannot be inserted inside a table.');
        this.insertUnits(seg, index, [{ pb: true }, '\n'], i, kind);
        break;
      }
      case 'insertInlineImage': {
        // "The provided URI must be publicly accessible and at most 2 kB in length"; a picture
        // is one index, inside a paragraph. The reply names the new object.
        const uri = String(q.uri || '');
        if (!uri) fail(i, kind, 'The image URI must be specified.');
        if (uri.length > 2048) fail(i, kind, 'The image URI must be at most 2 kB in length.');
        const { seg, index } = this.location(q, i, kind);
        const size = q.objectSize || {};
        this.insertUnits(seg, index, [{ img: { uri, width: Number(size.width?.magnitude) || 0, height: Number(size.height?.magnitude) || 0 } }], i, kind);
        return { insertInlineImage: { objectId: `kix.img.${i}` } };
      }
      case 'insertTable': {
        const rows = Number(q.rows);
        const cols = Number(q.columns);
        if (!(rows >= 1 && cols >= 1)) fail(i, kind, 'The table must have at least one row and one column.');
        const { seg, index } = this.location(q, i, kind);
        this.insertTable(seg, index, rows, cols, i, kind);
        break;
      }
      case 'deleteContentRange': {
        const { seg, s, e } = this.range(q.range, i, kind, true);
        this.deleteRange(seg, s, e, i, kind);
        break;
      }
      case 'updateTextStyle': {
        const fields = this.fields(q, i, kind);
        const { seg, s, e } = this.range(q.range, i, kind);
        this.eachPara(seg, s, e, (p, ps) => {
          const u = unitsOf(p);
          for (let k = Math.max(0, s - ps); k < Math.min(u.length, e - ps); k++) {
            const unit = u[k];
            if ('c' in unit) applyTextStyle(unit.a, q.textStyle || {}, fields);
          }
          setUnits(p, u);
        });
        break;
      }
      case 'updateParagraphStyle': {
        const fields = this.fields(q, i, kind);
        const { seg, s, e } = this.range(q.range, i, kind);
        this.eachPara(seg, s, e, (p) => applyParagraphStyle(p, q.paragraphStyle || {}, fields, i, kind));
        break;
      }
      case 'createParagraphBullets':
      case 'deleteParagraphBullets': {
        const { seg, s, e } = this.range(q.range, i, kind);
        const glyph = kind === 'createParagraphBullets' ? glyphOf(String(q.bulletPreset || ''), i) : '';
        this.eachPara(seg, s, e, (p) => {
          const parent = p._parent as ParentNode;
          const at = parent._kids.indexOf(p);
          let next: LocalParagraph;
          if (glyph) {
            const li = new LocalListItem(p._env);
            const u = unitsOf(p);
            let tabs = 0;
            while (tabs < u.length && 'c' in u[tabs] && (u[tabs] as { c: string }).c === '\t') tabs++;
            copyParagraph(p, li);
            setUnits(li, u.slice(tabs));
            li._glyph = glyph as LocalListItem['_glyph'];
            li._nesting = tabs;
            next = li;
          } else {
            if (!(p instanceof LocalListItem)) return;
            next = new LocalParagraph(p._env);
            copyParagraph(p, next);
            setUnits(next, unitsOf(p));
          }
          parent._kids[at] = next;
          next._parent = parent;
          p._parent = null;
          this.fresh.add(next);
        }, true);
        break;
      }
      case 'updateTableColumnProperties': {
        const fields = this.fields(q, i, kind);
        const t = this.table(q.tableStartLocation, i, kind);
        const props = q.tableColumnProperties || {};
        const cols: number[] = q.columnIndices && q.columnIndices.length ? q.columnIndices : t._kids.length ? (t._kids[0] as LocalTableRow)._kids.map((_, k) => k) : [];
        for (const c of cols) {
          if (fields.has('width') || fields.has('widthType')) {
            if (props.widthType === 'FIXED_WIDTH' && props.width) {
              if (!(props.width.magnitude >= 5)) fail(i, kind, 'Column width must be at least 5 points.');
              t._columnWidths[c] = props.width.magnitude;
            } else delete t._columnWidths[c];
          }
        }
        break;
      }
      case 'updateTableCellStyle': {
        const fields = this.fields(q, i, kind);
        const loc = q.tableRange?.tableCellLocation || {};
        const t = this.table(loc.tableStartLocation, i, kind);
        const r0 = Number(loc.rowIndex || 0);
        const c0 = Number(loc.columnIndex || 0);
        for (let r = r0; r < r0 + Number(q.tableRange?.rowSpan || 1); r++) {
          for (let c = c0; c < c0 + Number(q.tableRange?.columnSpan || 1); c++) {
            const cell = (t._kids[r] as LocalTableRow | undefined)?._kids[c] as LocalTableCell | undefined;
            if (!cell) fail(i, kind, 'The table range is out of bounds.');
            if (fields.has('backgroundColor')) {
              const rgb = q.tableCellStyle?.backgroundColor?.color?.rgbColor;
              (cell as LocalTableCell)._background = rgb ? hexOf(rgb) : null;
            }
          }
        }
        break;
      }
    }
    return {};
  }

  // ---- edits ---------------------------------------------------------------------------------

  /** The paragraph holding `index` (made this batch's own first), its units, the offset in it and its top-level element. */
  private paragraphAt(seg: LocalContainer, index: number, i: number, kind: string): { p: LocalParagraph; u: Unit[]; at: number; top: number } {
    let spot = this.spot(seg, index, i, kind);
    this.own(seg, spot.top);
    spot = this.spot(seg, index, i, kind);
    return { p: spot.para, u: unitsOf(spot.para), at: index - spot.start, top: spot.top };
  }

  private insertUnits(seg: LocalContainer, index: number, add: Array<Unit | '\n'>, i: number, kind: string): void {
    const { p, u, at, top } = this.paragraphAt(seg, index, i, kind);
    const before = u[at - 1] && 'c' in u[at - 1] ? (u[at - 1] as { a: TextAttrs }).a : u[at] && 'c' in u[at] ? (u[at] as { a: TextAttrs }).a : {};
    const lines: Unit[][] = [u.slice(0, at)];
    for (const x of add) {
      if (x === '\n') lines.push([]);
      else lines[lines.length - 1].push('c' in x ? { c: x.c, a: { ...before } } : x);
    }
    lines[lines.length - 1].push(...u.slice(at));
    this.splitInto(p, lines);
    this.changed(seg, top);
  }

  /** Paragraph p becomes lines.length paragraphs, each with p's style (a list item stays one). */
  private splitInto(p: LocalParagraph, lines: Unit[][]): LocalParagraph[] {
    const parent = p._parent as ParentNode;
    let at = parent._kids.indexOf(p);
    setUnits(p, lines[0]);
    const out = [p];
    for (const line of lines.slice(1)) {
      const q = p instanceof LocalListItem ? new LocalListItem(p._env) : new LocalParagraph(p._env);
      copyParagraph(p, q);
      setUnits(q, line);
      parent._insert(q, ++at);
      this.fresh.add(q);
      out.push(q);
    }
    return out;
  }

  private insertTable(seg: LocalContainer, index: number, rows: number, cols: number, i: number, kind: string): void {
    const { p, u, at, top } = this.paragraphAt(seg, index, i, kind);
    const [, after] = this.splitInto(p, [u.slice(0, at), u.slice(at)]);
    const t = new LocalTable(p._env, Array.from({ length: rows }, () => Array.from({ length: cols }, () => '')));
    (p._parent as ParentNode)._insert(t, (p._parent as ParentNode)._kids.indexOf(after));
    this.fresh.add(t);
    this.changed(seg, top);
  }

  private deleteRange(seg: LocalContainer, s: number, e: number, i: number, kind: string): void {
    // The starts as they were before this request (nothing below recounts them until `changed`);
    // the elements before the range's first are untouched.
    const st = this.tops(seg);
    const count = seg._kids.length;
    const first = this.topAt(st, count, s);
    const drop: DocNode[] = [];
    let mergeFrom: LocalParagraph | null = null;
    for (let k = first; k < count; k++) {
      const a = st[k];
      const b = st[k + 1];
      if (a >= e) break;
      if (b <= s) continue;
      const n = seg._kids[k];
      if (a >= s && b <= e) {
        drop.push(n);
        continue;
      }
      if (!(n instanceof LocalParagraph)) fail(i, kind, 'Invalid deletion range. A table can only be deleted whole.');
      const p = this.own(seg, k) as LocalParagraph;
      const u = unitsOf(p);
      const from = Math.max(s, a) - a;
      const to = Math.min(e, b) - a; // may include the newline (index u.length)
      const keep = u.slice(0, from).concat(u.slice(Math.min(to, u.length)));
      setUnits(p, keep);
      if (to > u.length) mergeFrom = p; // its newline went: the next paragraph joins it
    }
    for (const n of drop) seg._removeChild(n);
    if (mergeFrom) {
      const next = seg._kids[seg._kids.indexOf(mergeFrom) + 1];
      if (!(next instanceof LocalParagraph)) fail(i, kind, 'Invalid deletion range. The newline before a table cannot be deleted.');
      const own = this.own(seg, seg._kids.indexOf(next)) as LocalParagraph;
      setUnits(mergeFrom, unitsOf(mergeFrom).concat(unitsOf(own)));
      seg._removeChild(own);
    }
    if (!this.saved.has(seg)) this.saved.set(seg, seg._kids.slice());
    this.changed(seg, first);
  }

  /** Every paragraph overlapping [s, e), in document order (into tables), copied before the change. */
  private eachPara(seg: LocalContainer, s: number, e: number, fn: (p: LocalParagraph, start: number) => void, replaces = false): void {
    // As in deleteRange: the starts before this request, from the range's first element.
    const st = this.tops(seg);
    const n = seg._kids.length;
    const first = this.topAt(st, n, s);
    for (let k = first; k < n; k++) {
      if (st[k] >= e) break;
      if (st[k + 1] <= s) continue;
      const node = this.own(seg, k);
      const visit = (x: DocNode, start: number): void => {
        if (x instanceof LocalParagraph) {
          if (start + paraLength(x) > s && start < e) fn(x, start);
          return;
        }
        if (!(x instanceof LocalTable)) return;
        let at = start + 1;
        for (const row of x._kids) {
          at += 1;
          for (const cell of (row as LocalTableRow)._kids) {
            at += 1;
            for (const c of [...(cell as LocalTableCell)._kids]) {
              const len = nodeLength(c);
              visit(c, at);
              at += len;
            }
          }
        }
      };
      visit(node, st[k]);
    }
    if (replaces) this.changed(seg, first);
  }

  private table(loc: Json | undefined, i: number, kind: string): LocalTable {
    const seg = this.segment(loc?.segmentId, i, kind);
    const st = this.tops(seg);
    const k = st.indexOf(Number(loc?.index));
    const n = k >= 0 && k < seg._kids.length ? seg._kids[k] : null;
    if (!(n instanceof LocalTable)) return fail(i, kind, 'The provided table start location is invalid.');
    return this.own(seg, k) as LocalTable;
  }
}
