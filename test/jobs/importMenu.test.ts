/** The menu path, on the built bundle: Make an import tab → paste → Import pasted data. */
import { createLocalGoogle } from '../../local/google';
import { loadBundle } from '../../local/loadBundle';
import { makeUpn } from '../../src/core/records/upn';

it('prepareImportTab makes a plain-text staging tab; importPastedData imports it and reports', () => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
  const gas = loadBundle(g);
  gas.setUpTracker();
  g.app._ui()._queuePrompt('students');
  gas.prepareImportTab();
  const sheet = g.spreadsheet.getSheetByName('Import - Students')!;
  expect(sheet).toBeTruthy();
  sheet.getRange(1, 1, 3, 6).setValues([
    ['UPN', 'Legal Forename', 'Legal Surname', 'NC Year', 'Form', 'Admission No'],
    [makeUpn(1), 'Ann', '=IMPORTXML("http://x")', '7', '7A', '000123'],
    ['Z' + makeUpn(2).slice(1), 'Bob', 'Jones', '7', '7A', '000124'],
  ]);
  const text = gas.importPastedData();
  expect(text).toMatch(/^Students: 1 row added, 0 updated, 0 unchanged, 1 refused\./);
  expect(text).toMatch(/Students row 3, UPN "Z.*": check letter is wrong/);
  const alerts = g.app._record.alerts.map((a) => a.prompt);
  expect(alerts[alerts.length - 1]).toBe(text);
  const students = g.spreadsheet.getSheetByName('Students')!;
  const values = students.getDataRange().getValues();
  expect(values[1].slice(0, 6)).toEqual([makeUpn(1), '000123', 'Ann', '=IMPORTXML("http://x")', 7, '7A']);
  expect(students.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  // The staging tab with a refusal stays for the person to fix.
  expect(g.spreadsheet.getSheetByName('Import - Students')).not.toBeNull();
});
