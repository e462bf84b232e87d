/**
 * The Settings sidebar's form (issue 9): which settings it edits, how the browser's values become
 * setting overrides, and which field each validation message belongs to (so the message shows
 * next to that field). Pure except `settingsFormData`/`saveSettingsFromForm`, which go through
 * gas/settingsStore. The form only ever writes the fields listed here; every other override the
 * school has (template ids, code lists…) is kept as it is.
 */
import { DEFAULT_SETTINGS, FftBenchmark, Settings, SettingsOverrides, TermDates, withDefaults } from '../../core/settings';
import { validateSettings } from '../../core/settingsCheck';
import { isIsoDate } from '../../core/dates';
import { letterTitle, LETTER_TYPES } from '../../core/letters/defaultTemplates';
import { loadOverrides, saveSettings } from '../../gas/settingsStore';
import { MORNING_HANDLER, TriggerChange, installDailyTrigger, removeTriggers } from '../../gas/triggers';
import { describeMorningStatus, loadMorningStatus } from '../../gas/morningStatus';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type FieldKind = 'text' | 'multiline' | 'list' | 'percent' | 'optionalPercent' | 'whole' | 'hour' | 'benchmark' | 'boolean' | 'halfTerms';

export interface FormField {
  /** Path in Settings, e.g. "attendance.rewardAbove" — also the input's name in the page. */
  path: string;
  label: string;
  kind: FieldKind;
  /** How validateSettings names this field (messages starting with it belong here). */
  says?: string[];
  max?: number;
}

export const FORM_FIELDS: FormField[] = [
  { path: 'school.name', label: 'School name', kind: 'text', max: 120 },
  { path: 'school.address', label: 'Address', kind: 'multiline', max: 400 },
  { path: 'school.phone', label: 'Phone', kind: 'text', max: 40 },
  { path: 'school.signatory', label: 'Letters signed by (when the Staff tab has no Head of Year or attendance officer for the letter)', kind: 'text', max: 120 },
  { path: 'school.signatoryRole', label: 'Their role', kind: 'text', max: 120 },
  { path: 'school.allowedDomains', label: 'Staff e-mail domains', kind: 'list', says: ['is not an e-mail domain'], max: 400 },
  { path: 'attendance.rewardAbove', label: 'Reward above (%)', kind: 'percent', says: ['The reward threshold'] },
  { path: 'attendance.level1From', label: 'Level 1 from (%)', kind: 'percent', says: ['The level 1 threshold'] },
  { path: 'attendance.persistentAbsenceFrom', label: 'Persistent absence from (% absent)', kind: 'percent', says: ['The persistent absence threshold'] },
  { path: 'attendance.severeAbsenceFrom', label: 'Severe absence from (% absent)', kind: 'percent', says: ['The severe absence threshold'] },
  { path: 'attendance.at1MonitorWeeks', label: 'Monitor after AT1 (school weeks)', kind: 'whole', says: ['AT1 monitoring weeks'] },
  { path: 'attendance.at2MonitorWeeks', label: 'Monitor after AT2 (school weeks)', kind: 'whole', says: ['AT2 monitoring weeks'] },
  { path: 'attendance.panelMonitorWeeks', label: 'Monitor after panel (school weeks)', kind: 'whole', says: ['Panel monitoring weeks'] },
  { path: 'attendance.academicYearStartMonth', label: 'Academic year starts in (month: 9 = September)', kind: 'whole', says: ['The month the academic year starts'] },
  { path: 'attendance.minimumSessions', label: 'Too early to tell below (possible sessions this year)', kind: 'whole', says: ['The minimum possible sessions for a stage'] },
  { path: 'legal.improvementWeeks', label: 'Notice to Improve: improvement period (school weeks, 3–6)', kind: 'whole', says: ['The Notice to Improve improvement period'] },
  { path: 'letters.legalWordingFromUnauthorised', label: 'Legal wording in letters from (unauthorised sessions this year)', kind: 'whole', says: ['Unauthorised sessions for legal wording'] },
  { path: 'homework.pinkAt', label: 'Pink at (misses in a week)', kind: 'whole', says: ['Misses for pink'] },
  { path: 'homework.redAt', label: 'Red at (misses in a week)', kind: 'whole', says: ['Misses for red'] },
  { path: 'homework.persistentWeeks', label: 'Persistent: weeks pink or red', kind: 'whole', says: ['Weeks for persistent'] },
  { path: 'homework.persistentWindow', label: '… out of the last (school weeks)', kind: 'whole', says: ['The persistence window'] },
  { path: 'calendar.halfTerms', label: 'Half terms', kind: 'halfTerms', says: ['Half term'] },
  { path: 'dashboard.nationalAttendance', label: 'National attendance (%; blank if not known)', kind: 'optionalPercent', says: ['The national attendance figure'] },
  { path: 'dashboard.nationalPaRate', label: 'National persistent absence rate (%; blank if not known)', kind: 'optionalPercent', says: ['The national persistent absence rate'] },
  { path: 'dashboard.nationalLabel', label: 'Where the figures are from (e.g. DfE, secondary, autumn 2023)', kind: 'text', max: 80 },
  { path: 'progress.benchmark', label: 'FFT benchmark', kind: 'benchmark' },
  { path: 'triggers.enabled', label: 'Morning e-mails on', kind: 'boolean' },
  { path: 'triggers.morningHour', label: 'Morning e-mails at (hour)', kind: 'hour', says: ['The morning trigger hour'] },
  { path: 'email.chaseEveryDays', label: 'Remind again about an unchanged overdue task after (days)', kind: 'whole', says: ['Days between reminders'] },
  { path: 'email.noReply', label: 'Send from a no-reply address (Google Workspace only)', kind: 'boolean' },
  { path: 'testMode', label: 'Test mode (all e-mail to me)', kind: 'boolean' },
];

