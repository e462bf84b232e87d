/**
 * The plain form of the QA calendar: a CSV (or sheet) with the QA Calendar tab's columns
 * (core/tabs.ts), one row per task — `qa-calendar.csv` for the dry run. Columns are found by
 * header or alias; dates may be yyyy-mm-dd or dd/mm/yyyy.
 */
import { IsoDate, isIsoDate, londonDate, pad2 } from '../dates';
import { normaliseHeader, tabDef } from '../tabs';
import { QaTask } from '../types';
import { splitChain } from './chains';
import { GridImport } from './importGrid';

export function importQaCsv(input: string | unknown[][]): GridImport {
  const rows = typeof input === 'string' ? parseCsv(input) : input.map((r) => (r || []).map((v) => (v === null || v === undefined ? '' : v)));
  const problems: string[] = [];
  const tasks: QaTask[] = [];
  if (rows.length === 0) return { tasks, problems: ['QA Calendar: the file is empty.'] };
  const header = rows[0].map(normaliseHeader);
  const col: Record<string, number> = {};
  for (const def of tabDef('QA Calendar').columns) {
    const names = [def.header].concat(def.aliases || []).map(normaliseHeader);
    col[def.field] = header.findIndex((h) => names.indexOf(h) >= 0);
    if (col[def.field] < 0 && def.required) problems.push(`QA Calendar: no "${def.header}" column in the header row.`);
  }
  if (problems.length) return { tasks, problems };
  const get = (row: unknown[], field: string): unknown => (col[field] >= 0 ? row[col[field]] : '');
  const text = (row: unknown[], field: string) => String(valueOr(get(row, field))).replace(/\s+/g, ' ').trim();

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => String(valueOr(c)).trim() === '')) continue;
    const rawDate = get(row, 'date');
    const date = toIso(rawDate);
    const task = text(row, 'task');
    if (!date) {
      problems.push(`QA Calendar, row ${r + 1}: the Date "${String(valueOr(rawDate))}" is not a date (write dd/mm/yyyy).`);
      continue;
    }
    if (!task) {
      problems.push(`QA Calendar, row ${r + 1}: no Task.`);
      continue;
    }
    const doneOnRaw = get(row, 'doneOn');
    const doneOn = toIso(doneOnRaw);
    if (String(valueOr(doneOnRaw)).trim() && !doneOn) problems.push(`QA Calendar, row ${r + 1}: Done On "${String(doneOnRaw)}" is not a date.`);
    tasks.push({
      date,
      task,
      ownerChain: splitChain(text(row, 'ownerChain')),
      checkingFor: text(row, 'checkingFor'),
      followUpBy: text(row, 'followUpBy'),
      reviewBy: text(row, 'reviewBy'),
      status: normaliseStatus(text(row, 'status')),
      doneOn: doneOn || '',
      doneBy: text(row, 'doneBy'),
    });
  }
  return { tasks, problems };
}

/** "done", "DONE" → "Done"; "QA'd", "QAd", "qa’d" → "QA'd". Anything else is kept as written. */
export function normaliseStatus(s: string): string {
  const k = s.toLowerCase().replace(/[’'`\s]/g, '');
  if (k === 'done' || k === 'completed' || k === 'complete') return 'Done';
  if (k === 'qad' || k === 'qaed' || k === 'qa') return "QA'd";
  if (k === 'reviewed') return 'Reviewed';
  return s;
}

function valueOr(v: unknown): unknown {
  return v === null || v === undefined ? '' : v;
}

function toIso(v: unknown): IsoDate | null {
  if (Object.prototype.toString.call(v) === '[object Date]') { const t = v as Date; return isNaN(t.getTime()) ? null : londonDate(t); } // a sheet's date cell
  const s = String(valueOr(v)).trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3].length === 2 ? 2000 + +m[3] : m[3]}-${pad2(+m[2])}-${pad2(+m[1])}`;
  return isIsoDate(iso) ? iso : null;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
