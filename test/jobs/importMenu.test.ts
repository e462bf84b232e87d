/** The menu path, on the built bundle: Make an import tab → paste → Import pasted data. */
import { createLocalGoogle } from '../../local/google';
import { loadBundle } from '../../local/loadBundle';
import { makeUpn } from '../upn';

it('prepareImportTab makes a plain-text staging tab; importPastedData imports it, lists refusals on Import Problems and removes the tab', () => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
  const gas = loadBundle(g);
  gas.setUpTracker();
  g.app._ui()._queuePrompt('students');
  gas.prepareImportTab();
  const sheet = g.spreadsheet.getSheetByName('Import - Students')!;
  expect(sheet).toBeTruthy();
  // Plain text before the paste: a pasted "=…" and a UPN's digits stay as typed.
  expect(sheet.getRange(1, 1, 3, 6).getNumberFormats().flat().every((f: string) => f === '@')).toBe(true);
  sheet.getRange(1, 1, 4, 6).setValues([
    ['UPN', 'Legal Forename', 'Legal Surname', 'NC Year', 'Form', 'Admission No'],
    [makeUpn(1), 'Ann', 'Lee', '7', '7A', '000123'],
    ['Z' + makeUpn(2).slice(1), 'Bob', 'Jones', '7', '7A', '000124'],
    [makeUpn(3), 'Cy', '=IMPORTXML("http://x")', '7', '7A', '000125'],
  ]);
  // A menu item returns nothing to the browser: the person reads the outcome in a dialog.
  expect(gas.importPastedData()).toBeUndefined();
  const text = g.app._record.alerts[g.app._record.alerts.length - 1].prompt;
  expect(text).toMatch(/^Students: 1 row added, 0 updated, 0 unchanged, 2 refused\./);
  expect(text).toMatch(/Students row 3, UPN "Z.*": check letter is wrong/);
  expect(text).toMatch(/Students row 4, Surname "=IMPORTXML\("http:\/\/x"\)": looks like a spreadsheet formula, not a name/);
  expect(text).toMatch(/The refused rows are listed on the Import Problems tab\./);
  const students = g.spreadsheet.getSheetByName('Students')!;
  expect(students.getDataRange().getValues()[1].slice(0, 6)).toEqual([makeUpn(1), '000123', 'Ann', 'Lee', 7, '7A']);
  // Nothing of the paste is left behind; the refusals are on the one small problems tab, as text.
  expect(g.spreadsheet.getSheetByName('Import - Students')).toBeNull();
  const problems = g.spreadsheet.getSheetByName('Import Problems')!;
  expect(problems.getDataRange().getValues()).toEqual([
    ['File', 'Tab', 'Row', 'Column', 'Value', 'Why'],
    ['pasted into Import - Students', 'Students', 3, 'UPN', 'Z' + makeUpn(2).slice(1), expect.stringMatching(/^check letter is wrong/)],
    ['pasted into Import - Students', 'Students', 4, 'Surname', '=IMPORTXML("http://x")', expect.stringMatching(/formula, not a name/)],
  ]);
  for (const s of g.spreadsheet.getSheets()) expect([s.getName(), s.getDataRange().getFormulas().flat().filter(Boolean)]).toEqual([s.getName(), []]);
});

it('a staging tab whose header cannot be used is removed too, and the message says to paste again', () => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
  const gas = loadBundle(g);
  gas.setUpTracker();
  g.app._ui()._queuePrompt('Students');
  gas.prepareImportTab();
  g.spreadsheet.getSheetByName('Import - Students')!.getRange(1, 1, 2, 2).setValues([['UPN', 'Name'], [makeUpn(1), 'Ann Lee']]);
  gas.importPastedData();
  const text = g.app._record.alerts[g.app._record.alerts.length - 1].prompt;
  expect(text).toMatch(/^Students: not imported — nothing was changed\.\n {2}Students: no "Forename" column/);
  expect(text).toMatch(/tab was removed: fix the header in the export, then paste it again/);
  expect(g.spreadsheet.getSheetByName('Import - Students')).toBeNull();
  expect(g.spreadsheet.getSheetByName('Students')!.getLastRow()).toBe(1);
});

it('someone who is not staff cannot import (the menu function is callable from any browser)', () => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z'), user: 'owner@hillside.sch.uk' });
  const gas = loadBundle(g);
  gas.setUpTracker();
  (g.services.Session as any)._setUser('stranger@elsewhere.example');
  g.spreadsheet.insertSheet('Import - Students').getRange(1, 1, 1, 1).setValues([['UPN']]);
  gas.importPastedData();
  expect(g.app._record.alerts[g.app._record.alerts.length - 1].prompt).toBe("The Staff tab is empty: only the tracker's owner can use Pastoral Tracker until the Staff tab is imported.");
  expect(g.spreadsheet.getSheetByName('Import - Students')).not.toBeNull(); // nothing was touched
});
