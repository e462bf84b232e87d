/**
 * The public surface of the add-on: every trigger, menu target and sidebar call, and nothing
 * else. scripts/build.mjs turns each export into a top-level function Apps Script can see.
 * Nothing here runs at module scope: onOpen must work in AuthMode.NONE.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Set up tracker', 'setUpTracker').addToUi();
  void e;
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function setUpTracker(): void {
  // filled in by jobs/setupTracker.ts
}
