/**
 * A small .xlsx reader for the Import a file sidebar (issue 16): runs in the browser, bundled into
 * the sidebar by scripts/build.mjs (no library: an .xlsx is a zip of XML parts — ECMA-376 Part 1,
 * SpreadsheetML §18 — and the browser inflates with DecompressionStream('deflate-raw')).
 *
 * What a cell becomes, the same as the CLI's exceljs reader (local/cli/xlsxData.ts; a test holds
 * the two to the same answers):
 * - text (shared, inline or a formula's text result) → the string, `_xHHHH_` escapes decoded;
 * - a number in a date or time format → "yyyy-mm-dd", "yyyy-mm-dd HH:MM" or "HH:MM" (1900 or
 *   1904 date system as the workbook says); any other number → the number (a UPN that became a
 *   number arrives as a number and is refused "lost leading zeros"; a date column holding a bare
 *   serial is read as that date by the importer);
 * - TRUE/FALSE → booleans; an error (#N/A) → its text;
 * - a formula → its cached result (what Excel showed; the formula itself is never used);
 * - empty → null. Rows are dense from row 1 to the last row with a value.
 */
import { decodeUtf8 } from '../../core/records/textDecode';

export type XlsxCell = string | number | boolean | null;

export interface XlsxBook {
  sheetNames: string[];
  /** The rows of a sheet by name (the first sheet when no name is given). */
  rows(sheet?: string): Promise<XlsxCell[][]>;
}

export type Inflate = (raw: Uint8Array) => Promise<Uint8Array>;

export class XlsxError extends Error {}

interface ZipEntry { name: string; method: number; size: number; offset: number }

function u16(b: Uint8Array, i: number): number { return b[i] | (b[i + 1] << 8); }
function u32(b: Uint8Array, i: number): number { return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000; }

/** The zip's central directory (PKWARE APPNOTE 4.3.16): names, methods, where each entry is. */
function zipEntries(b: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) { eocd = i; break; }
  }
  if (eocd < 0) throw new XlsxError('this is not an .xlsx file (it is not a zip). Save it from Excel as "Excel Workbook (.xlsx)" or as CSV.');
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (u32(b, p) !== 0x02014b50) throw new XlsxError('the .xlsx file is damaged (its zip directory cannot be read).');
    const method = u16(b, p + 10);
    const size = u32(b, p + 20);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const offset = u32(b, p + 42);
    const name = decodeUtf8(b.subarray(p + 46, p + 46 + nameLen)) || '';
    out.set(name.replace(/^\//, ''), { name, method, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function entryBytes(b: Uint8Array, e: ZipEntry, inflate: Inflate): Promise<Uint8Array> {
  if (u32(b, e.offset) !== 0x04034b50) throw new XlsxError('the .xlsx file is damaged (a part cannot be found).');
  const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
  const raw = b.subarray(start, start + e.size);
  if (e.method === 0) return raw;
  if (e.method === 8) return inflate(raw);
  throw new XlsxError(`the .xlsx file uses a compression this reader does not know (method ${e.method}). Save it again from Excel, or as CSV.`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string: entities, then OOXML's _xHHHH_ escapes (ECMA-376 §22.4.2.4). */
export function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e.charAt(0) === '#' ? String.fromCodePoint(e.charAt(1) === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e])
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = xmlText(m[3] !== undefined ? m[3] : m[4]);
  return out;
}

/** The text of every <t> in a string item, phonetic runs (<rPh>) left out. */
function itemText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let s = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) s += xmlText(m[1]);
  return s;
}

// Built-in number formats that are dates or times (ECMA-376 §18.8.30).
const DATE_FORMAT_IDS = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57];

/** A number format code that shows a date or time: d, m, y, h or s outside quotes and [ ]. */
export function isDateFormat(code: string): boolean {
  const plain = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(plain) && !/^general$/i.test(plain.trim());
}

function dateStyles(stylesXml: string): boolean[] {
  const custom: Record<number, string> = {};
  const numFmt = /<numFmt\b[^>]*\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = numFmt.exec(stylesXml))) {
    const a = attrs(m[0]);
    custom[Number(a.numFmtId)] = a.formatCode || '';
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  const out: boolean[] = [];
  if (!xfs) return out;
  const xf = /<xf\b[^>]*?(?:\/>|>)/g;
  while ((m = xf.exec(xfs[1]))) {
    const id = Number(attrs(m[0]).numFmtId || 0);
    out.push(custom[id] !== undefined ? isDateFormat(custom[id]) : DATE_FORMAT_IDS.indexOf(id) >= 0);
  }
  return out;
}

function pad(n: number): string { return (n < 10 ? '0' : '') + n; }

/** A serial day number → "yyyy-mm-dd", "yyyy-mm-dd HH:MM" or "HH:MM" (a time of day alone). */
export function serialText(serial: number, date1904: boolean): string {
  let days = Math.floor(serial);
  let mins = Math.round((serial - days) * 1440);
  if (mins === 1440) { days += 1; mins = 0; }
  const time = mins > 0 ? `${pad(Math.floor(mins / 60) % 24)}:${pad(mins % 60)}` : '';
  if (days === 0 && !date1904) return time || '00:00';
  const t = new Date(Date.UTC(date1904 ? 1904 : 1899, date1904 ? 0 : 11, date1904 ? 1 : 30) + days * 86400000);
  const d = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return time ? `${d} ${time}` : d;
}

