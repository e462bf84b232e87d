/**
 * Paragraph, ListItem and PageBreak. As in Google Docs, a page break lives inside a paragraph
 * (Body.appendPageBreak() adds a paragraph holding it), and a paragraph's text is one or more
 * Text children: editAsText() merges them into one, appendText() adds a new one (so
 * `p.appendText('x').setBold(true)` bolds only the new text, as in Apps Script).
 */
import type { LocalEnv } from '../env';
import { HorizontalAlignment, ParagraphHeading, GlyphType } from './enums';
import { DocNode, ParentNode, unwrap } from './node';
import { LocalText, findInTree, type RangeElementLike } from './text';

export class LocalPageBreak extends DocNode {
  constructor(env: LocalEnv) {
    super(env, 'PAGE_BREAK', 'PageBreak');
  }
  _clone(): LocalPageBreak {
    return new LocalPageBreak(this._env);
  }
  _text(): string {
    return '';
  }
}

/**
 * A picture in a paragraph (developers.google.com/apps-script/reference/document/inline-image):
 * its source and size in points. Locally it has no pixels; the Docs API inserts it
 * (insertInlineImage) and Documents.get lists it (local/services/docs).
 */
export class LocalInlineImage extends DocNode {
  constructor(env: LocalEnv, public _uri = '', public _width = 0, public _height = 0) {
    super(env, 'INLINE_IMAGE', 'InlineImage');
  }
  _clone(): LocalInlineImage {
    return new LocalInlineImage(this._env, this._uri, this._width, this._height);
  }
  _text(): string {
    return '';
  }
  getWidth(): number { return this._width; }
  getHeight(): number { return this._height; }
}

type Heading = keyof typeof ParagraphHeading;
type Align = keyof typeof HorizontalAlignment;

export class LocalParagraph extends ParentNode {
  _heading: Heading = 'NORMAL';
  _alignment: Align | null = null;
  _style: Record<string, number | null> = {};

  constructor(env: LocalEnv, text = '', type: 'PARAGRAPH' | 'LIST_ITEM' = 'PARAGRAPH', className = 'Paragraph') {
    super(env, type, className);
    if (text !== '') this._insert(new LocalText(env, String(text)));
  }

  _clone(): LocalParagraph {
    const p = new LocalParagraph(this._env);
    this._copyInto(p);
    return p;
  }
  protected _copyInto(p: LocalParagraph): void {
    p._heading = this._heading;
    p._alignment = this._alignment;
    p._style = { ...this._style };
    for (const k of this._kids) p._insert(k._clone());
  }
  _text(): string {
    return this._kids.map((k) => k._text()).join('');
  }

  getText(): string {
    return this._text();
  }
  setText(text: string): this {
    const first = this._kids.find((k): k is LocalText => k instanceof LocalText);
    for (const k of [...this._kids]) this._removeChild(k);
    const t = first ?? new LocalText(this._env);
    t.setText(String(text));
    if (String(text) !== '') this._insert(t);
    return this._proxy;
  }
  appendText(text: string): LocalText {
    return this._insert(new LocalText(this._env, String(text)))._proxy;
  }
  insertText(childIndex: number, text: string): LocalText {
    return this._insert(new LocalText(this._env, String(text)), childIndex)._proxy;
  }
  appendPageBreak(pageBreak?: LocalPageBreak): LocalPageBreak {
    return this._insert(pageBreak ? unwrap(pageBreak) : new LocalPageBreak(this._env))._proxy;
  }
  /** One Text holding the whole paragraph (adjacent Text children merged, formatting kept). */
  editAsText(): LocalText {
    return this._mergeTexts()._proxy;
  }
  _mergeTexts(): LocalText {
    const texts = this._kids.filter((k): k is LocalText => k instanceof LocalText);
    if (texts.length === 0) return this._insert(new LocalText(this._env));
    const [first, ...rest] = texts;
    for (const t of rest) {
      first._chars += t._chars;
      first._attrs.push(...t._attrs);
      this._removeChild(t);
    }
    return first;
  }
  replaceText(searchPattern: string, replacement: string): this {
    for (const k of this._kids) if (k instanceof LocalText) k.replaceText(searchPattern, replacement);
    return this._proxy;
  }
  findText(searchPattern: string, from?: RangeElementLike): RangeElementLike | null {
    return findInTree(this, searchPattern, from);
  }
  clear(): this {
    for (const k of [...this._kids]) this._removeChild(k);
    return this._proxy;
  }

  setHeading(h: Heading): this {
    if (!(h in ParagraphHeading)) throw new Error(`Exception: Invalid argument: heading (${String(h)})`);
    this._heading = h;
    return this._proxy;
  }
  getHeading(): Heading {
    return this._heading;
  }
  setAlignment(a: Align): this {
    if (!(a in HorizontalAlignment)) throw new Error(`Exception: Invalid argument: alignment (${String(a)})`);
    this._alignment = a;
    return this._proxy;
  }
  getAlignment(): Align | null {
    return this._alignment;
  }
  // Spacing and indents in points, kept for export.
  setSpacingBefore(pt: number): this { this._style.spacingBefore = pt; return this._proxy; }
  setSpacingAfter(pt: number): this { this._style.spacingAfter = pt; return this._proxy; }
  setLineSpacing(m: number): this { this._style.lineSpacing = m; return this._proxy; }
  setIndentStart(pt: number): this { this._style.indentStart = pt; return this._proxy; }
  setIndentFirstLine(pt: number): this { this._style.indentFirstLine = pt; return this._proxy; }
  getSpacingBefore(): number | null { return this._style.spacingBefore ?? null; }
  getSpacingAfter(): number | null { return this._style.spacingAfter ?? null; }
}

type Glyph = keyof typeof GlyphType;

export class LocalListItem extends LocalParagraph {
  _glyph: Glyph = 'BULLET';
  _nesting = 0;
  constructor(env: LocalEnv, text = '') {
    super(env, text, 'LIST_ITEM', 'ListItem');
  }
  _clone(): LocalListItem {
    const li = new LocalListItem(this._env);
    this._copyInto(li);
    li._glyph = this._glyph;
    li._nesting = this._nesting;
    return li;
  }
  setGlyphType(g: Glyph): this { this._glyph = g; return this._proxy; }
  getGlyphType(): Glyph { return this._glyph; }
  setNestingLevel(n: number): this { this._nesting = n; return this._proxy; }
  getNestingLevel(): number { return this._nesting; }
}
