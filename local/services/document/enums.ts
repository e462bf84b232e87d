/**
 * DocumentApp enums. Apps Script enums are objects whose toString() is the member name; code
 * compares them with ===, so a frozen object of strings behaves the same for the add-on.
 * Source: developers.google.com/apps-script/reference/document/{paragraph-heading,
 * horizontal-alignment,element-type}.
 */
function enumOf<K extends string>(names: readonly K[]): Readonly<Record<K, K>> {
  const o = {} as Record<K, K>;
  for (const n of names) o[n] = n;
  return Object.freeze(o);
}

export const ParagraphHeading = enumOf([
  'NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE',
] as const);

export const HorizontalAlignment = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const);

export const VerticalAlignment = enumOf(['BOTTOM', 'CENTER', 'TOP'] as const);

export const ElementType = enumOf([
  'BODY_SECTION', 'HEADER_SECTION', 'FOOTER_SECTION', 'PARAGRAPH', 'TEXT', 'TABLE', 'TABLE_ROW',
  'TABLE_CELL', 'LIST_ITEM', 'PAGE_BREAK', 'HORIZONTAL_RULE', 'INLINE_IMAGE', 'UNSUPPORTED',
] as const);

export const GlyphType = enumOf([
  'BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER',
] as const);

/** DocumentApp.Attribute, for setAttributes/getAttributes. */
export const Attribute = enumOf([
  'BOLD', 'ITALIC', 'UNDERLINE', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR', 'LINK_URL',
  'HEADING', 'HORIZONTAL_ALIGNMENT',
] as const);

export type ElementTypeName = keyof typeof ElementType;
