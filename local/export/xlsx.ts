/**
 * Save the local spreadsheet as .xlsx, and load an .xlsx (ours, or a tracker downloaded from
 * Google Sheets) as a local spreadsheet, with exceljs.
 *
 * Kept both ways: values (dates as real Excel dates in London time, text as text so "0012…" UPNs
 * stay text), number formats, fills, bold, font colour, wrap, alignment, notes, frozen rows and
 * columns, column widths, tab colour, hidden tabs, list/date/checkbox validations and conditional
 * formatting (see xlsxRules.ts). Charts cannot be written by exceljs: they are listed on an extra
 * tab "Charts (local)" and restored from it on load. Protections are not saved (Excel has no
 * warning-only protection).
 */
import ExcelJS from 'exceljs';
import type { LocalEnv } from '../services/env';
import { createLocalSpreadsheet } from '../services/spreadsheet';
import { LocalConditionalFormatRule } from '../services/spreadsheet/conditional';
import { wrap } from '../services/spreadsheet/counted';
import type { Cell } from '../services/spreadsheet/grid';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, type LocalSheet } from '../services/spreadsheet/sheet';
import type { LocalSpreadsheet } from '../services/spreadsheet/spreadsheet';
import { validationFromSpec, type LocalDataValidation } from '../services/spreadsheet/validation';
import { FORMULA_VALUE, londonDate, wallClock, type CellValue } from '../services/spreadsheet/values';
import { LocalEmbeddedChart } from '../services/spreadsheet/charts';
import { argb, hexOf, ruleToExcel, rulesFromExcel, validationFromExcel, validationToExcel } from './xlsxRules';

export const CHARTS_TAB = 'Charts (local)';
/** Sheets column widths are pixels; Excel's are characters of about 7 px. */
const PX_PER_CHAR = 7;

/**
 * A date as Excel should show it: the wall clock in the spreadsheet's time zone (Sheets' own
 * download does the same), carried in a UTC Date for exceljs.
 */
function excelDate(d: Date, timeZone: string): Date {
  const w = wallClock(d, timeZone);
  return new Date(Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mi, w.ss));
}

function fromExcelDate(d: Date): Date {
  return londonDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** Told before each tab is laid out (the dry run prints a line per tab: a big tracker takes a while). */
export type TabProgress = (i: number, of: number, name: string, rows: number) => void;

/**
 * Deflate at its fastest level: most of a big tracker's save was spent compressing (a year of
 * marks is tens of MB of sheet XML); level 1 makes a file a little larger, as readable everywhere.
 */
const ZIP = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;

export async function saveXlsx(ss: LocalSpreadsheet, path: string, onTab?: TabProgress): Promise<void> {
  const wb = await toWorkbook(ss, onTab);
  await wb.xlsx.writeFile(path, ZIP);
}

export async function toXlsxBuffer(ss: LocalSpreadsheet): Promise<Buffer> {
  const wb = await toWorkbook(ss);
  return Buffer.from(await wb.xlsx.writeBuffer(ZIP));
}

async function toWorkbook(ss: LocalSpreadsheet, onTab?: TabProgress): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pastoral Tracker (local run)';
  const chartRows: unknown[][] = [];
  for (const [i, sheet] of ss._sheets.entries()) {
    if (onTab) onTab(i + 1, ss._sheets.length, sheet._name, sheet._grid.extent().rows);
    const ws = wb.addWorksheet(sheet._name, {
      state: sheet._hidden ? 'hidden' : 'visible',
      // Sheets' columns are 100 px unless set; Excel's default is narrower (a UPN would be cut).
      properties: { defaultColWidth: 100 / PX_PER_CHAR, ...(sheet._tabColor ? { tabColor: { argb: argb(sheet._tabColor) } } : {}) },
      views: sheet._frozenRows || sheet._frozenColumns ? [{ state: 'frozen', xSplit: sheet._frozenColumns, ySplit: sheet._frozenRows }] : [],
    });
    writeCells(sheet, ws);
    for (const [col, px] of sheet._columnWidths) ws.getColumn(col).width = px / PX_PER_CHAR;
    for (const col of sheet._hiddenColumns) ws.getColumn(col).hidden = true;
    sheet._rules.forEach((rule, i) => ws.addConditionalFormatting(ruleToExcel(rule, i + 1)));
    for (const chart of sheet._charts) {
      const c = chart._spec;
      chartRows.push([sheet._name, c.type, c.ranges.map((r) => `${r.row},${r.col},${r.numRows},${r.numCols}`).join(';'), c.position.row, c.position.col, JSON.stringify(c.options)]);
    }
  }
  if (chartRows.length) {
    // Hidden: it is this computer's record for --workbook, not a tab of the tracker (out/dashboard.html draws the charts).
    const ws = wb.addWorksheet(CHARTS_TAB, { state: 'hidden' });
    ws.addRow(['Tab', 'Type', 'Ranges (row,col,rows,cols)', 'Row', 'Column', 'Options']);
    chartRows.forEach((r) => ws.addRow(r));
  }
  return wb;
}

