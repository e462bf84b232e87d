/**
 * One Apps Script execution: a menu click, a sidebar call or a trigger firing. Two things Google
 * does per execution are modelled here.
 *
 * 1. Buffered spreadsheet writes. "Sometimes, spreadsheet operations are bundled together to
 *    improve performance … If you want to make sure that all pending changes are made right away
 *    … call SpreadsheetApp.flush()" (developers.google.com/apps-script/reference/spreadsheet,
 *    and …/spreadsheet/spreadsheet-app#flush()). Pending changes are applied when the script
 *    calls flush() or when the execution ends. A script always reads its own writes (the bundle is
 *    sent before a read), so locally every write lands at once — but the state of each sheet
 *    before the first write since the last flush is remembered, and an execution that ends by an
 *    error gets it back: its unflushed writes are lost. Whether Google loses them on every error
 *    or only when the execution is killed (time limit, a server failure) is not documented; we
 *    take the harsher reading, so a guard that must survive a crash (the Mail Log's "Sending"
 *    claim) must be flushed before what it guards.
 * 2. Who the add-on runs as. In a menu or sidebar call of an editor add-on the effective user is
 *    the active user; in an installable trigger it is the person who made the trigger
 *    (developers.google.com/apps-script/reference/base/session#getEffectiveUser()). Outside an
 *    execution (job tests that call src/ directly) the menu reading applies.
 *
 * 3. Locks held when it ends. "The lock is automatically released when the script terminates, but
 *    for efficiency you should release it as soon as you no longer need access to a section of
 *    code" (developers.google.com/apps-script/reference/lock/lock#releaseLock()): an execution
 *    that dies holding the document lock (a failure at the release call itself) does not keep it.
 *
 * Writes outside an execution land at once and are never rolled back: tests that do not open one
 * behave as before. Properties, Docs and e-mail are not buffered here (PropertiesService and
 * MailApp act at once; a Document's unsaved changes are not modelled).
 */
import type { LocalEnv } from './env';
import { sharedState } from './shared';

export type ExecutionKind = 'menu' | 'sidebar' | 'trigger';

/** The state of one object before the first change since the last flush, and how to put it back. */
export interface Journal {
  restore(): void;
}

export interface Execution {
  kind: ExecutionKind;
  /** The trigger's owner in a trigger execution; otherwise the active user. */
  effectiveUser: string;
  /** Objects changed since the last flush (each journalled once), by identity. */
  journals: Map<object, Journal>;
}

const executions = new WeakMap<LocalEnv, Execution | null>();

export function currentExecution(env: LocalEnv): Execution | null {
  return executions.get(env) ?? null;
}

/**
 * Run `fn` as one execution. On success its writes are kept; when it throws, the writes since
 * its last flush are undone (in reverse order) and the error is rethrown.
 */
export function runExecution<T>(env: LocalEnv, fn: () => T, opts: { kind?: ExecutionKind; effectiveUser?: string } = {}): T {
  if (currentExecution(env)) return fn(); // nested call inside the same execution
  const s = sharedState(env);
  const exec: Execution = { kind: opts.kind ?? 'menu', effectiveUser: opts.effectiveUser ?? s.user, journals: new Map() };
  executions.set(env, exec);
  try {
    const out = fn();
    exec.journals.clear();
    return out;
  } catch (e) {
    const undo = [...exec.journals.values()].reverse();
    exec.journals.clear();
    for (const j of undo) j.restore();
    throw e;
  } finally {
    executions.set(env, null);
    env.endKill();
    // Its locks go with it (another execution's, played by _holdByOther, stay).
    for (const kind of Object.keys(s.locks) as Array<keyof typeof s.locks>) if (s.locks[kind] !== null && s.locks[kind] !== 'other') s.locks[kind] = null;
  }
}

/** Remember `target`'s state before its first change since the last flush (no-op outside an execution). */
export function journal(env: LocalEnv, target: object, save: () => Journal): void {
  const exec = currentExecution(env);
  if (!exec || exec.journals.has(target)) return;
  exec.journals.set(target, save());
}

/** SpreadsheetApp.flush(): pending changes are applied and can no longer be lost. */
export function flushExecution(env: LocalEnv): void {
  currentExecution(env)?.journals.clear();
}

/** The user the add-on acts as now (Session.getEffectiveUser, Drive ownership). */
export function effectiveUser(env: LocalEnv): string {
  const exec = currentExecution(env);
  if (exec && exec.kind === 'trigger') return exec.effectiveUser;
  return sharedState(env).user;
}
