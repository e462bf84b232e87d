/**
 * A one-off "carry on in a minute" trigger for a job that ran out of time (a big import). At most
 * one per handler: an earlier one is deleted first, and the handler deletes its own when it runs.
 *
 * Add-ons may hold only one time-based trigger per document per user (the morning e-mails may be
 * using it), so creating one can fail: then the person is told to run the menu item again — the
 * job resumes from its checkpoint either way.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const ONE_MINUTE_MS = 60 * 1000;

function triggersFor(ss: Spreadsheet, handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === handler);
}

/** True when the trigger was created; false when Apps Script refused it. */
export function scheduleContinuation(ss: Spreadsheet, handler: string, afterMs = ONE_MINUTE_MS): boolean {
  clearContinuation(ss, handler);
  try {
    ScriptApp.newTrigger(handler).timeBased().after(afterMs).create();
    return true;
  } catch (e) {
    return false;
  }
}

export function clearContinuation(ss: Spreadsheet, handler: string): number {
  const old = triggersFor(ss, handler);
  for (const t of old) ScriptApp.deleteTrigger(t);
  return old.length;
}
