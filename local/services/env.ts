/**
 * What every local Google service shares: the call counter (Apps Script's unit of cost), fault
 * injection (Apps Script's transient errors at the Nth call), a simulated Apps Script clock, and
 * "now" for the add-on.
 *
 * Each service object is wrapped by `counted()`, so every method call on it — SpreadsheetApp,
 * Spreadsheet, Sheet, Range, Body, MailApp … — counts once as `Class.method`. Builders that only
 * assemble a request on the client in Apps Script (e.g. ConditionalFormatRuleBuilder) are still
 * counted: we would rather over-count than hide a cost.
 *
 * Simulated time: Apps Script spends roughly 10–100 ms per service round trip. The figures in
 * CALL_COST_MS are conservative estimates from Google's "Best practices" page
 * (developers.google.com/apps-script/guides/support/best-practices: "minimize calls to services")
 * and commonly reported timings; they are used only to project a job against the 6-minute limit
 * (developers.google.com/apps-script/guides/services/quotas: "Script runtime 6 min / execution").
 */
export interface Fault {
  /** 1-based index of the counted call that fails. */
  atCall: number;
  /** Message of the error thrown, e.g. Apps Script's transient "Service error". */
  message: string;
}

export const SERVICE_ERROR = 'Exception: Service error: Spreadsheets';
export const QUOTA_ERROR = 'Exception: Service invoked too many times for one day: email.';
export const TIMEOUT_ERROR = 'Exceeded maximum execution time';

/** Projected milliseconds per call, by the part before the dot (the class) or the full name. */
export const CALL_COST_MS: Record<string, number> = {
  default: 5, // cheap getters served from a cached object
  'Range.getValues': 60,
  'Range.getDisplayValues': 60,
  'Range.setValues': 120,
  'Range.setValue': 60,
  'Range.getValue': 50,
  'Sheet.getDataRange': 20,
  'Sheet.getRange': 10,
  'Spreadsheet.getSheetByName': 20,
  // Sheets searches on its side and sends back only the matching cells' ranges: one round trip,
  // priced as a read (getValues) of a few cells plus the search.
  'TextFinder.findAll': 80,
  'TextFinder.findNext': 80,
  'TextFinder.findPrevious': 80,
  'Spreadsheet.insertSheet': 300,
  'DocumentApp.create': 1500,
  'DocumentApp.openById': 400,
  'Document.saveAndClose': 800,
  'Body.appendParagraph': 30,
  'Body.appendTable': 60,
  'Body.appendPageBreak': 30,
  'Body.replaceText': 60,
  // The Docs API advanced service: a REST round trip each (local/services/docs). A letter's batch
  // holds ~40–80 requests; 600 ms is at the slow end of commonly reported batchUpdate timings.
  'Documents.get': 400,
  'Documents.batchUpdate': 600,
  'MailApp.sendEmail': 700,
  'ScriptApp.newTrigger': 200,
  'TriggerBuilder.create': 400,
  'LockService.getDocumentLock': 50,
  'PropertiesService.getDocumentProperties': 30,
  'Properties.getProperty': 30,
  'Properties.setProperty': 50,
  'Properties.getProperties': 40,
  'Properties.setProperties': 60,
};

/**
 * Projected milliseconds per cell moved, on top of the call's own cost: reading and writing big
 * ranges is not free. Estimates (not measurements): about 10 µs a cell to read and 30 µs a cell to
 * write, in line with commonly reported timings of tens of seconds for a million-cell setValues.
 * They make a 3-million-cell import (a year of marks for 2,000 pupils) project as ~30 s to read
 * and ~90 s to write, which is what decides the chunking against the 6-minute limit.
 */
export const CELL_COST_MS: Record<string, number> = {
  'Range.getValues': 0.01,
  'Range.getDisplayValues': 0.01,
  'Range.getFormulas': 0.01,
  'Range.setValues': 0.03,
  'Range.setFormulas': 0.03,
  'Range.setNumberFormats': 0.01,
  'Range.setBackgrounds': 0.01,
};

/** Cells in a 2-D array (rows × width of the first row: ranges are rectangles). */
function cellsOf(grid: unknown): number {
  return Array.isArray(grid) && grid.length && Array.isArray(grid[0]) ? grid.length * grid[0].length : 0;
}

/** Called before every counted call (the spreadsheet service journals writes with it). */
export type CallHook = (className: string, method: string, target: object) => void;

