/**
 * Tabs by header (issue 3 §1): columns found wherever staff put them, staff columns never written,
 * rows matched by key on values re-read just before writing, one read and one write per tab.
 */
import { freshTracker, upn, tabValues, Ss } from './tableHelpers';
import { readColumns, readTab, readValues, upsertByKey } from '../../src/gas/tables';
import { tabDef } from '../../src/core/tabs';
import { LocalGoogle } from '../../local/google';
import { UserError } from '../../src/core/errors';

/** A Letters Log key as the tracker makes it (type | UPN | period): the log refuses any other. */
const K = (type: string, n: number): string => `${type}|${upn(n)}|2023-24`;

let g: LocalGoogle;
let ss: Ss;
let uninstall: () => void;

beforeEach(() => {
  ({ g, ss, uninstall } = freshTracker());
});
afterEach(() => uninstall());

/** A Letters Log as staff left it: columns moved, an extra staff column, rows in some order. */
function staffLog(): void {
  const sh = ss.getSheetByName('Letters Log')!;
  sh.clear();
  sh.getRange(1, 1, 4, 8).setValues([
    // Type moved to the front, "Called home" is staff's own column, headers in odd case/spacing.
    ['type', 'Staff note', ' KEY ', 'Date', 'upn', 'Batch\u00a0Document', 'By', 'Status'],
    ['AT1', 'rang mum', K('AT1', 1), new Date('2024-01-10T00:00:00Z'), upn(1), 'doc1', 'hoy', 'Sent'],
    ['AT1', '', K('AT1', 2), new Date('2024-01-11T00:00:00Z'), upn(2), 'doc1', 'hoy', 'Produced'],
    ['PA', 'left message', K('PA', 3), new Date('2024-01-12T00:00:00Z'), upn(3), 'doc2', 'hoy', 'Produced'],
  ]);
}

describe('reading by header', () => {
  it('finds columns by name whatever their case, spacing, non-breaking spaces or position', () => {
    staffLog();
    const r = readTab(ss, 'Letters Log');
    expect(r.refusals).toEqual([]);
    expect(r.unknownHeaders).toEqual(['Staff note']);
    expect(r.records.map((x) => [x.key, x.type, x.upn, x.link, x.date])).toEqual([
      [K('AT1', 1), 'AT1', upn(1), 'doc1', '2024-01-10'],
      [K('AT1', 2), 'AT1', upn(2), 'doc1', '2024-01-11'],
      [K('PA', 3), 'PA', upn(3), 'doc2', '2024-01-12'],
    ]);
  });

  it('accepts MIS aliases (Admission No, Form, NC Year, Legal Forename)', () => {
    const sh = ss.getSheetByName('Students')!;
    sh.clear();
    sh.getRange(1, 1, 2, 6).setNumberFormat('@').setValues([
      ['Legal Surname', 'Legal Forename', 'Form', 'NC Year', 'Admission No', 'Unique Pupil Number'],
      ['Smith', 'Ann', '7A', '7', '001234', upn(5)],
    ]);
    const r = readTab(ss, 'Students');
    expect(r.records[0]).toMatchObject({ surname: 'Smith', forename: 'Ann', regGroup: '7A', year: 7, adno: '001234', upn: upn(5) });
  });

  it('reads a tab with one getValues', () => {
    staffLog();
    g.env.resetCounts();
    readTab(ss, 'Letters Log');
    expect(g.env.countsByName()['Range.getValues']).toBe(1);
  });

  it('names the tab and column when a required column is missing or a header is duplicated', () => {
    const sh = ss.getSheetByName('Letters Log')!;
    sh.clear();
    sh.getRange(1, 1, 1, 6).setValues([['Key', 'Date', 'UPN', 'UPN', 'By', 'Status']]);
    expect(() => readTab(ss, 'Letters Log')).toThrow(UserError);
    let msg = '';
    try { readTab(ss, 'Letters Log'); } catch (e) { msg = (e as Error).message; }
    expect(msg).toContain('Letters Log: no "Type" column');
    expect(msg).toMatch(/Letters Log: the "UPN" column appears more than once \(columns C and D\)/);
  });
});

