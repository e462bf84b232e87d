/**
 * Colouring a status column by conditional formatting (so a value staff or a re-run changes is
 * re-coloured by Sheets itself, and a sort keeps the colours with their rows). The rules cover the
 * whole column below the header. Rules the add-on made earlier for the same column are replaced
 * (recognised by their exact text + colour pair); every other rule on the sheet — staff's own — is
 * kept in its place. One read and one write of the rule list, whatever the number of rows.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TextColour {
  /** The whole cell text (Sheets compares case-insensitively). */
  text: string;
  background: string;
}

function sameColour(a: string | null, b: string): boolean {
  return String(a || '').toLowerCase() === b.toLowerCase();
}

/** Colour `column` (1-based) of `sheet` by its text. Returns the number of rules written. */
export function setStatusColours(sheet: Sheet, column: number, colours: TextColour[]): number {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const range = sheet.getRange(2, column, rows, 1);
  const mine = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean => {
    const c = rule.getBooleanCondition();
    if (!c || String(c.getCriteriaType()) !== 'TEXT_EQUAL_TO') return false;
    const text = String(c.getCriteriaValues()[0]).toLowerCase();
    return colours.some((x) => x.text.toLowerCase() === text && sameColour(c.getBackground(), x.background));
  };
  const kept = sheet.getConditionalFormatRules().filter((r) => !mine(r));
  const ours = colours.map((x) =>
    SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(x.text).setBackground(x.background).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules(ours.concat(kept));
  return ours.length;
}

/**
 * Colour one column's cells (`targetColumn`, 1-based) by the text in another (`keyColumnLetter`):
 * a rule per value with the custom formula `=$<key>2="<value>"` over the target column below the
 * header. The add-on's earlier rules of that shape — for one of `colours`' values or one of
 * `legacyTexts` (values earlier versions wrote), on any columns — are replaced; every other rule
 * is kept.
 */
export function setCellColoursByValue(sheet: Sheet, targetColumn: number, keyColumnLetter: string, colours: TextColour[], legacyTexts: string[] = []): void {
  const range = sheet.getRange(2, targetColumn, Math.max(1, sheet.getMaxRows() - 1), 1);
  const values = colours.map((c) => c.text).concat(legacyTexts).map((t) => t.toLowerCase());
  const ours = /^=\$[A-Z]+2="(.*)"$/;
  const kept = sheet.getConditionalFormatRules().filter((rule) => {
    const c = rule.getBooleanCondition();
    if (!c || c.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return true;
    const m = ours.exec(String(c.getCriteriaValues()[0]));
    return !m || values.indexOf(m[1].toLowerCase()) < 0;
  });
  const mine = colours.map((c) =>
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(`=$${keyColumnLetter}2="${c.text}"`).setBackground(c.background).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules(kept.concat(mine));
}
