/**
 * Buffered writes (see ../execution.ts): inside an execution, the first change to a sheet (or to
 * the spreadsheet's list of tabs) since the last SpreadsheetApp.flush() remembers its state, so an
 * execution that ends by an error can be put back as Google would have left it. A change is any
 * counted call on a Range, RangeList, Sheet, Spreadsheet or Protection that is not a read (get…, is…, has…,
 * can…, offset). Over-journalling costs only time; under-journalling would hide a lost write.
 */
import type { LocalEnv } from '../env';
import { currentExecution, journal, type Journal } from '../execution';
import type { Cell } from './grid';
import type { LocalProtection } from './protection';
import type { LocalSheet } from './sheet';
import type { LocalSpreadsheet } from './spreadsheet';

const READS = /^(get|is|has|can|offset|toString)/;

/** Register the journalling hook on `env` (once per SpreadsheetApp). */
export function journalWrites(env: LocalEnv): void {
  env.callHooks.push((className, method, target) => {
    if (READS.test(method) || !currentExecution(env)) return;
    if (className === 'Range') journalSheet(env, (target as { _sheet: LocalSheet })._sheet);
    else if (className === 'Sheet') journalSheet(env, (target as LocalSheet)._raw);
    else if (className === 'RangeList') for (const r of (target as { _ranges: { _sheet: LocalSheet }[] })._ranges) journalSheet(env, r._sheet);
    else if (className === 'Protection') journalSheet(env, (target as LocalProtection)._sheet);
    else if (className === 'Spreadsheet') journalSpreadsheet(env, target as LocalSpreadsheet);
  });
}

export function journalSheet(env: LocalEnv, sheet: LocalSheet): void {
  journal(env, sheet, () => sheetJournal(sheet));
}

function journalSpreadsheet(env: LocalEnv, ss: LocalSpreadsheet): void {
  journal(env, ss, () => {
    const saved = { sheets: [...ss._sheets], active: ss._active, activeRanges: ss._activeRanges, name: ss._name, tz: ss._timeZone, locale: ss._locale };
    return {
      restore() {
        ss._sheets = saved.sheets;
        ss._active = saved.active;
        ss._activeRanges = saved.activeRanges;
        ss._name = saved.name;
        ss._timeZone = saved.tz;
        ss._locale = saved.locale;
      },
    };
  });
}

function copyRows(rows: (Cell | undefined)[][]): (Cell | undefined)[][] {
  return rows.map((r) => (r ? r.map((c) => (c ? { ...c } : c)) : r));
}

function sheetJournal(sheet: LocalSheet): Journal {
  const saved = {
    rows: copyRows(sheet._grid._rows()),
    maxRows: sheet._maxRows,
    maxColumns: sheet._maxColumns,
    frozenRows: sheet._frozenRows,
    frozenColumns: sheet._frozenColumns,
    rules: [...sheet._rules],
    protections: sheet._protections.map((p) => ({ p, description: p._description, warningOnly: p._warningOnly, removed: p._removed, unprotected: [...p._unprotected] })),
    charts: [...sheet._charts],
    widths: new Map(sheet._columnWidths),
    hidden: sheet._hidden,
    tabColor: sheet._tabColor,
    name: sheet._name,
    hiddenRows: new Set(sheet._hiddenRows),
    hiddenColumns: new Set(sheet._hiddenColumns),
    filteredRows: new Set(sheet._filteredRows),
  };
  return {
    restore() {
      sheet._grid._setAllRows(saved.rows);
      sheet._maxRows = saved.maxRows;
      sheet._maxColumns = saved.maxColumns;
      sheet._frozenRows = saved.frozenRows;
      sheet._frozenColumns = saved.frozenColumns;
      sheet._rules = saved.rules;
      sheet._protections = saved.protections.map((x) => {
        Object.assign(x.p, { _description: x.description, _warningOnly: x.warningOnly, _removed: x.removed, _unprotected: x.unprotected });
        return x.p;
      });
      sheet._charts = saved.charts;
      sheet._columnWidths = saved.widths;
      sheet._hidden = saved.hidden;
      sheet._tabColor = saved.tabColor;
      sheet._name = saved.name;
      sheet._hiddenRows = saved.hiddenRows;
      sheet._hiddenColumns = saved.hiddenColumns;
      sheet._filteredRows = saved.filteredRows;
    },
  };
}
