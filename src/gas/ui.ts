/**
 * Telling the person at the keyboard what happened. From a menu click there is a UI; from a
 * trigger there is none (getUi throws), so messages then go to the execution log — never with
 * pupil data in them (logs are visible to whoever maintains the script).
 */
export function tell(title: string, message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch (e) {
    console.log(`${title}: ${message.split('\n')[0]}`);
  }
}

/** A short progress note in the corner of the spreadsheet (a long run's progress indicator). */
export function toast(message: string, title = 'Pastoral Tracker', seconds = 5): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, title, seconds);
  } catch (e) {
    // No spreadsheet UI (trigger): nothing to show.
  }
}

export function askText(title: string, prompt: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const r = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return r.getSelectedButton() === ui.Button.OK ? r.getResponseText().trim() : null;
}

/** The message of an error a person can act on; anything else is reported as unexpected. */
export function errorMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m;
}
