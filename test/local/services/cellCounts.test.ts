/** The bench's cells read and written (issue 22 §4): counted per range call, reset with the calls. */
import { createLocalGoogle } from '../../../local/google';

test('getValues counts the cells it returns, setValues the cells it writes; resetCounts clears both', () => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T09:00:00Z') });
  const sheet = g.spreadsheet.insertSheet('Marks');
  g.env.resetCounts();
  sheet.getRange(1, 1, 4, 3).setValues([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]); // 12 written
  sheet.getRange(2, 2, 2, 2).getValues(); // 4 read
  sheet.getRange(1, 1).getValue(); // a single cell: priced per call, not counted as a range read
  expect([g.env.cellsRead, g.env.cellsWritten]).toEqual([4, 12]);
  g.env.resetCounts();
  expect([g.env.cellsRead, g.env.cellsWritten]).toEqual([0, 0]);
});
