/**
 * "Rows selected on the Attendance tab" (issue 15 §10). A person selects pupils with Ctrl-click,
 * or drags over a filtered view. Spreadsheet.getActiveRange() returns only the LAST range of a
 * multi-selection ("If multiple ranges are selected this method returns only the last selected
 * range": developers.google.com/apps-script/reference/spreadsheet/selection#getActiveRange()), so
 * the selection is read with getActiveRangeList(); and a rectangle dragged over a filtered view
 * includes the rows the filter hides, so rows hidden by a filter or by hand are left out
 * (Sheet.isRowHiddenByFilter / isRowHiddenByUser) — what a person sees selected is what they get.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Visible selected rows of `sheet` below its header row, in sheet order, each once. */
export function selectedVisibleRows(ss: Spreadsheet, sheet: Sheet): number[] {
  const list = ss.getActiveRangeList();
  const ranges = list ? list.getRanges() : [ss.getActiveRange()].filter((r): r is GoogleAppsScript.Spreadsheet.Range => !!r);
  const lastRow = sheet.getLastRow();
  const rows = new Set<number>();
  for (const r of ranges) {
    const from = Math.max(2, r.getRow());
    const to = Math.min(r.getRow() + r.getNumRows() - 1, lastRow);
    for (let row = from; row <= to; row++) rows.add(row);
  }
  return Array.from(rows)
    .sort((a, b) => a - b)
    .filter((row) => !sheet.isRowHiddenByFilter(row) && !sheet.isRowHiddenByUser(row));
}
