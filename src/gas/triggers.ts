/**
 * The morning trigger (issue 7): one daily time-driven trigger per tracker for the person who turns
 * it on, however often the menu item is clicked. Triggers are found by handler name among this
 * user's triggers for this document; an existing one is replaced (so a changed hour applies), never
 * added to. An add-on may hold only one time-based trigger per document per user anyway; and if
 * two staff each turn it on, the Mail Log's send keys still stop any e-mail going twice.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The morning trigger's handler: the top-level function in src/entry/qa.ts. */
export const MORNING_HANDLER = 'morningRun';

export interface TriggerChange {
  handler: string;
  removed: number;
  installed: boolean;
  hour?: number;
}

function triggersFor(ss: Spreadsheet, handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === handler);
}

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
