import { decodeText, detectSeparator, parseCsv, readCsv } from '../../../src/core/records/csv';
import { parseTab } from '../../../src/core/records/parse';
import { U1 } from './fixtures';

const bytes = (...parts: (number[] | string)[]) => {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'string') for (const ch of p) out.push(ch.charCodeAt(0)); // ASCII only
    else out.push(...p);
  }
  return Uint8Array.from(out);
};

describe('decodeText', () => {
  it('UTF-8 with a BOM: the BOM is dropped', () => {
    const d = decodeText(Uint8Array.from(Buffer.from('\ufeffUPN,Forename\nx,Zoë', 'utf8')));
    expect(d).toEqual({ text: 'UPN,Forename\nx,Zoë', encoding: 'utf-8', bom: true });
  });

  it('UTF-8 without a BOM, including characters outside the BMP', () => {
    const d = decodeText(Uint8Array.from(Buffer.from('Zoë – 😀', 'utf8')));
    expect(d).toEqual({ text: 'Zoë – 😀', encoding: 'utf-8', bom: false });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (Zoë as 0xEB)', () => {
    const d = decodeText(bytes('Zo', [0xeb], ',', [0x80], '5,', [0x93], 'hi', [0x94]));
    expect(d).toEqual({ text: 'Zoë,€5,“hi”', encoding: 'windows-1252', bom: false });
  });

  it('reads Apps Script signed bytes and a truncated UTF-8 tail as 1252', () => {
    expect(decodeText([0x5a, 0x6f, -21]).text).toBe('Zoë'); // -21 is 0xEB
    expect(decodeText([0x41, 0xc3]).encoding).toBe('windows-1252');
  });

  it('UTF-16 LE with a BOM (Excel "Unicode text")', () => {
    const d = decodeText(Uint8Array.from([0xff, 0xfe, ...Buffer.from('UPN\tZoë', 'utf16le')]));
    expect(d).toEqual({ text: 'UPN\tZoë', encoding: 'utf-16le', bom: true });
  });
});

describe('parseCsv', () => {
  it('quoted fields with separators, doubled quotes and newlines; CRLF lines', () => {
    const { rows, problems } = parseCsv('UPN,Notes\r\nA1,"line 1\r\nline 2, still"\r\nA2,"say ""hi"""\r\n');
    expect(rows).toEqual([['UPN', 'Notes'], ['A1', 'line 1\r\nline 2, still'], ['A2', 'say "hi"']]);
    expect(problems).toEqual([]);
  });

  it('keeps empty fields and a last line without a newline', () => {
    expect(parseCsv('a,,c\n,,\nx').rows).toEqual([['a', '', 'c'], ['', '', ''], ['x']]);
  });

  it('reports a quote that never closes, with its line', () => {
    expect(parseCsv('a,b\n1,"oops\n2,3').problems).toEqual(['A quote opened on line 2 is never closed — the rest of the file was read as one cell.']);
  });

  it('detects comma, semicolon and tab separators, ignoring ones inside quotes', () => {
    expect(detectSeparator('UPN;Forename;Surname\n')).toBe(';');
    expect(detectSeparator('UPN\tForename\n')).toBe('\t');
    expect(detectSeparator('"a;b;c",d\n')).toBe(',');
    expect(detectSeparator('UPN\n')).toBe(',');
  });
});

describe('readCsv into parseTab', () => {
  it('a Windows-1252 semicolon file: the accented forename is read, the formula surname refused naming its row', () => {
    const csv = bytes('UPN;Forename;Surname;NC Year;Form\r\n', U1, ';Zo', [0xeb], ';"=IMPORTXML(""http://x"")";9;9X\r\n');
    const r = readCsv(csv);
    expect(r.separator).toBe(';');
    expect(r.encoding).toBe('windows-1252');
    expect(r.rows[1]).toEqual([U1, 'Zoë', '=IMPORTXML("http://x")', '9', '9X']);
    const res = parseTab('Students', r.rows);
    expect(res.refusals).toEqual([expect.objectContaining({ row: 2, column: 'Surname', value: '=IMPORTXML("http://x")' })]);
  });
});
