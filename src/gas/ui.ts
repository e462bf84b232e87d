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

export interface MenuEntry {
  label: string;
  fn: string;
}

/**
 * The add-on menu. In AuthMode.NONE (installed, not yet used in this spreadsheet) only `safe` is
 * shown: Apps Script lets onOpen add items then, but not read the document or its properties
 * (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes).
 */
export function installMenu(
  authMode: GoogleAppsScript.Script.AuthMode | undefined,
  safe: MenuEntry[],
  groups: { label: string; items: (MenuEntry | null)[] }[],
  tail: MenuEntry[],
): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createAddonMenu();
  if (authMode === ScriptApp.AuthMode.NONE) {
    for (const i of safe) menu.addItem(i.label, i.fn);
    menu.addToUi();
    return;
  }
  for (const g of groups) {
    const sub = ui.createMenu(g.label);
    for (const i of g.items) {
      if (i) sub.addItem(i.label, i.fn);
      else sub.addSeparator();
    }
    menu.addSubMenu(sub);
  }
  menu.addSeparator();
  for (const i of tail) menu.addItem(i.label, i.fn);
  menu.addToUi();
}
