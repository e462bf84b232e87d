/**
 * Runs the real add-on bundle (build/Code.js) the way Apps Script does: one script evaluated in a
 * fresh global scope that holds only the Google services — no require, process, module, Buffer or
 * timers. gas-local does the loading (vm context over a folder of .js files); we give it only
 * Code.js and a global object with the local services.
 */
import * as path from 'path';
import * as fs from 'fs';
// gas-local has no type definitions.
const gas = require('gas-local');
import { LocalGoogle } from './google';
import { runExecution } from './services/execution';

export const BUILD_DIR = path.resolve(__dirname, '..', 'build');

export type Bundle = Record<string, (...args: any[]) => any>;

/**
 * With `executions: true` each call into the bundle is one Apps Script execution (a menu click or
 * a sidebar call): its spreadsheet writes are buffered until flush() or its end, and lost if it
 * throws (local/services/execution.ts). Off by default so long CLI runs do not pay for the journal.
 */
export function loadBundle(google: LocalGoogle, buildDir = BUILD_DIR, opts: { executions?: boolean } = {}): Bundle {
  if (!fs.existsSync(path.join(buildDir, 'Code.js'))) {
    throw new Error(`${buildDir}/Code.js is missing: run "npm run build" first.`);
  }
  const sandbox: Record<string, unknown> = {};
  google.install(sandbox);
  // The add-on's clock: \`new Date()\` and \`Date.now()\` inside the bundle read env.now, so
  // --as-of and tests fix "today" without the add-on's code knowing (like jest's fake timers).
  sandbox.Date = clockedDate(google);
  // HtmlService reads the sidebar files from the same build folder Apps Script would have.
  const html = google.services.HtmlService as unknown as { _setFolder?: (d: string) => void };
  if (html._setFolder) html._setFolder(buildDir);
  const bundle = gas.require(buildDir, sandbox, { filter: (f: string) => path.basename(f) === 'Code.js' }) as Bundle;
  if (!opts.executions) return bundle;
  const wrapped: Bundle = {};
  for (const [name, fn] of Object.entries(bundle)) {
    wrapped[name] = typeof fn === 'function' ? (...args: any[]) => runExecution(google.env, () => fn(...args)) : fn;
  }
  return wrapped;
}

function clockedDate(google: LocalGoogle): DateConstructor {
  const env = google.env;
  class ClockedDate extends Date {
    constructor(...args: any[]) {
      if (args.length === 0) super(env.now.getTime());
      else super(...(args as [any]));
    }
    static now(): number {
      return env.now.getTime();
    }
  }
  return ClockedDate as unknown as DateConstructor;
}
