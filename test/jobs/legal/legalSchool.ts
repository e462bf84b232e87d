/**
 * A small hand-made school for the legal-step job tests, where every date matters: autumn 2024
 * (after the national framework of 19 August 2024), half term 21–25 October, as of Friday 15
 * November 2024, plus two weeks of July 2024 (last academic year) for one pupil. Built through the
 * real set-up and importers on the local services.
 *
 *   amir   Y9   O Fri 19 July and Mon 9 – Fri 13 Sep → threshold first met Thu 12/09/2024 (the
 *               window of 10 school weeks crosses the summer: 2 sessions in July + 8 in September)
 *   bella  Y8   G Mon 16 – Fri 20 Sep (a holiday alone) → first met Fri 20/09/2024
 *   callum Y10  O Mon 30 Sep – Fri 11 Oct: 10 school days in a row (notify the LA), back Mon 14 Oct;
 *               the threshold first met Fri 04/10/2024
 *   dana   Y12  G Mon 16 – Fri 20 Sep: a sixth former, never flagged
 *   evan   Y9   always present; named in a note about Amir (the pack must not name him)
 */
import { createLocalGoogle, LocalGoogle } from '../../../local/google';
import { setUser } from '../../../local/services/shared';
import { setUpTrackerJob } from '../../../src/jobs/setupTracker';
import { importRows } from '../../../src/jobs/importData';
import { saveSettings } from '../../../src/gas/settingsStore';
import { makeUpn } from '../../upn';
import { IsoDate, addDays, toUk, weekday } from '../../../src/core/dates';
import { SettingsOverrides } from '../../../src/core/settings';

export const AS_OF = '2024-11-15';
export const DOMAIN = 'oakfield.sch.uk';
export const OFFICER = `a.officer@${DOMAIN}`;

function weekdays(from: IsoDate, to: IsoDate, closed: IsoDate[] = []): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekday(d) < 5 && closed.indexOf(d) < 0) out.push(d);
  return out;
}

export const LAST_YEAR_DAYS = weekdays('2024-07-08', '2024-07-19');
export const AUTUMN_DAYS = [...weekdays('2024-09-02', '2024-10-18'), ...weekdays('2024-10-28', AS_OF)];

export const U = {
  amir: makeUpn(201),
  bella: makeUpn(202),
  callum: makeUpn(203),
  dana: makeUpn(204),
  evan: makeUpn(205),
};

const between = (d: IsoDate, a: IsoDate, b: IsoDate) => d >= a && d <= b;

const CODE: Record<keyof typeof U, (d: IsoDate) => string> = {
  amir: (d) => (between(d, '2024-09-09', '2024-09-13') || d === '2024-07-19' ? 'O' : ''),
  bella: (d) => (between(d, '2024-09-16', '2024-09-20') ? 'G' : ''),
  callum: (d) => (between(d, '2024-09-30', '2024-10-11') ? 'O' : ''),
  dana: (d) => (between(d, '2024-09-16', '2024-09-20') ? 'G' : ''),
  evan: () => '',
};

/** The Legal tab with one step: Bella's penalty notice of 20 September, paid within 21 days. */
export const BELLA_PAID: string[][] = [
  ['Date', 'UPN', 'Step', 'Parent', 'Amount', 'Period End', 'Outcome'],
  ['20/09/2024', U.bella, 'Penalty notice', 'Ms Jo Green', '£80 if paid within 21 days, £160 within 28 days', '', 'Paid within 21 days'],
];

export const HALF_TERMS = [
  { name: 'Autumn 1', start: '2024-09-02', end: '2024-10-18' },
  { name: 'Autumn 2', start: '2024-10-28', end: '2024-12-20' },
];

export interface LegalSchool {
  g: LocalGoogle;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  uninstall: () => void;
}

export function legalSchool(opts: { settings?: SettingsOverrides; legal?: string[][]; asOf?: IsoDate } = {}): LegalSchool {
  const asOf = opts.asOf || AS_OF;
  const g = createLocalGoogle({ now: new Date(`${asOf}T09:00:00Z`), user: OFFICER });
  const uninstall = g.install();
  const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  try {
    setUpTrackerJob(ss);
    expect(saveSettings({ school: { name: 'Oakfield School', allowedDomains: [DOMAIN] }, calendar: { halfTerms: HALF_TERMS }, ...(opts.settings || {}) } as SettingsOverrides)).toEqual([]);
    importRows(ss, 'Students', [
      ['UPN', 'Forename', 'Surname', 'Year', 'Reg Group', 'Parent Name', 'Address'],
      [U.amir, 'Amir', 'Shah', '9', '9S', 'Mrs Rana Shah; Mr Imran Shah', '4 Elm Road\nOakfield\nOK1 2AB'],
      [U.bella, 'Bella', 'Green', '8', '8G', 'Ms Jo Green', '9 Ash Close, Oakfield'],
      [U.callum, 'Callum', 'Reid', '10', '10R', 'Mr Tom Reid', '1 Birch Way, Oakfield'],
      [U.dana, 'Dana', 'Lowe', '12', '12L', 'Mrs Kay Lowe', '3 Oak Lane, Oakfield'],
      [U.evan, 'Evan', 'Marsh', '9', '9S', 'Mr Len Marsh', '5 Elm Road, Oakfield'],
    ]);
    importRows(ss, 'Staff', [
      ['Name', 'Email', 'Role', 'Year'],
      ['Ann Officer', OFFICER, 'Attendance officer', ''],
      ['Hal Year9', `hoy9@${DOMAIN}`, 'Head of Year', '9'],
      ['Fay Tutor', `tutor9s@${DOMAIN}`, 'Form tutor', '9'],
      ['Out Sider', 'hoy8@gmail.com', 'Head of Year', '8'],
    ]);
    setUser(g.env, OFFICER);
    const marks = [['UPN', 'Date', 'Session', 'Code']];
    for (const k of Object.keys(U) as Array<keyof typeof U>) {
      const days = (k === 'amir' ? LAST_YEAR_DAYS : []).concat(AUTUMN_DAYS).filter((d) => d <= asOf);
      for (const d of days) {
        const c = CODE[k](d);
        marks.push([U[k], toUk(d), 'AM', c || '/'], [U[k], toUk(d), 'PM', c || '\\']);
      }
    }
    importRows(ss, 'Attendance Marks', marks);
    importRows(ss, 'Letters Log', [
      ['Key', 'Date', 'Type', 'UPN', 'Batch Document', 'By', 'Status'],
      [`AT1|${U.amir}|episode-2024-09-16`, '16/09/2024', 'AT1', U.amir, 'https://docs.google.com/document/d/1Batch01/edit', 'Hal Year9', 'Sent'],
    ]);
    importRows(ss, 'Interventions', [
      ['Key', 'Date', 'UPN', 'Area', 'Action', 'Owner', 'Due', 'Status', 'Outcome'],
      ['I1', '17/09/2024', U.amir, 'Attendance', 'Meeting with Mrs Shah: argued with Evan Marsh on the bus', 'Hal Year9', '', 'Done', 'Walks in with Marsh, Evan now; mentor offered'],
    ]);
    if (opts.legal) importRows(ss, 'Legal', opts.legal);
    g.env.resetCounts();
    return { g, ss, uninstall };
  } catch (e) {
    uninstall();
    throw e;
  }
}
