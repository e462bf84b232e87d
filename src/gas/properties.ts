/**
 * The document's property store: what the add-on remembers about this tracker between runs
 * (settings, checkpoints, rounds). Stored per spreadsheet, shared by everyone who uses it, so it
 * holds no pupil data (developers.google.com/apps-script/reference/properties/properties-service).
 * Jobs take it from here rather than from the PropertiesService global (src/gas is the only layer
 * that touches Google's services).
 *
 * A property is saved at once, while sheet writes are buffered until the execution ends or
 * SpreadsheetApp.flush() (spreadsheet-app#flush()). Whether Google applies buffered writes when an
 * execution dies is not documented, so the store takes the strict reading: before a property is
 * set, the sheet writes made so far are flushed. A memory such as "this month's packs were sent"
 * can then never outlive the sheet writes it stands for (found by crash-anywhere: a lost "Sent to
 * mentor" date with the month already remembered).
 */
import { StateKey } from '../core/state';

export type PropertyStore = GoogleAppsScript.Properties.Properties;

export function documentProperties(): PropertyStore {
  const props = PropertiesService.getDocumentProperties();
  // Every method delegates (bound to Google's own object); only the writes flush first.
  const store = {
    getProperty: (k: string) => props.getProperty(k),
    getProperties: () => props.getProperties(),
    getKeys: () => props.getKeys(),
    setProperty(k: string, v: string) {
      SpreadsheetApp.flush();
      props.setProperty(k, v);
      return store;
    },
    setProperties(p: Record<string, string>, deleteAllOthers?: boolean) {
      SpreadsheetApp.flush();
      if (deleteAllOthers === undefined) props.setProperties(p);
      else props.setProperties(p, deleteAllOthers);
      return store;
    },
    deleteProperty(k: string) {
      SpreadsheetApp.flush();
      props.deleteProperty(k);
      return store;
    },
    deleteAllProperties() {
      SpreadsheetApp.flush();
      props.deleteAllProperties();
      return store;
    },
  };
  return store as unknown as PropertyStore;
}

/**
 * The typed memories of core/state.ts over a property store. Jobs take one as an option (the
 * document's by default), the way apps-script-oauth2 takes its property store, so a test can hand
 * in its own.
 */
export interface StateStore {
  get<T>(key: StateKey<T>): T;
  set<T>(key: StateKey<T>, value: T): void;
  /**
   * Several memories in one call (Properties.setProperties), so a failure cannot leave one changed
   * and not the other. Values that format to null (delete) are not allowed here.
   */
  setAll(entries: Array<{ key: StateKey<any>; value: unknown }>): void;
}

export function documentState(props: PropertyStore = documentProperties()): StateStore {
  return {
    get: (key) => key.parse(props.getProperty(key.name)),
    set(key, value) {
      const raw = key.format(value);
      if (raw === null) props.deleteProperty(key.name);
      else props.setProperty(key.name, raw);
    },
    setAll(entries) {
      const out: Record<string, string> = {};
      for (const { key, value } of entries) {
        const raw = key.format(value);
        if (raw === null) throw new Error(`setAll cannot delete ${key.name}`);
        out[key.name] = raw;
      }
      props.setProperties(out);
    },
  };
}
