/**
 * CSV for the CLI's --data DIR and the Sheets import: bytes or text → rows of strings.
 *
 * A small RFC 4180 parser rather than papaparse: papaparse's UMD file holds `require('stream')`,
 * `setTimeout(` and `module.exports`, which scripts/build.mjs refuses in build/Code.js (Apps Script
 * has none of them). Quoted fields may hold separators, doubled quotes and line breaks; lines end
 * in CRLF, LF or CR. The separator is detected: comma, semicolon (European Excel) or tab.
 */
import { DecodedText, TextEncoding, decodeText } from './textDecode';

export { decodeText, decodeUtf8, decodeWindows1252 } from './textDecode';
export type { DecodedText, TextEncoding } from './textDecode';

export type Separator = ',' | ';' | '\t';

export interface CsvResult {
  rows: string[][];
  separator: Separator;
  encoding: TextEncoding | 'text';
  /** Problems a person can fix, e.g. a quote never closed (names the line). */
  problems: string[];
}

/** The separator used most on the first line, counted outside quotes; comma when none. */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Separator = ',';
  (['\t', ';'] as Separator[]).forEach((s) => { if (counts[s] > counts[best]) best = s; });
  return best;
}

export function parseCsv(text: string, separator?: Separator): { rows: string[][]; problems: string[] } {
  const sep = separator || detectSeparator(text);
  const src = text.charAt(0) === '\ufeff' ? text.slice(1) : text;
  const rows: string[][] = [];
  const problems: string[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  let i = 0;
  const endField = () => { row.push(field); field = ''; };
  const endRow = () => { endField(); rows.push(row); row = []; };
  while (i < src.length) {
    const ch = src.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (src.charAt(i + 1) === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      if (ch === '\n' || (ch === '\r' && src.charAt(i + 1) !== '\n')) line++;
      field += ch; i++; continue;
    }
    if (ch === '"' && field.trim() === '') { quoted = true; quoteLine = line; field = ''; i++; continue; }
    if (ch === sep) { endField(); i++; continue; }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && src.charAt(i + 1) === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += ch; i++;
  }
  if (quoted) problems.push(`A quote opened on line ${quoteLine} is never closed — the rest of the file was read as one cell.`);
  if (field !== '' || row.length) endRow();
  return { rows, problems };
}

/** Bytes (a Drive blob's getBytes(), a file read in Node) or text → rows. */
export function readCsv(input: ArrayLike<number> | string, separator?: Separator): CsvResult {
  let decoded: DecodedText | null = null;
  const text = typeof input === 'string' ? input : (decoded = decodeText(input)).text;
  const sep = separator || detectSeparator(text.charAt(0) === '\ufeff' ? text.slice(1) : text);
  const parsed = parseCsv(text, sep);
  return { rows: parsed.rows, separator: sep, encoding: decoded ? decoded.encoding : 'text', problems: parsed.problems };
}
