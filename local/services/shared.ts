/**
 * State that several local Google services must see alike within one LocalEnv: the signed-in
 * user (Session, MailApp, ScriptApp, user properties), the locks (so a test can play "another
 * execution"), the property stores, caches, triggers and the e-mail quota. Kept beside the env in
 * a WeakMap so env.ts (a shared contract) does not change.
 */
import type { LocalEnv } from './env';

export type LockKind = 'document' | 'script' | 'user';

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: string; // ScriptApp.EventType name
  source: string; // ScriptApp.TriggerSource name
  sourceId: string | null;
  /** Document the add-on created it in (add-on limits are per user per document). */
  documentId: string;
  user: string;
  /** Schedule as built (for tests and the CLI's report). */
  schedule: Record<string, unknown>;
}

export interface CacheEntry {
  value: string;
  expiresAt: number; // epoch ms on env.now's clock
}

export interface SharedState {
  user: string;
  /** Id of the document the script is bound to / the add-on runs in. */
  activeDocumentId: string;
  /** Holder per lock kind: a local Lock object, 'other' (simulated other execution) or null. */
  locks: Record<LockKind, object | 'other' | null>;
  documentProperties: Map<string, string>;
  scriptProperties: Map<string, string>;
  userProperties: Map<string, Map<string, string>>;
  documentCache: Map<string, CacheEntry>;
  scriptCache: Map<string, CacheEntry>;
  userCache: Map<string, Map<string, CacheEntry>>;
  triggers: TriggerRecord[];
  nextId: number;
}

const states = new WeakMap<LocalEnv, SharedState>();

export function sharedState(env: LocalEnv): SharedState {
  let s = states.get(env);
  if (!s) {
    s = {
      user: 'user@school.example',
      activeDocumentId: 'local-active-spreadsheet',
      locks: { document: null, script: null, user: null },
      documentProperties: new Map(),
      scriptProperties: new Map(),
      userProperties: new Map(),
      documentCache: new Map(),
      scriptCache: new Map(),
      userCache: new Map(),
      triggers: [],
      nextId: 1,
    };
    states.set(env, s);
  }
  return s;
}

/** A short id like Google's (letters, digits, '-' and '_'), unique within the env. */
export function newId(env: LocalEnv, prefix: string): string {
  const s = sharedState(env);
  const n = s.nextId++;
  return `${prefix}${String(n).padStart(6, '0')}`;
}

/** Set the signed-in user (Session.getActiveUser, MailApp sender, per-user stores). */
export function setUser(env: LocalEnv, email: string): void {
  sharedState(env).user = email;
}
