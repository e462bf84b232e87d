/**
 * The hidden Tab Copies tab (gas/tabCopiesTab.ts) on the local Sheets service: two tabs' copies in
 * two columns, each read back exactly (text that Sheets would take for a formula, a number or a
 * date stays text; dates stay dates), a shorter copy leaving nothing of the longer one behind, and
 * a piece edited by hand reading as no copy.
 */
import { createLocalGoogle } from '../../local/google';
import { readTabCopies, writeTabCopy, TAB_COPIES_TAB } from '../../src/gas/tabCopiesTab';
import { TabCopy, TAB_COPY_VERSION, copyText } from '../../src/core/tabCopy';
import { PIECE_CHARS } from '../../src/gas/pieces';

const awkward = ['=SUM(A1)', '2024-01-08', '  12  ', '+44', 'TRUE', "'07700 900123"];
/** `n` rows, long enough for several pieces when n is large. */
const copy = (tab: string, n: number): TabCopy => ({
  version: TAB_COPY_VERSION,
  tab,
  generation: '2.0',
  values: [['UPN', 'Date', 'Note']].concat(Array.from({ length: n }, (_, i) => [`A12345678${String(i).padStart(4, '0')}`, new Date(Date.UTC(2024, 0, 8 + (i % 20))) as unknown as string, awkward[i % awkward.length] + ' '.repeat(i % 3)])),
});

describe('the Tab Copies tab', () => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
  let off: () => void;
  beforeEach(() => { off = g.install(); });
  afterEach(() => off());
  const ss = () => g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

  it('keeps each tab in its own column, hidden, read back exactly', () => {
    expect(readTabCopies(ss(), ['Contacts']).size).toBe(0);
    const log = copy('Homework Log', 8000);
    const contacts = copy('Contacts', 30);
    expect(copyText(log, PIECE_CHARS).length).toBeGreaterThan(2);
    writeTabCopy(ss(), log);
    writeTabCopy(ss(), contacts);
    const sheet = ss().getSheetByName(TAB_COPIES_TAB)!;
    expect(sheet.isSheetHidden()).toBe(true);
    expect(sheet.getMaxColumns()).toBe(2);
    // No cell longer than Excel holds (the tracker downloaded as .xlsx).
    const cells = sheet.getDataRange().getValues().flat().map(String);
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(32767);
    const back = readTabCopies(ss(), ['Contacts', 'Homework Log']);
    expect(back.get('Homework Log')).toEqual(log);
    expect(back.get('Contacts')).toEqual(contacts);
    // Only the tabs asked for.
    expect([...readTabCopies(ss(), ['Contacts']).keys()]).toEqual(['Contacts']);
  });

  it('a shorter copy written over a longer one leaves none of it behind; the other column is untouched', () => {
    const short = copy('Homework Log', 3);
    writeTabCopy(ss(), short);
    const back = readTabCopies(ss(), ['Contacts', 'Homework Log']);
    expect(back.get('Homework Log')).toEqual(short);
    expect(back.get('Contacts')).toEqual(copy('Contacts', 30));
    expect(ss().getSheetByName(TAB_COPIES_TAB)!.getRange(3, 1).getValue()).toBe('');
  });

  it('a piece edited by hand, or a heading renamed, reads as no copy', () => {
    const sheet = ss().getSheetByName(TAB_COPIES_TAB)!;
    sheet.getRange(2, 1).setValue('{"edited');
    sheet.getRange(1, 2).setValue('Contacts');
    expect(readTabCopies(ss(), ['Contacts', 'Homework Log']).size).toBe(0);
  });
});
