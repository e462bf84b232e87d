/**
 * One read of a big tab per execution, where one execution runs several jobs that each read it.
 *
 * The morning trigger runs the QA morning (which reviews attendance for its evidence) and then the
 * attendance review itself: each read and parsed the whole Attendance Marks tab — 3 million cells at
 * 2,000 pupils, twice (issue 14 "read once per execution", issue 22). Inside `sharingReads`, the
 * first `readShared(key)` reads and later ones get the same records.
 *
 * Only for tabs nothing inside the scope writes (the daily run never writes Attendance Marks:
 * imports and the Coding Review's corrections are their own executions), and the records are
 * never changed by their readers. Outside a scope every call reads, as before.
 */
let shared: Map<string, unknown> | null = null;

export function sharingReads<T>(fn: () => T): T {
  if (shared) return fn();
  shared = new Map();
  try {
    return fn();
  } finally {
    shared = null;
  }
}

export function readShared<T>(key: string, read: () => T): T {
  if (!shared) return read();
  if (!shared.has(key)) shared.set(key, read());
  return shared.get(key) as T;
}
