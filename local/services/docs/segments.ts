/**
 * Where a Docs API request points, on the local tree (for batch.ts): segments by id, the start
 * index of each top-level element (kept for the batch, recomputed after a change), the paragraph
 * holding an index (into tables), and Google's refusals of an index or a range. Every top-level
 * element an edit touches is copied first (`own`), so a failed batch can put the originals back.
 * Index arithmetic: model.ts; the rules quoted: batch.ts.
 */
import type { LocalContainer } from '../document/container';
import type { LocalDocument } from '../document/document';
import type { DocNode } from '../document/node';
import { LocalParagraph } from '../document/paragraph';
import { LocalTable, LocalTableCell, LocalTableRow } from '../document/table';
import { nodeLength, segmentStart } from './model';

export type Json = Record<string, any>;

export class DocsApiError extends Error {}

export const fail = (i: number, kind: string, msg: string): never => {
  throw new DocsApiError(`Invalid requests[${i}].${kind}: ${msg}`);
};

/** A paragraph at an index: the paragraph, its start, and the top-level element holding it. */
export interface Spot { para: LocalParagraph; start: number; top: number; inCell: boolean }

export class Segments {
  protected readonly saved = new Map<LocalContainer, DocNode[]>();
  protected readonly fresh = new Set<DocNode>();
  private readonly starts = new Map<LocalContainer, number[]>();

  constructor(protected readonly doc: LocalDocument) {}

  /** Puts every segment changed in this batch back as it was. */
  protected undo(): void {
    for (const [seg, kids] of this.saved) {
      seg._kids = kids;
      for (const k of kids) k._parent = seg;
    }
  }

  protected segment(segmentId: unknown, i: number, kind: string): LocalContainer {
    const id = String(segmentId ?? '');
    if (!id) return this.doc._body;
    if (id === 'kix.header' && this.doc._header) return this.doc._header;
    if (id === 'kix.footer' && this.doc._footer) return this.doc._footer;
    return fail(i, kind, `Segment with ID ${id} was not found.`);
  }

  protected end(seg: LocalContainer): number {
    const st = this.tops(seg);
    return st[st.length - 1];
  }

  protected location(q: Json, i: number, kind: string): { seg: LocalContainer; index: number } {
    if (q.endOfSegmentLocation) {
      const seg = this.segment(q.endOfSegmentLocation.segmentId, i, kind);
      return { seg, index: this.end(seg) - 1 };
    }
    if (!q.location) fail(i, kind, 'A location or endOfSegmentLocation must be specified.');
    const seg = this.segment(q.location.segmentId, i, kind);
    const index = Number(q.location.index);
    if (!Number.isInteger(index) || index < 0) fail(i, kind, `Index ${q.location.index} must be greater than or equal to 0.`);
    // Index 0 of the body is its section break, not a paragraph (spot() refuses it).
    const end = this.end(seg);
    if (index >= end) fail(i, kind, `Index ${index} must be less than the end index of the referenced segment, ${end}.`);
    return { seg, index };
  }

  protected range(rg: Json | undefined, i: number, kind: string, deleting = false): { seg: LocalContainer; s: number; e: number } {
    if (!rg) return fail(i, kind, 'A range must be specified.');
    const seg = this.segment(rg.segmentId, i, kind);
    const s = Number(rg.startIndex);
    const e = Number(rg.endIndex);
    if (!Number.isInteger(s) || s < segmentStart(seg)) fail(i, kind, `Index ${rg.startIndex} must be greater than or equal to ${segmentStart(seg)}.`);
    if (!(e > s)) fail(i, kind, 'The range should not be empty.');
    const end = this.end(seg);
    if (e > end) fail(i, kind, `Index ${e - 1} must be less than the end index of the referenced segment, ${end}.`);
    if (deleting && e === end) fail(i, kind, 'The range cannot include the newline character at the end of the segment.');
    return { seg, s, e };
  }

  protected fields(q: Json, i: number, kind: string): Set<string> {
    const f = String(q.fields || '').split(',').map((x) => x.trim()).filter(Boolean);
    if (!f.length) fail(i, kind, "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)");
    return f.indexOf('*') >= 0 ? new Set(['*', 'bold', 'italic', 'underline', 'fontSize', 'weightedFontFamily', 'foregroundColor', 'link',
      'namedStyleType', 'alignment', 'spaceAbove', 'spaceBelow', 'lineSpacing', 'indentStart', 'indentFirstLine', 'width', 'widthType', 'backgroundColor']) : new Set(f);
  }

  /**
   * Start index of each top-level element, and the segment's end last (kept for the batch). After
   * a change only the entries from the changed element on are worked out again (`changed`): a
   * batch appends a letter to a document of hundreds, and recounting it all per request made a
   * 300-letter run quadratic.
   */
  protected tops(seg: LocalContainer): number[] {
    let st = this.starts.get(seg);
    if (!st) this.starts.set(seg, (st = [segmentStart(seg)]));
    const kids = seg._kids;
    if (st.length > kids.length + 1) st.length = 1; // elements went without `changed`: count again
    for (let k = st.length - 1; k < kids.length; k++) st.push(st[k] + nodeLength(kids[k]));
    return st;
  }

  /** The top-level element holding `index`: the last one starting at or before it (else the first). */
  protected topAt(st: number[], count: number, index: number): number {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (st[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The paragraph holding `index` (descending into tables), or Google's refusal. */
  protected spot(seg: LocalContainer, index: number, i: number, kind: string): Spot {
    const st = this.tops(seg);
    const top = this.topAt(st, seg._kids.length, index);
    const inside = (n: DocNode, start: number, inCell: boolean): Spot | null => {
      if (n instanceof LocalParagraph) return { para: n, start, top, inCell };
      if (!(n instanceof LocalTable)) return null;
      let at = start + 1;
      for (const row of n._kids) {
        at += 1;
        for (const cell of (row as LocalTableRow)._kids) {
          at += 1; // the cell's own index
          for (const k of (cell as LocalTableCell)._kids) {
            const len = nodeLength(k);
            if (index >= at && index < at + len) return inside(k, at, true);
            at += len;
          }
        }
      }
      return null;
    };
    const hit = index >= st[top] ? inside(seg._kids[top], st[top], false) : null;
    if (!hit) fail(i, kind, 'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.');
    return hit as Spot;
  }

  /** Copy a top-level element before its first change in this batch; returns the copy. */
  protected own(seg: LocalContainer, top: number): DocNode {
    if (!this.saved.has(seg)) this.saved.set(seg, seg._kids.slice());
    const n = seg._kids[top];
    if (this.fresh.has(n)) return n;
    const copy = n._clone();
    seg._kids[top] = copy;
    copy._parent = seg;
    this.fresh.add(copy);
    return copy;
  }

  /** Top-level element `fromTop` and every one after it may have changed, moved, come or gone. */
  protected changed(seg: LocalContainer, fromTop: number): void {
    const st = this.starts.get(seg);
    if (st && st.length > fromTop + 1) st.length = Math.max(1, fromTop + 1);
  }
}