function writeCells(sheet: LocalSheet, ws: ExcelJS.Worksheet): void {
  const { rows, cols } = sheet._grid.extent();
  const validations = new Map<LocalDataValidation, ExcelJS.DataValidation>();
  for (let r = 1; r <= rows; r++) {
    // Sheets grows a row to show its wrapped text (a header such as "Weeks Pink (year to date)");
    // Excel and LibreOffice keep the height an .xlsx gives, so give the lines it needs.
    let lines = 1;
    for (let c = 1; c <= cols; c++) {
      const cell = sheet._grid.get(r, c);
      if (cell && cell.wrap && typeof cell.v === 'string' && cell.v) {
        const px = sheet._columnWidths.get(c) ?? 100;
        lines = Math.max(lines, Math.ceil((cell.v.length * PX_PER_CHAR + 8) / px));
      }
    }
    if (lines > 1) ws.getRow(r).height = 15 * Math.min(lines, 6);
    for (let c = 1; c <= cols; c++) {
      const cell = sheet._grid.get(r, c);
      if (!cell) continue;
      const x = ws.getCell(r, c);
      if (cell.f) {
        const result = cell.v === FORMULA_VALUE ? undefined : cell.v instanceof Date ? excelDate(cell.v, sheet._spreadsheet._timeZone) : cell.v;
        x.value = { formula: cell.f.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
      } else if (cell.v instanceof Date) x.value = excelDate(cell.v, sheet._spreadsheet._timeZone);
      else if (cell.v !== '') x.value = cell.v;
      const style = styleOf(cell);
      if (style) x.style = style;
      if (cell.note) x.note = cell.note;
      if (cell.dv) {
        const raw = cell.dv as LocalDataValidation;
        let dv = validations.get(raw._spec as unknown as LocalDataValidation);
        if (!dv) {
          dv = validationToExcel(raw._spec);
          validations.set(raw._spec as unknown as LocalDataValidation, dv);
        }
        x.dataValidation = dv;
      }
    }
  }
}

/**
 * One style object per distinct look (format, fill, bold, colour, wrap, alignment), shared by every
 * cell that has it: exceljs recognises a style object it has seen and skips re-deriving it, which
 * was the longest part of saving a big tracker (a new object per cell).
 */
const STYLES = new Map<string, Partial<ExcelJS.Style>>();

function styleOf(cell: { fmt?: string; bg?: string | null; bold?: boolean; color?: string | null; wrap?: boolean; align?: string | null }): Partial<ExcelJS.Style> | null {
  if (!cell.fmt && !cell.bg && !cell.bold && !cell.color && !cell.wrap && !cell.align) return null;
  const key = [cell.fmt || '', cell.bg || '', cell.bold ? 'b' : '', cell.color || '', cell.wrap ? 'w' : '', cell.align || ''].join('|');
  let st = STYLES.get(key);
  if (!st) {
    st = {};
    if (cell.fmt) st.numFmt = cell.fmt;
    if (cell.bg) st.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.bg) } };
    if (cell.bold || cell.color) st.font = { ...(cell.bold ? { bold: true } : {}), ...(cell.color ? { color: { argb: argb(cell.color) } } : {}) };
    if (cell.wrap || cell.align) st.alignment = { ...(cell.wrap ? { wrapText: true } : {}), ...(cell.align ? { horizontal: cell.align as ExcelJS.Alignment['horizontal'] } : {}) };
    STYLES.set(key, st);
  }
  return st;
}

export interface LoadResult {
  spreadsheet: LocalSpreadsheet;
  /** Things in the file the local sheet cannot hold (named, so a person can check them). */
  skipped: string[];
}

/** Load an .xlsx as a local spreadsheet (not yet active: pass it to SpreadsheetApp._setActive). */
export async function loadXlsx(path: string, env: LocalEnv, name?: string): Promise<LocalSpreadsheet> {
  return (await loadXlsxWithNotes(path, env, name)).spreadsheet;
}

