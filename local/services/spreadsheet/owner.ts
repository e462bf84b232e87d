/**
 * Spreadsheet.getOwner(): "Returns the owner of the document, or null for a document in a shared
 * drive" (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner()).
 * Locally the owner is whoever was signed in when the file was made; `_setOwner(null)` models a
 * file in a shared drive, `_setOwner(email)` a file someone else made and shared.
 */
import type { LocalEnv } from '../env';
import { sharedState } from '../shared';

const owners = new WeakMap<object, string | null>();

export function ownerAtCreation(env: LocalEnv, ss: object): void {
  owners.set(ss, sharedState(env).user);
}

export function setOwner(ss: object, email: string | null): void {
  owners.set(ss, email);
}

export function ownerUser(env: LocalEnv, ss: object): GoogleAppsScript.Base.User | null {
  const email = owners.has(ss) ? owners.get(ss)! : null;
  if (email === null) return null;
  const u = { getEmail: () => email, toString: () => email };
  return env.counted(u, 'User') as unknown as GoogleAppsScript.Base.User;
}

/** For local/snapshot.ts (a walk cannot see a WeakMap): the owner entry of `obj`, if it has one. */
export interface OwnerEntry {
  email: string | null;
}
export function ownerEntry(obj: object): OwnerEntry | undefined {
  return owners.has(obj) ? { email: owners.get(obj)! } : undefined;
}
export function restoreOwnerEntry(obj: object, entry: OwnerEntry | undefined): void {
  if (entry) owners.set(obj, entry.email);
  else owners.delete(obj);
}
