/**
 * "Set up tracker": create the tabs of SPEC §2 and add any missing column, without deleting,
 * renaming or reordering anything staff made. Columns are found by header (core/tabs.ts), so a
 * column staff moved is left where it is. Formats, drop-downs and protection are applied only to
 * what this run creates, so a second run changes nothing at all.
 */
import { PERCENT_FORMAT } from './cells';
import { identityColumns } from '../core/pupils/identity';
import { TabDef, ColumnDef, normaliseHeader } from '../core/tabs';

/** The drop-down of a column: its options in tabs.ts. */
export function dropDownOptions(c: ColumnDef): string[] {
  return c.options && c.options.length ? c.options.filter((o) => o !== '') : [];
}

export const HEADER_BACKGROUND = '#d9e2f3';
const PROTECTION_NOTE = 'Pastoral Tracker fills this column. Edits are overwritten on the next refresh.';

export interface SetupResult {
  tab: string;
  created: boolean;
  addedColumns: string[];
}

export function ensureTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: TabDef): SetupResult {
  let sheet = ss.getSheetByName(def.name);
  const created = !sheet;
  if (!sheet) sheet = ss.insertSheet(def.name);
  const lastCol = sheet.getLastColumn();
  const header = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  const have = new Set(header.map(normaliseHeader));
  const missing = def.columns.filter(
    (c) => !have.has(normaliseHeader(c.header)) && !(c.aliases || []).some((a) => have.has(normaliseHeader(a))),
  );
  // Trailing blank header cells (a sheet staff cleared) are not columns: append after the last real one.
  let width = header.length;
  while (width > 0 && String(header[width - 1]).trim() === '') width -= 1;
  if (missing.length) {
    const firstNew = width + 1;
    const needed = firstNew + missing.length - 1 - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    const headRange = sheet.getRange(1, firstNew, 1, missing.length);
    headRange.setValues([missing.map((c) => c.header)]);
    headRange.setFontWeight('bold').setBackground(HEADER_BACKGROUND).setWrap(true);
    formatNewColumns(sheet, firstNew, missing);
  }
  if (created || sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  // Lists of pupils the add-on writes (Interventions, Letters Log): the pupil stays in view. A
  // tab staff already froze their own way is left as it is.
  const owned = def.columns.some((c) => c.owned) && !def.generated;
  if (owned && (created || sheet.getFrozenColumns() === 0)) {
    const names = header.slice(0, width).map(String).concat(missing.map((c) => c.header)).map(normaliseHeader);
    const freeze = identityColumns(names);
    if (freeze) sheet.setFrozenColumns(freeze);
  }
  return { tab: def.name, created, addedColumns: missing.map((c) => c.header) };
}

/**
 * A width that fits what the column holds (pixels; Sheets' default is 100): narrow for flags and
 * counts, wide for the sentences staff read (Next Action), so text is not cut off. Set only on
 * columns this run adds: a width staff chose is never changed.
 */
const WIDE_TEXT: Record<string, number> = {
  // A UPN is 13 characters: Sheets' default 100 px just holds it, LibreOffice's narrower default cuts it (seen in the .xlsx).
  upn: 115, name: 170, nextAction: 380, legalNext: 280, penaltyWindow: 280, held: 240, lastLetter: 190,
  sessionsNeeded: 240, earlyWarning: 240, exactNote: 190, notes: 220, action: 280, outcome: 260, owner: 200, pupilName: 170, addressee: 200,
};
export function columnWidth(c: ColumnDef): number | null {
  if (WIDE_TEXT[c.field]) return WIDE_TEXT[c.field];
  // The header wraps at spaces, so its longest word must fit (about 7.5 px a bold character).
  const word = Math.max(...c.header.split(/\s+/).map((w) => w.length));
  const fit = (px: number) => Math.max(px, Math.ceil(word * 7.5 + 14));
  if (c.kind === 'yesno' || c.kind === 'number' || c.kind === 'percent') return fit(60);
  if (c.kind === 'date') return fit(90);
  return null;
}

/** Number formats, widths, drop-downs and warning-only protection for columns this run added. */
function formatNewColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstCol: number, cols: ColumnDef[]): void {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  cols.forEach((c, i) => {
    const width = columnWidth(c);
    if (width) sheet.setColumnWidth(firstCol + i, width);
    // A log's Key is the add-on's memory, not something staff read: hidden (Data → unhide shows it).
    if (c.field === 'key' && c.owned) sheet.hideColumns(firstCol + i);
    const range = sheet.getRange(2, firstCol + i, rows, 1);
    if (c.kind === 'date') range.setNumberFormat('dd/mm/yyyy');
    else if (c.kind === 'percent') range.setNumberFormat(PERCENT_FORMAT); // 94.3 shown as 94.3%, still a number
    else if (c.kind === 'text' || c.kind === 'enum' || c.kind === 'yesno') range.setNumberFormat('@');
    const options = dropDownOptions(c);
    if (options.length && !c.owned) {
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList(options, true)
        .setAllowInvalid(true) // staff may paste other text; the add-on reports it rather than losing it
        .build();
      range.setDataValidation(rule);
    }
    if (c.owned) {
      const p = range.protect();
      p.setDescription(PROTECTION_NOTE);
      p.setWarningOnly(true);
    }
  });
}
