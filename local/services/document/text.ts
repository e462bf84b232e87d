/**
 * Text: a run of characters with per-character attributes (bold, italic …), like Apps Script's
 * Text element, whose formatting is read with getTextAttributeIndices().
 *
 * replaceText semantics (developers.google.com/apps-script/reference/document/text#replaceText):
 * the pattern is a regular-expression *string* (RE2 in Google, JavaScript RegExp here; both agree
 * on the plain patterns the add-on uses), matched independently within each text element, so a
 * match never spans two paragraphs. The reference says capture groups are "not fully supported";
 * the replacement is inserted as literal text here (no $1 / $& expansion), and takes the
 * formatting of the first character it replaces — so a bold {{Name}} stays bold.
 */
import type { LocalEnv } from '../env';
import { DocNode, ParentNode } from './node';

export interface TextAttrs {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
  fontFamily?: string;
  foregroundColor?: string;
  linkUrl?: string;
}

export interface TextRun {
  text: string;
  attrs: TextAttrs;
}

function sameAttrs(a: TextAttrs, b: TextAttrs): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TextAttrs>;
  for (const k of keys) if ((a[k] ?? undefined) !== (b[k] ?? undefined)) return false;
  return true;
}

export class LocalText extends DocNode {
  _chars = '';
  _attrs: TextAttrs[] = [];

  constructor(env: LocalEnv, text = '', attrs: TextAttrs = {}) {
    super(env, 'TEXT', 'Text');
    this._chars = text;
    // One attribute set per UTF-16 unit, so offsets match String indices as in Apps Script.
    this._attrs = Array.from({ length: text.length }, () => ({ ...attrs }));
  }

  _clone(): LocalText {
    const t = new LocalText(this._env);
    t._chars = this._chars;
    t._attrs = this._attrs.map((a) => ({ ...a }));
    return t;
  }
  _text(): string {
    return this._chars;
  }
  /** Runs of equal formatting, for export. */
  _runs(): TextRun[] {
    const runs: TextRun[] = [];
    for (let i = 0; i < this._chars.length; i++) {
      const last = runs[runs.length - 1];
      if (last && sameAttrs(last.attrs, this._attrs[i])) last.text += this._chars[i];
      else runs.push({ text: this._chars[i], attrs: { ...this._attrs[i] } });
    }
    return runs;
  }

  getText(): string {
    return this._chars;
  }
  setText(text: string): LocalText {
    const a = this._attrs[0] ?? {};
    this._chars = String(text);
    this._attrs = Array.from({ length: this._chars.length }, () => ({ ...a }));
    return this._proxy;
  }
  appendText(text: string): LocalText {
    return this.insertText(this._chars.length, text);
  }
  insertText(offset: number, text: string): LocalText {
    const s = String(text);
    const a = this._attrs[offset > 0 ? offset - 1 : 0] ?? {};
    this._chars = this._chars.slice(0, offset) + s + this._chars.slice(offset);
    this._attrs.splice(offset, 0, ...Array.from({ length: s.length }, () => ({ ...a })));
    return this._proxy;
  }
  deleteText(start: number, endInclusive: number): LocalText {
    this._chars = this._chars.slice(0, start) + this._chars.slice(endInclusive + 1);
    this._attrs.splice(start, endInclusive - start + 1);
    return this._proxy;
  }

  // Formatting setters take (value) for the whole text or (start, endInclusive, value).
  setBold(...a: unknown[]): LocalText { return this._set('bold', a); }
  setItalic(...a: unknown[]): LocalText { return this._set('italic', a); }
  setUnderline(...a: unknown[]): LocalText { return this._set('underline', a); }
  setFontSize(...a: unknown[]): LocalText { return this._set('fontSize', a); }
  setFontFamily(...a: unknown[]): LocalText { return this._set('fontFamily', a); }
  setForegroundColor(...a: unknown[]): LocalText { return this._set('foregroundColor', a); }
  setLinkUrl(...a: unknown[]): LocalText { return this._set('linkUrl', a); }

  isBold(offset?: number): boolean | null { return this._get('bold', offset) as boolean | null; }
  isItalic(offset?: number): boolean | null { return this._get('italic', offset) as boolean | null; }
  isUnderline(offset?: number): boolean | null { return this._get('underline', offset) as boolean | null; }
  getFontSize(offset?: number): number | null { return this._get('fontSize', offset) as number | null; }

