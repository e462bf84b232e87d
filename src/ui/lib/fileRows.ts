/**
 * A file chosen on the person's computer → rows, in the browser (issue 16). CSV goes through the
 * add-on's own decoder and parser (core/records/csv.ts: UTF-8 with or without BOM, UTF-16,
 * Windows-1252; comma, semicolon or tab) — the same code as every import; an .xlsx through the
 * small reader beside this file. What kind of file it is comes from its first bytes, not its name.
 * A file that cannot be read is an error naming the file: nothing is sent, nothing is written.
 */
import { readCsv } from '../../core/records/csv';
import { readXlsx, XlsxCell, XlsxError, Inflate } from './xlsx';

export interface FileRows {
  kind: 'csv' | 'xlsx';
  rows: XlsxCell[][];
  /** An .xlsx's sheets (the first is read unless another is chosen). */
  sheetNames: string[];
  sheet: string;
}

export class FileReadError extends Error {}

/** The browser's (and Node's) deflate-raw decompressor. */
export const inflateRaw: Inflate = async (raw) => {
  if (typeof DecompressionStream === 'undefined') {
    throw new XlsxError('this browser cannot open .xlsx files. Use an up-to-date Chrome, Edge, Firefox or Safari, or save the file as CSV and choose that.');
  }
  const stream = new Blob([raw as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

export async function readFileRows(name: string, bytes: Uint8Array, sheet?: string, inflate: Inflate = inflateRaw): Promise<FileRows> {
  const b = bytes;
  try {
    if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
      const book = await readXlsx(b, inflate);
      const chosen = sheet !== undefined && book.sheetNames.indexOf(sheet) >= 0 ? sheet : book.sheetNames[0];
      return { kind: 'xlsx', rows: await book.rows(chosen), sheetNames: book.sheetNames, sheet: chosen };
    }
    if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
      throw new FileReadError('this is an old Excel .xls file. Open it in Excel and save it as "Excel Workbook (.xlsx)" or as CSV.');
    }
    const csv = readCsv(b);
    if (csv.problems.length) throw new FileReadError(`${csv.problems.join(' ')} Nothing was imported.`);
    return { kind: 'csv', rows: csv.rows, sheetNames: [], sheet: '' };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new FileReadError(`${name}: ${msg}`);
  }
}

/** The tab a file is for, from its name (students.csv → Students), or '' when it does not say. */
export function guessTarget(fileName: string, names: Record<string, string>): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(csv|xlsx|txt|tsv)$/i, '').trim().toLowerCase();
  return names[base] || names[base.replace(/[\s_]+/g, '-')] || '';
}
