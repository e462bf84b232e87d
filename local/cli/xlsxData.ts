/**
 * --data DIR with .xlsx exports (issue 16): a school's MIS report saved as Excel, read with exceljs
 * into the same cells the Import a file sidebar's reader gives (src/ui/lib/xlsx.ts — a test holds
 * the two to the same answers on the same files):
 * - text → the string ('' → null); rich text → its runs joined; a hyperlink → its text;
 * - a date or time (exceljs gives a UTC Date for date-formatted numbers) → "yyyy-mm-dd",
 *   "yyyy-mm-dd HH:MM" or "HH:MM"; any other number → the number;
 * - TRUE/FALSE → booleans; an error → its text (#N/A);
 * - a formula → its cached result (what Excel showed), never the formula;
 * - the first sheet, unless `sheet` names another. Rows dense from row 1 to the last used row.
 */
import ExcelJS from 'exceljs';
import { XlsxCell } from '../../src/ui/lib/xlsx';

const pad = (n: number) => (n < 10 ? '0' : '') + n;

/** An exceljs Date (UTC wall clock) as the sidebar's reader writes it. */
function dateText(d: Date): string {
  let mins = d.getUTCHours() * 60 + d.getUTCMinutes() + Math.round(d.getUTCSeconds() / 60 + d.getUTCMilliseconds() / 60000);
  let t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  if (mins >= 1440) { mins -= 1440; t = new Date(t.getTime() + 86400000); }
  const time = mins > 0 ? `${pad(Math.floor(mins / 60))}:${pad(mins % 60)}` : '';
  if (t.getUTCFullYear() === 1899 && t.getUTCMonth() === 11 && t.getUTCDate() === 30) return time || '00:00';
  const day = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return time ? `${day} ${time}` : day;
}

export function cellOf(v: unknown): XlsxCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return isNaN(v.getTime()) ? null : dateText(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return cellOf((o.richText as { text: string }[]).map((r) => r.text).join(''));
  if ('formula' in o || 'sharedFormula' in o) return cellOf(o.result);
  if ('error' in o) return String(o.error);
  if ('text' in o) return cellOf(o.text);
  return null;
}

export interface XlsxRead {
  rows: XlsxCell[][];
  sheetNames: string[];
}

export async function readXlsxFile(file: string, sheet?: string): Promise<XlsxRead> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheetNames = wb.worksheets.map((w) => w.name);
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) throw new Error(sheet === undefined ? 'the workbook has no sheets.' : `the workbook has no sheet named "${sheet}".`);
  const rows: XlsxCell[][] = [];
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: XlsxCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      while (cells.length < c - 1) cells.push(null);
      cells[c - 1] = cellOf(cell.value);
    });
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    while (rows.length < r - 1) rows.push([]);
    rows[r - 1] = cells;
    if (cells.length) last = r;
  });
  return { rows: rows.slice(0, last), sheetNames };
}