export interface FieldProblem {
  field: string; // a FORM_FIELDS path, or '' for the form as a whole
  message: string;
}

export interface SaveResult {
  ok: boolean;
  problems: FieldProblem[];
  /** What the person is told when it saved (e.g. "Saved. Morning e-mails are off."); absent when nothing but "Saved." */
  message?: string;
  /** The morning trigger installed or removed because "Morning e-mails on" or its hour changed. */
  trigger?: TriggerChange;
}

function getPath(obj: any, path: string): unknown {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setPath(obj: any, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] = o[k] && typeof o[k] === 'object' ? o[k] : {};
  o[keys[keys.length - 1]] = value;
}

/** The values the page shows: every form field, from the school's settings. */
export function formValues(s: Settings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FORM_FIELDS) out[f.path] = JSON.parse(JSON.stringify(getPath(s, f.path) ?? null));
  return out;
}

const BENCHMARKS: FftBenchmark[] = ['FFT50', 'FFT20', 'FFT5'];

/**
 * Browser values → overrides, checking every value's type and length (the page is not trusted:
 * google.script.run can be called with anything). Unknown keys are ignored.
 */
export function parseForm(input: unknown): { overrides: SettingsOverrides; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const overrides: SettingsOverrides = {};
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { overrides, problems: [{ field: '', message: 'The settings form sent nothing the add-on can read. Reload the sidebar and try again.' }] };
  }
  const v = input as Record<string, unknown>;
  for (const f of FORM_FIELDS) {
    if (!(f.path in v)) continue;
    const raw = v[f.path];
    const bad = (message: string) => problems.push({ field: f.path, message });
    switch (f.kind) {
      case 'text':
      case 'multiline': {
        if (typeof raw !== 'string') { bad(`${f.label} must be text.`); break; }
        const text = f.kind === 'text' ? raw.replace(/[\r\n]+/g, ' ').trim() : raw.replace(/\r\n?/g, '\n').trim();
        if (text.length > (f.max ?? 200)) { bad(`${f.label} is too long (at most ${f.max} characters).`); break; }
        setPath(overrides, f.path, text);
        break;
      }
      case 'list': {
        const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,;\s]+/) : null;
        if (!items || items.some((x) => typeof x !== 'string')) { bad(`${f.label} must be a list of domains.`); break; }
        if (items.join(',').length > (f.max ?? 400)) { bad(`${f.label} is too long.`); break; }
        setPath(overrides, f.path, items.map((x) => String(x).trim().toLowerCase().replace(/^@/, '')).filter(Boolean));
        break;
      }
      case 'optionalPercent': {
        // Blank is "not known": the Dashboard then shows no national figure.
        const n = raw === null || (typeof raw === 'string' && raw.trim() === '') ? null : typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
        if (n !== null && !isFinite(n)) { bad(`${f.label} must be a number or blank.`); break; }
        setPath(overrides, f.path, n);
        break;
      }
      case 'percent':
      case 'whole':
      case 'hour': {
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN;
        if (!isFinite(n)) { bad(`${f.label} must be a number.`); break; }
        setPath(overrides, f.path, n);
        break;
      }
      case 'benchmark':
        if (!BENCHMARKS.includes(raw as FftBenchmark)) { bad(`${f.label} must be one of ${BENCHMARKS.join(', ')}.`); break; }
        setPath(overrides, f.path, raw);
        break;
      case 'boolean':
        if (typeof raw !== 'boolean') { bad(`${f.label} must be on or off.`); break; }
        setPath(overrides, f.path, raw);
        break;
      case 'halfTerms': {
        if (!Array.isArray(raw) || raw.length > 12) { bad('Half terms must be a list of at most 12 rows.'); break; }
        const terms: TermDates[] = [];
        raw.forEach((t: any, i: number) => {
          const name = typeof t?.name === 'string' ? t.name.trim().slice(0, 60) : '';
          const start = typeof t?.start === 'string' ? t.start.trim() : '';
          const end = typeof t?.end === 'string' ? t.end.trim() : '';
          if (!name && !start && !end) return; // an empty row the person added and left
          if (!isIsoDate(start) || !isIsoDate(end)) { bad(`Half term row ${i + 1}${name ? ` ("${name}")` : ''} needs a start and an end date.`); return; }
          terms.push({ name: name || `Half term ${i + 1}`, start, end });
        });
        setPath(overrides, f.path, terms.sort((a, b) => (a.start < b.start ? -1 : 1)));
        break;
      }
    }
  }
  return { overrides, problems };
}

