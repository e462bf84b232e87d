/** The Settings sidebar's form (issue 9): values checked, problems placed on their field, overrides kept. */
import { createLocalGoogle } from '../../local/google';
import { saveSettingsFromForm, settingsFormData, parseForm, fieldOfMessage } from '../../src/jobs/settings/form';
import { loadSettings, saveSettings, loadOverrides } from '../../src/gas/settingsStore';

describe('settings form', () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = createLocalGoogle().install();
  });
  afterEach(() => uninstall());

  test('a 197% reward threshold is refused, naming the threshold, and nothing is stored', () => {
    const r = saveSettingsFromForm({ 'attendance.rewardAbove': '197' });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ field: 'attendance.rewardAbove', message: expect.stringMatching(/reward threshold.*0 to 100.*197/) }]);
    expect(loadOverrides()).toEqual({});
  });

  test('saving keeps what the form does not edit (template ids)', () => {
    expect(saveSettings({ letters: { templateIds: { AT1: 'abcdefghijklmnop' } } })).toEqual([]);
    const r = saveSettingsFromForm({
      'school.name': 'Hillside Academy', 'attendance.rewardAbove': 96, 'school.allowedDomains': 'Hillside.sch.uk, @other.sch.uk',
      'calendar.halfTerms': [{ name: 'Spring 1', start: '2024-01-03', end: '2024-02-09' }, { name: '', start: '', end: '' }],
      'triggers.enabled': false, 'triggers.morningHour': 6, testMode: true, 'progress.benchmark': 'FFT20',
    });
    expect(r).toEqual({ ok: true, problems: [] });
    const s = loadSettings();
    expect(s.school.name).toBe('Hillside Academy');
    expect(s.attendance.rewardAbove).toBe(96);
    expect(s.school.allowedDomains).toEqual(['hillside.sch.uk', 'other.sch.uk']);
    expect(s.calendar.halfTerms).toEqual([{ name: 'Spring 1', start: '2024-01-03', end: '2024-02-09' }]);
    expect(s.letters.templateIds.AT1).toBe('abcdefghijklmnop');
    expect(s.triggers).toMatchObject({ enabled: false, morningHour: 6 });
    expect(s.testMode).toBe(true);
    const form = settingsFormData();
    expect(form.values['school.name']).toBe('Hillside Academy');
    expect(form.templates.find((x) => x.type === 'AT1')!.url).toBe('https://docs.google.com/document/d/abcdefghijklmnop/edit');
  });

  test('wrong types and half-term rows are problems on their field', () => {
    const { problems } = parseForm({ 'school.name': 5, 'attendance.level1From': 'lots', 'calendar.halfTerms': [{ name: 'A', start: 'x', end: '' }], testMode: 'yes' });
    expect(problems.map((p) => p.field).sort()).toEqual(['attendance.level1From', 'calendar.halfTerms', 'school.name', 'testMode']);
    expect(parseForm(null).problems[0].field).toBe('');
    expect(saveSettingsFromForm({ 'homework.pinkAt': 3, 'homework.redAt': 3 }).problems[0].field).toBe('homework.redAt');
    expect(fieldOfMessage('"bad" is not an e-mail domain (write it like school.sch.uk).')).toBe('school.allowedDomains');
  });
});

describe('settings form: the academic year and "too early to tell" (issue 17)', () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = createLocalGoogle().install();
  });
  afterEach(() => uninstall());

  test('a school starting its year in August and counting stages from 30 sessions saves both', () => {
    expect(settingsFormData().values['attendance.academicYearStartMonth']).toBe(9);
    expect(settingsFormData().values['attendance.minimumSessions']).toBe(20);
    expect(saveSettingsFromForm({ 'attendance.academicYearStartMonth': '8', 'attendance.minimumSessions': '30' })).toEqual({ ok: true, problems: [] });
    expect(loadSettings().attendance).toMatchObject({ academicYearStartMonth: 8, minimumSessions: 30 });
  });

  test('month 13 is refused on its own field and nothing is stored', () => {
    const r = saveSettingsFromForm({ 'attendance.academicYearStartMonth': 13 });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ field: 'attendance.academicYearStartMonth', message: expect.stringMatching(/month the academic year starts.*1 to 12/i) }]);
    expect(loadOverrides()).toEqual({});
  });
});

describe('settings form: national figures for the Dashboard (issue 20)', () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = createLocalGoogle().install();
  });
  afterEach(() => uninstall());

  test('blank by default; filled in they are saved; emptied again they are blank (null), not 0', () => {
    expect(settingsFormData().values).toMatchObject({ 'dashboard.nationalAttendance': null, 'dashboard.nationalPaRate': null, 'dashboard.nationalLabel': '' });
    expect(saveSettingsFromForm({ 'dashboard.nationalAttendance': '91.2', 'dashboard.nationalPaRate': 21.5, 'dashboard.nationalLabel': 'DfE, secondary, autumn 2023' })).toEqual({ ok: true, problems: [] });
    expect(loadSettings().dashboard).toEqual({ nationalAttendance: 91.2, nationalPaRate: 21.5, nationalLabel: 'DfE, secondary, autumn 2023' });
    expect(saveSettingsFromForm({ 'dashboard.nationalAttendance': '', 'dashboard.nationalPaRate': ' ' }).ok).toBe(true);
    expect(loadSettings().dashboard).toMatchObject({ nationalAttendance: null, nationalPaRate: null });
  });

  test('a figure that is not a percentage is refused on its own field', () => {
    expect(saveSettingsFromForm({ 'dashboard.nationalPaRate': 'high' }).problems).toEqual([{ field: 'dashboard.nationalPaRate', message: expect.stringMatching(/number or blank/) }]);
    expect(saveSettingsFromForm({ 'dashboard.nationalAttendance': 191 }).problems).toEqual([{ field: 'dashboard.nationalAttendance', message: expect.stringMatching(/national attendance figure must be a percentage from 0 to 100/) }]);
  });
});
