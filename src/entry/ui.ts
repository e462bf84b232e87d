/**
 * Entry points for the sidebars staff meet (issue 9): Settings, Pupil profile, and the SLT
 * Dashboard. Every function a sidebar calls through google.script.run is a named export here and
 * checks its inputs (type, length, known UPN) and the caller (staff on the Staff tab; Settings only
 * for SLT, attendance officer or intervention team) before doing anything — the browser is not
 * trusted. Read-only calls (profile, search, the settings form) take no lock; writes do.
 */
import { withDocumentLock } from '../gas/lock';
import { tell, toast, errorMessage } from '../gas/ui';
import { loadSettings, restoreDefaultSettings as clearSettings } from '../gas/settingsStore';
import { todayIso } from '../jobs/load';
import { AccessError, checkSettingsAccess, checkStaff } from '../jobs/access';
import { SaveResult, SettingsFormData, saveSettingsFromForm, settingsFormData } from '../jobs/settings/form';
import { PupilProfile, SearchHit, pupilProfileJob, searchPupilsJob } from '../jobs/profile/profile';
import { refreshDashboardJob, DashboardResult } from '../jobs/dashboard/dashboard';

const PARTS = ['include/styles', 'include/client', 'include/fileRows'];

/** Template helper: the shared CSS/JS snippets, by name (only those). */
export function include(name: string): string {
  if (PARTS.indexOf(String(name)) < 0) throw new Error(`No sidebar part named "${name}".`);
  return HtmlService.createHtmlOutputFromFile(String(name)).getContent();
}

function sidebar_(file: string, title: string, data: Record<string, unknown> = {}): void {
  const t = HtmlService.createTemplateFromFile(file);
  // Apps Script also sees the global include(); assigning it keeps templates working wherever
  // the bundle's globals are not visible to template code (the local HtmlService).
  (t as any).include = include;
  for (const k of Object.keys(data)) (t as any)[k] = data[k];
  SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle(title));
}

function active_(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

// ── Settings ────────────────────────────────────────────────────────────────────────────────

export function showSettings(): void {
  try {
    checkSettingsAccess(active_());
  } catch (e) {
    tell('Settings', errorMessage(e));
    return;
  }
  sidebar_('settings', 'Pastoral Tracker settings', { schoolName: loadSettings().school.name });
}

export function getSettingsForm(): SettingsFormData {
  checkSettingsAccess(active_());
  return settingsFormData();
}

export function saveSettingsForm(values: unknown): SaveResult {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    return { ok: false, problems: [{ field: '', message: 'The settings form sent nothing the add-on can read. Reload the sidebar and try again.' }] };
  }
  if (JSON.stringify(values).length > 20000) {
    return { ok: false, problems: [{ field: '', message: 'The settings form sent too much. Reload the sidebar and try again.' }] };
  }
  const ss = active_();
  checkSettingsAccess(ss);
  // Saving also turns the morning trigger on or off, or moves its hour, when those fields changed.
  return withDocumentLock('Save settings', () => saveSettingsFromForm(values, ss));
}

export function restoreDefaultSettings(): SettingsFormData {
  checkSettingsAccess(active_());
  withDocumentLock('Restore default settings', () => clearSettings());
  return settingsFormData();
}

// ── Pupil profile ───────────────────────────────────────────────────────────────────────────

export function showPupilProfile(): void {
  try {
    checkStaff(active_());
  } catch (e) {
    tell('Pupil profile', errorMessage(e));
    return;
  }
  sidebar_('pupilProfile', 'Pupil profile', { today: todayIso().split('-').reverse().join('/') });
}

export function profileSearch(query: unknown): SearchHit[] {
  if (typeof query !== 'string') throw new Error('Type part of a name, a UPN or a reg group to search.');
  const q = query.trim();
  if (q.length < 2) throw new Error('Type at least 2 letters to search.');
  if (q.length > 60) throw new Error('That search is too long: type part of a name, a UPN or a reg group.');
  const ss = active_();
  checkStaff(ss);
  return searchPupilsJob(ss, q, todayIso());
}

export function getPupilProfile(upn: unknown): PupilProfile {
  if (typeof upn !== 'string' || !/^[A-Za-z0-9]{1,20}$/.test(upn.trim())) throw new Error('Choose a pupil from the search results.');
  const ss = active_();
  checkStaff(ss);
  return pupilProfileJob(ss, upn.trim(), loadSettings(), todayIso());
}

// ── Dashboard ───────────────────────────────────────────────────────────────────────────────

export function refreshDashboard(): DashboardResult | null {
  const ss = active_();
  try {
    checkStaff(ss);
    toast('Refreshing the dashboard…');
    const result = withDocumentLock('Refresh dashboard', () => refreshDashboardJob(ss, loadSettings(), todayIso()));
    const sheet = ss.getSheetByName(result.tab);
    if (sheet) ss.setActiveSheet(sheet);
    const skipped = result.problems.length ? `\n${result.problems.length} row(s) could not be read; see the import report.` : '';
    tell('Refresh dashboard', `The Dashboard tab now shows ${result.charts.length} charts as of ${result.asOf.split('-').reverse().join('/')}.${skipped}`);
    return result;
  } catch (e) {
    tell('Refresh dashboard', e instanceof AccessError ? e.message : errorMessage(e));
    return null;
  }
}
