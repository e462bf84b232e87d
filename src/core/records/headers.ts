/**
 * Finds a tab's columns in a header row by name, never by position (SPEC §2: staff insert,
 * move and sort columns; MIS exports name the same thing differently). Headers the tracker does not
 * know are reported as `unknown` and left alone — they belong to the school.
 */
import { ColumnDef, normaliseHeader } from '../tabs';

/** The part of a TabDef header matching needs (grid and summary imports pass their own). */
export interface HeaderSpec {
  name: string;
  columns: ColumnDef[];
}

export interface HeaderMap {
  /** field → 0-based column index, for every known column present. */
  columnIndex: Record<string, number>;
  /** Non-blank headers the add-on does not know, as written (kept, never touched). */
  unknown: string[];
  /** Headers (the tracker's name) of required columns that are missing. */
  missingRequired: string[];
  /** Headers (the tracker's name) of columns that appear more than once. */
  duplicated: string[];
  /** One message per missing or duplicated column, naming the tab and column. */
  messages: string[];
}

/** Column letter(s) as Sheets shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 notation of a block of cells (1-based row and column), e.g. (2, 3, 10, 1) → "C2:C11", without asking Sheets. */
export function a1Range(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col - 1)}${row}:${columnLetter(col + cols - 2)}${row + rows - 1}`;
}

/**
 * Map a header row to the spec's columns. The tracker's own header ranks first, then aliases in
 * the order listed, so an export holding both "Legal Forename" and "Preferred Forename" uses the
 * legal one and keeps the other as an unknown column. The *same* header twice is a duplicate: we
 * cannot know which copy the school meant, so the import stops and says so.
 */
export function mapHeaders(spec: HeaderSpec, headerRow: unknown[]): HeaderMap {
  const rankOf = new Map<string, { col: ColumnDef; rank: number }>();
  for (const col of spec.columns) {
    const names = [col.header].concat(col.aliases || []);
    names.forEach((n, rank) => {
      const key = normaliseHeader(n);
      if (!rankOf.has(key)) rankOf.set(key, { col, rank });
    });
  }

  // Pass 1: the best-ranked header present for each field.
  const best: Record<string, { key: string; rank: number }> = {};
  headerRow.forEach((cell) => {
    const key = normaliseHeader(cell);
    const hit = rankOf.get(key);
    if (!hit) return;
    const cur = best[hit.col.field];
    if (!cur || hit.rank < cur.rank) best[hit.col.field] = { key, rank: hit.rank };
  });

  // Pass 2: place every column; a lesser alias or an unknown header is kept as unknown.
  const chosen: Record<string, number[]> = {};
  const unknown: string[] = [];
  headerRow.forEach((cell, index) => {
    const key = normaliseHeader(cell);
    if (key === '') return; // an empty column is not a header
    const hit = rankOf.get(key);
    if (hit && best[hit.col.field].key === key) {
      chosen[hit.col.field] = (chosen[hit.col.field] || []).concat(index);
    } else {
      unknown.push(String(cell).trim());
    }
  });

  const columnIndex: Record<string, number> = {};
  const duplicated: string[] = [];
  const messages: string[] = [];
  for (const col of spec.columns) {
    const at = chosen[col.field];
    if (!at) continue;
    if (at.length === 1) {
      columnIndex[col.field] = at[0];
      continue;
    }
    // Neither copy is read: guessing which one the school meant could import the wrong data.
    duplicated.push(col.header);
    messages.push(`${spec.name}: the "${String(headerRow[at[0]]).trim()}" column appears more than once ` +
      `(columns ${at.map(columnLetter).join(' and ')}) — delete or rename all but one.`);
  }

  const missingRequired: string[] = [];
  for (const col of spec.columns) {
    if (!col.required || chosen[col.field]) continue;
    missingRequired.push(col.header);
    const looked = [col.header].concat(col.aliases || []).join(', ');
    messages.push(`${spec.name}: no "${col.header}" column (looked for ${looked}).`);
  }

  return { columnIndex, unknown, missingRequired, duplicated, messages };
}
