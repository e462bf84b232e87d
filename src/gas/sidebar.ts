/**
 * Sidebars: every page is an HtmlService template from src/ui (built flat into build/), so each
 * can print the shared parts with `<?!= include('styles') ?>` and `<?!= include('client') ?>`, and
 * values given here with `<?= name ?>` (HTML-escaped: sheet data reaches the page as text).
 * developers.google.com/apps-script/guides/html/templates
 */
const PARTS = ['styles', 'client', 'fileRows'];

/** A shared part by name (only those: a sidebar cannot read other files through it). */
export function sidebarPart(name: string): string {
  if (PARTS.indexOf(String(name)) < 0) throw new Error(`No sidebar part named "${name}".`);
  return HtmlService.createHtmlOutputFromFile(String(name)).getContent();
}

/** Render `file` with `data` and show it as the sidebar, titled `title`. */
export function showSidebar(file: string, title: string, data: Record<string, unknown> = {}): void {
  const t = HtmlService.createTemplateFromFile(file) as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
  // Apps Script also sees the global include(); assigning it keeps templates working wherever
  // the bundle's globals are not visible to template code (the local HtmlService).
  t.include = sidebarPart;
  for (const k of Object.keys(data)) t[k] = data[k];
  SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle(title));
}
