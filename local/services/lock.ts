/**
 * Local LockService (developers.google.com/apps-script/reference/lock). One lock state per kind
 * (document, script, user) per env, shared by every Lock object, so a test can play "another
 * execution holds it" with `_holdByOther()`. Waiting for a lock advances the simulated clock by
 * the timeout (the call blocks that long in Apps Script).
 */
import type { LocalEnv } from './env';
import { sharedState, type LockKind } from './shared';

/** Apps Script's message when waitLock times out. */
export const LOCK_TIMEOUT = 'Exception: Lock timeout: another process was holding the lock for too long.';

export class LocalLock {
  readonly _raw = this;
  _proxy!: LocalLock;
  constructor(private readonly env: LocalEnv, private readonly kind: LockKind) {}

  tryLock(timeoutInMillis: number): boolean {
    const locks = sharedState(this.env).locks;
    const holder = locks[this.kind];
    if (holder === null || holder === this) {
      locks[this.kind] = this;
      return true;
    }
    this.env.simulatedMs += Math.max(0, Number(timeoutInMillis) || 0);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }
  releaseLock(): void {
    const locks = sharedState(this.env).locks;
    if (locks[this.kind] === this) locks[this.kind] = null;
  }
  hasLock(): boolean {
    return sharedState(this.env).locks[this.kind] === this;
  }
}

export class LocalLockService {
  constructor(private readonly env: LocalEnv) {}
  getDocumentLock(): LocalLock { return this.make('document'); }
  getScriptLock(): LocalLock { return this.make('script'); }
  getUserLock(): LocalLock { return this.make('user'); }

  /** Local only: another execution takes the lock(s) (all kinds when none given). */
  _holdByOther(kind?: LockKind): void {
    const locks = sharedState(this.env).locks;
    for (const k of kind ? [kind] : (Object.keys(locks) as LockKind[])) locks[k] = 'other';
  }
  /** Local only: the other execution finishes. */
  _releaseByOther(kind?: LockKind): void {
    const locks = sharedState(this.env).locks;
    for (const k of kind ? [kind] : (Object.keys(locks) as LockKind[])) if (locks[k] === 'other') locks[k] = null;
  }
  private make(kind: LockKind): LocalLock {
    const l = new LocalLock(this.env, kind);
    l._proxy = this.env.counted(l, 'Lock');
    return l._proxy;
  }
}

export function createLockService(env: LocalEnv): GoogleAppsScript.Lock.LockService {
  return env.counted(new LocalLockService(env), 'LockService') as unknown as GoogleAppsScript.Lock.LockService;
}
