/**
 * Imports (issue 3): one code path for the Sheets menu and the CLI's --data. Staff paste (or
 * File → Import) a MIS export into a staging tab named "Import: <Tab>" — created by the add-on
 * with every cell formatted as plain text, so UPNs keep their leading zeros — then choose
 * "Import pasted data". The CLI fills the same staging tabs from CSV files.
 *
 * Rows are merged into the tab by key: re-importing the same file changes nothing, an updated
 * file updates rows by key, and only the columns the file has are written. A staging tab that
 * imported with no refusals is removed; one with refusals stays for the person to fix.
 */
import { tabDef, TABS } from '../core/tabs';
import { parseTab, isImportableTab, ParseResult } from '../core/records/parse';
import { parseRegisterGrid } from '../core/records/registerGrid';
import { parseAttendanceSummary } from '../core/records/summaryImport';
import { mergeByKey, importReport, ImportReport } from '../core/records/merge';
import { Refusal } from '../core/records/refusal';
import { openTab, readValues, upsertByKey, TrackerError } from '../gas/tables';
import { ensureTab } from '../gas/setupTabs';

export const STAGING_PREFIX = 'Import: ';
/** Staging for the wide register grid (a column per date and session). */
export const REGISTER_GRID = 'Register Grid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Create (or find) the staging tab for `target`, formatted as plain text. */
export function stagingTab(ss: Spreadsheet, target: string): GoogleAppsScript.Spreadsheet.Sheet {
  const name = STAGING_PREFIX + target;
  let sheet = ss.getSheetByName(name);
  if (!sheet) {
    sheet = ss.insertSheet(name);
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).setNumberFormat('@');
  }
  return sheet;
}

export function stagedTargets(ss: Spreadsheet): string[] {
  return ss
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => n.startsWith(STAGING_PREFIX))
    .map((n) => n.slice(STAGING_PREFIX.length));
}

/** Import one table of rows (header first) into its tab. Nothing is written if the header is wrong. */
export function importRows(ss: Spreadsheet, target: string, rows: unknown[][]): ImportReport {
  let tab = target;
  let parsed: ParseResult<any>;
  if (target === REGISTER_GRID) {
    tab = 'Attendance Marks';
    const g = parseRegisterGrid(rows);
    parsed = { records: g.marks, rows: [], refusals: g.refusals, unknownHeaders: g.unknownHeaders, headerMessages: g.headerMessages, fields: ['upn', 'date', 'session', 'code'] };
  } else if (target === 'Attendance Summary') {
    const s = parseAttendanceSummary(rows);
    parsed = { records: s.records, rows: [], refusals: s.refusals, unknownHeaders: s.unknownHeaders, headerMessages: s.headerMessages, fields: ['upn', 'possible', 'attended', 'authorised', 'unauthorised'] };
  } else if (isImportableTab(target)) {
    parsed = parseTab(target, rows);
  } else {
    throw new TrackerError(`"${target}" is not a tab the add-on imports. Name the staging tab "${STAGING_PREFIX}" followed by one of: ${TABS.map((t) => t.name).join(', ')}.`);
  }
  if (parsed.headerMessages.length) throw new TrackerError(parsed.headerMessages.join('\n'));

  const def = tabDef(tab);
  ensureTab(ss, def);
  const existingValues = readValues(openTab(ss, tab));
  const existing = existingValues.length > 1 ? readExisting(tab, existingValues) : [];
  const fields = parsed.fields.filter((f) => f !== 'row');
  const merged = mergeByKey(existing, parsed.records, def.key, { fields });
  const changed = [...merged.added, ...merged.updated] as Record<string, unknown>[];
  if (changed.length) {
    upsertByKey(ss, tab, changed, { fields: fields.filter((f) => !def.key.includes(f)) });
  }
  return importReport(tab, merged, parsed as any);
}

function readExisting(tab: string, values: unknown[][]): Record<string, unknown>[] {
  if (tab === 'Attendance Summary') return parseAttendanceSummary(values).records as any;
  if (!isImportableTab(tab)) return [];
  return parseTab(tab, values).records as any;
}

export interface StagedImportResult {
  reports: ImportReport[];
  refusals: { tab: string; refusal: Refusal }[];
}

/** Import every "Import: …" staging tab. */
export function importStaged(ss: Spreadsheet): StagedImportResult {
  const reports: ImportReport[] = [];
  const refusals: StagedImportResult['refusals'] = [];
  // Students first: other tabs are checked against the roll.
  const order = (t: string) => (t === 'Students' ? 0 : t === 'Staff' ? 1 : 2);
  for (const target of stagedTargets(ss).sort((a, b) => order(a) - order(b))) {
    const sheet = ss.getSheetByName(STAGING_PREFIX + target) as GoogleAppsScript.Spreadsheet.Sheet;
    const report = importRows(ss, target, readValues(sheet));
    reports.push(report);
    report.refusals.forEach((r) => refusals.push({ tab: target, refusal: r }));
    if (!report.refusals.length) ss.deleteSheet(sheet);
  }
  return { reports, refusals };
}
