/**
 * The hidden Review Memory tab (gas/reviewMemoryTab.ts) on the local Sheets service: a memory whose
 * pieces start or end with what Sheets would turn into a number, a date or a formula, or with
 * spaces, reads back exactly; a piece edited by hand reads as no memory.
 */
import { createLocalGoogle } from '../../local/google';
import { readReviewMemory, writeReviewMemory, REVIEW_MEMORY_TAB } from '../../src/gas/reviewMemoryTab';
import { ReviewMemory, memoryText } from '../../src/core/attendance/reviewMemory';
import { PIECE_CHARS } from '../../src/gas/pieces';

const memory: ReviewMemory = {
  version: 2,
  asOf: '2024-01-26',
  generation: 0,
  prints: { settings: 's', students: 'p', lettersLog: 'l', overrides: 'o', legal: 'g', latestMarks: 'm' },
  latestColumns: [],
  schoolDays: [],
  pupils: [],
  tiers: [],
  punctuality: [],
  lateToLesson: [],
  registerTakenToday: false,
  // Long enough for several pieces, with awkward text wherever a piece may start.
  problems: { tabs: Array.from({ length: 8000 }, (_, i) => ['=SUM(A1)', '2024-01-08', '  12  ', '-- /\\', '+44', 'TRUE'][i % 6] + ' '.repeat(i % 5)), marks: [] },
};

describe('the Review Memory tab', () => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
  let off: () => void;
  beforeEach(() => { off = g.install(); });
  afterEach(() => off());
  const ss = () => g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

  it('is hidden and reads back exactly, in pieces a cell can hold', () => {
    expect(readReviewMemory(ss())).toBeNull();
    expect(memoryText(memory, PIECE_CHARS).length).toBeGreaterThan(1);
    writeReviewMemory(ss(), memory);
    const sheet = ss().getSheetByName(REVIEW_MEMORY_TAB)!;
    expect(sheet.isSheetHidden()).toBe(true);
    expect(sheet.getMaxColumns()).toBe(1); // no room of the 10 million cells taken for nothing
    expect(readReviewMemory(ss())).toEqual(memory);
    // Written again, smaller: no piece of the longer memory is left behind.
    const small = { ...memory, problems: { tabs: [], marks: [] } };
    writeReviewMemory(ss(), small);
    expect(readReviewMemory(ss())).toEqual(small);
  });

  /** The memory padded so that its second piece (from character PIECE_CHARS) starts with `start`. */
  function secondPieceStarting(start: string): ReviewMemory {
    for (let pad = 0; pad < 200; pad++) {
      const m = { ...memory, problems: { tabs: ['x'.repeat(pad)].concat(memory.problems.tabs), marks: [] } };
      if (JSON.stringify(m).slice(PIECE_CHARS, PIECE_CHARS + start.length) === start) return m;
    }
    throw new Error(`no padding puts "${start}" at a piece's start`);
  }

  it.each(['=SUM', '2024-01-08', ' ', '+44', 'TRUE'])('a piece starting "%s" stays text', (start) => {
    const m = secondPieceStarting(start);
    expect(memoryText(m, PIECE_CHARS)[1].startsWith(start)).toBe(true);
    writeReviewMemory(ss(), m);
    expect(readReviewMemory(ss())).toEqual(m);
  });

  it('a piece edited by hand reads as no memory', () => {
    writeReviewMemory(ss(), memory);
    ss().getSheetByName(REVIEW_MEMORY_TAB)!.getRange(3, 1).setValue('edited');
    expect(readReviewMemory(ss())).toBeNull();
  });
});