/** Which form field a validateSettings message is about ('' when none matches). */
export function fieldOfMessage(message: string): string {
  if (message.startsWith('The level 1 threshold must not be above')) return 'attendance.level1From';
  if (message.startsWith('Misses for red must be more')) return 'homework.redAt';
  if (message.startsWith('Weeks for persistent cannot exceed')) return 'homework.persistentWeeks';
  for (const f of FORM_FIELDS) for (const s of f.says || []) if (message.startsWith(s) || message.includes(s)) return f.path;
  return '';
}

/** Lay the form's overrides over the school's stored ones (everything the form does not edit is kept). */
export function mergeOverrides(stored: SettingsOverrides, form: SettingsOverrides): SettingsOverrides {
  const out = JSON.parse(JSON.stringify(stored || {}));
  for (const f of FORM_FIELDS) {
    const v = getPath(form, f.path);
    if (v !== undefined) setPath(out, f.path, v);
  }
  return out;
}

/** Check without saving: the problems of the merged settings, each placed on its field. */
export function checkOverrides(overrides: SettingsOverrides): FieldProblem[] {
  return validateSettings(withDefaults(overrides)).map((message) => ({ field: fieldOfMessage(message), message }));
}

export interface TemplateLink {
  type: string;
  title: string;
  id: string;
  url: string;
}

export interface SettingsFormData {
  fields: FormField[];
  values: Record<string, unknown>;
  defaults: Record<string, unknown>;
  templates: TemplateLink[];
  /** The morning trigger's last run, in words (issue 15 §7). */
  morningStatus: string;
}

