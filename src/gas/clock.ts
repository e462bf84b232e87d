/**
 * How long this execution has run. Apps Script stops a run at 6 minutes
 * (developers.google.com/apps-script/guides/services/quotas: "Script runtime 6 min / execution"),
 * so a long job checks the clock between chunks and stops in time to save where it got to.
 *
 * The clock is `Date.now()` by default (in the bundle run locally, Date is the local env's clock).
 * Tests running jobs straight from src/ inject one, e.g. the local env's projected service time:
 * `startClock(() => g.env.simulatedMs)`.
 */
export type Elapsed = () => number;

/** "Today" for a job: the Europe/London date of the clock (a parameter in tests and the CLI). */
export function todayIso(): string {
  return Utilities.formatDate(new Date(), 'Europe/London', 'yyyy-MM-dd');
}

/** Now as yyyy-MM-ddTHH:mm:ss, UK time (when a trigger ran, for the status people see). */
export function nowStamp(): string {
  return Utilities.formatDate(new Date(), 'Europe/London', "yyyy-MM-dd'T'HH:mm:ss");
}

export function startClock(now: () => number = () => Date.now()): Elapsed {
  const start = now();
  return () => now() - start;
}
