import fc from 'fast-check';
import { parseTab, ImportableTab } from '../../../src/core/records/parse';
import { parseRegisterGrid } from '../../../src/core/records/registerGrid';
import { parseAttendanceSummary } from '../../../src/core/records/summaryImport';
import { parseCsv } from '../../../src/core/records/csv';
import { isBlank } from '../../../src/core/records/cells';
import { makeUpn } from '../../upn';
import { TABS } from '../../../src/core/tabs';
import { readRegister, registerLayout } from '../../../src/core/attendance/registerTab';
import { classifyCode } from '../../../src/core/attendance/codes';
import { checkUpn } from '../../../src/core/records/upn';

const SEED = 20240108;
// The Register has its own reader (below): a cell per pupil-week, not a record per row.
const IMPORTABLE = TABS.filter((t) => !t.generated && t.name !== 'Attendance' && t.name !== 'Attendance Summary' && t.name !== 'Register').map((t) => t.name as ImportableTab);

// Cells as getValues() or a CSV can hand them over, biased towards values that are nearly valid.
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'Yes', 'N', 'AM', 'pm', '/', 'H', '08/01/2024', '31/02/2024', '12/31/2024',
    'Year 9', 'Y14', 'a@b.example', 'not completed', '=1+1', '\u0000', makeUpn(7), makeUpn(8)),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -5, max: 3000000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);

describe('random rows are parsed or refused with a row number, never thrown', () => {
  it.each(IMPORTABLE)('%s', (tabName) => {
    const tab = TABS.find((t) => t.name === tabName)!;
    const headers = tab.columns.map((c) => c.header);
    fc.assert(
      fc.property(fc.shuffledSubarray(headers, { minLength: headers.length, maxLength: headers.length }),
        fc.array(fc.array(cell, { minLength: 0, maxLength: headers.length + 1 }), { maxLength: 12 }),
        (header, body) => {
          const res = parseTab(tabName, [header, ...body]);
          const refusedRows = new Set(res.refusals.map((r) => r.row));
          for (const r of res.refusals) {
            expect(r.row).toBeGreaterThanOrEqual(2);
            expect(r.row).toBeLessThanOrEqual(body.length + 1);
            expect(r.reason.length).toBeGreaterThan(0);
          }
          body.forEach((cells, i) => {
            const row = i + 2;
            const taken = res.rows.indexOf(row) >= 0;
            if (cells.every(isBlank)) expect(taken || refusedRows.has(row)).toBe(false);
            else expect(taken !== refusedRows.has(row)).toBe(true); // exactly one of the two
          });
          expect(res.records.length).toBe(res.rows.length);
        }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('the Register: every refusal names a data row, and a mark is read only from a row with a valid UPN', () => {
    const week = fc.oneof(cell, fc.constantFrom('/\\ /\\ /\\ /\\ /\\', 'NN -- C1C1 /H --', '/\\/\\/\\/\\/\\', '/\\ /\\', 'q9Q9 -- -- -- --'));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, week, week), { maxLength: 8 }), (body) => {
        const layout = registerLayout(['UPN', 'w/c 08/01/2024', 'w/c 15/01/2024']);
        const res = readRegister(layout, body, { classify: classifyCode });
        res.refusals.forEach((r) => {
          expect(r.row).toBeGreaterThanOrEqual(2);
          expect(r.row).toBeLessThanOrEqual(body.length + 1);
        });
        const good = new Set(body.map((r) => checkUpn(r[0])).filter((u) => u.ok).map((u) => (u as { upn: string }).upn));
        res.marks.forEach((m) => expect(good.has(m.upn)).toBe(true));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('register grids and summaries', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (body) => {
        const g = parseRegisterGrid([['UPN', '08/01/2024 AM', '08/01/2024 PM', 'Name'], ...body]);
        g.refusals.forEach((r) => expect(r.row).toBeGreaterThanOrEqual(2));
        const s = parseAttendanceSummary([['UPN', 'Possible', 'Present', 'Authorised', 'Unauthorised'], ...body]);
        s.refusals.forEach((r) => expect(r.row).toBeGreaterThanOrEqual(2));
        expect(() => parseRegisterGrid(body)).not.toThrow();
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('CSV: any text parses, and quoting then parsing gives the cells back', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text, ',').rows).toEqual(rows);
      }),
      { seed: SEED, numRuns: 300 },
    );
    fc.assert(fc.property(fc.string(), (t) => { parseCsv(t); }), { seed: SEED, numRuns: 300 });
  });
});
