/**
 * Snapshot and restore of one local Google, for tests only. Why it exists: the proof tests and the
 * big job tests need many trackers that are exactly alike (each crash point starts from the same
 * tracker), and building one — "Set up tracker" and an import of every sample table through the
 * local services — costs seconds; putting back a snapshot costs a fraction of that.
 *
 * How: `takeSnapshot` walks every object reachable from its roots (the LocalGoogle — env, services,
 * spreadsheet, documents, mail — and the env's shared state: properties, caches, triggers, locks,
 * user) and remembers each one's own properties (and the entries of each array, Map and Set, the
 * time of each Date). `restore()` puts every one of those objects back as it was, in place: the
 * same objects, so a test's `t.ss`, the installed globals and the services' internal links stay
 * valid, and whatever was created since (a new tab, a document, an e-mail) is simply no longer
 * referenced. Nothing is listed by name — any tab, field or service state added later is covered —
 * except the two things a walk cannot see:
 *  - state held in a WeakMap side table: the spreadsheet owners (spreadsheet/owner.ts) are put
 *    back here; the current execution must be none (snapshot and restore happen between
 *    executions); the find-text ranges (document/text.ts) are never changed once made;
 *  - state held only in a closure: the services keep none (the Docs write quota is on the
 *    Documents object, docs/index.ts) — a new service must keep it that way.
 * Ids counted by module-level counters (spreadsheet and chart ids) go on from where they were, as
 * they do when a second tracker is built in the same file. Functions, Buffers and RegExps are kept
 * by reference (nothing changes them in place); a frozen object is not restored (it cannot change);
 * an array is its elements (holes kept), not other properties set on it.
 */
import { types } from 'util';
import type { LocalEnv } from './services/env';
import { currentExecution } from './services/execution';
import { sharedState } from './services/shared';
import { ownerEntry, restoreOwnerEntry, type OwnerEntry } from './services/spreadsheet/owner';

export interface GoogleSnapshot {
  /** Put every object back as it was when the snapshot was taken. */
  restore(): void;
  /** Objects the walk met (for the docs' figures). */
  readonly objects: number;
}

type Key = string | symbol;

interface ObjectRecord {
  obj: object;
  keys: Key[];
  descs: PropertyDescriptor[];
  owner: OwnerEntry | undefined;
}

/**
 * The common case (a cell, a row record, a class instance): not a proxy, every own property an
 * ordinary writable, enumerable, configurable value under a string key. Kept as keys and values
 * and put back by plain reads and writes — several times faster than descriptors, and a 60-pupil
 * tracker holds a few hundred thousand such objects.
 */
interface PlainRecord {
  obj: Record<string, unknown>;
  keys: string[];
  values: unknown[];
}

function plainKeys(obj: object, keys: Key[], descs: PropertyDescriptor[]): keys is string[] {
  for (let i = 0; i < keys.length; i++) {
    const d = descs[i];
    if (typeof keys[i] !== 'string' || !('value' in d) || !d.writable || !d.enumerable || !d.configurable) return false;
  }
  return !types.isProxy(obj);
}

/** Kept by reference: nothing in the local services changes these in place. */
function atomic(v: object): boolean {
  return types.isRegExp(v) || types.isAnyArrayBuffer(v) || ArrayBuffer.isView(v);
}

/** Things the walk would get wrong: refuse them loudly rather than restore them wrongly. */
function refuse(v: object): void {
  if (types.isWeakMap(v) || types.isWeakSet(v) || types.isPromise(v)) throw new Error(`snapshot: cannot copy a ${Object.prototype.toString.call(v)} (move its state somewhere a walk can see)`);
}

