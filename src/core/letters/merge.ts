/**
 * Putting a pupil's values into a template. Values go in literally and in a single pass: a name
 * like "O'Brien-Smith", "$&" or "{{Date}}" typed into the Students tab comes out exactly as typed,
 * never as a regex replacement pattern and never expanded again.
 */
import { findPlaceholders } from './placeholders';

/**
 * Replaces each `{{Field}}` with its value. A placeholder with no entry in `values` is left as
 * written (checkTemplate has already stopped any unknown field before a run gets here).
 */
export function fillText(text: string, values: Record<string, string>): string {
  let out = '';
  let at = 0;
  for (const ph of findPlaceholders(text)) {
    if (!has(values, ph.name)) continue;
    out += text.slice(at, ph.start) + values[ph.name];
    at = ph.end;
  }
  return out + text.slice(at);
}

/** One replacement inside a Docs `Text` element. */
export interface RunEdit {
  field: string;
  /** First character of the placeholder. */
  start: number;
  /** Last character of the placeholder, inclusive, as `Text.deleteText(start, endInclusive)` takes it. */
  endInclusive: number;
  value: string;
}

/**
 * The edits that fill one paragraph's text in place, **last first**, so the adapter can apply them
 * in order without recomputing offsets: `deleteText(start, endInclusive)` then, for a non-empty
 * value, `insertText(start, value)` and copy the placeholder's own attributes (read with
 * `getAttributes(start)` before deleting) onto `start … start + value.length - 1`. Done this way,
 * bold or italic around and on the placeholder survives, which a whole-paragraph `setText` loses.
 * A placeholder split across formatting runs is still one edit, since offsets are in the
 * paragraph's whole text.
 */
export function planRuns(text: string, values: Record<string, string>): RunEdit[] {
  const edits: RunEdit[] = [];
  for (const ph of findPlaceholders(text)) {
    if (!has(values, ph.name)) continue;
    edits.push({ field: ph.name, start: ph.start, endInclusive: ph.end - 1, value: values[ph.name] });
  }
  return edits.reverse();
}

function has(values: Record<string, string>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(values, name);
}
