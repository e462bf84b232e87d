/**
 * The wide register grid MIS exports (SIMS "Attendance Marks", Arbor and Bromcom registers): one
 * row per pupil, some identifying columns (UPN, name, reg group …), then one column per date and
 * session. Turned into the long form (`Mark[]`) the rules read — the same marks parseTab gives for
 * the same data written one mark per row.
 *
 * Headers come in two shapes:
 *   single row:  `Mon 08/01/2024 AM`, `08/01/2024 AM`, `2024-01-08 PM`, `08/01/2024 (PM)`
 *   two rows:    a date row (the date often only over the AM column, as merged cells export)
 *                and a sub-header row of AM / PM under it.
 */
import { Mark, Session } from '../types';
import { IsoDate, weekday } from '../dates';
import { tabDef } from '../tabs';
import { classifyCode as nationalCodes } from '../attendance/codes';
import { columnLetter, mapHeaders } from './headers';
import { Refusal, shown } from './refusal';
import { parseUkDate } from './ukDate';
import { ClassifyCode, cellText, isBlank, parseCode } from './cells';
import { checkUpn } from './upn';

export interface GridOptions {
  classifyCode?: ClassifyCode;
  /** Sheet row number of rows[0]; 1 unless the export starts lower down. */
  firstRow?: number;
  /**
   * A blank cell under a session the school held is a gap for the coding review (SPEC §4.1: a
   * blank mark is not a present). 'skip' leaves it out, for exports that blank non-school days.
   */
  blankCells?: 'gap' | 'skip';
}

export interface GridResult {
  marks: Mark[];
  refusals: Refusal[];
  /** Identifying columns other than UPN (name, reg group …): kept, not read. */
  unknownHeaders: string[];
  /** Problems with the header rows; when any, no marks are read. */
  headerMessages: string[];
  /** 1 or 2: how many header rows the grid had. */
  headerRows: number;
}

interface SessionColumn { index: number; date: IsoDate; session: Session; header: string }

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

type HeaderCell =
  | { kind: 'session'; date: IsoDate; session: Session }
  | { kind: 'date'; date: IsoDate }
  | { kind: 'bad'; reason: string }
  | { kind: 'other' };

/** What one header cell is: a date + session, a date alone, a broken date, or something else. */
export function readGridHeader(cell: unknown): HeaderCell {
  if (Object.prototype.toString.call(cell) === '[object Date]') {
    const d = parseUkDate(cell);
    return d.ok && d.date ? { kind: 'date', date: d.date } : { kind: 'bad', reason: 'invalid date' };
  }
  let s = cellText(cell);
  let session: Session | undefined;
  const sm = /^(.*?)[\s:(-]+(am|pm)\)?$/i.exec(s);
  if (sm) {
    session = sm[2].toUpperCase() as Session;
    s = sm[1].trim();
  }
  let day: number | undefined;
  const wm = /^([a-z]{3})[a-z]*\.?,?\s+(.*)$/i.exec(s);
  if (wm && WEEKDAYS.indexOf(wm[1].toLowerCase()) >= 0) {
    day = WEEKDAYS.indexOf(wm[1].toLowerCase());
    s = wm[2];
  }
  if (!/^\d/.test(s)) return { kind: 'other' };
  const d = parseUkDate(s);
  if (!d.ok) return { kind: 'bad', reason: d.reason };
  if (!d.date) return { kind: 'other' };
  if (day !== undefined && weekday(d.date) !== day) {
    return { kind: 'bad', reason: `the day name does not match the date (${s} is not a ${cellText(cell).slice(0, 3)}).` };
  }
  return session ? { kind: 'session', date: d.date, session } : { kind: 'date', date: d.date };
}

function readSessionWord(cell: unknown): Session | null {
  const s = cellText(cell).toUpperCase();
  return s === 'AM' || s === 'PM' ? s : null;
}

