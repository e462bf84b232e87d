/**
 * A generated tab (Homework Tracker, This Week, the attendance lists …) as a person sees it after
 * each refresh: headings bold and shaded wherever this week's grid puts them, last week's heading
 * rows plain again, percentages as percentages, the pupil frozen in view, memory tabs hidden — and
 * the same calls for two headings as for twenty (one range list per look).
 */
import type { LocalGoogle } from '../../local/google';
import { writeGeneratedTab, GridCell } from '../../src/gas/generatedTab';
import { HEADER_BACKGROUND } from '../../src/gas/setupTabs';
import { emptySpreadsheet, Ss } from './tableHelpers';

let g: LocalGoogle;
let ss: Ss;
let uninstall: () => void;

beforeEach(() => ({ g, ss, uninstall } = emptySpreadsheet()));
afterEach(() => uninstall());

/** A grid of `n` sections, each a title row and two pupils' rows: headings at rows 1, 4, 7 … */
function sections(n: number): { values: GridCell[][]; headingRows: number[] } {
  const values: GridCell[][] = [];
  const headingRows: number[] = [];
  for (let i = 0; i < n; i++) {
    headingRows.push(values.length + 1);
    values.push([`Section ${i + 1}`, '', '']);
    values.push(['Ng, Amy', 7, 95.5]);
    values.push(['Shah, Ravi', 8, 88.25]);
  }
  return { values, headingRows };
}

/** Each row's look: [bold?, background] for the first cell of rows 1..n. */
function looks(name: string, n: number): Array<[string, string | null]> {
  const sheet = ss.getSheetByName(name)!;
  const out: Array<[string, string | null]> = [];
  for (let r = 1; r <= n; r++) {
    const c = sheet.getRange(r, 1);
    out.push([c.getFontWeight(), c.getBackground() === '#ffffff' ? null : c.getBackground()]);
  }
  return out;
}

const H: [string, string | null] = ['bold', HEADER_BACKGROUND];
const P: [string, string | null] = ['normal', null];

test('a new tab: header shaded, % column as a percentage, identity columns frozen', () => {
  writeGeneratedTab(ss, {
    name: 'Tier Lists',
    values: [['UPN', 'Name', 'Year', 'Reg Group', '%'], ['A1', 'Ng, Amy', 7, '7A', 93.25], ['A2', 'Shah, Ravi', 8, '8B', 97]],
    frozenRows: 1,
  });
  const sheet = ss.getSheetByName('Tier Lists')!;
  expect(looks('Tier Lists', 3)).toEqual([H, P, P]);
  expect([sheet.getRange(2, 5).getNumberFormat(), sheet.getRange(3, 5).getNumberFormat()]).toEqual(['0.0"%"', '0.0"%"']);
  expect(sheet.getRange(2, 5).getDisplayValue()).toBe('93.3%');
  expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 4]);
  expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([4, 5]); // 3 rows + 1 margin, 5 columns
  expect(sheet.isSheetHidden()).toBe(false);
});

test('the next refresh moves the headings: last week\'s heading rows are plain again', () => {
  const first = sections(3); // headings at 1, 4, 7
  writeGeneratedTab(ss, { name: 'This Week', ...first, frozenRows: 1 });
  expect(looks('This Week', 9)).toEqual([H, P, P, H, P, P, H, P, P]);
  // A week later the grid has one more pupil per section: headings at 1, 5, 9.
  const values: GridCell[][] = [];
  for (let i = 0; i < 3; i++) values.push([`Section ${i + 1}`, '', ''], ['Ng, Amy', 7, 1], ['Shah, Ravi', 8, 2], ['Roe, Jo', 9, 3]);
  writeGeneratedTab(ss, { name: 'This Week', values, headingRows: [1, 5, 9], frozenRows: 1 });
  expect(looks('This Week', 12)).toEqual([H, P, P, P, H, P, P, P, H, P, P, P]);
  expect(ss.getSheetByName('This Week')!.getRange(4, 1).getValue()).toBe('Roe, Jo');
});

test('a refresh that freezes nothing any more unfreezes, and a shorter grid leaves no old rows behind', () => {
  writeGeneratedTab(ss, { name: 'Report', values: [['UPN', 'Name', 'Year'], ['A1', 'Ng, Amy', 7], ['A2', 'Shah, Ravi', 8]], frozenRows: 1 });
  expect([ss.getSheetByName('Report')!.getFrozenRows(), ss.getSheetByName('Report')!.getFrozenColumns()]).toEqual([1, 3]);
  writeGeneratedTab(ss, { name: 'Report', values: [['Split', 'Pupils'], ['PP', 3]] });
  const sheet = ss.getSheetByName('Report')!;
  expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([0, 0]);
  expect(sheet.getDataRange().getValues()).toEqual([['Split', 'Pupils'], ['PP', 3]]);
});

test('a memory tab is hidden when the write creates it, and left as staff set it afterwards', () => {
  writeGeneratedTab(ss, { name: 'Tier History', values: [['Key'], ['x']], hidden: true });
  expect(ss.getSheetByName('Tier History')!.isSheetHidden()).toBe(true);
  ss.getSheetByName('Tier History')!.showSheet();
  writeGeneratedTab(ss, { name: 'Tier History', values: [['Key'], ['y']], hidden: true });
  expect(ss.getSheetByName('Tier History')!.isSheetHidden()).toBe(false);
});

test('two headings or twenty, new tab or old: the same number of calls', () => {
  const calls = (n: number, name: string) => {
    g.env.resetCounts();
    writeGeneratedTab(ss, { name, ...sections(n), frozenRows: 1 });
    return g.env.total;
  };
  const newSmall = calls(2, 'Small');
  const newLarge = calls(20, 'Large');
  const againSmall = calls(2, 'Small');
  const againLarge = calls(20, 'Large');
  expect([newLarge, againLarge]).toEqual([newSmall, againSmall]);
});
