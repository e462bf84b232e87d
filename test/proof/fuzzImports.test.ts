/**
 * Issue 10.3 — bad input, fuzzed (fast-check, fixed seed: a failure prints its seed and path and
 * reproduces). Every importer, through `importRows` on a real local tracker (and through `readCsv`
 * for the CSV route: UTF-8 with and without BOM, Windows-1252 bytes, comma/semicolon/tab, quoted
 * newlines), with random headers (canonical, MIS aliases, case and spacing, missing and extra
 * columns, any order) and random values (dates in every shape, codes, UPNs good and bad, very long
 * text, formula-like and HTML text). Each case either imports or is refused with a message that
 * names the row (or, for a header problem, the column); nothing throws anything else; nothing is
 * ever stored as a formula. Then the pupil-profile sidebar, for a pupil whose name is HTML, shows
 * the escaped text.
 */
import fc from 'fast-check';
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { importRows, REGISTER_GRID, PROGRESS_WIDE } from '../../src/jobs/importData';
import { TABS, TabDef } from '../../src/core/tabs';
import { isImportableTab } from '../../src/core/records/parse';
import { readCsv } from '../../src/core/records/csv';
import { say, fixDate } from './harness';
import { UserError } from '../../src/core/errors';

const SEED = 20240126;
const NASTY = [
  '=1+1', '=IMPORTXML("http://x.example","//a")', '+441234567890', '-3+2', '@SUM(A1)', '\t=cmd|"/c calc"!A1', '\r=2*3', '=HYPERLINK("http://evil.example","click")',
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"quoted, with comma"', 'line one\nline two', "O'Brien", 'Zoë Ñúñez', '😀',
  ' leading and trailing ', '', '   ', 'NULL', 'N/A', '#REF!', '0', '-1', '1e9', '3.14',
];

const dateArb = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 2019, max: 2026 })).map(([d, m, y]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`),
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 })).map(([d, m, y]) => `${d}/${m}/${String(y).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 2019, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.constantFrom('31/02/2024', '29/02/2023', '2024-13-01', 'yesterday', '26 Jan 2024', '26-01-2024', '01/26/2024'),
  fc.integer({ min: 40000, max: 46000 }).map(String), // a spreadsheet serial pasted as text
);

function cellArb(upns: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...upns) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][0-9]{12}$/) }, // UPN-shaped, check letter usually wrong
    { weight: 2, arbitrary: dateArb },
    { weight: 2, arbitrary: fc.constantFrom('/', '\\', 'L', 'N', 'O', 'U', 'G', 'H', 'J', 'Y', 'Y1', 'C', 'Z', '#', 'X', 'q', 'AM', 'PM', 'am', 'Yes', 'No', 'Y', 'N', 'K', 'E') },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 20 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(5000), '='.repeat(3) + 'y'.repeat(60000)) },
  );
}

/** A header for one column as a MIS might spell it. */
function headerArb(col: { header: string; aliases?: string[] }): fc.Arbitrary<string> {
  const names = [col.header, ...(col.aliases || [])];
  return fc.tuple(fc.constantFrom(...names), fc.constantFrom('same', 'upper', 'lower', 'spaced')).map(([n, how]) =>
    how === 'upper' ? n.toUpperCase() : how === 'lower' ? n.toLowerCase() : how === 'spaced' ? `  ${n} ` : n,
  );
}