  /** Offsets where formatting changes (always includes 0), as Apps Script returns them. */
  getTextAttributeIndices(): number[] {
    const out: number[] = [0];
    for (let i = 1; i < this._chars.length; i++) if (!sameAttrs(this._attrs[i - 1], this._attrs[i])) out.push(i);
    return out;
  }

  replaceText(searchPattern: string, replacement: string): LocalText {
    const re = new RegExp(searchPattern, 'g');
    const rep = String(replacement);
    let chars = '';
    const attrs: TextAttrs[] = [];
    let pos = 0;
    for (const m of this._chars.matchAll(re)) {
      const start = m.index ?? 0;
      if (m[0].length === 0) continue; // an empty match replaces nothing
      chars += this._chars.slice(pos, start);
      attrs.push(...this._attrs.slice(pos, start));
      const a = this._attrs[start];
      chars += rep;
      for (let i = 0; i < rep.length; i++) attrs.push({ ...a });
      pos = start + m[0].length;
    }
    chars += this._chars.slice(pos);
    attrs.push(...this._attrs.slice(pos));
    this._chars = chars;
    this._attrs = attrs;
    return this._proxy;
  }

  findText(searchPattern: string, from?: RangeElementLike): RangeElementLike | null {
    const start = from && unwrapRange(from).element === this ? unwrapRange(from).end + 1 : 0;
    return findInText(this, searchPattern, start);
  }

  editAsText(): LocalText {
    return this._proxy;
  }

  private _set(key: keyof TextAttrs, args: unknown[]): LocalText {
    if (args.length >= 3) {
      const [s, e, v] = args as [number, number, never];
      if (s < 0 || e >= this._chars.length || s > e) throw new Error(`Exception: Invalid range ${s}..${e} for text of length ${this._chars.length}.`);
      for (let i = s; i <= e; i++) this._attrs[i][key] = v;
    } else {
      for (const a of this._attrs) a[key] = args[0] as never;
    }
    return this._proxy;
  }
  private _get(key: keyof TextAttrs, offset?: number): unknown {
    if (offset !== undefined) return this._attrs[offset]?.[key] ?? null;
    const vals = new Set(this._attrs.map((a) => a[key] ?? null));
    return vals.size === 1 ? [...vals][0] : null; // mixed → null, as Apps Script
  }
}

/** Apps Script RangeElement (what findText returns). */
export interface RangeElementLike {
  getElement(): LocalText;
  getStartOffset(): number;
  getEndOffsetInclusive(): number;
  isPartial(): boolean;
}

interface RawRange { element: LocalText; start: number; end: number }
const ranges = new WeakMap<object, RawRange>();

function unwrapRange(r: RangeElementLike): RawRange {
  const raw = ranges.get((r as unknown as { _raw?: object })._raw ?? r);
  if (!raw) throw new Error('Exception: Invalid argument: from');
  return raw;
}

export function findInText(t: LocalText, pattern: string, from: number): RangeElementLike | null {
  const re = new RegExp(pattern, 'g');
  re.lastIndex = from;
  const m = re.exec(t._chars);
  if (!m || m[0].length === 0) return null;
  const raw: RawRange = { element: t, start: m.index, end: m.index + m[0].length - 1 };
  const obj = {
    _raw: undefined as unknown,
    getElement: () => t._proxy,
    getStartOffset: () => raw.start,
    getEndOffsetInclusive: () => raw.end,
    isPartial: () => raw.start > 0 || raw.end < t._chars.length - 1,
  };
  obj._raw = obj;
  ranges.set(obj, raw);
  return t._env.counted(obj, 'RangeElement');
}

/** findText over every Text under a parent, continuing after `from`. */
export function findInTree(root: ParentNode, pattern: string, from?: RangeElementLike): RangeElementLike | null {
  const texts = root._descendants().filter((n): n is LocalText => n instanceof LocalText);
  let i = 0;
  let offset = 0;
  if (from) {
    const r = unwrapRange(from);
    i = texts.indexOf(r.element);
    if (i < 0) return null;
    offset = r.end + 1;
  }
  for (; i < texts.length; i++, offset = 0) {
    const hit = findInText(texts[i], pattern, offset);
    if (hit) return hit;
  }
  return null;
}
