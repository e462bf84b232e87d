/**
 * Issue 16, "done when": three folders made from scratch (test/cli/ownFolders.ts) — a staff list
 * without an attendance officer, a Date/Type/UPN letter history whose AT1 is 8 school weeks old,
 * a students file with formula-like names — each run with the dry run, producing the letters,
 * e-mails and refusals worked out by hand in ownFolders.ts; the same folders saved as .xlsx give
 * the same report.json; no tab of the output tracker holds a formula that came from an import.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runDemo } from '../../local/cli/demo';
import { folderA, folderB, folderC, saveAsXlsx, U, BAD, DOMAIN, OWNER, usDateRow } from './ownFolders';

const quiet = () => undefined;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-files-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = async (data: string, out: string, extra: string[] = []) => (await runDemo(['--data', data, '--as-of', '2024-01-26', '--out', out, ...extra], quiet)).report as any;
const letters = (r: any) => r.letters.map((l: any) => `${l.type} ${l.upn}`).sort();
const recipients = (r: any) => r.emails.map((e: any) => e.to).sort();
const DIGEST = ['hana.year', 'pat.head', 'tom.tutor'].map((n) => `${n}@${DOMAIN}`);

/** Every formula in the output tracker, by tab. */
async function formulas(xlsx: string): Promise<Record<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const out: Record<string, string[]> = {};
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
    const f = (cell.value as any)?.formula ?? (cell.value as any)?.sharedFormula;
    if (f) (out[ws.name] = out[ws.name] || []).push(String(f));
  })));
  return out;
}