export function takeSnapshot(env: LocalEnv, roots: object[]): GoogleSnapshot {
  if (currentExecution(env)) throw new Error('snapshot: take it between executions');
  const seen = new Set<object>();
  const arrays: Array<{ obj: unknown[]; items: unknown[] }> = [];
  const maps: Array<{ obj: Map<unknown, unknown>; entries: Array<[unknown, unknown]> }> = [];
  const sets: Array<{ obj: Set<unknown>; items: unknown[] }> = [];
  const dates: Array<{ obj: Date; time: number }> = [];
  const objects: ObjectRecord[] = [];
  const plain: PlainRecord[] = [];
  const stack: object[] = [];
  const visit = (v: unknown) => {
    if (v !== null && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      stack.push(v);
    }
  };
  for (const r of [...roots, sharedState(env)]) visit(r);
  while (stack.length) {
    const obj = stack.pop()!;
    if (Array.isArray(obj)) {
      // Holes stay holes (a sheet's rows are sparse): slice keeps them.
      const items = obj.slice();
      arrays.push({ obj, items });
      for (let i = 0; i < items.length; i++) visit(items[i]);
      continue;
    }
    // Most objects are plain literals (a cell): none of the built-ins below, so skip their tests.
    const proto = Object.getPrototypeOf(obj);
    const literal = proto === Object.prototype || proto === null;
    if (!literal) {
      if (atomic(obj)) continue;
      refuse(obj);
      if (types.isMap(obj)) {
        const entries = [...(obj as Map<unknown, unknown>).entries()];
        maps.push({ obj: obj as Map<unknown, unknown>, entries });
        for (const [k, x] of entries) {
          visit(k);
          visit(x);
        }
        continue;
      }
      if (types.isSet(obj)) {
        const items = [...(obj as Set<unknown>)];
        sets.push({ obj: obj as Set<unknown>, items });
        for (const x of items) visit(x);
        continue;
      }
      if (types.isDate(obj)) {
        dates.push({ obj: obj as Date, time: (obj as Date).getTime() });
        continue;
      }
    }
    // A plain object or a class instance — or a counting proxy (env.counted), whose target's own
    // properties it shows and takes (it has only a get trap; descriptors bypass it).
    const keys = Reflect.ownKeys(obj);
    const descs = keys.map((k) => Reflect.getOwnPropertyDescriptor(obj, k)!);
    for (const d of descs) if ('value' in d) visit(d.value);
    if (Object.isFrozen(obj)) continue;
    // Owners belong to spreadsheets (class instances), never to a literal.
    const owner = literal ? undefined : ownerEntry(obj);
    if (!owner && plainKeys(obj, keys, descs)) plain.push({ obj: obj as Record<string, unknown>, keys, values: descs.map((d) => d.value) });
    else objects.push({ obj, keys, descs, owner });
  }
  return {
    objects: seen.size,
    restore() {
      if (currentExecution(env)) throw new Error('snapshot: restore it between executions');
      for (const a of arrays) restoreArray(a.obj, a.items);
      for (const m of maps) {
        m.obj.clear();
        for (const [k, v] of m.entries) m.obj.set(k, v);
      }
      for (const s of sets) {
        s.obj.clear();
        for (const v of s.items) s.obj.add(v);
      }
      for (const d of dates) d.obj.setTime(d.time);
      for (const o of plain) restorePlain(o);
      for (const o of objects) {
        restoreObject(o);
        restoreOwnerEntry(o.obj, o.owner);
      }
    },
  };
}

function restoreArray(obj: unknown[], items: unknown[]): void {
  let same = obj.length === items.length;
  for (let i = 0; same && i < items.length; i++) same = obj[i] === items[i] && (i in obj) === (i in items);
  if (same) return;
  obj.length = 0;
  obj.length = items.length;
  for (let i = 0; i < items.length; i++) if (i in items) obj[i] = items[i];
}

/**
 * Object.keys, not Reflect.ownKeys: ten times quicker (V8 caches an object's enumerable keys), and
 * the only keys it misses are a symbol or a non-enumerable property added after the snapshot,
 * which only defineProperty or a symbol could add — nothing in local/ does that to such objects.
 */
function restorePlain(o: PlainRecord): void {
  const { obj, keys, values } = o;
  const now = Object.keys(obj);
  let same = now.length === keys.length;
  for (let i = 0; same && i < keys.length; i++) same = now[i] === keys[i];
  if (!same) {
    for (const k of Reflect.ownKeys(obj)) Reflect.deleteProperty(obj, k);
    for (let i = 0; i < keys.length; i++) Reflect.defineProperty(obj, keys[i], { value: values[i], writable: true, enumerable: true, configurable: true });
    return;
  }
  // Same keys: each is still the ordinary property it was (only a defineProperty could change that).
  for (let i = 0; i < keys.length; i++) if (obj[keys[i]] !== values[i]) obj[keys[i]] = values[i];
}

/** Same keys in the same order: only changed values are put back; else the object is rebuilt in order. */
function restoreObject(o: ObjectRecord): void {
  const { obj, keys, descs } = o;
  const now = Reflect.ownKeys(obj);
  let same = now.length === keys.length;
  for (let i = 0; same && i < keys.length; i++) same = now[i] === keys[i];
  if (!same) {
    for (const k of now) Reflect.deleteProperty(obj, k);
    for (let i = 0; i < keys.length; i++) Reflect.defineProperty(obj, keys[i], descs[i]);
    return;
  }
  for (let i = 0; i < keys.length; i++) {
    const d = descs[i];
    const cur = Reflect.getOwnPropertyDescriptor(obj, keys[i])!;
    if ('value' in d ? cur.value !== d.value || !('value' in cur) : cur.get !== d.get || cur.set !== d.set) Reflect.defineProperty(obj, keys[i], d);
  }
}
