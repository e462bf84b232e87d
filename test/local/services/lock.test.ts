import { LocalEnv } from '../../../local/services/env';
import { createLockService, LOCK_TIMEOUT, type LocalLockService } from '../../../local/services/lock';

describe('LockService', () => {
  test('a lock held by another execution: tryLock is false after waiting, waitLock throws', () => {
    const env = new LocalEnv();
    const svc = createLockService(env);
    (svc as unknown as LocalLockService)._holdByOther('document');
    const lock = svc.getDocumentLock();
    const before = env.simulatedMs;
    expect(lock.tryLock(5000)).toBe(false);
    expect(env.simulatedMs - before).toBeGreaterThanOrEqual(5000);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow(LOCK_TIMEOUT);
    // The script lock is a different lock.
    expect(svc.getScriptLock().tryLock(0)).toBe(true);
    (svc as unknown as LocalLockService)._releaseByOther();
    expect(lock.tryLock(0)).toBe(true);
  });

  test('two lock objects of the same kind exclude each other until released', () => {
    const svc = createLockService(new LocalEnv());
    const a = svc.getScriptLock();
    const b = svc.getScriptLock();
    a.waitLock(100);
    expect(a.hasLock()).toBe(true);
    expect(b.tryLock(100)).toBe(false);
    a.releaseLock();
    expect(a.hasLock()).toBe(false);
    expect(b.tryLock(100)).toBe(true);
  });
});
