/**
 * How a file's rows are sent to the add-on in pieces small enough for google.script.run (issue
 * 16). Rows that share a group value (the UPN, or the tab's key) always travel in the same chunk,
 * so the import can refuse a pupil on roll twice naming the first row, and a pupil's letter history
 * is keyed together. Groups keep the order in which they first appear; each row keeps its row
 * number in the file (the header is row 1), which is what refusals name.
 *
 * Used by the sidebar (bundled into the page) and by the CLI's --data, which imports the same way.
 */
export type ChunkCell = string | number | boolean | null;

export interface Chunk {
  rows: ChunkCell[][];
  /** The file row of each row (1-based; the header rows come first). */
  rowNumbers: number[];
}

function isBlankRow(row: ChunkCell[]): boolean {
  return row.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
}

/** Characters a row adds to a call (a rough JSON size). */
function sizeOf(row: ChunkCell[]): number {
  let n = 2;
  for (const c of row) n += (typeof c === 'string' ? c.length : 8) + 3;
  return n;
}

/**
 * `data`: the rows after the header rows; `firstRow`: the file row of data[0]. Blank rows are
 * left out (every import skips them). A group larger than `maxChars` travels alone.
 */
export function planChunks(data: ChunkCell[][], firstRow: number, groupColumns: number[], maxChars: number): Chunk[] {
  const groups: { rows: ChunkCell[][]; rowNumbers: number[]; size: number }[] = [];
  const at = new Map<string, number>();
  data.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const key = groupColumns.length
      ? groupColumns.map((c) => String(row[c] === null || row[c] === undefined ? '' : row[c]).trim().toUpperCase()).join('\u0001')
      : '';
    // Rows with no group value (no UPN) each travel on their own: the import refuses them anyway.
    // eslint-disable-next-line no-control-regex -- \u0001 joins the key's fields (it never appears in a cell)
    const solo = !groupColumns.length || key.replace(/\u0001/g, '') === '';
    let g = solo ? undefined : at.get(key);
    if (g === undefined) {
      g = groups.length;
      groups.push({ rows: [], rowNumbers: [], size: 0 });
      if (!solo) at.set(key, g);
    }
    groups[g].rows.push(row);
    groups[g].rowNumbers.push(firstRow + i);
    groups[g].size += sizeOf(row);
  });
  const chunks: Chunk[] = [];
  let cur: Chunk = { rows: [], rowNumbers: [] };
  let size = 0;
  for (const g of groups) {
    if (cur.rows.length && size + g.size > maxChars) {
      chunks.push(cur);
      cur = { rows: [], rowNumbers: [] };
      size = 0;
    }
    for (let k = 0; k < g.rows.length; k++) {
      cur.rows.push(g.rows[k]);
      cur.rowNumbers.push(g.rowNumbers[k]);
    }
    size += g.size;
  }
  if (cur.rows.length) chunks.push(cur);
  return chunks;
}
