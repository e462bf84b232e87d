/**
 * Issue 9 §3: "Morning e-mails on" and its hour in the Settings sidebar drive the daily trigger.
 * Saving installs, moves or removes the one `morningRun` trigger — only when those fields changed.
 */
import { createLocalGoogle, LocalGoogle } from '../../local/google';
import { saveSettingsFromForm, triggerAction } from '../../src/jobs/settings/form';
import { loadSettings, saveSettings } from '../../src/gas/settingsStore';
import { countTriggers, MORNING_HANDLER } from '../../src/gas/triggers';
import { DEFAULT_SETTINGS, withDefaults } from '../../src/core/settings';

let g: LocalGoogle;
let uninstall: () => void;
let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;

beforeEach(() => {
  g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
  uninstall = g.install();
  ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  (g.services.ScriptApp as any)._setActiveDocumentId(ss.getId()); // the add-on runs in this tracker
});
afterEach(() => uninstall());

const scriptApp = () => g.services.ScriptApp as any;
const morning = () => (scriptApp()._all() as any[]).filter((t) => t.handler === MORNING_HANDLER);

test('turning morning e-mails on installs one trigger at the hour; off removes it', () => {
  expect(saveSettings({ triggers: { enabled: false } } as any)).toEqual([]);
  const on = saveSettingsFromForm({ 'triggers.enabled': true, 'triggers.morningHour': 6 }, ss);
  expect(on.ok).toBe(true);
  expect(on.message).toMatch(/^Saved\. Morning e-mails are on: every school day at about 6:00 \(UK time\)\.$/);
  expect(countTriggers(ss, MORNING_HANDLER)).toBe(1);
  expect(morning()[0].schedule).toMatchObject({ everyDays: 1, atHour: 6, timezone: 'Europe/London' });
  expect(loadSettings().triggers).toMatchObject({ enabled: true, morningHour: 6 });

  const off = saveSettingsFromForm({ 'triggers.enabled': false, 'triggers.morningHour': 6 }, ss);
  expect(off).toMatchObject({ ok: true, message: 'Saved. Morning e-mails are off.' });
  expect(off.trigger).toMatchObject({ removed: 1, installed: false });
  expect(countTriggers(ss, MORNING_HANDLER)).toBe(0);
  expect(loadSettings().triggers.enabled).toBe(false);
});

test('changing the hour replaces the trigger (still one); saving other fields leaves it alone', () => {
  saveSettingsFromForm({ 'triggers.enabled': false }, ss);
  saveSettingsFromForm({ 'triggers.enabled': true, 'triggers.morningHour': 7 }, ss);
  expect(morning().map((t) => t.schedule.atHour)).toEqual([7]);

  const moved = saveSettingsFromForm({ 'triggers.enabled': true, 'triggers.morningHour': 5, testMode: true }, ss);
  expect(moved.ok).toBe(true);
  expect(moved.message).toMatch(/about 5:00 .*TEST MODE.*replaced, so there is still only one/);
  expect(morning().map((t) => t.schedule.atHour)).toEqual([5]);

  g.env.resetCounts();
  const other = saveSettingsFromForm({ 'school.name': 'Hillside Academy', 'triggers.enabled': true, 'triggers.morningHour': 5 }, ss);
  expect(other).toEqual({ ok: true, problems: [] });
  expect(Object.keys(g.env.countsByName()).filter((k) => /ScriptApp|Trigger/.test(k))).toEqual([]);
  expect(morning().map((t) => t.schedule.atHour)).toEqual([5]);
});

test('the hour changed while off: nothing is installed', () => {
  saveSettingsFromForm({ 'triggers.enabled': false }, ss);
  const r = saveSettingsFromForm({ 'triggers.enabled': false, 'triggers.morningHour': 6 }, ss);
  expect(r).toEqual({ ok: true, problems: [] });
  expect(countTriggers(ss, MORNING_HANDLER)).toBe(0);
});

test('an invalid hour is refused before any trigger changes', () => {
  saveSettingsFromForm({ 'triggers.enabled': false }, ss);
  const r = saveSettingsFromForm({ 'triggers.enabled': true, 'triggers.morningHour': 25 }, ss);
  expect(r.ok).toBe(false);
  expect(r.problems[0].field).toBe('triggers.morningHour');
  expect(countTriggers(ss, MORNING_HANDLER)).toBe(0);
  expect(loadSettings().triggers.enabled).toBe(false);
});

test('Google refusing the trigger (another timed trigger held): nothing stored, the problem on the field', () => {
  saveSettingsFromForm({ 'triggers.enabled': false }, ss);
  // A letter run carrying on by itself holds the add-on's one timed trigger.
  ScriptApp.newTrigger('continueLetterRun').timeBased().after(60000).create();
  const r = saveSettingsFromForm({ 'triggers.enabled': true }, ss);
  expect(r.ok).toBe(false);
  expect(r.problems[0]).toMatchObject({ field: 'triggers.enabled', message: expect.stringMatching(/Not saved.*let it finish/) });
  expect(loadSettings().triggers.enabled).toBe(false);
  expect(countTriggers(ss, MORNING_HANDLER)).toBe(0);
});

test('the rule: act only when on/off or the hour changed', () => {
  const base = withDefaults({});
  expect(triggerAction(base, withDefaults({ triggers: { enabled: false } } as any))).toBe('remove');
  expect(triggerAction(withDefaults({ triggers: { enabled: false } } as any), base)).toBe('install');
  expect(triggerAction(base, withDefaults({ triggers: { morningHour: 8 } } as any))).toBe('install');
  expect(triggerAction(base, withDefaults({ school: { ...DEFAULT_SETTINGS.school, name: 'X' } } as any))).toBe('none');
});

test('the QA calendar menu items keep "Morning e-mails on" in step with the trigger', () => {
  const { installMorningTrigger, removeMorningTrigger } = require('../../src/entry/qa');
  expect(saveSettings({ triggers: { enabled: false } } as any)).toEqual([]);
  installMorningTrigger();
  expect(morning()).toHaveLength(1);
  expect(loadSettings().triggers.enabled).toBe(true);
  removeMorningTrigger();
  expect(morning()).toHaveLength(0);
  expect(loadSettings().triggers.enabled).toBe(false);
});
