/**
 * Issue 15 §6: the spreadsheet has its own locale and time zone, and a new one is not London's.
 * Set up tracker makes it en_GB / Europe/London; and should someone change the zone afterwards,
 * dates are still read and written as the same UK calendar days.
 */
import { createLocalGoogle } from '../../local/google';
import { setUpTrackerJob, describeSetup } from '../../src/jobs/setupTracker';
import { readTab, upsertByKey } from '../../src/gas/tables';
import { forgetSpreadsheetZone } from '../../src/gas/cells';
import { importRows } from '../../src/jobs/importData';
import { upn } from './tableHelpers';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

function newTracker() {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') }); // a new file: en_US, New York
  const uninstall = g.install();
  return { g, ss: g.spreadsheet as unknown as Ss, uninstall };
}

test('Set up tracker sets en_GB and Europe/London on a new (en_US, New York) spreadsheet, and says so', () => {
  const { ss, uninstall } = newTracker();
  try {
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['en_US', 'America/New_York']);
    const text = describeSetup(setUpTrackerJob(ss));
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['en_GB', 'Europe/London']);
    expect(text).toContain("Set the spreadsheet's locale to en_GB and its time zone to Europe/London (it was en_US, America/New_York)");
    // Staff typing 03/04/2024 now get 3 April.
    const sheet = ss.getSheetByName('Homework Log')!;
    sheet.getRange('Z2').setValue('03/04/2024');
    expect(sheet.getRange('Z2').getDisplayValue()).toBe('03/04/2024');
    expect(describeSetup(setUpTrackerJob(ss))).toBe('The tracker is up to date: nothing to add.');
  } finally {
    uninstall();
  }
});

describe.each(['America/New_York', 'Asia/Tokyo', 'Europe/London'])('a tracker whose zone was changed to %s after set-up', (zone) => {
  test('dates written show the right day there, and read back as the same UK dates', () => {
    const { ss, uninstall } = newTracker();
    try {
      setUpTrackerJob(ss);
      ss.setSpreadsheetTimeZone(zone);
      forgetSpreadsheetZone(ss); // a new execution would read the zone afresh
      importRows(ss, 'Students', [['UPN', 'Forename', 'Surname', 'Year', 'Reg Group'], [upn(1), 'Amy', 'Brown', '9', '9B']]);
      // The add-on writes dates (a Letters Log row, in summer time and in winter).
      // (keys as the tracker makes them: type | UPN | academic year)
      upsertByKey(ss, 'Letters Log', [
        { key: `AT1|${upn(1)}|2023-24`, date: '2024-01-26', type: 'AT1', upn: upn(1), status: 'Produced' },
        { key: `PA|${upn(1)}|2023-24`, date: '2024-07-01', type: 'PA', upn: upn(1), status: 'Produced' },
      ], { fields: ['date', 'type', 'upn', 'status'] });
      const sheet = ss.getSheetByName('Letters Log')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
      const dateCol = header.indexOf('Date') + 1;
      // What a person sees in the cell, in the tracker's own zone: the same calendar day.
      expect(sheet.getRange(2, dateCol, 2, 1).getDisplayValues().map((r) => r[0])).toEqual(['26/01/2024', '01/07/2024']);
      // And what the add-on reads back.
      const log = readTab(ss, 'Letters Log').records as any[];
      expect(log.map((e) => e.date)).toEqual(['2024-01-26', '2024-07-01']);
      // A date staff typed in that zone is read as the day they typed.
      sheet.getRange(3, dateCol).setValue('02/07/2024');
      expect((readTab(ss, 'Letters Log').records as any[]).map((e) => e.date)).toEqual(['2024-01-26', '2024-07-02']);
    } finally {
      uninstall();
    }
  });
});
