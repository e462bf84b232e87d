/** Issue 8 §1 at job level: a Progress import takes its Target from the FFT benchmark in Settings. */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { importRows, PROGRESS_WIDE } from '../../src/jobs/importData';
import { formatImportReport } from '../../src/core/records/merge';
import { loadOverrides, saveSettings } from '../../src/gas/settingsStore';
import { readTab, readValues } from '../../src/gas/tables';

let t: TrackerFixture;
let upns: string[];
beforeAll(() => {
  t = makeTracker({ pupils: 40, tabs: ['Students', 'Staff'] });
  upns = t.school.tables.Students.slice(1, 4).map((r) => r[0]);
});
afterAll(() => t.uninstall());

const progress = () => readTab(t.ss, 'Progress').records;
const setBenchmark = (b: string) => expect(saveSettings({ ...loadOverrides(), progress: { benchmark: b } } as any)).toEqual([]);

test('the benchmark chosen in Settings fills Target; the other benchmark columns are never written', () => {
  setBenchmark('FFT20');
  const r = importRows(t.ss, 'Progress', [
    ['UPN', 'Subject', 'FFT50', 'FFT20', 'FFT5', 'Current'],
    [upns[0], 'Maths', '5', '6', '8', '5'],
    [upns[1], 'Maths', '4', '5', '7', '5'],
  ]);
  expect(r.added).toBe(2);
  expect(progress().map((p) => [p.upn, p.target, p.current])).toEqual([[upns[0], '6', '5'], [upns[1], '5', '5']]);
  expect(r.notes).toEqual(['Targets: FFT20 (the benchmark chosen in Settings), from the "FFT20" column. Not used: FFT50, FFT5.']);
  const header = readValues(t.ss.getSheetByName('Progress')!)[0].map(String);
  expect(header.some((h) => /FFT/i.test(h))).toBe(false);
  expect(formatImportReport(r)).toMatch(/Targets: FFT20 \(the benchmark chosen in Settings\)/);
});

test('changing the benchmark and importing again updates the targets; a plain Target column wins', () => {
  setBenchmark('FFT5');
  const rows = [
    ['UPN', 'Subject', 'FFT50', 'FFT20', 'FFT5', 'Current'],
    [upns[0], 'Maths', '5', '6', '8', '5'],
    [upns[1], 'Maths', '4', '5', '7', '5'],
  ];
  const r = importRows(t.ss, 'Progress', rows);
  expect(r.updated).toBe(2);
  expect(progress().map((p) => p.target)).toEqual(['8', '7']);

  const own = importRows(t.ss, 'Progress', [['UPN', 'Subject', 'Target', 'FFT5'], [upns[0], 'Maths', '4', '9']]);
  expect(own.notes![0]).toMatch(/own Target column/);
  expect(progress().find((p) => p.upn === upns[0])!.target).toBe('4');
});

test('a marksheet with a column per subject: the chosen benchmark per subject, other benchmarks not made into subjects', () => {
  setBenchmark('FFT50');
  const r = importRows(t.ss, PROGRESS_WIDE, [
    ['UPN', 'Name', 'English FFT50', 'English FFT20', 'English'],
    [upns[2], 'Someone', '6', '7', '5'],
  ]);
  expect(r.refused).toBe(0);
  const mine = progress().filter((p) => p.upn === upns[2]);
  expect(mine.map((p) => [p.subject, p.target, p.current])).toEqual([['English', '6', '5']]);
  expect(r.notes![0]).toMatch(/FFT50 \(the benchmark chosen in Settings\) for English\. Not used: English FFT20\./);
  expect(r.unknownHeaders).toContain('English FFT20');
});

test('the chosen benchmark is not in the file: targets kept as they were, and the report says so', () => {
  setBenchmark('FFT20');
  const before = progress().find((p) => p.upn === upns[0])!.target;
  const r = importRows(t.ss, 'Progress', [['UPN', 'Subject', 'FFT50', 'Current'], [upns[0], 'Maths', '9', '6']]);
  expect(progress().find((p) => p.upn === upns[0])).toMatchObject({ target: before, current: '6' });
  expect(r.notes![0]).toMatch(/none imported — Settings choose FFT20/);
});
