/**
 * Local ScriptApp: installable triggers (developers.google.com/apps-script/reference/script).
 * Add-on limits (developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions):
 * "Each add-on can only have one trigger of each type, per user, per document" and "time-driven
 * triggers cannot run more frequently than once per hour". Over the limit Apps Script throws
 * "This add-on has created too many time-based triggers in this document for this Google user
 * account." (the wording for other types follows the same pattern here).
 */
import type { LocalEnv } from './env';
import { newId, sharedState, type TriggerRecord } from './shared';
import { runExecution } from './execution';

const enumOf = <K extends string>(names: readonly K[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);
export const AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const EventType = enumOf(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
export const TriggerSource = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
export const WeekDay = enumOf(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const);

const KIND_WORDS: Record<string, string> = { CLOCK: 'time-based', ON_OPEN: 'open', ON_EDIT: 'edit', ON_FORM_SUBMIT: 'form submit', ON_CHANGE: 'change' };
export const tooManyTriggers = (eventType: string) =>
  `Exception: This add-on has created too many ${KIND_WORDS[eventType] ?? eventType} triggers in this document for this Google user account.`;
export const TOO_FREQUENT = 'Exception: Add-on time-based triggers cannot run more frequently than once per hour.';

export class LocalTrigger {
  constructor(readonly _rec: TriggerRecord) {}
  getHandlerFunction(): string { return this._rec.handler; }
  getUniqueId(): string { return this._rec.uid; }
  getEventType(): string { return this._rec.eventType; }
  getTriggerSource(): string { return this._rec.source; }
  getTriggerSourceId(): string | null { return this._rec.sourceId; }
}

class LocalScriptApp {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  /** Add-on limits apply unless a test says this is a plain bound script. */
  private addOn = true;

  constructor(private readonly env: LocalEnv) {}

  getScriptId(): string {
    return '1LocalPastoralTrackerScriptId';
  }
  newTrigger(functionName: string): TriggerBuilder {
    return this.env.counted(new TriggerBuilder(this.env, String(functionName), (r) => this.install(r)), 'TriggerBuilder');
  }
  /** Installable triggers of this project for the current user. */
  getProjectTriggers(): LocalTrigger[] {
    const s = sharedState(this.env);
    return s.triggers.filter((t) => t.user === s.user).map((t) => this.wrap(t));
  }
  /** The current user's triggers in this document (its spreadsheet triggers and the clock ones made there). */
  getUserTriggers(doc: { getId(): string }): LocalTrigger[] {
    const s = sharedState(this.env);
    const id = doc.getId();
    return s.triggers.filter((t) => t.user === s.user && t.documentId === id).map((t) => this.wrap(t));
  }
  deleteTrigger(trigger: LocalTrigger): void {
    const uid = trigger.getUniqueId();
    const s = sharedState(this.env);
    s.triggers = s.triggers.filter((t) => t.uid !== uid);
  }
  getOAuthToken(): string {
    return 'local-oauth-token';
  }

  /** Local only: Sheets add-on (true, default) or bound script (false). */
  _setAddOn(on: boolean): void {
    this.addOn = on;
  }
  /** Local only: the document the add-on is running in (default matches shared state). */
  _setActiveDocumentId(id: string): void {
    sharedState(this.env).activeDocumentId = id;
  }
  /** Local only: every trigger of every user (raw records). */
  _all(): TriggerRecord[] {
    return sharedState(this.env).triggers;
  }
  /**
   * Local only: fire every time-based trigger of the current user by calling the global function
   * named as its handler with a time-driven event object. Returns the handlers called.
   */
  _fireTimeBased(globalObj: Record<string, unknown>, docId?: string): string[] {
    const called: string[] = [];
    const mine = this.getProjectTriggers().map((w) => w._rec).filter((r) => r.eventType === 'CLOCK' && (!docId || r.documentId === docId));
    for (const t of mine) {
      const fn = globalObj[t.handler];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${t.handler}`);
      const d = this.env.now;
      const event = { authMode: AuthMode.FULL, triggerUid: t.uid, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, 'day-of-month': d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), timezone: 'UTC' };
      // Each firing is its own execution, run as the trigger's owner. A failing trigger's error
      // is caught by Google (and, for an add-on, e-mailed to nobody): recorded here, not thrown.
      try {
        runExecution(this.env, () => fn(event), { kind: 'trigger', effectiveUser: t.user });
      } catch (e) {
        this._failures.push({ handler: t.handler, message: e instanceof Error ? e.message : String(e) });
      }
      called.push(t.handler);
    }
    return called;
  }
  /** Local only: the errors of trigger runs that failed (Google logs them in the executions list). */
  readonly _failures: { handler: string; message: string }[] = [];

  private install(rec: TriggerRecord): LocalTrigger {
    const s = sharedState(this.env);
    if (this.addOn) {
      if (rec.eventType === 'CLOCK' && typeof rec.schedule.everyMinutes === 'number') throw new Error(TOO_FREQUENT);
      const same = s.triggers.some((t) => t.user === rec.user && t.documentId === rec.documentId && t.eventType === rec.eventType);
      if (same) throw new Error(tooManyTriggers(rec.eventType));
    }
    s.triggers.push(rec);
    return this.wrap(rec);
  }
  private wrap(rec: TriggerRecord): LocalTrigger {
    return this.env.counted(new LocalTrigger(rec), 'Trigger');
  }
}

/** TriggerBuilder → ClockTriggerBuilder / SpreadsheetTriggerBuilder, all one object here. */
export class TriggerBuilder {
  private eventType: string | null = null;
  private source: string | null = null;
  private sourceId: string | null = null;
  private readonly schedule: Record<string, unknown> = {};

  constructor(private readonly env: LocalEnv, private readonly handler: string, private readonly installFn: (r: TriggerRecord) => LocalTrigger) {}

  timeBased(): this { this.eventType = 'CLOCK'; this.source = 'CLOCK'; return this.self(); }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('Exception: The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    return this.set('everyMinutes', n);
  }
  everyHours(n: number): this { return this.set('everyHours', n); }
  everyDays(n: number): this { return this.set('everyDays', n); }
  everyWeeks(n: number): this { return this.set('everyWeeks', n); }
  onWeekDay(day: string): this { return this.set('onWeekDay', day); }
  onMonthDay(day: number): this { return this.set('onMonthDay', day); }
  atHour(h: number): this {
    if (!(h >= 0 && h <= 23)) throw new Error('Exception: The hour must be between 0 and 23.');
    return this.set('atHour', h);
  }
  nearMinute(m: number): this { return this.set('nearMinute', m); }
  inTimezone(tz: string): this { return this.set('timezone', tz); }
  after(ms: number): this { return this.set('after', ms); }
  at(date: Date): this { return this.set('at', date); }
  atDate(y: number, m: number, d: number): this { return this.set('atDate', [y, m, d]); }

  forSpreadsheet(ss: string | { getId(): string }): this {
    this.source = 'SPREADSHEETS';
    this.sourceId = typeof ss === 'string' ? ss : ss.getId();
    return this.self();
  }
  onOpen(): this { this.eventType = 'ON_OPEN'; return this.self(); }
  onEdit(): this { this.eventType = 'ON_EDIT'; return this.self(); }
  onChange(): this { this.eventType = 'ON_CHANGE'; return this.self(); }
  onFormSubmit(): this { this.eventType = 'ON_FORM_SUBMIT'; return this.self(); }

  create(): LocalTrigger {
    if (!this.eventType || !this.source) throw new Error('Exception: The trigger is missing its event type: call timeBased() or forSpreadsheet(...).onOpen() etc. before create().');
    if (this.eventType === 'CLOCK') {
      const every = ['everyMinutes', 'everyHours', 'everyDays', 'everyWeeks', 'after', 'at', 'atDate', 'onMonthDay', 'onWeekDay'];
      if (!every.some((k) => k in this.schedule)) throw new Error('Exception: The time-based trigger has no schedule (e.g. everyDays(1)).');
    }
    const s = sharedState(this.env);
    return this.installFn({
      uid: newId(this.env, ''),
      handler: this.handler,
      eventType: this.eventType,
      source: this.source,
      sourceId: this.sourceId,
      documentId: this.sourceId ?? s.activeDocumentId,
      user: s.user,
      schedule: { ...this.schedule },
    });
  }

  private set(key: string, v: unknown): this {
    this.schedule[key] = v;
    return this.self();
  }
  /** Chained builder calls keep counting. */
  private self(): this {
    return this.env.counted(this, 'TriggerBuilder') as this;
  }
}

export type { LocalScriptApp };

export function createScriptApp(env: LocalEnv): GoogleAppsScript.Script.ScriptApp {
  return env.counted(new LocalScriptApp(env), 'ScriptApp') as unknown as GoogleAppsScript.Script.ScriptApp;
}
