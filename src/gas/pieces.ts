/**
 * Long text kept in cells, a piece a cell (a cell holds at most 50,000 characters: Google's "Cells
 * can contain a maximum of 50,000 characters"), for the add-on's hidden memory tabs.
 *
 * Each piece is written as "~piece~": setValues reads a string that looks like a number, a date
 * or a formula ("=…", "2024-01-08") as one, and a piece of JSON can start or end anywhere. The
 * tildes keep every piece plain text, spaces at either end included; they are taken off on reading.
 */
export function wrapPiece(piece: string): string {
  return `~${piece}~`;
}

/** The pieces back, or null when a cell is not a wrapped piece (edited by hand). */
export function unwrapPieces(cells: unknown[]): string[] | null {
  const pieces: string[] = [];
  for (const v of cells) {
    const s = typeof v === 'string' ? v : '';
    if (s.length < 2 || s[0] !== '~' || s[s.length - 1] !== '~') return null;
    pieces.push(s.slice(1, -1));
  }
  return pieces;
}
