/**
 * Row sorting as Sheets does it: numbers and dates before text (case-insensitive) before
 * booleans, blanks always last whatever the direction, ties kept in their order.
 */
import type { Cell, Grid } from './grid';
import type { CellValue } from './values';

export function sortRows(grid: Grid, from: number, to: number, column: number, ascending: boolean): void {
  if (to <= from) return;
  const rows = grid.takeRows(from, to);
  const key = (r: (Cell | undefined)[]) => r[column - 1]?.v ?? '';
  const rank = (v: CellValue) => (v === '' ? 3 : typeof v === 'number' || v instanceof Date ? 0 : typeof v === 'string' ? 1 : 2);
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = key(a.r);
      const y = key(b.r);
      if (rank(x) !== rank(y) || rank(x) === 3) return rank(x) - rank(y) || a.i - b.i;
      const c = typeof x === 'string' ? x.toLowerCase().localeCompare(String(y).toLowerCase()) : Number(x) - Number(y);
      return (ascending ? c : -c) || a.i - b.i;
    })
    .map((x) => x.r);
  grid.setRows(from, sorted);
}
