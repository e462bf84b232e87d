/**
 * Every trigger the add-on makes, in one place (issue 14 "Triggers", issue 15 §7).
 *
 * Why only `ScriptApp.getUserTriggers(ss)`: in an add-on, `getProjectTriggers()` returns this
 * user's triggers of EVERY document the add-on runs in, so deleting "our" continuation by handler
 * name through it could delete another tracker's (developers.google.com/apps-script/reference/
 * script/script-app#getUserTriggers(Spreadsheet): "Gets all installable triggers owned by this
 * user in the given spreadsheet, for this script or add-on only").
 *
 * Add-on limits (developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions):
 * one time-driven trigger of each kind per user per document, and not more often than hourly. The
 * morning trigger and a one-off "carry on in a minute" continuation therefore compete for the one
 * slot: creating a continuation can fail, and the caller then asks the person to press Continue.
 *
 * Triggers are per user; the morning e-mails are per tracker. So whether the morning run does
 * anything is decided by ONE switch every user's trigger obeys — Settings "Morning e-mails on"
 * (document properties) — not by whose trigger exists (entry/qa.ts morningRun reads it).
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

/** The morning trigger's handler: the top-level function in src/entry/qa.ts. */
export const MORNING_HANDLER = 'morningRun';
/** The letter run's one-off continuation: the top-level function in src/entry/letters.ts. */
export const CONTINUE_LETTERS_HANDLER = 'continueLetterRun';

const ONE_MINUTE_MS = 60 * 1000;

export interface TriggerChange {
  handler: string;
  removed: number;
  installed: boolean;
  hour?: number;
}

/** This user's triggers for `handler` in this tracker (never another document's). */
function triggersFor(ss: Spreadsheet, handler: string): Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === handler);
}

/**
 * The daily trigger for `handler` at `hour` (UK time), replacing this user's earlier one so a
 * changed hour applies and there is never a second.
 */
export function installDailyTrigger(ss: Spreadsheet, handler: string, hour: number): TriggerChange {
  const old = triggersFor(ss, handler);
  for (const t of old) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).inTimezone('Europe/London').create();
  return { handler, removed: old.length, installed: true, hour };
}

export function removeTriggers(ss: Spreadsheet, handler: string): TriggerChange {
  const old = triggersFor(ss, handler);
  for (const t of old) ScriptApp.deleteTrigger(t);
  return { handler, removed: old.length, installed: false };
}

export function countTriggers(ss: Spreadsheet, handler: string): number {
  return triggersFor(ss, handler).length;
}

/**
 * A one-off "carry on in a minute" trigger for a job that ran out of time (a big import, a long
 * letter run). At most one per handler: an earlier one is deleted first, and the handler deletes
 * its own when it runs. True when the trigger was created; false when Apps Script refused it.
 */
export function scheduleContinuation(ss: Spreadsheet, handler: string, afterMs = ONE_MINUTE_MS): boolean {
  clearContinuation(ss, handler);
  try {
    ScriptApp.newTrigger(handler).timeBased().after(afterMs).create();
    return true;
  } catch (e) {
    return false;
  }
}

/** Deletes this user's continuation triggers for `handler` in this tracker; returns how many. */
export function clearContinuation(ss: Spreadsheet, handler: string): number {
  return removeTriggers(ss, handler).removed;
}
