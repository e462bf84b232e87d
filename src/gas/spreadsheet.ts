/** The tracker the add-on runs in: the spreadsheet the script is bound to or the add-on is open in. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}
