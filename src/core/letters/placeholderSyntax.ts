/**
 * How a placeholder is written: `{{Field}}`, spaces inside the braces allowed. Kept on its own so
 * that the template check (placeholders.ts), the filling (merge.ts) and the conditional paragraphs
 * (conditions.ts) read placeholders one way, with no import cycle between them.
 */

export interface Placeholder {
  /** The name as written between the braces, spaces trimmed. */
  name: string;
  /** Offsets in the text: `start` is the first "{", `end` is one past the last "}". */
  start: number;
  end: number;
}

// `{{`, optional spaces, anything but braces, optional spaces, `}}`. Braces cannot nest, so a
// stray brace is left over for the balance check rather than swallowed into a name.
const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function findPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  const re = new RegExp(PLACEHOLDER_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ name: m[1], start: m.index, end: m.index + m[0].length });
  return out;
}

