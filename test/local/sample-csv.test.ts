import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Papa from 'papaparse';
import { csvNameFor } from '../../src/core/tabs';
import { generateSampleSchool } from '../../local/sample/school';
import { csvField, QA_CALENDAR_GRID_NAME, writeSampleCsv } from '../../local/sample/writeCsv';

describe('writing the sample school as CSV', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('7A')).toBe('7A');
    expect(csvField("O'Brien")).toBe("O'Brien");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('1 Mill Lane\nHillside')).toBe('"1 Mill Lane\nHillside"');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField(null)).toBe('');
    expect(csvField('Zoë')).toBe('Zoë');
  });

  it('writes one file per tab, named by csvNameFor, that reads back to the same tables', () => {
    const school = generateSampleSchool({ pupils: 120 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-csv-'));
    try {
      const files = writeSampleCsv(dir, school);
      expect(files.map((f) => path.basename(f)).sort()).toEqual(
        Object.keys(school.tables).map(csvNameFor).concat(QA_CALENDAR_GRID_NAME, 'settings.json').sort(),
      );
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual(school.settings);
      expect(fs.existsSync(path.join(dir, 'attendance-marks.csv'))).toBe(true);
      for (const tab of Object.keys(school.tables)) {
        const text = fs.readFileSync(path.join(dir, csvNameFor(tab)), 'utf8');
        expect(text.charCodeAt(0)).not.toBe(0xfeff);
        const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        expect({ tab, rows: parsed.data }).toEqual({ tab, rows: school.tables[tab] });
      }
      // Writing again over the same folder works (the grid copy is not left read-only).
      expect(() => writeSampleCsv(dir, school)).not.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
