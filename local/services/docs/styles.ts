/**
 * Styles the Docs API sets on the local tree (for batch.ts): TextStyle and ParagraphStyle fields
 * as developers.google.com/docs/api/reference/rest/v1/documents#TextStyle and #ParagraphStyle
 * name them, a field listed but not given is cleared (back to the named style's), and the first
 * level of a bullet preset (…/documents/request#BulletGlyphPreset).
 */
import { LocalListItem, LocalParagraph } from '../document/paragraph';
import type { TextAttrs } from '../document/text';
import { ALIGN_OF, HEADING_OF, hexOf } from './model';
import { DocsApiError, Json, fail } from './segments';

export function copyParagraph(from: LocalParagraph, to: LocalParagraph): void {
  to._heading = from._heading;
  to._alignment = from._alignment;
  to._style = { ...from._style };
  if (from instanceof LocalListItem && to instanceof LocalListItem) {
    to._glyph = from._glyph;
    to._nesting = from._nesting;
  }
}

export function applyTextStyle(a: TextAttrs, s: Json, fields: Set<string>): void {
  const has = (f: string) => fields.has(f);
  if (has('bold')) a.bold = s.bold ? true : undefined;
  if (has('italic')) a.italic = s.italic ? true : undefined;
  if (has('underline')) a.underline = s.underline ? true : undefined;
  if (has('fontSize')) a.fontSize = s.fontSize ? s.fontSize.magnitude : undefined;
  if (has('weightedFontFamily')) a.fontFamily = s.weightedFontFamily ? s.weightedFontFamily.fontFamily : undefined;
  if (has('foregroundColor')) a.foregroundColor = s.foregroundColor?.color?.rgbColor ? hexOf(s.foregroundColor.color.rgbColor) : undefined;
  if (has('link')) a.linkUrl = s.link?.url || undefined;
  for (const k of Object.keys(a) as Array<keyof TextAttrs>) if (a[k] === undefined) delete a[k];
}

export function applyParagraphStyle(p: LocalParagraph, s: Json, fields: Set<string>, i: number, kind: string): void {
  const has = (f: string) => fields.has(f);
  if (has('namedStyleType')) {
    const h = s.namedStyleType ? HEADING_OF[s.namedStyleType] : 'NORMAL';
    if (!h) fail(i, kind, `Invalid value at 'requests[${i}].update_paragraph_style.paragraph_style.named_style_type' (${s.namedStyleType}).`);
    p._heading = h as LocalParagraph['_heading'];
  }
  if (has('alignment')) p._alignment = s.alignment ? (ALIGN_OF[s.alignment] as LocalParagraph['_alignment']) || null : null;
  const num = (f: string, key: string, scale = 1) => {
    if (!has(f)) return;
    const v = f === 'lineSpacing' ? s[f] : s[f]?.magnitude;
    if (v == null) delete p._style[key];
    else p._style[key] = v / scale;
  };
  num('spaceAbove', 'spacingBefore');
  num('spaceBelow', 'spacingAfter');
  num('lineSpacing', 'lineSpacing', 100);
  num('indentStart', 'indentStart');
  num('indentFirstLine', 'indentFirstLine');
}

/** The glyph of a bullet preset's first level (BulletGlyphPreset in the request reference). */
export function glyphOf(preset: string, i: number): string {
  if (/^BULLET_/.test(preset)) return 'BULLET';
  if (/^NUMBERED_(DECIMAL|ZERODECIMAL)/.test(preset)) return 'NUMBER';
  if (/^NUMBERED_UPPERALPHA/.test(preset)) return 'LATIN_UPPER';
  if (/^NUMBERED_UPPERROMAN/.test(preset)) return 'ROMAN_UPPER';
  throw new DocsApiError(`Invalid value at 'requests[${i}].create_paragraph_bullets.bullet_preset' (TYPE_ENUM), "${preset}"`);
}
