/**
 * Local PropertiesService (developers.google.com/apps-script/reference/properties). Values are
 * stored as strings, as Apps Script does (setProperty('n', 5) reads back '5'). Limits from the
 * quotas page: "Property value size 9kB / val", "Properties total storage 500kB / property store".
 * Over the total, Apps Script throws "You have exceeded the property storage quota. Please remove
 * some properties and try again." (seen in user reports, e.g. github.com/lucasvtiradentes/
 * gcal-sync/issues/115); the per-value message is ours.
 */
import type { LocalEnv } from './env';
import { sharedState } from './shared';

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;
export const STORAGE_QUOTA_ERROR = 'Exception: You have exceeded the property storage quota. Please remove some properties and try again.';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class LocalProperties {
  readonly _raw = this;
  _proxy!: LocalProperties;
  constructor(private readonly store: Map<string, string>) {}

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): LocalProperties {
    return this.setProperties({ [String(key)]: value });
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  /** Checks every value and the new total first, so nothing is half-written. */
  setProperties(props: Record<string, unknown>, deleteAllOthers = false): LocalProperties {
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [k, v] of Object.entries(props)) {
      const s = String(v);
      if (bytes(s) > VALUE_LIMIT_BYTES) throw new Error(`Exception: Argument too large: value (property "${k}" is ${bytes(s)} bytes; the limit is 9 kB)`);
      next.set(k, s);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > STORE_LIMIT_BYTES) throw new Error(STORAGE_QUOTA_ERROR);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
    return this._proxy;
  }
  deleteProperty(key: string): LocalProperties {
    this.store.delete(String(key));
    return this._proxy;
  }
  deleteAllProperties(): LocalProperties {
    this.store.clear();
    return this._proxy;
  }
}

export class LocalPropertiesService {
  constructor(private readonly env: LocalEnv) {}
  getDocumentProperties(): LocalProperties {
    return this.wrap(sharedState(this.env).documentProperties);
  }
  getScriptProperties(): LocalProperties {
    return this.wrap(sharedState(this.env).scriptProperties);
  }
  /** Per signed-in user (Session / _setUser). */
  getUserProperties(): LocalProperties {
    const s = sharedState(this.env);
    let m = s.userProperties.get(s.user);
    if (!m) s.userProperties.set(s.user, (m = new Map()));
    return this.wrap(m);
  }
  private wrap(store: Map<string, string>): LocalProperties {
    const p = new LocalProperties(store);
    p._proxy = this.env.counted(p, 'Properties');
    return p._proxy;
  }
}

export function createPropertiesService(env: LocalEnv): GoogleAppsScript.Properties.PropertiesService {
  return env.counted(new LocalPropertiesService(env), 'PropertiesService') as unknown as GoogleAppsScript.Properties.PropertiesService;
}
