import { LocalEnv, SERVICE_ERROR } from '../../local/services/env';
import { createSpreadsheetApp, FORMULA_VALUE } from '../../local/services/spreadsheet';

function setup() {
  const env = new LocalEnv();
  const app = createSpreadsheetApp(env);
  // A tracker after Set up: en_GB and London (tests of the other locale build their own).
  const ss = app._create('Tracker', { locale: 'en_GB', timeZone: 'Europe/London' });
  const sheet = ss.getActiveSheet();
  env.resetCounts();
  return { env, app, ss, sheet };
}

describe('call counting and faults', () => {
  it('counts each call as Class.method, including chained calls, and not local helpers', () => {
    const { env, sheet } = setup();
    sheet.getRange(1, 1, 1, 2).setValues([['UPN', 'Name']]).setFontWeight('bold');
    sheet.getRange('A2').getValue();
    sheet._effectiveBackground(1, 1);
    expect(env.countsByName()).toEqual({ 'Sheet.getRange': 2, 'Range.setValues': 1, 'Range.setFontWeight': 1, 'Range.getValue': 1 });
    expect(env.total).toBe(5);
  });

  it('throws the injected Apps Script error at the Nth call and writes nothing in that call', () => {
    const { env, sheet } = setup();
    const range = sheet.getRange('A1:B1');
    env.failAt(1);
    expect(() => range.setValues([['a', 'b']])).toThrow(SERVICE_ERROR);
    expect(range.getValues()).toEqual([['', '']]);
  });
});

describe('values', () => {
  it('gives blanks as "", numbers, booleans and dates as Date', () => {
    const { sheet } = setup();
    const when = new Date('2024-01-08T00:00:00Z');
    sheet.getRange(1, 1, 1, 4).setValues([[3, true, when, null]]);
    const [row] = sheet.getRange(1, 1, 1, 5).getValues();
    expect(row.slice(0, 2)).toEqual([3, true]);
    expect(row[2]).toBeInstanceOf(Date);
    expect((row[2] as Date).getTime()).toBe(when.getTime());
    expect(row.slice(3)).toEqual(['', '']);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['3', 'TRUE', '08/01/2024', '', '']]);
  });

  it('refuses data of the wrong shape with Apps Script\'s messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('stores "=…" as a formula and "\'…" as text without the apostrophe', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=IMPORTDATA("x")', "'=not a formula"]]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=IMPORTDATA("x")', '']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[FORMULA_VALUE, '=not a formula']]);
  });

  it('loses a UPN\'s leading zeros unless the column is plain text (@), as Sheets does', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('00123');
    sheet.getRange('B1').setNumberFormat('@').setValue('00123');
    sheet.getRange('C1').setValue("'00123");
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[123, '00123', '00123']]);
  });

  it('reads typed UK dates, booleans and percentages as Sheets does', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['08/01/2024', 'TRUE', '50%']]);
    const [[d, b, p]] = sheet.getRange('A1:C1').getValues();
    expect(d).toBeInstanceOf(Date);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('08/01/2024');
    expect([b, p]).toEqual([true, 0.5]);
  });

  it('shows numbers through their number format', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[94.444, 0.9444, 1234.5]]).setNumberFormats([['0.0', '0.0%', '#,##0.00']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['94.4', '94.4%', '1,234.50']]);
  });

  it('shows quoted text in a number format as it is, without scaling the number', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[94.34, 100, 7]]).setNumberFormats([['0.0"%"', '0.0"%"', '"Year "0']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['94.3%', '100.0%', 'Year 7']]);
    expect(sheet.getRange('A1').getValue()).toBe(94.34);
  });

  it('shows a summer date as its London calendar date', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('01/07/2024');
    const d = sheet.getRange('A1').getValue() as Date;
    expect(d.toISOString()).toBe('2024-06-30T23:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('01/07/2024');
  });
});

describe('sheets and ranges', () => {
  it('refuses a duplicate tab name with Apps Script\'s message', () => {
    const { ss } = setup();
    ss.insertSheet('Students');
    expect(() => ss.insertSheet('Students')).toThrow('Exception: A sheet with the name "Students" already exists. Please enter another name.');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Students']);
  });

  it('has 1000 × 26 cells and refuses ranges outside them until columns are inserted', () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1, 27)).toThrow('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertColumnsAfter(26, 10);
    expect(sheet.getRange(1, 36).getA1Notation()).toBe('AJ1');
  });

  it('knows the last row and column with content and the data range', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setNumberFormat('@');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('B3').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getDataRange().getA1Notation()]).toEqual([3, 2, 'A1:B3']);
  });

  it('sorts below the frozen header, blanks last', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A5').setValues([['Misses'], [2], [''], [5], [1]]);
    sheet.getRange('B4').setValue('x');
    sheet.setFrozenRows(1);
    sheet.sort(1, false);
    expect(sheet.getRange('A1:B5').getValues()).toEqual([['Misses', ''], [5, 'x'], [2, ''], [1, ''], ['', '']]);
  });

  it('Range.sort by several columns: the first decides, the next breaks ties (numbers as numbers)', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C6').setValues([['Year', 'Reg', 'Name'], [10, '10A', 'Bell'], [9, '9B', 'Ames'], [10, '10A', 'Adams'], [9, '9A', 'Cole'], ['', '', 'Left']]);
    sheet.getRange(2, 1, 5, 3).sort([{ column: 1, ascending: true }, { column: 2, ascending: true }, { column: 3, ascending: true }]);
    expect(sheet.getRange('C2:C6').getValues().map((r) => r[0])).toEqual(['Cole', 'Ames', 'Adams', 'Bell', 'Left']);
    expect(() => sheet.getRange(2, 1, 5, 2).sort([{ column: 3, ascending: true }])).toThrow(/outside the range/);
  });

  it('deletes and inserts rows, shifting values', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.deleteRow(2);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['a'], [''], [''], ['c']]);
    expect(sheet.getMaxRows()).toBe(1001);
  });
});
