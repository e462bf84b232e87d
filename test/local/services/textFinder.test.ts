/**
 * The local TextFinder against Google's reference (spreadsheet/text-finder): partial and
 * case-insensitive by default, displayed values, one-cell ranges back, a round trip per find, and
 * no cells counted as read.
 */
import { LocalEnv } from '../../../local/services/env';
import { createSpreadsheetApp } from '../../../local/services/spreadsheet';

function setup() {
  const env = new LocalEnv();
  const app = createSpreadsheetApp(env);
  const ss = app._create('Tracker', { locale: 'en_GB', timeZone: 'Europe/London' });
  const sheet = ss.getActiveSheet();
  sheet.getRange(1, 1, 6, 3).setValues([
    ['UPN', 'Name', 'Note'],
    ['A123456789012', 'Lee Jones', ''],
    ['B123456789012', 'Amy Patel', 'see A123456789012'],
    ['a123456789012', 'Lee Jones (lower case)', ''],
    [' A123456789012 ', 'spaces round it', ''],
    [45, 'a number', ''],
  ]);
  env.resetCounts();
  return { env, ss, sheet };
}

const where = (ranges: Array<{ getA1Notation(): string }>) => ranges.map((r) => r.getA1Notation());

describe('TextFinder', () => {
  it('matches part of a cell, whatever the case, by default', () => {
    const { sheet } = setup();
    expect(where(sheet.createTextFinder('A123456789012').findAll())).toEqual(['A2', 'C3', 'A4', 'A5']);
  });

  it('matchEntireCell and matchCase narrow it to the exact text', () => {
    const { sheet } = setup();
    expect(where(sheet.createTextFinder('A123456789012').matchEntireCell(true).findAll())).toEqual(['A2', 'A4']);
    expect(where(sheet.createTextFinder('A123456789012').matchEntireCell(true).matchCase(true).findAll())).toEqual(['A2']);
  });

  it('searches only its range, and gives back one-cell ranges of that sheet', () => {
    const { sheet } = setup();
    const found = sheet.getRange(2, 1, 5, 1).createTextFinder('A123456789012').findAll();
    expect(where(found)).toEqual(['A2', 'A4', 'A5']);
    expect(found.map((r) => [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()])).toEqual([[2, 1, 1, 1], [4, 1, 1, 1], [5, 1, 1, 1]]);
    expect(found[0].getSheet().getName()).toBe(sheet.getName());
  });

  it('matches the displayed value (a number as shown)', () => {
    const { sheet } = setup();
    sheet.getRange('A6').setNumberFormat('0.00');
    expect(where(sheet.createTextFinder('45.00').findAll())).toEqual(['A6']);
    expect(where(sheet.createTextFinder('45.00').matchEntireCell(true).findAll())).toEqual(['A6']);
  });

  it('reads the text as a regular expression only when asked', () => {
    const { sheet } = setup();
    expect(sheet.createTextFinder('Lee.*case').findAll()).toEqual([]);
    expect(where(sheet.createTextFinder('Lee.*case').useRegularExpression(true).findAll())).toEqual(['B4']);
  });

  it('findNext walks the matches in order and wraps round; getCurrentMatch is the last found', () => {
    const { sheet } = setup();
    const f = sheet.getRange('A1:A6').createTextFinder('A123456789012').matchEntireCell(true);
    expect(f.getCurrentMatch()).toBeNull();
    expect(f.findNext()!.getA1Notation()).toBe('A2');
    expect(f.findNext()!.getA1Notation()).toBe('A4');
    expect(f.getCurrentMatch()!.getA1Notation()).toBe('A4');
    expect(f.findNext()!.getA1Notation()).toBe('A2');
    expect(f.findPrevious()!.getA1Notation()).toBe('A4');
    expect(sheet.createTextFinder('nobody').findNext()).toBeNull();
  });

  it('a spreadsheet-wide search goes through every tab', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    other.getRange('B2').setValue('A123456789012');
    const found = ss.createTextFinder('A123456789012').matchEntireCell(true).findAll();
    expect(found.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual([`${sheet.getName()}!A2`, `${sheet.getName()}!A4`, 'Other!B2']);
  });

  it('refuses an empty search text', () => {
    const { sheet } = setup();
    expect(() => sheet.createTextFinder('')).toThrow(/findText/);
  });

  it('is a round trip per find, and no cell counts as read', () => {
    const { env, sheet } = setup();
    sheet.getRange(1, 1, 6, 1).createTextFinder('A123456789012').matchEntireCell(true).findAll();
    expect(env.countsByName()).toEqual({ 'Sheet.getRange': 1, 'Range.createTextFinder': 1, 'TextFinder.matchEntireCell': 1, 'TextFinder.findAll': 1 });
    expect(env.cellsRead).toBe(0);
  });
});
