/**
 * Every top-level function of the bundle is made by one of these wrappers, which says who may call
 * it (core/access.ts) and how it answers. Apps Script lets anyone who can open the spreadsheet call
 * ANY top-level function from a sidebar's browser console (google.script.run), so the level is
 * checked on every call, before anything is read:
 *
 * - `menuItem`: a menu click. Shows the outcome in a dialog and returns nothing to the browser.
 * - `sidebarCall`: a sidebar's google.script.run call. Returns plain data to the page; a refusal
 *   or any UserError reaches the page's failure handler as its message.
 * - `triggerHandler`: an installable trigger (the morning run, a continuation). Writes its outcome
 *   to the execution log (counts only) and rethrows failures, so Google e-mails the trigger's
 *   owner. Returns a counts-only summary.
 * - `simpleTrigger`: onOpen/onInstall, which must work before the add-on is authorised.
 *
 * Each wrapped function carries `access` ({ kind, level }): test/bundle/access.test.ts calls every
 * entry point of the built bundle as a stranger and lists them in docs/access.md.
 */
import { AccessLevel, Caller } from '../core/access';
import { isUserError } from '../core/errors';
import { checkAccess } from '../jobs/access';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { tell } from '../gas/ui';

export type EntryKind = 'menu' | 'sidebar' | 'trigger' | 'simple';
export interface EntryAccess {
  kind: EntryKind;
  level: AccessLevel;
}
export type EntryPoint<F extends (...args: any[]) => unknown> = F & { access: EntryAccess };

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A fault in the add-on (not a message for a person): the maintainer finds it in the execution log. */
function logFault(what: string, e: unknown): void {
  console.error(`Pastoral Tracker: ${what} failed: ${e instanceof Error && e.stack ? e.stack : messageOf(e)}`);
}

/** A menu item: `run` returns the text for the dialog (or shows a sidebar and returns nothing). */
export function menuItem(title: string, level: AccessLevel, run: (caller: Caller) => string | void): EntryPoint<() => void> {
  const fn = (): void => {
    try {
      const text = run(checkAccess(activeSpreadsheet(), level));
      if (text) tell(title, text);
    } catch (e) {
      if (isUserError(e)) {
        tell(title, e.message);
      } else {
        logFault(title, e);
        tell(title, `Pastoral Tracker could not finish this: ${messageOf(e)}\nNothing half-done is kept; try again, and tell whoever looks after the add-on if it happens again.`);
      }
    }
  };
  return Object.assign(fn, { access: { kind: 'menu' as const, level } });
}

/** A sidebar's server call: `run` gets the checked caller, then the page's arguments (untrusted). */
export function sidebarCall<A extends unknown[], R>(level: AccessLevel, run: (caller: Caller, ...args: A) => R): EntryPoint<(...args: A) => R> {
  const fn = (...args: A): R => {
    try {
      return run(checkAccess(activeSpreadsheet(), level), ...args);
    } catch (e) {
      if (!isUserError(e)) logFault('a sidebar call', e);
      // A plain Error with the message: the page's failure handler shows e.message.
      throw new Error(messageOf(e));
    }
  };
  return Object.assign(fn, { access: { kind: 'sidebar' as const, level } });
}

/** An installable trigger's handler: `run` returns a summary with counts only (no pupil data). */
export function triggerHandler<R>(title: string, level: AccessLevel, run: (caller: Caller) => { summary: R; log: string }): EntryPoint<() => R> {
  const fn = (): R => {
    try {
      const { summary, log } = run(checkAccess(activeSpreadsheet(), level));
      console.log(`Pastoral Tracker: ${title}: ${log.split('\n')[0]}`);
      return summary;
    } catch (e) {
      if (isUserError(e)) console.log(`Pastoral Tracker: ${title}: ${e.message.split('\n')[0]}`);
      else logFault(title, e);
      throw e;
    }
  };
  return Object.assign(fn, { access: { kind: 'trigger' as const, level } });
}

/** onOpen / onInstall: no check (Apps Script runs them before the add-on may read anything). */
export function simpleTrigger<A extends unknown[]>(run: (...args: A) => void): EntryPoint<(...args: A) => void> {
  return Object.assign((...args: A) => run(...args), { access: { kind: 'simple' as const, level: 'anyone' as const } });
}