function tableArb(def: TabDef, upns: string[]): fc.Arbitrary<string[][]> {
  const cols = def.columns;
  return fc
    .tuple(
      fc.tuple(...cols.map((c) => fc.tuple(headerArb(c), fc.boolean().map((b) => b || !!c.required)))),
      fc.array(fc.constantFrom('Extra', 'Notes 2', 'Column1', ''), { maxLength: 2 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 4 }),
    )
    .chain(([heads, extra, shuffleSeed, nRows]) => {
      // Sometimes drop a required column too: the header check must name it.
      let header = heads.filter(([, keep], i) => keep || (shuffleSeed % 17 === 0 && i === 0)).map(([h]) => h).concat(extra);
      if (shuffleSeed % 17 === 0) header = header.slice(1);
      header = header.map((h, i) => ({ h, k: (i * 7919 + shuffleSeed) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.h);
      return fc.array(fc.array(cellArb(upns), { minLength: header.length, maxLength: header.length }), { minLength: nRows, maxLength: nRows }).map((rows) => [header, ...rows]);
    });
}

function toCsv(rows: string[][], sep: string): string {
  const q = (v: string) => (/[",;\t\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(q).join(sep)).join('\r\n');
}

/** Windows-1252 bytes for text that fits it (else UTF-8 bytes, as Excel would save "CSV UTF-8"). */
function encode(text: string, how: 'utf8' | 'bom' | 'cp1252'): Uint8Array {
  // eslint-disable-next-line no-control-regex -- the Latin-1 range
  if (how === 'cp1252' && /^[\x00-\xff]*$/.test(text)) return Uint8Array.from(Buffer.from(text, 'latin1'));
  const b = Buffer.from(text, 'utf8');
  return how === 'bom' ? Uint8Array.from(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])) : Uint8Array.from(b);
}

let t: TrackerFixture;
let upns: string[];
const outcomes = { imported: 0, refusedRows: 0, refusedHeader: 0, csvProblems: 0 };

beforeAll(() => {
  t = makeTracker({ pupils: 30, tabs: ['Students', 'Staff'] });
  upns = t.school.tables.Students.slice(1, 11).map((r) => String(r[0]));
});
afterAll(() => {
  say(`fuzz imports: ${JSON.stringify(outcomes)}`);
  t.uninstall();
});

/** Run one import and classify it; anything but an explained outcome fails the property. */
function importOne(target: string, rows: unknown[][]): void {
  let r;
  try {
    r = importRows(t.ss, target, rows);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    // A header problem names the tab and the column(s) it is about.
    expect(e.message.length).toBeGreaterThan(10);
    expect(e.message).toMatch(/column|header|"|row/i);
    outcomes.refusedHeader++;
    return;
  }
  for (const f of r.refusals) {
    expect(Number.isInteger(f.row) && f.row >= 1 && f.row <= rows.length).toBe(true); // row 1: the header
    expect(f.reason.length).toBeGreaterThan(3);
  }
  outcomes.refusedRows += r.refusals.length;
  outcomes.imported += r.added + r.updated;
}

function noFormulas(tab: string): void {
  const sheet = t.ss.getSheetByName(tab);
  if (!sheet || sheet.getLastRow() === 0) return;
  const f = sheet.getDataRange().getFormulas();
  const bad = f.flatMap((row, r) => row.map((x, c) => (x ? `${tab}!R${r + 1}C${c + 1}: ${x}` : '')).filter(Boolean));
  expect(bad).toEqual([]);
}

const IMPORTABLE = TABS.filter((d) => isImportableTab(d.name) && d.name !== 'Students' && d.name !== 'Staff');

test.each(IMPORTABLE.map((d) => [d.name, d] as const))('importRows %s: random headers and values import or are refused by row', (_n, def) => {
  fc.assert(
    fc.property(tableArb(def, upns), (rows) => {
      importOne(def.name, rows);
    }),
    { seed: SEED, numRuns: 120 },
  );
  noFormulas(def.name);
});

/** Real MIS rows from the sample school with one cell replaced by something nasty: most import. */
test.each(['Homework Log', 'Attendance Marks', 'Lates to Lesson', 'Progress', 'Letters Log', 'Homework Set'])('importRows %s: real rows, one cell made nasty, headers re-spelt', (name) => {
  const table = t.school.tables[name];
  const header = table[0].map(String);
  const body = table.slice(1, 400);
  const arb = fc.tuple(
    fc.array(fc.constantFrom('same', 'upper', 'lower', 'spaced'), { minLength: header.length, maxLength: header.length }),
    fc.array(fc.tuple(fc.constantFrom(...body), fc.nat(), cellArb(upns), fc.boolean()), { minLength: 1, maxLength: 5 }),
  ).map(([how, picks]) => [
    header.map((h, i) => (how[i] === 'upper' ? h.toUpperCase() : how[i] === 'lower' ? h.toLowerCase() : how[i] === 'spaced' ? ` ${h}  ` : h)),
    ...picks.map(([row, at, nasty, mutate]) => row.map((c, i) => (mutate && i === at % row.length ? nasty : String(c)))),
  ]);
  fc.assert(fc.property(arb, (rows) => importOne(name, rows)), { seed: SEED + 7, numRuns: 150 });
  noFormulas(name);
});

test('Students and Staff: the roll itself, fuzzed (run last in its own tracker state)', () => {
  for (const name of ['Staff', 'Students']) {
    const def = TABS.find((d) => d.name === name)!;
    fc.assert(fc.property(tableArb(def, upns), (rows) => importOne(name, rows)), { seed: SEED + 1, numRuns: 120 });
    noFormulas(name);
  }
});

test('register grid, attendance summary and wide progress: random grids import or are refused', () => {
  const grid = fc.tuple(
    fc.array(fc.oneof(dateArb, fc.constantFrom('UPN', 'Name', 'Reg', 'Mon 22/01/2024 AM', '22/01/2024 PM', '')), { minLength: 1, maxLength: 6 }),
    fc.array(fc.array(cellArb(upns), { minLength: 6, maxLength: 6 }), { maxLength: 4 }),
  ).map(([h, rows]) => [h, ...rows.map((r) => r.slice(0, h.length))]);
  for (const target of [REGISTER_GRID, 'Attendance Summary', PROGRESS_WIDE]) {
    fc.assert(fc.property(grid, (rows) => importOne(target, rows)), { seed: SEED + 2, numRuns: 150 });
  }
  for (const tab of ['Register', 'Attendance Summary', 'Progress']) noFormulas(tab);
});

test('the CSV route: encodings, separators, BOM, quoted newlines — decoded, then imported or refused', () => {
  const def = TABS.find((d) => d.name === 'Homework Log')!;
  fc.assert(
    fc.property(tableArb(def, upns), fc.constantFrom(',', ';', '\t'), fc.constantFrom('utf8', 'bom', 'cp1252') as fc.Arbitrary<'utf8' | 'bom' | 'cp1252'>, (rows, sep, how) => {
      const bytes = encode(toCsv(rows, sep), how);
      const csv = readCsv(bytes);
      if (csv.problems.length) {
        outcomes.csvProblems++;
        for (const p of csv.problems) expect(p).toMatch(/line|row/i);
        return;
      }
      // What came back is what was written (text that Windows-1252 cannot hold went as UTF-8).
      expect(csv.rows.length).toBe(rows.filter((r) => r.some((c) => c !== '')).length || csv.rows.length);
      importOne('Homework Log', csv.rows);
    }),
    { seed: SEED + 3, numRuns: 400 },
  );
  noFormulas('Homework Log');
});

test('HTML in a pupil name is shown as text in a templated sidebar (coding review), never rendered', () => {
  const EVIL = '<img src=x onerror=alert(1)>';
  const students = t.school.tables.Students;
  const pupil = students[1].slice();
  pupil[students[0].indexOf('Legal Forename')] = EVIL;
  importOne('Students', [students[0], pupil]);
  // A withdrawn code puts the pupil on the coding review.
  importOne('Attendance Marks', [['UPN', 'Date', 'Session', 'Code'], [pupil[0], '22/01/2024', 'AM', 'H']]);
  const { showCodingReview } = require('../../src/entry/attendance');
  const restore = fixDate(t.g.env.now);
  try {
    showCodingReview();
  } finally {
    restore();
  }
  const bars = (t.g.app as any)._ui()._record.sidebars as { content: string }[];
  const html = bars[bars.length - 1].content;
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).not.toContain(EVIL);
});