export function templateLinks(s: Settings): TemplateLink[] {
  const ids = s.letters.templateIds || {};
  const types = Array.from(new Set([...LETTER_TYPES, ...Object.keys(ids)]));
  return types.map((type) => {
    const id = String(ids[type] || '');
    const safe = /^[A-Za-z0-9_-]{10,100}$/.test(id);
    let title: string = type;
    try { title = letterTitle(type as any) || type; } catch (e) { /* an unknown type keeps its key */ }
    return { type, title, id, url: safe ? `https://docs.google.com/document/d/${id}/edit` : '' };
  });
}

/** Reads the stored settings (document properties) for the page. */
export function settingsFormData(): SettingsFormData {
  const s = withDefaults(loadOverrides());
  return { fields: FORM_FIELDS, values: formValues(s), defaults: formValues(DEFAULT_SETTINGS), templates: templateLinks(s), morningStatus: describeMorningStatus(loadMorningStatus()) };
}

/**
 * What saving must do to the morning trigger: only when "Morning e-mails on" or its hour changed
 * (a save that leaves them alone never touches triggers). Pure: the stored and the new settings in.
 */
export function triggerAction(before: Settings, after: Settings): 'install' | 'remove' | 'none' {
  const onChanged = before.triggers.enabled !== after.triggers.enabled;
  const hourChanged = before.triggers.morningHour !== after.triggers.morningHour;
  if (after.triggers.enabled) return onChanged || hourChanged ? 'install' : 'none';
  return onChanged ? 'remove' : 'none';
}

/** The sentence for the save message (no pupil data). */
export function describeTriggerChange(change: TriggerChange, testMode: boolean): string {
  if (change.installed) {
    return `Morning e-mails are on: every school day at about ${change.hour}:00 (UK time)` +
      (testMode ? ', in TEST MODE — every e-mail comes to you.' : '.') +
      (change.removed ? ' The earlier trigger was replaced, so there is still only one.' : '');
  }
  return change.removed ? 'Morning e-mails are off.' : 'Morning e-mails are off (they were not on for you in this spreadsheet).';
}

/**
 * Parse, check and store the form (nothing stored when any field is wrong). With `ss` (the entry
 * point passes the active spreadsheet), a change to "Morning e-mails on" or its hour also installs
 * or removes the daily trigger (handler `morningRun`, one only), before the settings are stored: if
 * Google refuses the trigger, nothing is stored and the problem is shown on that field.
 */
export function saveSettingsFromForm(input: unknown, ss?: Spreadsheet): SaveResult {
  const { overrides, problems } = parseForm(input);
  if (problems.length) return { ok: false, problems };
  const stored = loadOverrides();
  const merged = mergeOverrides(stored, overrides);
  const checked = checkOverrides(merged);
  if (checked.length) return { ok: false, problems: checked };
  const after = withDefaults(merged);
  const action = ss ? triggerAction(withDefaults(stored), after) : 'none';
  let trigger: TriggerChange | undefined;
  if (ss && action !== 'none') {
    try {
      trigger = action === 'install'
        ? installDailyTrigger(ss, MORNING_HANDLER, after.triggers.morningHour)
        : removeTriggers(ss, MORNING_HANDLER);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        problems: [{
          field: 'triggers.enabled',
          message: `Not saved: Google would not ${action === 'install' ? 'set up' : 'remove'} the morning e-mail trigger (${why}). ` +
            'If a letter run or an import is carrying on by itself, let it finish (an add-on may hold one timed trigger), then save again.',
        }],
      };
    }
  }
  const refused = saveSettings(merged);
  if (refused.length) {
    // The stored settings did not change: put the trigger back (on at the stored hour, or off).
    if (ss && trigger) {
      const was = withDefaults(stored).triggers;
      if (was.enabled) installDailyTrigger(ss, MORNING_HANDLER, was.morningHour);
      else removeTriggers(ss, MORNING_HANDLER);
    }
    return { ok: false, problems: refused.map((message) => ({ field: fieldOfMessage(message), message })) };
  }
  if (!trigger) return { ok: true, problems: [] };
  return { ok: true, problems: [], trigger, message: `Saved. ${describeTriggerChange(trigger, after.testMode)}` };
}
