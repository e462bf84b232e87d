/**
 * The Import a file sidebar's readers (src/ui/lib), run here in Node (Node has the browser's
 * DecompressionStream): the .xlsx reader gives the same cells as the CLI's exceljs reader on the
 * same workbooks, and the hand-worked answers below; chunks keep a pupil's rows together.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsx, serialText, isDateFormat, xmlText } from '../../src/ui/lib/xlsx';
import { readFileRows, inflateRaw, guessTarget } from '../../src/ui/lib/fileRows';
import { planChunks } from '../../src/ui/lib/chunks';
import { readXlsxFile } from '../../local/cli/xlsxData';
import { fileNames } from '../../src/jobs/importFile';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-rows-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A workbook with every kind of cell an MIS export or a person's edit may hold. */
async function awkwardWorkbook(file: string, date1904 = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Pupils');
  ws.getCell('A1').value = 'UPN';
  ws.getCell('B1').value = 'Legal Surname';
  ws.getCell('C1').value = 'DOB';
  ws.getCell('D1').value = 'NC Year';
  ws.getCell('E1').value = 'Notes';
  ws.getCell('A2').value = 'N823000000101';
  ws.getCell('B2').value = { richText: [{ text: "O'Br" }, { font: { bold: true }, text: 'ien & Co <x>' }] };
  ws.getCell('C2').value = new Date(Date.UTC(2010, 8, 3));
  ws.getCell('C2').numFmt = 'dd/mm/yyyy';
  ws.getCell('D2').value = 9;
  ws.getCell('E2').value = '=IMPORTXML("http://x")'; // text that looks like a formula
  ws.getCell('A3').value = 823000000102; // a UPN that became a number
  ws.getCell('B3').value = { formula: 'UPPER("smith")', result: 'SMITH' };
  ws.getCell('C3').value = 40424; // a bare serial (no date format)
  ws.getCell('D3').value = true;
  ws.getCell('E3').value = { error: '#N/A' } as any;
  ws.getCell('A5').value = 'N823000000103'; // row 4 left empty
  ws.getCell('C5').value = new Date(Date.UTC(2024, 0, 8, 8, 45));
  ws.getCell('C5').numFmt = 'dd/mm/yyyy hh:mm';
  ws.getCell('E5').value = new Date(Date.UTC(1899, 11, 30, 12, 30));
  ws.getCell('E5').numFmt = 'hh:mm';
  ws.getCell('G5').value = 'Tab\there_x000D_';
  const other = wb.addWorksheet('Second');
  other.getCell('A1').value = 'Only';
  await wb.xlsx.writeFile(file);
}

const EXPECTED = [
  ['UPN', 'Legal Surname', 'DOB', 'NC Year', 'Notes'],
  ['N823000000101', "O'Brien & Co <x>", '2010-09-03', 9, '=IMPORTXML("http://x")'],
  [823000000102, 'SMITH', 40424, true, '#N/A'],
  [],
  ['N823000000103', null, '2024-01-08 08:45', null, '12:30', null, 'Tab\there\r'],
];

describe('the sidebar\'s .xlsx reader', () => {
  it('reads every kind of cell as the hand-worked answer, and the same as exceljs', async () => {
    const file = path.join(dir, 'awkward.xlsx');
    await awkwardWorkbook(file);
    const book = await readXlsx(new Uint8Array(fs.readFileSync(file)), inflateRaw);
    expect(book.sheetNames).toEqual(['Pupils', 'Second']);
    const mine = await book.rows();
    expect(mine).toEqual(EXPECTED);
    expect((await readXlsxFile(file)).rows).toEqual(mine);
    expect(await book.rows('Second')).toEqual([['Only']]);
    await expect(book.rows('Third')).rejects.toThrow(/no sheet named "Third"/);
  });

  it('honours the 1904 date system', async () => {
    const file = path.join(dir, 'mac.xlsx');
    await awkwardWorkbook(file, true);
    const rows = await (await readXlsx(new Uint8Array(fs.readFileSync(file)), inflateRaw)).rows();
    expect(rows[1][2]).toBe('2010-09-03');
    expect((await readXlsxFile(file)).rows[1][2]).toBe('2010-09-03');
  });

  it('serials, date formats and XML text by hand', () => {
    expect([serialText(45299, false), serialText(45299.5, false), serialText(0.75, false), serialText(43837, true)])
      .toEqual(['2024-01-08', '2024-01-08 12:00', '18:00', '2024-01-08']);
    expect([isDateFormat('dd/mm/yyyy'), isDateFormat('[$-809]d mmmm yyyy'), isDateFormat('0.00'), isDateFormat('"Day "0'), isDateFormat('General')])
      .toEqual([true, true, false, false, false]);
    expect(xmlText('a &amp; b &lt;c&gt; &#233; &#x263A; _x0009_')).toBe('a & b <c> é ☺ \t');
  });
});

describe('readFileRows: what kind of file, from its bytes', () => {
  it('CSV in Windows-1252 with semicolons; .xlsx by its zip signature whatever its name; old .xls and broken files named', async () => {
    const csv = Buffer.from('UPN;Legal Forename\r\nN823000000101;Zo\xeb\r\n', 'latin1');
    expect(await readFileRows('students.csv', new Uint8Array(csv))).toEqual({ kind: 'csv', rows: [['UPN', 'Legal Forename'], ['N823000000101', 'Zoë']], sheetNames: [], sheet: '' });
    const file = path.join(dir, 'awkward.xlsx');
    const x = await readFileRows('export.csv', new Uint8Array(fs.readFileSync(file)), 'Second');
    expect([x.kind, x.sheet, x.rows]).toEqual(['xlsx', 'Second', [['Only']]]);
    await expect(readFileRows('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow(/^old\.xls: this is an old Excel \.xls file/);
    await expect(readFileRows('half.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/^half\.xlsx: this is not an \.xlsx file/);
    await expect(readFileRows('q.csv', new Uint8Array(Buffer.from('UPN,Name\n"N1,open')))).rejects.toThrow(/^q\.csv: A quote opened on line 2 is never closed/);
  });

  it('guesses the tab from the file name', () => {
    const names = fileNames();
    expect(['Students.CSV', 'letters-log.xlsx', 'C:\\exports\\Letters Log.xlsx', 'register_grid.csv', 'report.csv'].map((f) => guessTarget(f, names)))
      .toEqual(['Students', 'Letters Log', 'Letters Log', 'Register Grid', '']);
  });
});

describe('planChunks', () => {
  it('keeps each pupil\'s rows together in order of first appearance, keeps file row numbers, leaves blank rows out', () => {
    const data = [['U1', 'a'], ['U2', 'b'], ['', ''], ['u1 ', 'c'], ['U3', 'd'], [null, 'no upn'], ['U2', 'e']];
    const chunks = planChunks(data, 2, [0], 12);
    expect(chunks.map((c) => c.rowNumbers)).toEqual([[2, 5], [3, 8], [6], [7]]);
    expect(chunks[0].rows).toEqual([['U1', 'a'], ['u1 ', 'c']]);
    expect(planChunks(data, 2, [0], 1e6).map((c) => c.rowNumbers)).toEqual([[2, 5, 3, 8, 6, 7]]);
    expect(planChunks([], 2, [0], 10)).toEqual([]);
  });
});
