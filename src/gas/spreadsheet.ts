/** The tracker the add-on runs in: the spreadsheet the script is bound to or the add-on is open in. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * Make the writes so far land now. Sheets buffers writes until SpreadsheetApp.flush() or the end
 * of the execution (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush());
 * a job flushes a sheet write before anything that relies on it outlives a crash (issue 15 §4).
 */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}
