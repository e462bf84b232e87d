/**
 * Sections that hold paragraphs, list items and tables: Body, HeaderSection, FooterSection and
 * TableCell. Google Docs keeps at least one paragraph in a section: a new document's body holds
 * one empty paragraph, clear() leaves one, and the last paragraph cannot be removed
 * (developers.google.com/apps-script/reference/document/body#clear, #removeChild).
 *
 * A section also always ENDS with a paragraph: a table appended (or inserted) at the end gets an
 * empty paragraph after it, so appendTable adds two children, not one; and the final child of a
 * body, header or footer cannot be removed ("Can't remove the last paragraph in a document
 * section."). Sources: issue 15 and SPEC §9 (observed in Docs); the Docs API's structure page
 * (developers.google.com/docs/api/concepts/structure: a paragraph is content "terminated by a
 * newline", text can only be inserted inside a paragraph) is consistent with it; the Apps Script
 * reference (…/document/body#appendTable) does not say it, and the removal rule is as scripts
 * report hitting it (public code search). So the add-on counts children after each append
 * instead of computing them, and never removes a section's last child.
 */
import type { LocalEnv } from '../env';
import { DocNode, ParentNode, factories, unwrap } from './node';
import type { ElementTypeName } from './enums';
import { LocalListItem, LocalPageBreak, LocalParagraph } from './paragraph';
import { LocalText, findInTree, type RangeElementLike } from './text';

export const LAST_PARAGRAPH = "Exception: Can't remove the last paragraph in a document section.";

export class LocalContainer extends ParentNode {
  constructor(env: LocalEnv, type: ElementTypeName, className: string) {
    super(env, type, className);
    this._insert(new LocalParagraph(env));
  }

  _clone(): LocalContainer {
    const c = new LocalContainer(this._env, this._type, this._type);
    c._kids = [];
    for (const k of this._kids) c._insert(k._clone());
    return c;
  }
  _text(): string {
    return this._kids.map((k) => k._text()).join('\n');
  }

  getText(): string {
    return this._text();
  }
  /** Replace the contents with one paragraph of text (Apps Script's setText on a section). */
  setText(text: string): this {
    this.clear();
    (this._kids[0] as LocalParagraph).setText(String(text));
    return this._proxy;
  }
  clear(): this {
    for (const k of [...this._kids]) this._removeChild(k);
    this._insert(new LocalParagraph(this._env));
    return this._proxy;
  }
  removeChild(child: DocNode): this {
    const raw = unwrap(child);
    this._checkRemovable(raw);
    this._removeChild(raw);
    return this._proxy;
  }
  /** The only paragraph, or the final child of a body/header/footer, stays. */
  _checkRemovable(raw: DocNode): void {
    const paragraphs = this._kids.filter((k) => k._type === 'PARAGRAPH' || k._type === 'LIST_ITEM');
    if (paragraphs.length === 1 && paragraphs[0] === raw) throw new Error(LAST_PARAGRAPH);
    if (this._type !== 'TABLE_CELL' && this._kids[this._kids.length - 1] === raw) throw new Error(LAST_PARAGRAPH);
  }

