/// <reference lib="dom" />
// Page code (page.evaluate, $$eval, addInitScript) runs in the browser: it needs the DOM types.
/**
 * Sidebars in real headless Chromium (issue 9). A sidebar's HTML is rendered by the real bundle
 * (build/Code.js) on the local services — the entry point that shows it is called, and the
 * HtmlOutput is taken from the recorded sidebars — then served to Chromium with:
 * - a stand-in for `google.script.run` (and `google.script.host`) injected before the page runs:
 *   each call goes to the SAME bundle's top-level function with JSON-cloned arguments, and the
 *   success/failure handler is called asynchronously, as Apps Script does;
 * - Google's add-on stylesheet routed to a local stand-in (no network here), every other request
 *   refused;
 * - a 300 px wide viewport, the width of a Sheets sidebar.
 *
 * Chromium is found by ./chromium.ts: the system's when there is one, otherwise the one npm
 * installed (@sparticuz/chromium). When none can be found the tests fail and say what was tried:
 * they are never skipped.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, BrowserContext, Page } from 'playwright-core';
import { loadBundle, Bundle } from '../../local/loadBundle';
import { LocalGoogle } from '../../local/google';
import { findChromium } from './chromium';

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');
const STAND_IN_CSS = path.join(__dirname, 'assets', 'add-ons1.css');
const ORIGIN = 'https://sidebar.invalid';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const found = findChromium();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: found.executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-GB'],
    viewport: { width: 300, height: 900 },
    locale: 'en-GB', // a UK school's browser: dates show as dd/mm/yyyy
    env: { ...process.env, ...found.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
    timezoneId: 'Europe/London',
    deviceScaleFactor: 1,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface Sidebar {
  page: Page;
  title: string;
  html: string;
  /** Every alert/confirm/prompt the page opened (a script injected through data would show here). */
  dialogs: string[];
  /** Server calls the page made, by function name. */
  calls: string[];
  closed: () => boolean;
  /** Page errors (uncaught exceptions in the sidebar's script). */
  errors: string[];
}

/** Run `showFn` in the bundle, take the sidebar it showed, and open it in a new page. */
export async function openSidebar(browser: Browser, g: LocalGoogle, bundle: Bundle, showFn: string, ...args: unknown[]): Promise<Sidebar> {
  const before = g.app._record.sidebars.length;
  bundle[showFn](...args);
  const shown = g.app._record.sidebars.slice(before);
  if (!shown.length) {
    const alert = g.app._record.alerts[g.app._record.alerts.length - 1];
    throw new Error(`${showFn} showed no sidebar${alert ? `; it said: ${alert.prompt}` : ''}`);
  }
  const { title, content } = shown[shown.length - 1];
  const html = String(content);
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const calls: string[] = [];
  let closed = false;
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('https://ssl.gstatic.com/docs/script/css/add-ons1.css')) return route.fulfill({ path: STAND_IN_CSS, contentType: 'text/css' });
    if (url === `${ORIGIN}/`) return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    return route.abort();
  });

  await page.exposeFunction('__gasCall', (name: string, argsJson: string) => {
    calls.push(name);
    // Apps Script: only top-level functions, never private ones (ending in _), are callable.
    const fn = bundle[name];
    if (typeof fn !== 'function' || name.endsWith('_')) {
      return { ok: false, message: `Script function not found: ${name}`, name: 'ScriptError' };
    }
    try {
      const value = fn(...(JSON.parse(argsJson) as unknown[]));
      return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
    } catch (e) {
      const err = e as Error;
      return { ok: false, message: err && err.message ? err.message : String(e), name: (err && err.name) || 'Error' };
    }
  });
  await page.exposeFunction('__gasClose', () => {
    closed = true;
  });
  await page.addInitScript(() => {
    type Handler = ((v: unknown, u?: unknown) => void) | null;
    const w = window as any;
    function runner(ok: Handler, fail: Handler, user: unknown): any {
      return new Proxy(
        {},
        {
          get(_t, prop: string) {
            if (prop === 'withSuccessHandler') return (h: Handler) => runner(h, fail, user);
            if (prop === 'withFailureHandler') return (h: Handler) => runner(ok, h, user);
            if (prop === 'withUserObject') return (u: unknown) => runner(ok, fail, u);
            if (typeof prop !== 'string' || prop === 'then') return undefined;
            return (...args: unknown[]) => {
              const json = JSON.stringify(args.map((a) => (a === undefined ? null : a)));
              w.__gasCall(prop, json).then((r: any) => {
                // Handlers run later, on their own turn, as with the real google.script.run.
                setTimeout(() => {
                  if (r.ok) {
                    if (ok) ok(r.value, user);
                  } else if (fail) {
                    const e = new Error(r.message);
                    e.name = r.name;
                    fail(e, user);
                  } else {
                    console.error(r.message);
                  }
                }, 5);
              });
            };
          },
        },
      );
    }
    w.google = {
      script: {
        get run() {
          return runner(null, null, undefined);
        },
        host: {
          close: () => w.__gasClose(),
          setHeight: () => undefined,
          setWidth: () => undefined,
          editor: { focus: () => undefined },
        },
      },
    };
  });
  await page.goto(`${ORIGIN}/`);
  return { page, title: String(title || ''), html, dialogs, calls, closed: () => closed, errors };
}

/**
 * A PNG of the sidebar, 300 px wide. By default what a 900 px high sidebar shows (sticky footers
 * where they really are); `fullPage` for the whole scroll height.
 */
export async function screenshot(sidebar: Sidebar, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await sidebar.page.screenshot({ path: file, fullPage });
  return file;
}

export { loadBundle };
