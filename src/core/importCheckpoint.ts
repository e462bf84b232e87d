/**
 * A big import's checkpoint between runs (issue 3): Apps Script stops a run at 6 minutes, so an
 * import that runs out of time keeps its counts here and the next run carries on. Counts and a
 * hash only — document properties never hold pupil data.
 */
/** A big import's progress, kept between runs (document properties: counts only, no pupil data). */
export interface Checkpoint {
  /** Which data this is: row count and a hash of the keys, so a different file starts afresh. */
  fingerprint: string;
  added: number;
  updated: number;
  runs: number;
}

export function readCheckpoint(raw: string | null): Checkpoint | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as Checkpoint;
    return typeof c.fingerprint === 'string' ? c : null;
  } catch (e) {
    return null;
  }
}

/** Row count and a 32-bit FNV-1a hash of the keys: which data, without keeping any of it. */
export function fingerprintOf(records: Record<string, unknown>[], key: string[]): string {
  let h = 0x811c9dc5;
  for (const r of records) {
    for (const f of key) {
      const s = String(r[f]);
      for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
      }
      h ^= 1;
      h = Math.imul(h, 0x01000193);
    }
  }
  return `${records.length}:${(h >>> 0).toString(16)}`;
}
