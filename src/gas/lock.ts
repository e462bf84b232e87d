import { UserError } from '../core/errors';
/**
 * One job at a time per tracker. Two staff clicking Generate, or the morning trigger during a
 * manual run, must not both write: the document lock lets one through and the other is told to
 * try again (nothing is done twice).
 */

export function withDocumentLock<T>(what: string, fn: () => T, waitMs = 10000): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) {
    throw new UserError(`Someone else is running a Pastoral Tracker job on this spreadsheet (${what} could not start). Please try again in a minute.`);
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs `fn` only when no job holds the document lock right now, without waiting: for a sidebar's
 * optional write (keeping a review it worked out anyway), which is better skipped than delayed or
 * refused. Returns whether it ran.
 */
export function ifDocumentUnlocked(fn: () => void): boolean {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(0)) return false;
  try {
    fn();
    return true;
  } finally {
    lock.releaseLock();
  }
}
