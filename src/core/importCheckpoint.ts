/**
 * A big import's checkpoint between runs (issue 3): Apps Script stops a run at 6 minutes, so an
 * import that runs out of time keeps its counts here and the next run carries on. Counts and a
 * hash only — document properties never hold pupil data.
 */
import { FNV_OFFSET, fnvAdd } from './hash';

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
  let h = FNV_OFFSET;
  for (const r of records) for (const f of key) h = fnvAdd(h, String(r[f]), 1);
  return `${records.length}:${(h >>> 0).toString(16)}`;
}