describe('reading a whole tab', () => {
  it('an empty tab is no rows, in two calls; a tab with one cell typed far from A1 reads up to it', () => {
    const sheet = ss.insertSheet('Blank');
    g.env.resetCounts();
    expect(readValues(sheet)).toEqual([]);
    expect(g.env.countsByName()).toEqual({ 'Range.getValues': 1, 'Sheet.getDataRange': 1 });
    sheet.getRange(2, 3).setValue('x');
    expect(readValues(sheet)).toEqual([['', '', ''], ['', '', 'x']]);
  });
});

describe('writing by key', () => {
  const produced = (key: string, u: string) => ({ key, date: '2024-01-20', type: 'AT2', upn: u, link: 'doc9', by: 'me' });
  // The columns of the hand-made log below (a tracker set up before Pupil, Year, Reg Group and
  // Addressee existed): a job names the columns it writes.
  const fields = ['date', 'type', 'link', 'by'];

  it('writes owned columns only, in the columns staff moved them to, and leaves staff columns alone', () => {
    staffLog();
    const before = tabValues(ss, 'Letters Log');
    upsertByKey(ss, 'Letters Log', [{ key: K('AT1', 2), link: 'doc-new', by: 'hoy2' }, produced(K('AT2', 4), upn(4))], { fields });
    const after = tabValues(ss, 'Letters Log');
    expect(after[0]).toEqual(before[0]);
    // Row of K('AT1', 2): link and by changed in their own columns, staff note and status untouched.
    expect(after[2]).toEqual(['AT1', '', K('AT1', 2), before[2][3], upn(2), 'doc-new', 'hoy2', 'Produced']);
    expect(after[1]).toEqual(before[1]);
    expect(after[3]).toEqual(before[3]);
    // New row: the add-on's columns filled, staff's blank.
    expect(after[4][0]).toBe('AT2');
    expect(after[4][1]).toBe('');
    expect(after[4][2]).toBe(K('AT2', 4));
    expect(after[4][7]).toBe('');
  });

  it('a column staff added after the add-on\'s columns is untouched by a job', () => {
    staffLog();
    const sh = ss.getSheetByName('Letters Log')!;
    sh.getRange(1, 9, 4, 1).setValues([['Follow-up'], ['ok'], ['=1+1'], ['chase']]);
    upsertByKey(ss, 'Letters Log', [{ key: K('AT1', 1), by: 'x' }, { key: K('AT1', 2), by: 'y' }, { key: K('PA', 3), by: 'z' }], { fields });
    expect(sh.getRange(1, 9, 4, 1).getValues().map((r) => r[0])).toEqual(['Follow-up', 'ok', '#NAME?', 'chase']);
    expect(sh.getRange(3, 9).getFormula()).toBe('=1+1');
  });

  it('a sort between the job\'s read and its write changes nothing it should not', () => {
    staffLog();
    const read = readTab(ss, 'Letters Log'); // the job reads…
    const decided = read.records.map((r) => ({ key: r.key, by: `${r.by}:${r.upn.slice(-3)}` }));
    const sh = ss.getSheetByName('Letters Log')!;
    sh.setFrozenRows(1);
    sh.sort(5, false); // …staff sort by UPN descending…
    sh.insertRowBefore(2); // …and insert a blank row…
    upsertByKey(ss, 'Letters Log', decided, { fields }); // …then the job writes.
    for (const row of tabValues(ss, 'Letters Log').slice(1)) {
      if (row[2] === '') continue;
      expect(row[6]).toBe(`hoy:${String(row[4]).slice(-3)}`);
    }
    expect(tabValues(ss, 'Letters Log').find((r) => r[2] === K('AT1', 1))![1]).toBe('rang mum');
  });

  it('one getValues and one setValues per run of written columns, however many rows', () => {
    const counts = (n: number) => {
      const sh = ss.getSheetByName('Letters Log')!;
      sh.clear();
      sh.getRange(1, 1, 1, 7).setValues([['Key', 'Date', 'Type', 'UPN', 'Batch Document', 'By', 'Status']]);
      const recs = Array.from({ length: n }, (_, i) => produced(`K${i}`, upn(i + 1)));
      upsertByKey(ss, 'Letters Log', recs, { fields });
      g.env.resetCounts();
      upsertByKey(ss, 'Letters Log', recs.map((r) => ({ ...r, by: 'changed' })).concat([produced('NEW', upn(9999))]), { fields });
      return g.env.countsByName();
    };
    // Both past a new tab's 1,000 rows, so both grow the sheet once (one insertRowsAfter).
    const small = counts(1200);
    const large = counts(6000);
    expect(large).toEqual(small);
    expect(small['Range.getValues']).toBe(1);
    // Owned columns Date+Type (B:C) and Batch Document+By (E:F): two runs, then one append.
    expect(small['Range.setValues']).toBe(3);
    expect(small['Sheet.insertRowsAfter']).toBe(1);
  });

  it('refuses a record with a blank key, naming the tab and column, and writes nothing', () => {
    staffLog();
    const before = tabValues(ss, 'Letters Log');
    expect(() => upsertByKey(ss, 'Letters Log', [produced('OK', upn(7)), produced('', upn(8))], { fields })).toThrow(
      /Letters Log: blank Key .*record 2: Key/,
    );
    expect(tabValues(ss, 'Letters Log')).toEqual(before);
  });

  it('names the tab and column when a column it must write is missing', () => {
    const sh = ss.getSheetByName('Letters Log')!;
    sh.clear();
    sh.getRange(1, 1, 1, 3).setValues([['Key', 'Date', 'Type']]);
    expect(() => upsertByKey(ss, 'Letters Log', [produced('A', upn(1))], { fields })).toThrow(/Letters Log: no "Batch Document" column/);
    // Without naming its columns a job writes every column the add-on owns: each missing one is named.
    expect(() => upsertByKey(ss, 'Letters Log', [produced('A', upn(1))])).toThrow(/Letters Log: no "Addressee" column/);
  });

  it('stores formula-like text as text', () => {
    staffLog();
    upsertByKey(ss, 'Letters Log', [{ key: K('AT1', 1), by: '=IMPORTXML("http://x")' }], { fields });
    const sh = ss.getSheetByName('Letters Log')!;
    expect(sh.getRange(2, 7).getValue()).toBe('=IMPORTXML("http://x")');
    expect(sh.getRange(2, 7).getFormula()).toBe('');
  });
});

