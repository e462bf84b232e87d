/**
 * The local SpreadsheetApp: an object to install as the global `SpreadsheetApp` when the add-on's
 * bundle runs on this computer. Every object it hands out counts its calls on `env` (see env.ts);
 * methods starting with "_" are local-only helpers for tests, the exporter and the CLI.
 */
import type { LocalEnv } from '../env';
import { sharedState } from '../shared';
import { flushExecution } from '../execution';
import { journalWrites } from './journal';
import { newConditionalFormatRule, type LocalConditionalFormatRuleBuilder } from './conditional';
import { wrap } from './counted';
import * as Enums from './enums';
import { LocalSheet } from './sheet';
import { LocalSpreadsheet } from './spreadsheet';
import { LocalUi, newUiRecord, type UiRecord } from './ui';
import { newDataValidation, type LocalDataValidationBuilder } from './validation';

export { LocalSpreadsheet } from './spreadsheet';
export { LocalSheet } from './sheet';
export { LocalRange } from './range';
export { LocalRangeList } from './rangeList';
export { LocalUi, type UiRecord, type MenuNode } from './ui';
export { LocalConditionalFormatRule } from './conditional';
export { LocalDataValidation } from './validation';
export { FORMULA_VALUE } from './values';

export class LocalSpreadsheetApp {
  _w?: LocalSpreadsheetApp;
  readonly AuthMode = Enums.AuthMode;
  readonly BooleanCriteria = Enums.BooleanCriteria;
  readonly DataValidationCriteria = Enums.DataValidationCriteria;
  readonly ProtectionType = Enums.ProtectionType;
  readonly BorderStyle = Enums.BorderStyle;
  readonly WrapStrategy = Enums.WrapStrategy;
  readonly Dimension = Enums.Dimension;
  readonly ChartType = Enums.ChartType;
  /** Menus, alerts, prompts, sidebars, dialogs and toasts, for tests to read. */
  readonly _record: UiRecord = newUiRecord();
  private active: LocalSpreadsheet | undefined;
  private ui: LocalUi | undefined;

  constructor(private readonly env: LocalEnv) {}

  getActiveSpreadsheet(): LocalSpreadsheet | null {
    return (this.active?._w as LocalSpreadsheet) ?? null;
  }
  getActive(): LocalSpreadsheet | null {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): LocalSheet | null {
    return this.active ? this.active.getActiveSheet() : null;
  }
  getUi(): LocalUi {
    this.ui ??= wrap(this.env, new LocalUi(this.env, this._record), 'Ui');
    return this.ui;
  }
  /** Pending writes are applied: a crash after this cannot lose them (see ../execution.ts). */
  flush(): void {
    flushExecution(this.env);
  }
  newConditionalFormatRule(): LocalConditionalFormatRuleBuilder {
    return newConditionalFormatRule(this.env);
  }
  newDataValidation(): LocalDataValidationBuilder {
    return newDataValidation(this.env);
  }

  /** Make `ss` the file the add-on is bound to; its toasts go to this app's record. */
  _setActive(ss: LocalSpreadsheet): LocalSpreadsheet {
    this.active = ss;
    ss._record = this._record;
    // The add-on now runs in this document: triggers it makes are made "in" it (ScriptApp).
    sharedState(this.env).activeDocumentId = ss._id;
    return (ss._w as LocalSpreadsheet) ?? ss;
  }
  /**
   * A new spreadsheet with one empty tab "Sheet1", made active, owned by the current user (owner.ts). Its
   * locale and time zone are what Google gives a new file of a US account unless `opts` says
   * otherwise (the add-on sets its own at Set up tracker). Not counted.
   */
  _create(name: string, opts: { locale?: string; timeZone?: string } = {}): LocalSpreadsheet {
    const ss = new LocalSpreadsheet(this.env, name);
    wrap(this.env, ss, 'Spreadsheet');
    if (opts.locale) ss._locale = opts.locale;
    if (opts.timeZone) ss._timeZone = opts.timeZone;
    ss._addSheet('Sheet1');
    return this._setActive(ss);
  }
  /** The background a person sees in a cell once conditional formatting is applied. */
  _effectiveBackground(sheet: LocalSheet, row: number, col: number): string {
    return sheet._effectiveBackground(row, col);
  }
  /** The test-side Ui (same object the add-on gets), for queueing answers. */
  _ui(): LocalUi {
    return this.getUi();
  }
}

/** The global `SpreadsheetApp` for the local run (its writes are journalled inside executions). */
export function createSpreadsheetApp(env: LocalEnv): LocalSpreadsheetApp {
  journalWrites(env);
  return wrap(env, new LocalSpreadsheetApp(env), 'SpreadsheetApp');
}

/** A spreadsheet not bound to any app (for the loader); wrap it with _setActive to use it. */
export function createLocalSpreadsheet(env: LocalEnv, name: string): LocalSpreadsheet {
  const ss = new LocalSpreadsheet(env, name);
  wrap(env, ss, 'Spreadsheet');
  return ss;
}

/** Cast for code typed against Apps Script's interfaces. */
export function asGas(app: LocalSpreadsheetApp): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}