  appendParagraph(p: string | LocalParagraph): LocalParagraph {
    return this.insertParagraph(this._kids.length, p);
  }
  insertParagraph(index: number, p: string | LocalParagraph): LocalParagraph {
    const node = typeof p === 'object' && p !== null ? unwrap(p) : new LocalParagraph(this._env, String(p ?? ''));
    if (node._type !== 'PARAGRAPH') throw new Error('Exception: Invalid argument: paragraph');
    return this._insert(node, index)._proxy;
  }
  appendListItem(li: string | LocalListItem): LocalListItem {
    return this.insertListItem(this._kids.length, li);
  }
  insertListItem(index: number, li: string | LocalListItem): LocalListItem {
    const node = typeof li === 'object' && li !== null ? unwrap(li) : new LocalListItem(this._env, String(li ?? ''));
    if (node._type !== 'LIST_ITEM') throw new Error('Exception: Invalid argument: listItem');
    return this._insert(node, index)._proxy;
  }
  appendTable(cells?: string[][] | ParentNode): ParentNode {
    return this.insertTable(this._kids.length, cells);
  }
  insertTable(index: number, cells?: string[][] | ParentNode): ParentNode {
    let node: ParentNode;
    if (cells && !Array.isArray(cells)) {
      node = unwrap(cells);
      if (node._type !== 'TABLE') throw new Error('Exception: Invalid argument: table');
    } else {
      node = factories.table!(this._env, cells as string[][] | undefined);
    }
    const out = this._insert(node, index)._proxy;
    // A section never ends with a table: Docs puts an empty paragraph after it.
    if (this._kids[this._kids.length - 1] === node) this._insert(new LocalParagraph(this._env));
    return out;
  }
  /** A new paragraph holding the page break, as Google Docs stores it. */
  appendPageBreak(pageBreak?: LocalPageBreak): LocalPageBreak {
    return this.insertPageBreak(this._kids.length, pageBreak);
  }
  insertPageBreak(index: number, pageBreak?: LocalPageBreak): LocalPageBreak {
    if (this._type === 'TABLE_CELL') throw new Error('Exception: PageBreaks may not be contained within TableCells.');
    const p = this._insert(new LocalParagraph(this._env), index);
    return p._insert(pageBreak ? unwrap(pageBreak) : new LocalPageBreak(this._env))._proxy;
  }

  /**
   * Apps Script returns a Text spanning the whole section. Locally: the single paragraph's Text
   * when there is one paragraph; otherwise a detached copy for reading (edits do not write back).
   */
  editAsText(): LocalText {
    if (this._kids.length === 1 && this._kids[0] instanceof LocalParagraph) return (this._kids[0] as LocalParagraph).editAsText();
    return new LocalText(this._env, this._text())._proxy;
  }
  replaceText(searchPattern: string, replacement: string): this {
    for (const n of this._descendants()) if (n instanceof LocalText) n.replaceText(searchPattern, replacement);
    return this._proxy;
  }
  findText(searchPattern: string, from?: RangeElementLike): RangeElementLike | null {
    return findInTree(this, searchPattern, from);
  }
  getParagraphs(): LocalParagraph[] {
    return this._descendants().filter((n): n is LocalParagraph => n instanceof LocalParagraph).map((p) => p._proxy);
  }
  getTables(): ParentNode[] {
    return this._descendants().filter((n) => n._type === 'TABLE').map((t) => (t as ParentNode)._proxy);
  }
  getListItems(): LocalListItem[] {
    return this._descendants().filter((n): n is LocalListItem => n instanceof LocalListItem).map((l) => l._proxy);
  }
}

/** Body: a container with page margins (points) and size. Defaults are A4 with 1-inch margins. */
export class LocalBody extends LocalContainer {
  _page = { marginTop: 72, marginBottom: 72, marginLeft: 72, marginRight: 72, pageWidth: 595.3, pageHeight: 841.9 };
  constructor(env: LocalEnv) {
    super(env, 'BODY_SECTION', 'Body');
  }
  setMarginTop(pt: number): this { this._page.marginTop = pt; return this._proxy; }
  setMarginBottom(pt: number): this { this._page.marginBottom = pt; return this._proxy; }
  setMarginLeft(pt: number): this { this._page.marginLeft = pt; return this._proxy; }
  setMarginRight(pt: number): this { this._page.marginRight = pt; return this._proxy; }
  getMarginTop(): number { return this._page.marginTop; }
  getMarginBottom(): number { return this._page.marginBottom; }
  getMarginLeft(): number { return this._page.marginLeft; }
  getMarginRight(): number { return this._page.marginRight; }
  setPageWidth(pt: number): this { this._page.pageWidth = pt; return this._proxy; }
  setPageHeight(pt: number): this { this._page.pageHeight = pt; return this._proxy; }
  getPageWidth(): number { return this._page.pageWidth; }
  getPageHeight(): number { return this._page.pageHeight; }
}

export class LocalHeaderSection extends LocalContainer {
  constructor(env: LocalEnv) {
    super(env, 'HEADER_SECTION', 'HeaderSection');
  }
}

export class LocalFooterSection extends LocalContainer {
  constructor(env: LocalEnv) {
    super(env, 'FOOTER_SECTION', 'FooterSection');
  }
}