describe('reading some columns by header (readColumns)', () => {
  it('reads the header and only the columns asked for, wherever staff moved them, one read per run of neighbours', () => {
    const { g, ss, uninstall } = freshTracker();
    try {
      const sheet = ss.insertSheet('Attendance Copy');
      // UPN third, HoY Override first, other columns between and after.
      sheet.getRange(1, 1, 4, 5).setValues([
        ['HoY Override', 'Name', 'UPN', 'Stage', 'Notes'],
        ['AT2', 'Jones, Lee', upn(1), 'Level 2', 'phoned'],
        ['', 'Patel, Amy', upn(2), 'Reward', ''],
        ['AT1', 'Khan, Sam', upn(3), 'Level 1', 'note'],
      ]);
      g.env.resetCounts();
      const read = readColumns(sheet, tabDef('Attendance'), ['upn', 'hoyOverride']);
      expect(read).toEqual([
        ['HoY Override', 'Name', 'UPN', 'Stage', 'Notes'],
        ['AT2', '', upn(1), '', ''],
        ['', '', upn(2), '', ''],
        ['AT1', '', upn(3), '', ''],
      ]);
      // The header (5 cells) and two separate columns of 3 rows: three reads, 11 cells.
      expect(g.env.countsByName()['Range.getValues']).toBe(3);
      expect(g.env.cellsRead).toBe(5 + 3 + 3);
      // Neighbouring columns are one read.
      g.env.resetCounts();
      readColumns(sheet, tabDef('Attendance'), ['upn', 'name']);
      expect(g.env.countsByName()['Range.getValues']).toBe(2);
    } finally {
      uninstall();
    }
  });

  it('gives [] for an empty tab and the header alone when there are no rows', () => {
    const { ss, uninstall } = freshTracker();
    try {
      const sheet = ss.insertSheet('Empty');
      expect(readColumns(sheet, tabDef('Attendance'), ['upn'])).toEqual([]);
      sheet.getRange(1, 1, 1, 2).setValues([['UPN', 'Name']]);
      expect(readColumns(sheet, tabDef('Attendance'), ['upn'])).toEqual([['UPN', 'Name']]);
    } finally {
      uninstall();
    }
  });
});
