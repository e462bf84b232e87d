/**
 * Row sorting as Sheets does it: numbers and dates before text (case-insensitive) before
 * booleans, blanks always last whatever the direction, ties kept in their order. Several sort
 * columns are compared in turn, the first deciding (Range.sort takes "a column number, an object
 * with column and ascending, or an array of those":
 * developers.google.com/apps-script/reference/spreadsheet/range#sort(Object)).
 */
import type { Cell, Grid } from './grid';
import type { CellValue } from './values';

export interface SortSpec {
  column: number;
  ascending: boolean;
}

export function sortRows(grid: Grid, from: number, to: number, column: number | SortSpec[], ascending = true): void {
  if (to <= from) return;
  const specs: SortSpec[] = typeof column === 'number' ? [{ column, ascending }] : column;
  const rows = grid.takeRows(from, to);
  const rank = (v: CellValue) => (v === '' ? 3 : typeof v === 'number' || v instanceof Date ? 0 : typeof v === 'string' ? 1 : 2);
  const compare = (ra: (Cell | undefined)[], rb: (Cell | undefined)[], s: SortSpec): number => {
    const x = ra[s.column - 1]?.v ?? '';
    const y = rb[s.column - 1]?.v ?? '';
    if (rank(x) !== rank(y) || rank(x) === 3) return rank(x) - rank(y);
    const c = typeof x === 'string' ? x.toLowerCase().localeCompare(String(y).toLowerCase()) : Number(x) - Number(y);
    return s.ascending ? c : -c;
  };
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      for (const s of specs) {
        const c = compare(a.r, b.r, s);
        if (c) return c;
      }
      return a.i - b.i;
    })
    .map((x) => x.r);
  grid.setRows(from, sorted);
}