export class LocalEnv {
  readonly calls = new Map<string, number>();
  total = 0;
  simulatedMs = 0;
  /** Cells read and written through the range calls priced per cell (CELL_COST_MS), for the bench. */
  cellsRead = 0;
  cellsWritten = 0;
  private faults: Fault[] = [];
  /** Faults by call name: the next `times` calls named so throw `message`. */
  private namedFaults: Array<{ name: string; message: string; times: number }> = [];
  /** A killed execution: after the call named `after` has run, every later call throws. */
  private kill: { after: string; message: string; armed: boolean } | null = null;
  readonly callHooks: CallHook[] = [];
  /** The add-on's "now"; a test or the CLI fixes it (e.g. --as-of). */
  now: Date = new Date();
  /** Apps Script's limit; a job asks elapsed() against it. */
  readonly executionLimitMs = 6 * 60 * 1000;
  /** Log lines written through Logger/console by the add-on (checked for pupil data). */
  readonly logs: string[] = [];

  /** Count one call; throw the injected fault when its turn comes. */
  count(name: string): void {
    if (this.kill) {
      if (this.kill.armed) throw new Error(this.kill.message);
      if (name === this.kill.after) this.kill.armed = true;
    }
    this.total += 1;
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    this.simulatedMs += CALL_COST_MS[name] ?? CALL_COST_MS.default;
    const named = this.namedFaults.find((f) => f.name === name && f.times > 0);
    if (named) {
      named.times -= 1;
      throw new Error(named.message);
    }
    const hit = this.faults.findIndex((f) => f.atCall === this.total);
    if (hit >= 0) {
      const f = this.faults.splice(hit, 1)[0];
      throw new Error(f.message);
    }
  }

  /** Make call number `atCall` (counted from now on, 1-based) throw `message`. */
  failAt(atCall: number, message = SERVICE_ERROR): void {
    this.faults.push({ atCall: this.total + atCall, message });
  }

  /** The next `times` calls named `name` (e.g. 'MailApp.sendEmail') throw `message`. */
  failCall(name: string, message = SERVICE_ERROR, times = 1): void {
    this.namedFaults.push({ name, message, times });
  }

  /**
   * The execution is killed just after the next call named `after` (e.g. 'MailApp.sendEmail'):
   * that call completes, every call after it throws `message`, until the execution ends
   * (runExecution) or clearFaults(). Models Apps Script stopping a script mid-way.
   */
  killAfter(after: string, message = TIMEOUT_ERROR): void {
    this.kill = { after, message, armed: false };
  }

  /** The killed execution is over (the next one runs normally). */
  endKill(): void {
    if (this.kill && this.kill.armed) this.kill = null;
  }

  /** Faults injected with failAt that have not fired yet (a test checks its fault really happened). */
  pendingFaults(): number {
    return this.faults.length;
  }

  clearFaults(): void {
    this.faults = [];
    this.namedFaults = [];
    this.kill = null;
  }

  resetCounts(): void {
    this.calls.clear();
    this.total = 0;
    this.simulatedMs = 0;
    this.cellsRead = 0;
    this.cellsWritten = 0;
  }

  /** Calls so far, sorted by name, e.g. { 'Range.getValues': 3, … }. */
  countsByName(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Calls per service class, e.g. { Range: 12, Sheet: 4 }. */
  countsByClass(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of this.calls) {
      const cls = k.split('.')[0];
      out[cls] = (out[cls] ?? 0) + v;
    }
    return out;
  }

  /**
   * Wrap a service object so each method call counts as `className.method`. Objects returned by
   * methods are not wrapped here: each local class wraps its own instances when it creates them.
   */
  counted<T extends object>(obj: T, className: string): T {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy's handler needs the env, not the target
    const env = this;
    return new Proxy(obj, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function' || typeof prop !== 'string' || prop === 'constructor' || prop.startsWith('_')) return v;
        return function (this: unknown, ...args: unknown[]) {
          const name = `${className}.${prop}`;
          env.count(name);
          for (const hook of env.callHooks) hook(className, prop, target);
          const out = v.apply(target, args);
          const perCell = CELL_COST_MS[name];
          if (perCell) {
            const cells = prop.startsWith('set') ? cellsOf(args[0]) : cellsOf(out);
            env.simulatedMs += perCell * cells;
            if (prop.startsWith('set')) env.cellsWritten += cells;
            else env.cellsRead += cells;
          }
          return out;
        };
      },
    });
  }
}