function findSessionColumns(rows: unknown[][], messages: string[]): { cols: SessionColumn[]; headerRows: number; names: unknown[] } {
  const top = rows[0] || [];
  const sub = rows[1] || [];
  const tops = top.map(readGridHeader);
  const cols: SessionColumn[] = [];
  const twoRow = !tops.some((h) => h.kind === 'session') && sub.some((c) => readSessionWord(c) !== null);
  const width = Math.max(top.length, twoRow ? sub.length : 0);
  let carried: IsoDate | null = null;
  const names: unknown[] = [];
  for (let j = 0; j < width; j++) {
    const h = tops[j] || { kind: 'other' };
    const label = `column ${columnLetter(j)} "${cellText(top[j])}"`;
    if (h.kind === 'bad') messages.push(`Register grid: ${label}: ${h.reason}`);
    if (!twoRow) {
      if (h.kind === 'session') cols.push({ index: j, date: h.date, session: h.session, header: cellText(top[j]) });
      else if (h.kind === 'date') messages.push(`Register grid: ${label} has a date but no AM or PM.`);
      names.push(h.kind === 'other' ? top[j] : '');
      continue;
    }
    if (h.kind === 'date') carried = h.date;
    else if (!isBlank(top[j])) carried = null; // a new identifying header ends the date's span
    const s = readSessionWord(sub[j]);
    if (s && carried) cols.push({ index: j, date: carried, session: s, header: `${cellText(top[j]) || carried} ${s}` });
    else if (s) messages.push(`Register grid: column ${columnLetter(j)} has "${s}" with no date above it.`);
    names.push(s || h.kind !== 'other' ? '' : isBlank(top[j]) ? sub[j] : top[j]);
  }
  const seen: Record<string, number> = {};
  for (const c of cols) {
    const k = `${c.date} ${c.session}`;
    if (seen[k] !== undefined) {
      messages.push(`Register grid: ${c.date} ${c.session} appears twice (columns ${columnLetter(seen[k])} and ${columnLetter(c.index)}).`);
    } else seen[k] = c.index;
  }
  return { cols, headerRows: twoRow ? 2 : 1, names };
}

export function parseRegisterGrid(rows: unknown[][], opts: GridOptions = {}): GridResult {
  const firstRow = opts.firstRow || 1;
  const classify = opts.classifyCode || nationalCodes;
  const headerMessages: string[] = [];
  const { cols, headerRows, names } = findSessionColumns(rows, headerMessages);
  const upnCol = tabDef('Attendance Marks').columns.find((c) => c.field === 'upn')!;
  const map = mapHeaders({ name: 'Register grid', columns: [upnCol] }, names);
  headerMessages.push(...map.messages);
  if (!cols.length && !headerMessages.length) {
    headerMessages.push('Register grid: no date and session columns (headers like "08/01/2024 AM").');
  }
  const result: GridResult = { marks: [], refusals: [], unknownHeaders: map.unknown, headerMessages, headerRows };
  if (headerMessages.length) {
    result.refusals = headerMessages.map((reason) => ({ row: firstRow, reason }));
    return result;
  }

  const upnAt = map.columnIndex.upn;
  const firstRowOf: Record<string, number> = {};
  for (let i = headerRows; i < rows.length; i++) {
    const cells = rows[i] || [];
    if (cells.every(isBlank)) continue;
    const sheetRow = firstRow + i;
    const u = checkUpn(cells[upnAt]);
    if (!u.ok) {
      result.refusals.push({ row: sheetRow, column: 'UPN', value: shown(cells[upnAt]), reason: u.reason });
      continue;
    }
    if (firstRowOf[u.upn] !== undefined) {
      result.refusals.push({ row: sheetRow, column: 'UPN', value: u.upn,
        reason: `this pupil is already on row ${firstRowOf[u.upn]} — one row per pupil.` });
      continue;
    }
    firstRowOf[u.upn] = sheetRow;
    for (const c of cols) {
      const cell = cells[c.index];
      if (isBlank(cell) && opts.blankCells === 'skip') continue;
      const code = parseCode(cell, classify);
      if (!code.ok) {
        result.refusals.push({ row: sheetRow, column: c.header, value: shown(cell), reason: code.reason });
        continue;
      }
      result.marks.push({ upn: u.upn, date: c.date, session: c.session, code: code.value });
    }
  }
  return result;
}
