/**
 * A small hand-made school for the attendance job tests, where exact numbers matter: 12 pupils,
 * Spring 1 2024 from Monday 8 January to Friday 26 January (15 school days, 30 sessions), each
 * pupil given one case. Built through the real set-up and importers on the local services.
 */
import { createLocalGoogle, LocalGoogle } from '../../local/google';
import { setUpTrackerJob } from '../../src/jobs/setupTracker';
import { importRows } from '../../src/jobs/importData';
import { saveSettings, loadSettings } from '../../src/gas/settingsStore';
import { makeUpn } from '../upn';
import { IsoDate, addDays, toUk, weekday } from '../../src/core/dates';
import { readValues } from '../../src/gas/tables';
import { Settings } from '../../src/core/settings';

export const AS_OF = '2024-01-26';
export const DAYS: IsoDate[] = [];
for (let d = '2024-01-08'; d <= AS_OF; d = addDays(d, 1)) if (weekday(d) < 5) DAYS.push(d);

export const U = {
  reward: makeUpn(101),
  level2: makeUpn(102), // 2 × I → 28/30 = 93.3%: level 2, not PA
  level1: makeUpn(103), // 1 × I on the last afternoon → 29/30 = 96.7%; reward the day before
  notCounted: makeUpn(104), // 2 × Y1 + 1 × I → 27/28 = 96.4%
  withdrawn: makeUpn(105), // an H typed into the tab by hand
  leaver: makeUpn(106),
  latesAndG: makeUpn(107), // 5 L this half term and 6 G: 24/30 = 80% → level 2, PA
  penalty: makeUpn(108), // 10 U → 20/30, penalty threshold, PA
  notifyLa: makeUpn(109), // 10 school days of O in a row → 10/30, SA
  failure: makeUpn(110), // Year 11, N this morning
  episode: makeUpn(111), // summary only (99/100) with an AT1 on 10 Jan: back in reward, the episode closes
  lateToLesson: makeUpn(112), // 5 lates to lesson this half term, otherwise present
};

type Code = (day: number, session: 'AM' | 'PM') => string;
const CASES: Record<string, Code> = {
  reward: () => '/',
  level2: (d) => (d === 3 ? 'I' : '/'),
  level1: (d, s) => (d === 14 && s === 'PM' ? 'I' : '/'),
  notCounted: (d, s) => (d === 2 ? 'Y1' : d === 5 && s === 'AM' ? 'I' : '/'),
  withdrawn: () => '/',
  leaver: () => '/',
  latesAndG: (d, s) => (d < 3 ? 'G' : d >= 5 && d < 10 && s === 'AM' ? 'L' : '/'),
  penalty: (d) => (d >= 4 && d < 9 ? 'U' : '/'),
  notifyLa: (d) => (d < 10 ? 'O' : '/'),
  failure: (d, s) => (d === 14 && s === 'AM' ? 'N' : d === 14 && s === 'PM' ? '' : '/'),
  episode: () => '/',
  lateToLesson: () => '/',
};

export const HALF_TERMS = [{ name: 'Spring 1', start: '2024-01-08', end: '2024-02-09' }];

export function studentsTable(): string[][] {
  const rows = [['UPN', 'Forename', 'Surname', 'Year', 'Reg Group', 'PP', 'EAL', 'SEN', 'Leaving Date']];
  Object.keys(U).forEach((k, i) => {
    const year = k === 'failure' ? '11' : i % 2 ? '9' : '10';
    rows.push([(U as any)[k], `Pupil${i}`, `Case-${k}`, year, `${year}A`, i % 3 ? 'No' : 'Yes', 'No', i % 4 ? 'No' : 'Yes', k === 'leaver' ? '19/01/2024' : '']);
  });
  return rows;
}

export function marksTable(): string[][] {
  const rows = [['UPN', 'Date', 'Session', 'Code']];
  for (const k of Object.keys(U)) {
    if (k === 'episode') continue; // summary only
    DAYS.forEach((d, i) => {
      for (const s of ['AM', 'PM'] as const) rows.push([(U as any)[k], toUk(d), s, CASES[k](i, s)]);
    });
  }
  return rows;
}

export interface SmallSchool {
  g: LocalGoogle;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  settings: Settings;
  uninstall: () => void;
}

export function smallSchool(): SmallSchool {
  const g = createLocalGoogle({ now: new Date(`${AS_OF}T08:00:00Z`) });
  const uninstall = g.install();
  const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  setUpTrackerJob(ss);
  expect(saveSettings({ calendar: { halfTerms: HALF_TERMS } } as any)).toEqual([]);
  importRows(ss, 'Students', studentsTable());
  importRows(ss, 'Attendance Marks', marksTable());
  importRows(ss, 'Attendance Summary', [
    ['UPN', 'Possible', 'Attended', 'Authorised', 'Unauthorised'],
    [U.episode, '100', '99', '1', '0'],
  ]);
  importRows(ss, 'Letters Log', [
    ['Key', 'Date', 'Type', 'UPN', 'Batch Document', 'By', 'Status'],
    [`AT1|${U.episode}|episode-2024-01-10`, '10/01/2024', 'AT1', U.episode, '', 'HoY', 'Produced'],
  ]);
  importRows(ss, 'Lates to Lesson', [
    ['Date', 'UPN', 'Lesson', 'Minutes'],
    ...[1, 3, 5, 7, 9].map((d) => [toUk(DAYS[d]), U.lateToLesson, 'P2', '6']),
  ]);
  g.env.resetCounts();
  return { g, ss, settings: loadSettings(), uninstall };
}

/** A tab's rows as objects keyed by header (values as the sheet holds them). */
export function tabObjects(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Array<Record<string, any>> {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return [];
  const [header, ...rows] = readValues(sheet);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** 1-based row and column of a value in a tab. */
export function cellOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tab: string, header: string, keyHeader: string, key: string): [number, number] {
  const values = readValues(ss.getSheetByName(tab)!);
  const col = values[0].indexOf(header);
  const k = values[0].indexOf(keyHeader);
  const row = values.findIndex((r) => String(r[k]) === key);
  if (col < 0 || row < 0) throw new Error(`${tab}: no ${header} for ${key}`);
  return [row + 1, col + 1];
}
