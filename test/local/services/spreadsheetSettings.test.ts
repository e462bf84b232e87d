/**
 * Issue 15 §6, §9, §10 in the local SpreadsheetApp: the spreadsheet's own locale and time zone,
 * both readings of an apostrophe typed into a plain-text cell, and multi-range selections with
 * hidden and filtered rows.
 */
import { LocalEnv } from '../../../local/services/env';
import { createSpreadsheetApp } from '../../../local/services/spreadsheet';

function tracker(opts: { locale?: string; timeZone?: string } = {}) {
  const env = new LocalEnv();
  const app = createSpreadsheetApp(env);
  const ss = app._create('Tracker', opts);
  return { env, app, ss, sheet: ss.getActiveSheet() };
}

describe('the spreadsheet has its own locale and time zone', () => {
  test('a new spreadsheet is en_US / America/New_York until set', () => {
    const { ss } = tracker();
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['en_US', 'America/New_York']);
    ss.setSpreadsheetLocale('en_GB');
    ss.setSpreadsheetTimeZone('Europe/London');
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['en_GB', 'Europe/London']);
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow(/Invalid argument/);
  });

  test('03/04/2024 typed is 4 March in en_US and 3 April in en_GB, at midnight in the sheet\'s zone', () => {
    const us = tracker();
    us.sheet.getRange('A1').setValue('03/04/2024');
    // Midnight in New York on 4 March = 05:00 UTC.
    expect((us.sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2024-03-04T05:00:00.000Z');
    expect(us.sheet.getRange('A1').getDisplayValue()).toBe('3/4/2024');
    const gb = tracker({ locale: 'en_GB', timeZone: 'Europe/London' });
    gb.sheet.getRange('A1').setValue('03/04/2024');
    // Midnight in London on 3 April (BST) = 23:00 UTC the day before.
    expect((gb.sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2024-04-02T23:00:00.000Z');
    expect(gb.sheet.getRange('A1').getDisplayValue()).toBe('03/04/2024');
    // ISO dates read the same in every locale.
    us.sheet.getRange('A2').setValue('2024-04-03');
    expect(us.sheet.getRange('A2').getDisplayValue()).toBe('4/3/2024');
  });

  test('a London midnight written into a New York spreadsheet shows the day before, at 19:00', () => {
    const { sheet } = tracker();
    sheet.getRange('A1').setValue(new Date('2024-01-26T00:00:00Z')); // midnight in London (GMT)
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/25/2024 19:00:00');
    sheet.getRange('A1').setNumberFormat('dd/mm/yyyy');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('25/01/2024');
  });
});

describe("an apostrophe typed into a plain-text ('@') cell: both readings", () => {
  test('hidden (default): the cell holds 5; kept: the cell holds \'5', () => {
    const { ss, sheet } = tracker({ locale: 'en_GB', timeZone: 'Europe/London' });
    sheet.getRange('A1:A2').setNumberFormat('@');
    sheet.getRange('A1').setValue("'5");
    sheet.getRange('B1').setValue("'5"); // an ordinary cell: always hidden
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['5', '5']]);
    ss._apostropheInPlainText = 'kept';
    sheet.getRange('A2').setValue("'5");
    sheet.getRange('B2').setValue("'5");
    expect(sheet.getRange('A2:B2').getValues()).toEqual([["'5", '5']]);
  });
});

describe('selections', () => {
  test('getActiveRange is the last range of a Ctrl-click selection; getActiveRangeList has all', () => {
    const { ss, sheet } = tracker();
    ss._select(sheet, ['A2:C4', 'A7:C7', 'B10']);
    expect(ss.getActiveRange().getA1Notation()).toBe('B10');
    expect(ss.getActiveRangeList()!.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:C4', 'A7:C7', 'B10']);
    sheet.getRangeList(['A1', 'D5:E6']).activate();
    expect(ss.getActiveRange().getA1Notation()).toBe('D5:E6');
    sheet.getRange('C3').activate();
    expect(ss.getActiveRangeList()!.getRanges().map((r) => r.getA1Notation())).toEqual(['C3']);
  });

  test('rows hidden by a person and by a filter are told apart, and move with inserted rows', () => {
    const { sheet } = tracker();
    sheet.hideRows(3, 2);
    sheet._filterHide([6]);
    expect([3, 4, 5, 6].map((r) => [sheet.isRowHiddenByUser(r), sheet.isRowHiddenByFilter(r)])).toEqual([[true, false], [true, false], [false, false], [false, true]]);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.isRowHiddenByUser(4)).toBe(true);
    expect(sheet.isRowHiddenByUser(3)).toBe(false);
    expect(sheet.isRowHiddenByFilter(7)).toBe(true);
    sheet.showRows(4, 2);
    expect(sheet.isRowHiddenByUser(4)).toBe(false);
  });
});
