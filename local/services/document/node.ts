/**
 * The element tree behind the local DocumentApp. Every element keeps its raw self (`_raw`) and its
 * counted proxy (`_proxy`): methods return the proxy so chained calls keep counting, and methods
 * taking an element unwrap it with `_raw`.
 */
import type { LocalEnv } from '../env';
import type { ElementTypeName } from './enums';

/** Apps Script refuses to insert an element that already sits in a document. */
export const NOT_DETACHED = 'Exception: Element must be detached.';

export abstract class DocNode {
  readonly _raw: this = this;
  _proxy: this;
  _parent: ParentNode | null = null;

  constructor(readonly _env: LocalEnv, readonly _type: ElementTypeName, className: string) {
    this._proxy = _env.counted(this, className);
  }

  /** A deep, detached copy (raw). */
  abstract _clone(): DocNode;
  /** Plain text of this element. */
  abstract _text(): string;

  getType(): ElementTypeName {
    return this._type;
  }
  getParent(): ParentNode | null {
    return this._parent ? this._parent._proxy : null;
  }
  copy(): this {
    return this._clone()._proxy as this;
  }
  removeFromParent(): this {
    if (this._parent) {
      const check = (this._parent as unknown as { _checkRemovable?: (n: DocNode) => void })._checkRemovable;
      if (check) check.call(this._parent, this);
      this._parent._removeChild(this);
    }
    return this._proxy;
  }
  getNextSibling(): DocNode | null {
    const p = this._parent;
    if (!p) return null;
    const next = p._kids[p._kids.indexOf(this) + 1];
    return next ? next._proxy : null;
  }
  getPreviousSibling(): DocNode | null {
    const p = this._parent;
    if (!p) return null;
    const prev = p._kids[p._kids.indexOf(this) - 1];
    return prev ? prev._proxy : null;
  }
  isAtDocumentEnd(): boolean {
    return !this.getNextSibling();
  }
  // Casts: Apps Script's getChild() returns an Element to cast with asParagraph() etc.
  asParagraph(): this { return this._as('PARAGRAPH'); }
  asListItem(): this { return this._as('LIST_ITEM'); }
  asTable(): this { return this._as('TABLE'); }
  asTableRow(): this { return this._as('TABLE_ROW'); }
  asTableCell(): this { return this._as('TABLE_CELL'); }
  asText(): this { return this._as('TEXT'); }
  asPageBreak(): this { return this._as('PAGE_BREAK'); }
  asInlineImage(): this { return this._as('INLINE_IMAGE'); }
  asBody(): this { return this._as('BODY_SECTION'); }
  asHeaderSection(): this { return this._as('HEADER_SECTION'); }
  asFooterSection(): this { return this._as('FOOTER_SECTION'); }

  private _as(t: ElementTypeName): this {
    if (this._type !== t) throw new Error(`Exception: Cannot cast ${this._type} to ${t}.`);
    return this._proxy;
  }
}

/** An element with children (paragraph, section, table, row, cell). */
export abstract class ParentNode extends DocNode {
  _kids: DocNode[] = [];

  getNumChildren(): number {
    return this._kids.length;
  }
  getChild(i: number): DocNode {
    const k = this._kids[i];
    if (!k) throw new Error(`Exception: Child index (${i}) must be less than the number of child elements (${this._kids.length}).`);
    return k._proxy;
  }
  getChildIndex(child: DocNode): number {
    const i = this._kids.indexOf(unwrap(child));
    if (i < 0) throw new Error('Exception: Element does not contain the specified child element.');
    return i;
  }
  removeChild(child: DocNode): this {
    this._removeChild(unwrap(child));
    return this._proxy;
  }

  _removeChild(child: DocNode): void {
    const i = this._kids.indexOf(child);
    if (i < 0) throw new Error('Exception: Element does not contain the specified child element.');
    this._kids.splice(i, 1);
    child._parent = null;
  }
  /** Insert a detached raw node at index (end when undefined). */
  _insert<T extends DocNode>(node: T, index?: number): T {
    if (node._parent) throw new Error(NOT_DETACHED);
    const at = index === undefined ? this._kids.length : index;
    if (at < 0 || at > this._kids.length) throw new Error(`Exception: Index (${at}) must be less than or equal to the number of child elements (${this._kids.length}).`);
    this._kids.splice(at, 0, node);
    node._parent = this;
    return node;
  }
  /** All descendants, depth first, in document order. */
  _descendants(): DocNode[] {
    const out: DocNode[] = [];
    for (const k of this._kids) {
      out.push(k);
      if (k instanceof ParentNode) out.push(...k._descendants());
    }
    return out;
  }
}

/** Accept a proxy or raw element from the add-on and return the raw node. */
export function unwrap<T extends DocNode>(el: T): T {
  const raw = (el as unknown as { _raw?: T })._raw;
  if (!raw) throw new Error('Exception: Invalid argument: element');
  return raw;
}

/** Factories registered by table.ts, so container.ts need not import it (import cycle). */
export const factories: {
  table?: (env: LocalEnv, cells?: string[][]) => ParentNode;
} = {};
