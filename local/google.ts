/**
 * One local Google: every in-memory service the add-on uses, sharing one LocalEnv (call counts,
 * faults, clock). `install(target)` puts them on a global object the way Apps Script provides
 * them — on `globalThis` for jobs tested straight from src/, or on the sandbox that runs the real
 * bundle (local/loadBundle.ts). `snapshot()` remembers all of it for a test to put back (local/snapshot.ts).
 */
import { LocalEnv } from './services/env';
import { createSpreadsheetApp, LocalSpreadsheetApp, LocalSpreadsheet } from './services/spreadsheet';
import { createDocumentApp } from './services/document/document-app';
import { createDocs } from './services/docs';
import { createMailApp } from './services/mail';
import { createScriptApp } from './services/script-app';
import { createPropertiesService } from './services/properties';
import { createLockService } from './services/lock';
import { createCacheService } from './services/cache';
import { createSession } from './services/session';
import { createUtilities } from './services/utilities';
import { createHtmlService } from './services/html';
import { createLogger, createConsole } from './services/logger';
import { setUser } from './services/shared';
import { takeSnapshot, type GoogleSnapshot } from './snapshot';

export interface LocalGoogleOptions {
  /** The add-on's "today" (and time); default: now. */
  now?: Date;
  /** The person using the add-on (Session.getActiveUser). */
  user?: string;
  /** Name of the bound spreadsheet, created empty unless `spreadsheet` is given. */
  spreadsheetName?: string;
  spreadsheet?: LocalSpreadsheet;
  /** The new spreadsheet's locale and time zone (default en_US / America/New_York, as Google gives a US account). */
  spreadsheetLocale?: string;
  spreadsheetTimeZone?: string;
}

export function createLocalGoogle(opts: LocalGoogleOptions = {}) {
  const env = new LocalEnv();
  if (opts.now) env.now = opts.now;
  const SpreadsheetApp = createSpreadsheetApp(env);
  const DocumentApp = createDocumentApp(env);
  const services = {
    SpreadsheetApp,
    DocumentApp,
    // The Docs API advanced service, on DocumentApp's documents (local/services/docs).
    Docs: createDocs(env, DocumentApp),
    MailApp: createMailApp(env),
    ScriptApp: createScriptApp(env),
    PropertiesService: createPropertiesService(env),
    LockService: createLockService(env),
    CacheService: createCacheService(env),
    Session: createSession(env),
    Utilities: createUtilities(env),
    HtmlService: createHtmlService(env),
    Logger: createLogger(env),
    console: createConsole(env),
  };
  setUser(env, opts.user ?? 'attendance.officer@hillside.sch.uk');
  const spreadsheet = opts.spreadsheet
    ? (SpreadsheetApp as LocalSpreadsheetApp)._setActive(opts.spreadsheet)
    : (SpreadsheetApp as LocalSpreadsheetApp)._create(opts.spreadsheetName ?? 'Pastoral Tracker', { locale: opts.spreadsheetLocale, timeZone: opts.spreadsheetTimeZone });
  const g = {
    env,
    services,
    spreadsheet,
    app: SpreadsheetApp as LocalSpreadsheetApp,
    /** Put every service on `target` as Apps Script globals. Returns a function that removes them. */
    install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
      const before: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(services)) {
        before[k] = target[k];
        target[k] = v;
      }
      return () => {
        for (const k of Object.keys(services)) {
          if (before[k] === undefined) delete target[k];
          else target[k] = before[k];
        }
      };
    },
    /**
     * Tests: remember this whole local Google (every tab, document, e-mail, property, trigger,
     * count …) and, with `extra`, other objects of the test's; `restore()` puts it all back
     * exactly, in place (local/snapshot.ts). Between executions only.
     */
    snapshot(...extra: object[]): GoogleSnapshot {
      return takeSnapshot(env, [g, ...extra]);
    },
  };
  return g;
}

export type LocalGoogle = ReturnType<typeof createLocalGoogle>;
