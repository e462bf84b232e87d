/**
 * Entry points for the sidebars staff meet (issue 9): Settings, Pupil profile, and the SLT
 * Dashboard. Every function a sidebar calls checks its inputs (type, length, known UPN) after the
 * wrapper has checked the caller (staff on the Staff tab; Settings only for SLT, the attendance
 * officer or the intervention team) — the browser is not trusted. Read-only calls (profile,
 * search, the settings form) take no lock; writes do.
 */
import { menuItem, sidebarCall } from './wrap';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';
import { todayIso } from '../gas/clock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar, sidebarPart } from '../gas/sidebar';
import { loadSettings, restoreDefaultSettings as clearSettings } from '../gas/settingsStore';
import { SaveResult, SettingsFormData, saveSettingsFromForm, settingsFormData } from '../jobs/settings/form';
import { PupilProfile, SearchHit, pupilProfileJob, searchPupilsJob } from '../jobs/profile/profile';
import { refreshDashboardJob } from '../jobs/dashboard/dashboard';
import { UserError } from '../core/errors';
import { toUk } from '../core/dates';

/**
 * Template helper: the shared CSS/JS parts by name (only those). Anyone may call it: it returns
 * the same fixed text to everyone.
 */
export const include = sidebarCall('anyone', (_caller, name: unknown): string => sidebarPart(String(name)));

// ── Settings ────────────────────────────────────────────────────────────────────────────────

export const showSettings = menuItem('Settings', 'settings', () =>
  showSidebar('settings', 'Pastoral Tracker settings', { schoolName: loadSettings().school.name }),
);

export const getSettingsForm = sidebarCall('settings', (): SettingsFormData => settingsFormData());

export const saveSettingsForm = sidebarCall('settings', (_caller, values: unknown): SaveResult => {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    return { ok: false, problems: [{ field: '', message: 'The settings form sent nothing the add-on can read. Reload the sidebar and try again.' }] };
  }
  if (JSON.stringify(values).length > 20000) {
    return { ok: false, problems: [{ field: '', message: 'The settings form sent too much. Reload the sidebar and try again.' }] };
  }
  // Saving also turns the morning trigger on or off, or moves its hour, when those fields changed.
  return withDocumentLock('Save settings', () => saveSettingsFromForm(values, activeSpreadsheet()));
});

export const restoreDefaultSettings = sidebarCall('settings', (): SettingsFormData => {
  withDocumentLock('Restore default settings', () => clearSettings());
  return settingsFormData();
});

// ── Pupil profile ───────────────────────────────────────────────────────────────────────────

export const showPupilProfile = menuItem('Pupil profile', 'staff', () => showSidebar('pupilProfile', 'Pupil profile', { today: toUk(todayIso()) }));

export const profileSearch = sidebarCall('staff', (_caller, query: unknown): SearchHit[] => {
  if (typeof query !== 'string') throw new UserError('Type part of a name, a UPN or a reg group to search.');
  const q = query.trim();
  if (q.length < 2) throw new UserError('Type at least 2 letters to search.');
  if (q.length > 60) throw new UserError('That search is too long: type part of a name, a UPN or a reg group.');
  return searchPupilsJob(activeSpreadsheet(), q, todayIso());
});

export const getPupilProfile = sidebarCall('staff', (_caller, upn: unknown): PupilProfile => {
  if (typeof upn !== 'string' || !/^[A-Za-z0-9]{1,20}$/.test(upn.trim())) throw new UserError('Choose a pupil from the search results.');
  return pupilProfileJob(activeSpreadsheet(), upn.trim(), loadSettings(), todayIso());
});

// ── Dashboard ───────────────────────────────────────────────────────────────────────────────

export const refreshDashboard = menuItem('Refresh dashboard', 'staff', () => {
  const ss = activeSpreadsheet();
  toast('Refreshing the dashboard…');
  const result = withDocumentLock('Refresh dashboard', () => refreshDashboardJob(ss, loadSettings(), todayIso()));
  const sheet = ss.getSheetByName(result.tab);
  if (sheet) ss.setActiveSheet(sheet);
  const skipped = result.problems.length ? `\n${result.problems.length} row(s) could not be read; see the import report.` : '';
  return `The Dashboard tab now shows ${result.charts.length} charts as of ${toUk(result.asOf)}.${skipped}`;
});