/** "AB12" → 27 (0-based column). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function sheetRows(xml: string, shared: string[], dates: boolean[], date1904: boolean): XlsxCell[][] {
  const rows: XlsxCell[][] = [];
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  let rm: RegExpExecArray | null;
  let nextRow = 1;
  let last = 0;
  while ((rm = rowRe.exec(xml))) {
    const ra = attrs(rm[1]);
    const r = ra.r ? Number(ra.r) : nextRow;
    nextRow = r + 1;
    const cells: XlsxCell[] = [];
    const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    let cm: RegExpExecArray | null;
    let nextCol = 0;
    while ((cm = cellRe.exec(rm[2] || ''))) {
      const a = attrs(cm[1]);
      const col = a.r ? columnOf(a.r) : nextCol;
      nextCol = col + 1;
      const inner = cm[2] || '';
      const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner);
      const raw = v ? xmlText(v[1]) : null;
      let value: XlsxCell = null;
      const t = a.t || 'n';
      if (t === 's') value = raw === null ? null : shared[Number(raw)] ?? null;
      else if (t === 'inlineStr') value = itemText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] || '');
      else if (t === 'str' || t === 'e') value = raw;
      else if (t === 'b') value = raw === null ? null : raw === '1' || raw.toLowerCase() === 'true';
      else if (t === 'd') value = raw === null ? null : raw.replace(/T00:00(:00(\.0+)?)?Z?$/, '').replace('T', ' ').slice(0, 16);
      else if (raw !== null && raw !== '') {
        const n = Number(raw);
        value = isFinite(n) ? (dates[Number(a.s || 0)] ? serialText(n, date1904) : n) : raw;
      }
      if (value === '') value = null;
      while (cells.length < col) cells.push(null);
      cells[col] = value;
    }
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    while (rows.length < r - 1) rows.push([]);
    rows[r - 1] = cells;
    if (cells.length) last = r;
  }
  return rows.slice(0, last);
}

/** Open an .xlsx: the sheet names now, a sheet's rows when asked. */
export async function readXlsx(bytes: Uint8Array, inflate: Inflate): Promise<XlsxBook> {
  const zip = zipEntries(bytes);
  const part = async (name: string): Promise<string | null> => {
    const e = zip.get(name);
    if (!e) return null;
    const text = decodeUtf8(await entryBytes(bytes, e, inflate));
    if (text === null) throw new XlsxError(`the .xlsx file is damaged (${name} is not UTF-8).`);
    return text;
  };
  const workbook = await part('xl/workbook.xml');
  if (workbook === null) throw new XlsxError('this is not an Excel workbook (.xlsx): it has no workbook part. Save it from Excel as .xlsx or as CSV.');
  const rels = (await part('xl/_rels/workbook.xml.rels')) || '';
  const targetOf: Record<string, string> = {};
  const relRe = /<Relationship\b[^>]*\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = relRe.exec(rels))) {
    const a = attrs(m[0]);
    const t = a.Target || '';
    targetOf[a.Id] = t.charAt(0) === '/' ? t.slice(1) : `xl/${t.replace(/^\.\//, '')}`;
  }
  const sheets: { name: string; path: string }[] = [];
  const sheetRe = /<sheet\b[^>]*\/?>/g;
  while ((m = sheetRe.exec(workbook))) {
    const a = attrs(m[0]);
    const id = a['r:id'] || Object.keys(a).filter((k) => /:id$/.test(k)).map((k) => a[k])[0];
    if (id && targetOf[id]) sheets.push({ name: a.name || `Sheet${sheets.length + 1}`, path: targetOf[id] });
  }
  if (!sheets.length) throw new XlsxError('the workbook has no sheets.');
  const date1904 = /<workbookPr\b[^>]*\bdate1904\s*=\s*"(1|true)"/.test(workbook);
  let shared: string[] | null = null;
  let dates: boolean[] | null = null;
  return {
    sheetNames: sheets.map((s) => s.name),
    async rows(name?: string): Promise<XlsxCell[][]> {
      const sheet = name === undefined ? sheets[0] : sheets.find((s) => s.name === name);
      if (!sheet) throw new XlsxError(`the workbook has no sheet named "${name}".`);
      if (shared === null) {
        const sst = (await part('xl/sharedStrings.xml')) || '';
        shared = [];
        const siRe = /<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g;
        while ((m = siRe.exec(sst))) shared.push(itemText(m[1] || ''));
      }
      if (dates === null) dates = dateStyles((await part('xl/styles.xml')) || '');
      const xml = await part(sheet.path);
      if (xml === null) throw new XlsxError(`the .xlsx file is damaged (sheet "${sheet.name}" is missing).`);
      return sheetRows(xml, shared, dates, date1904);
    },
  };
}
