/**
 * Local CacheService (developers.google.com/apps-script/reference/cache/cache). Expiry is measured
 * against env.now (the add-on's clock), default 600 s, at most 21600 s (6 hours); keys up to 250
 * characters and values up to 100 KB, as the reference states.
 */
import type { LocalEnv } from './env';
import { sharedState, type CacheEntry } from './shared';

const MAX_EXPIRY_S = 21600;
const MAX_KEY = 250;
const MAX_VALUE_BYTES = 100 * 1024;

export class LocalCache {
  readonly _raw = this;
  _proxy!: LocalCache;
  constructor(private readonly env: LocalEnv, private readonly store: Map<string, CacheEntry>) {}

  get(key: string): string | null {
    const e = this.store.get(String(key));
    if (!e) return null;
    if (e.expiresAt <= this.env.now.getTime()) {
      this.store.delete(String(key));
      return null;
    }
    return e.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    const k = String(key);
    const v = String(value);
    if (k.length > MAX_KEY) throw new Error(`Exception: Argument too large: key (${k.length} characters; the limit is ${MAX_KEY})`);
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw new Error('Exception: Argument too large: value');
    const s = Math.min(Math.max(1, Number(expirationInSeconds)), MAX_EXPIRY_S);
    this.store.set(k, { value: v, expiresAt: this.env.now.getTime() + s * 1000 });
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.store.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }
}

export class LocalCacheService {
  constructor(private readonly env: LocalEnv) {}
  getDocumentCache(): LocalCache { return this.wrap(sharedState(this.env).documentCache); }
  getScriptCache(): LocalCache { return this.wrap(sharedState(this.env).scriptCache); }
  getUserCache(): LocalCache {
    const s = sharedState(this.env);
    let m = s.userCache.get(s.user);
    if (!m) s.userCache.set(s.user, (m = new Map()));
    return this.wrap(m);
  }
  private wrap(store: Map<string, CacheEntry>): LocalCache {
    const c = new LocalCache(this.env, store);
    c._proxy = this.env.counted(c, 'Cache');
    return c._proxy;
  }
}

export function createCacheService(env: LocalEnv): GoogleAppsScript.Cache.CacheService {
  return env.counted(new LocalCacheService(env), 'CacheService') as unknown as GoogleAppsScript.Cache.CacheService;
}
