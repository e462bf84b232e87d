/**
 * The school's settings live in the tracker's **document** properties: they belong to this
 * spreadsheet, travel with it, and are never shared with another school's install (script
 * properties are shared by every install of the add-on, so nothing school-specific goes there).
 * Only overrides are stored; defaults come from core/settings.ts.
 */
import { Settings, SettingsOverrides, withDefaults, withOwnerDomain } from '../core/settings';
import { validateSettings } from '../core/settingsCheck';
import { trackerOwner } from './owner';
import { UserError } from '../core/errors';

const KEY = 'pastoralTracker.settings';

/** The settings the jobs use: the school's overrides on the defaults; no domain set → the owner's. */
export function loadSettings(): Settings {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  let overrides: SettingsOverrides = {};
  if (raw) {
    try {
      overrides = JSON.parse(raw) as SettingsOverrides;
    } catch (e) {
      throw new UserError('The add-on settings are damaged. Open Settings and choose "Restore defaults".');
    }
  }
  const settings = withDefaults(overrides);
  // The owner is looked up only when no domain is set (one read fewer on every other job).
  return settings.school.allowedDomains.length ? settings : withOwnerDomain(settings, trackerOwner());
}

/** Validates, then stores. Returns the problems (nothing stored) or [] when saved. */
export function saveSettings(overrides: SettingsOverrides): string[] {
  const merged = withDefaults(overrides);
  const problems = validateSettings(merged);
  if (problems.length) return problems;
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(overrides));
  return [];
}

export function restoreDefaultSettings(): void {
  PropertiesService.getDocumentProperties().deleteProperty(KEY);
}

export function loadOverrides(): SettingsOverrides {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  return raw ? (JSON.parse(raw) as SettingsOverrides) : {};
}