async function sheetValues(xlsx: string, tab: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet(tab);
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Formulas from an import would be on the tabs imports write. */
async function expectNoImportedFormula(xlsx: string) {
  const all = await formulas(xlsx);
  for (const tab of ['Students', 'Staff', 'Attendance Marks', 'Letters Log', 'Contacts', 'Import Problems']) expect([tab, all[tab] ?? []]).toEqual([tab, []]);
  for (const list of Object.values(all)) for (const f of list) expect(f).not.toMatch(/IMPORTXML|attacker|HYPERLINK\("http:\/\/attacker/i);
  expect(Object.keys(all).filter((t) => t.startsWith('Import - '))).toEqual([]);
}

describe('(a) a staff list without an attendance officer, no settings.json', () => {
  let csv: any;
  it('runs as the tracker\'s owner: AT1 for every pupil at level 1 or 2, PA for the persistent absentee, the digests to the school\'s domain only', async () => {
    const data = folderA(path.join(dir, 'a'));
    csv = await run(data, path.join(dir, 'a-out'));
    expect(letters(csv)).toEqual([`AT1 ${U.B}`, `AT1 ${U.C}`, `AT1 ${U.D}`, `AT1 ${U.E}`, `PA ${U.D}`].sort());
    // The Monday digests: SLT, the Head of Year 9 and the 9X tutor. The 9Y tutor's Gmail address
    // is outside the school's domain (the owner's, as no domain is set): never sent. The owner is
    // not on the Staff tab, so gets nothing.
    expect(recipients(csv)).toEqual(DIGEST);
    expect(csv.emails.every((e: any) => e.to.endsWith(`@${DOMAIN}`))).toBe(true);
    expect(csv.problems).toEqual([]);
    expect(csv.pupils.map((p: any) => [p.upn, p.attendance.percent, p.attendance.stage])).toEqual([
      [U.A, 100, 'reward'], [U.B, 96, 'level1'], [U.C, 92, 'level2'], [U.D, 89, 'level2'], [U.E, 91, 'level2'],
    ]);
    await expectNoImportedFormula(path.join(dir, 'a-out', 'tracker.xlsx'));
  });

  it('saved as .xlsx gives the same report.json', async () => {
    await saveAsXlsx(path.join(dir, 'a'), path.join(dir, 'a-xlsx'));
    expect(fs.readdirSync(path.join(dir, 'a-xlsx')).sort()).toEqual(['attendance-marks.xlsx', 'staff.xlsx', 'students.xlsx']);
    const xlsx = await run(path.join(dir, 'a-xlsx'), path.join(dir, 'a-xlsx-out'));
    expect(JSON.stringify(xlsx)).toBe(JSON.stringify(csv));
  });

  it('--as a Head of Year on the Staff file does the week as them; someone not on it is refused before the week', async () => {
    const asHoy = await run(path.join(dir, 'a'), path.join(dir, 'a-hoy'), ['--as', `hana.year@${DOMAIN}`]);
    expect(letters(asHoy)).toEqual(letters(csv));
    await expect(run(path.join(dir, 'a'), path.join(dir, 'a-x'), ['--as', `visitor@${DOMAIN}`])).rejects.toThrow(/--as visitor@oakfield\.sch\.uk: not on the Staff tab \(staff\.csv\)/);
    expect(OWNER).toBe(`owner@${DOMAIN}`);
  });
});

describe('(b) the letter history as the school keeps it: Date, Type, UPN', () => {
  let csv: any;
  it('the AT1 sent 8 school weeks ago makes the AT2 due, the AT2 sent 5 school weeks ago the panel letter; contacts imported', async () => {
    const data = folderB(path.join(dir, 'b'));
    csv = await run(data, path.join(dir, 'b-out'));
    expect(letters(csv)).toEqual([`AT1 ${U.B}`, `AT1 ${U.D}`, `AT2 ${U.C}`, `panel ${U.E}`, `PA ${U.D}`].sort());
    expect(csv.school).toBe('Oakfield School');
    expect(recipients(csv)).toEqual(DIGEST);
    expect(csv.problems).toEqual([]);
    const out = path.join(dir, 'b-out', 'tracker.xlsx');
    const log = await sheetValues(out, 'Letters Log');
    const keyCol = log[0].map(String).indexOf('Key'); // the last column (issue 20)
    const keys = log.slice(1).map((r) => String(r[keyCol]));
    // The history's keys, made by the tracker; then this run's letters.
    expect(keys.slice(0, 3).sort()).toEqual([`AT1|${U.C}|episode-2023-11-13`, `AT1|${U.E}|episode-2023-11-06`, `AT2|${U.E}|episode-2023-11-06`].sort());
    // This run's letters carry the addressee: Jo Reid (Ian Reid lives elsewhere at no address on file).
    expect(keys).toContain(`AT2|${U.C}|episode-2023-11-13|to-jo-reid`);
    expect(keys).toContain(`panel|${U.E}|episode-2023-11-06|to-lee-ward`);
    const contacts = await sheetValues(out, 'Contacts');
    expect(contacts.length).toBe(4);
    expect(contacts.slice(1).map((r) => [r[0], r[1]])).toEqual([[U.C, 'Jo Reid'], [U.C, 'Ian Reid'], [U.E, 'Lee Ward']]);
    await expectNoImportedFormula(out);
  });

  it('saved as .xlsx gives the same report.json', async () => {
    await saveAsXlsx(path.join(dir, 'b'), path.join(dir, 'b-xlsx'));
    const xlsx = await run(path.join(dir, 'b-xlsx'), path.join(dir, 'b-xlsx-out'));
    expect(JSON.stringify(xlsx)).toBe(JSON.stringify(csv));
  });
});

describe('(c) a students file with formula-like names, and other bad input', () => {
  let csv: any;
  const expected = [
    `Students row 7, Surname "${BAD.formula}": looks like a spreadsheet formula, not a name — correct it in the MIS and export again.`,
    'Students row 8, Forename "+44 7700 900123": looks like a spreadsheet formula, not a name — correct it in the MIS and export again.',
    'Students row 9, Surname "-Smith": looks like a spreadsheet formula, not a name — correct it in the MIS and export again.',
    'Students row 10, Forename "@handle": looks like a spreadsheet formula, not a name — correct it in the MIS and export again.',
    `Students row 11, UPN "${BAD.lostZeros}": UPN looks like it lost leading zeros — format the column as text and re-export.`,
    `Students row 12, UPN "${BAD.wrongCheck}": check letter is wrong (the digits give "J") — check the UPN was typed correctly.`,
    `Attendance Marks row ${usDateRow()}, Date "11/13/2023": "11/13/2023" looks like a US date (month first) — dates must be day/month/year.`,
  ];

  it('refuses each bad row naming file row, column and value; the rest imports and gets its letters; nothing is evaluated', async () => {
    const data = folderC(path.join(dir, 'c'));
    csv = await run(data, path.join(dir, 'c-out'));
    expect(csv.problems).toEqual(expected);
    expect(letters(csv)).toEqual([`AT1 ${U.B}`, `AT1 ${U.C}`, `AT1 ${U.D}`, `AT1 ${U.E}`, `PA ${U.D}`].sort());
    expect(csv.pupils.length).toBe(6); // A–E and Lia; the six refused pupils are not on roll
    const out = path.join(dir, 'c-out', 'tracker.xlsx');
    await expectNoImportedFormula(out);
    const students = await sheetValues(out, 'Students');
    const address = students[0].findIndex((h) => h === 'Address');
    expect(students.find((r) => r[2] === 'Lia')![address]).toBe('=HYPERLINK("http://attacker.example","click")'); // text, as exported
    const problems = await sheetValues(out, 'Import Problems');
    expect(problems[0]).toEqual(['File', 'Tab', 'Row', 'Column', 'Value', 'Why']);
    expect(problems.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['students.csv', 7, 'Surname', BAD.formula], ['students.csv', 8, 'Forename', '+44 7700 900123'], ['students.csv', 9, 'Surname', '-Smith'],
      ['students.csv', 10, 'Forename', '@handle'], ['students.csv', 11, 'UPN', BAD.lostZeros], ['students.csv', 12, 'UPN', BAD.wrongCheck],
      ['attendance-marks.csv', usDateRow(), 'Date', '11/13/2023'],
    ]);
  });

  it('saved as .xlsx (one date a bare Excel serial) gives the same report.json', async () => {
    await saveAsXlsx(path.join(dir, 'c'), path.join(dir, 'c-xlsx'), (file, row, col) => file === 'attendance-marks.csv' && row === 2 && col === 2);
    const xlsx = await run(path.join(dir, 'c-xlsx'), path.join(dir, 'c-xlsx-out'));
    expect(JSON.stringify(xlsx)).toBe(JSON.stringify(csv));
  });
});

describe('bad files stop before anything is written', () => {
  it('an .xlsx that is not a workbook, and the same tab twice, are named', async () => {
    const data = folderA(path.join(dir, 'bad1'));
    fs.writeFileSync(path.join(data, 'staff.xlsx'), 'not a zip');
    fs.rmSync(path.join(data, 'staff.csv'));
    await expect(run(data, path.join(dir, 'bad1-out'))).rejects.toThrow(/^staff\.xlsx: cannot be read as an Excel workbook/);
    expect(fs.existsSync(path.join(dir, 'bad1-out'))).toBe(false);
    const twice = folderA(path.join(dir, 'bad2'));
    await saveAsXlsx(twice, path.join(dir, 'bad2'));
    await expect(run(twice, path.join(dir, 'bad2-out'))).rejects.toThrow(/both attendance-marks\.csv and attendance-marks\.xlsx are for the Attendance Marks tab/);
    expect(fs.existsSync(path.join(dir, 'bad2-out'))).toBe(false);
  });
});