export async function loadXlsxWithNotes(path: string, env: LocalEnv, name?: string): Promise<LoadResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ss = createLocalSpreadsheet(env, name ?? path.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, ''));
  // An .xlsx carries no time zone: its dates are read as London wall clocks, so the tracker it
  // becomes is a London, en_GB one (what Set up tracker makes).
  ss._locale = 'en_GB';
  ss._timeZone = 'Europe/London';
  const skipped: string[] = [];
  let charts: ExcelJS.Worksheet | undefined;
  wb.eachSheet((ws) => {
    if (ws.name === CHARTS_TAB) {
      charts = ws;
      return;
    }
    const maxRows = Math.max(DEFAULT_ROWS, ws.rowCount);
    const maxCols = Math.max(DEFAULT_COLUMNS, ws.columnCount);
    const sheet = ss._addSheet(ws.name, undefined, maxRows, maxCols);
    readCells(ws, sheet, env, skipped);
    const view = ws.views?.find((v) => v.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
    if (view) {
      sheet._frozenRows = view.ySplit ?? 0;
      sheet._frozenColumns = view.xSplit ?? 0;
    }
    sheet._hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    sheet._tabColor = hexOf(ws.properties?.tabColor) ?? null;
    (ws.columns ?? []).forEach((col, i) => {
      if (col.width !== undefined) sheet._columnWidths.set(i + 1, Math.round(col.width * PX_PER_CHAR));
      if (col.hidden) sheet._hiddenColumns.add(i + 1);
    });
    sheet._rules = rulesFromExcel(ws, sheet, skipped).map((spec) => wrap(env, new LocalConditionalFormatRule(env, spec), 'ConditionalFormatRule'));
  });
  if (charts) restoreCharts(charts, ss, env);
  if (ss._sheets.length === 0) ss._addSheet('Sheet1');
  return { spreadsheet: (ss._w as LocalSpreadsheet) ?? ss, skipped };
}

function readCells(ws: ExcelJS.Worksheet, sheet: LocalSheet, env: LocalEnv, skipped: string[]): void {
  const validations = new Map<unknown, LocalDataValidation | null>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (x, c) => {
      const cell = sheet._grid.touch(r, c);
      readValue(x, cell);
      const fmt = x.numFmt;
      if (fmt && fmt !== 'General') cell.fmt = fmt;
      const fill = x.fill as ExcelJS.FillPattern | undefined;
      if (fill?.type === 'pattern' && fill.pattern === 'solid') {
        const bg = hexOf(fill.fgColor);
        if (bg) cell.bg = bg;
      }
      if (x.font?.bold) cell.bold = true;
      const fc = hexOf(x.font?.color);
      if (fc && fc !== '#000000') cell.color = fc;
      if (x.alignment?.wrapText) cell.wrap = true;
      if (x.alignment?.horizontal) cell.align = x.alignment.horizontal;
      if (typeof x.note === 'string') cell.note = x.note;
      else if (x.note && Array.isArray((x.note as ExcelJS.Comment).texts)) cell.note = (x.note as ExcelJS.Comment).texts!.map((t) => t.text).join('');
    });
  });
  // Validations may sit on blank cells (a whole column's dropdown), so read them from the model.
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    if (!validations.has(dv)) {
      const spec = validationFromExcel(dv);
      if (!spec) skipped.push(`${ws.name}!${address}: a "${dv.type}" validation is not supported and was left out.`);
      validations.set(dv, spec ? validationFromSpec(env, spec) : null);
    }
    const local = validations.get(dv);
    if (!local) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) continue;
    const x = ws.getCell(address);
    sheet._grid.touch(Number(m[2]), Number(x.col)).dv = local;
  }
}

function readValue(x: ExcelJS.Cell, cell: Cell): void {
  const v = x.value;
  if (v === null || v === undefined) return;
  if (v instanceof Date) cell.v = fromExcelDate(v);
  else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') cell.v = v;
  else if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      cell.f = `=${x.formula}`;
      cell.v = plain(o.result);
    } else if (Array.isArray(o.richText)) cell.v = (o.richText as { text: string }[]).map((t) => t.text).join('');
    else if ('hyperlink' in o) cell.v = String(o.text ?? '');
    else if ('error' in o) cell.v = String(o.error);
  }
}

function plain(result: unknown): CellValue {
  if (result === undefined || result === null) return FORMULA_VALUE;
  if (result instanceof Date) return fromExcelDate(result);
  if (typeof result === 'object' && 'error' in (result as object)) return String((result as { error: string }).error);
  return result as CellValue;
}

function restoreCharts(ws: ExcelJS.Worksheet, ss: LocalSpreadsheet, env: LocalEnv): void {
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const [tab, type, ranges, prow, pcol, options] = (row.values as unknown[]).slice(1);
    const sheet = ss._sheets.find((s) => s._name === tab);
    if (!sheet) return;
    const rects = String(ranges ?? '')
      .split(';')
      .filter(Boolean)
      .map((t) => {
        const [row0, col, numRows, numCols] = t.split(',').map(Number);
        return { row: row0, col, numRows, numCols };
      });
    const spec = {
      id: `chart-loaded-${sheet._charts.length + 1}-${sheet._id}`,
      type: String(type),
      ranges: rects,
      position: { row: Number(prow), col: Number(pcol), offsetX: 0, offsetY: 0 },
      options: JSON.parse(String(options ?? '{}')) as Record<string, unknown>,
    };
    sheet._charts.push(wrap(env, new LocalEmbeddedChart(env, sheet, spec), 'EmbeddedChart'));
  });
}
