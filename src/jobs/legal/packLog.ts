/**
 * The "Evidence Packs" tab: the memory of evidence-pack runs (issue 19), kept with the pupils'
 * other data in the spreadsheet (never in properties, which hold no pupil data). One row per pack:
 *   Run, Seq, Date, UPN, Pupil, Document, Status, By
 * Status goes To make → Making (the document exists; its link is in Document) → Made. A run is
 * finished when none of its rows is short of Made, so the tab alone says what a crashed run still
 * owes: the next run carries it on, reusing a pack's document when it has one (nothing is made
 * twice) and making the rest (nothing is lost). Staff find every pack made here, newest last.
 *
 * Reads are one getDataRange per use (the tab is small: a row per pack ever made); each row change
 * is one setValues on that row, found by Run + Seq on values read just before (a sort since the
 * last read moves nothing that should not move).
 */
import { IsoDate } from '../../core/dates';
import { Cell, cellDate, cellText, toCell } from '../../gas/cells';
import { readValues } from '../../gas/tables';
import { HEADER_BACKGROUND } from '../../gas/setupTabs';
import { UserError } from '../../core/errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const PACK_LOG = {
  name: 'Evidence Packs',
  header: ['Run', 'Seq', 'Date', 'UPN', 'Pupil', 'Document', 'Status', 'By'],
};

export type PackStatus = 'To make' | 'Making' | 'Made';

export interface PackRow {
  run: string;
  seq: number;
  date: IsoDate | '';
  upn: string;
  pupil: string;
  url: string;
  status: PackStatus;
  by: string;
}

const COL = { run: 0, seq: 1, date: 2, upn: 3, pupil: 4, url: 5, status: 6, by: 7 };

function rowOf(v: unknown[]): PackRow {
  const status = cellText(v[COL.status]);
  return {
    run: cellText(v[COL.run]),
    seq: Number(v[COL.seq]) || 0,
    date: cellDate(v[COL.date]),
    upn: cellText(v[COL.upn]).toUpperCase(),
    pupil: cellText(v[COL.pupil]),
    url: cellText(v[COL.url]),
    status: status === 'Made' || status === 'Making' ? status : 'To make',
    by: cellText(v[COL.by]),
  };
}

function cellsOf(r: PackRow): Cell[] {
  return [toCell(r.run, 'text'), r.seq, toCell(r.date, 'date'), toCell(r.upn, 'text'), toCell(r.pupil, 'text'), toCell(r.url, 'text'), r.status, toCell(r.by, 'text')];
}

export function readPackLog(ss: Spreadsheet): PackRow[] {
  const sheet = ss.getSheetByName(PACK_LOG.name);
  if (!sheet) return [];
  return readValues(sheet).slice(1).map(rowOf).filter((r) => r.run !== '' && r.upn !== '');
}

/** The rows of the run not finished (its first row's run id), in seq order; [] when every run is done. */
export function unfinishedRun(rows: PackRow[]): PackRow[] {
  const open = rows.find((r) => r.status !== 'Made');
  if (!open) return [];
  return rows.filter((r) => r.run === open.run).sort((a, b) => a.seq - b.seq);
}

/** A new run id, stable for a day's runs: "packs-2024-01-26-2" for the day's second run. */
export function nextRunId(rows: PackRow[], asOf: IsoDate): string {
  const prefix = `packs-${asOf}-`;
  const today = new Set(rows.filter((r) => r.run.indexOf(prefix) === 0).map((r) => r.run));
  return `${prefix}${today.size + 1}`;
}

/** Appends a run's plan (one setValues), making the tab when it is missing. */
export function appendPlan(ss: Spreadsheet, plan: PackRow[]): void {
  let sheet = ss.getSheetByName(PACK_LOG.name);
  if (!sheet) sheet = ss.insertSheet(PACK_LOG.name);
  // A new tab, or one a crash left without its header (made, but not yet headed).
  if (sheet.getLastRow() === 0) headLogSheet(sheet);
  const last = Math.max(1, sheet.getLastRow());
  const need = last + plan.length - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(last + 1, 1, plan.length, PACK_LOG.header.length).setValues(plan.map(cellsOf));
}

/** Rewrites one row (found by run + seq on values read now). */
export function updatePackRow(ss: Spreadsheet, row: PackRow): void {
  const sheet = ss.getSheetByName(PACK_LOG.name);
  if (!sheet) throw new UserError(`The "${PACK_LOG.name}" tab was deleted during the run. Choose Evidence pack… again to start a new one.`);
  const values = readValues(sheet);
  for (let r = 1; r < values.length; r++) {
    if (cellText(values[r][COL.run]) === row.run && Number(values[r][COL.seq]) === row.seq) {
      sheet.getRange(r + 1, 1, 1, PACK_LOG.header.length).setValues([cellsOf(row)]);
      return;
    }
  }
  throw new UserError(`Evidence Packs: the row for pack ${row.seq} of run ${row.run} is missing. Choose Evidence pack… again to start a new run.`);
}

function headLogSheet(sheet: Sheet): void {
  const head = sheet.getRange(1, 1, 1, PACK_LOG.header.length);
  head.setValues([PACK_LOG.header.slice()]);
  head.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(1);
}
