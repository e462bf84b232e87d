/**
 * A realistic tracker for job tests and benchmarks: the local Google services installed as globals, "Set up
 * tracker" run, and the whole sample school (Hillside Academy) imported through `importRows` —
 * the same code path as the menu and the CLI's --data — with the school's settings saved.
 * The QA calendar is not imported here (its tests import seed 002 themselves).
 *
 *   const t = makeTracker({ pupils: 200 });
 *   afterAll(() => t.uninstall());
 *
 * Building the 1,000-pupil school takes a few seconds: build it once per test file (beforeAll).
 * A test that needs the same tracker many times (a crash point each) builds it once with
 * `trackerSource` and takes `next()` per case: the tracker exactly as built (local/snapshot.ts).
 */
import { createLocalGoogle, LocalGoogle } from '../google';
import type { GoogleSnapshot } from '../snapshot';
import { generateSampleSchool, SampleSchool, keyboardUser } from './school';
import { setUser } from '../services/shared';
import { setUpTrackerJob } from '../../src/jobs/setupTracker';
import { importRows } from '../../src/jobs/importData';
import { saveSettings } from '../../src/gas/settingsStore';
import { ImportReport } from '../../src/core/records/merge';
import { IsoDate, londonMidnight } from '../../src/core/dates';

export interface TrackerFixture {
  g: LocalGoogle;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  school: SampleSchool;
  /** The import report of each table, by tab name. */
  reports: Record<string, ImportReport>;
  /** Removes the Google globals this fixture installed. Call it in afterAll/afterEach. */
  uninstall: () => void;
}

export interface TrackerOptions {
  pupils?: number;
  /** The sample school's "today" (default 2024-01-26); the local clock is 08:00 London that day. */
  asOf?: IsoDate;
  /** Tabs to import (default: every table of the sample school). */
  tabs?: string[];
  /** Reuse a school already generated (saves seconds when a file builds several trackers). */
  school?: SampleSchool;
}

// Generating a school is deterministic: cache by options so several trackers in a file share it.
const schools = new Map<string, SampleSchool>();

export function sampleSchool(pupils?: number, asOf?: IsoDate): SampleSchool {
  const key = `${pupils ?? ''}|${asOf ?? ''}`;
  let s = schools.get(key);
  if (!s) schools.set(key, (s = generateSampleSchool({ pupils, asOf })));
  return s;
}

/** 08:00 in London on `iso`. */
function morningOf(iso: IsoDate): Date {
  return new Date(londonMidnight(iso).getTime() + 8 * 3600 * 1000);
}

/** Run `fn` and measure it the way `npm run bench` reports a job (calls counted from zero). */
export function measureJob<T>(g: LocalGoogle, fn: () => T): { result: T; calls: number; projectedMs: number; computeMs: number } {
  g.env.resetCounts();
  const t0 = Date.now();
  const result = fn();
  return { result, calls: g.env.total, projectedMs: g.env.simulatedMs, computeMs: Date.now() - t0 };
}

export function makeTracker(opts: TrackerOptions = {}): TrackerFixture {
  const school = opts.school ?? sampleSchool(opts.pupils, opts.asOf);
  const g = createLocalGoogle({ now: morningOf(school.asOf) });
  const uninstall = g.install();
  const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  try {
    setUpTrackerJob(ss);
    const problems = saveSettings(school.settings);
    if (problems.length) throw new Error(`Sample settings refused: ${problems.join('; ')}`);
    const reports: Record<string, ImportReport> = {};
    const tabs = opts.tabs ?? Object.keys(school.tables);
    // Students first: the other tables refer to the roll.
    const order = (t: string) => (t === 'Students' ? 0 : t === 'Staff' ? 1 : 2);
    for (const tab of tabs.slice().sort((a, b) => order(a) - order(b))) {
      reports[tab] = importRows(ss, tab, school.tables[tab]);
    }
    // The person using the tracker is on its Staff tab (sidebar calls check it).
    const user = keyboardUser(school.tables);
    if (user) setUser(g.env, user);
    g.env.resetCounts();
    return { g, ss, school, reports, uninstall };
  } catch (e) {
    uninstall();
    throw e;
  }
}

export interface TrackerSource {
  /**
   * The tracker as it was built (and prepared), its Google globals installed, counts from zero:
   * every tab, property, trigger, document, e-mail and count put back. Uninstall it before the next.
   */
  next(): TrackerFixture;
  /** Objects the snapshot holds (a figure for docs/local-services.md). */
  readonly objects: number;
}

/**
 * Build one tracker (and `prepare` it, e.g. letter templates) and hand it out again and again,
 * each time exactly as built: for tests that start many runs from the same tracker (crash points).
 * It is the same tracker object each time, so one must be uninstalled before the next is taken.
 */
export function trackerSource(opts: TrackerOptions = {}, prepare?: (t: TrackerFixture) => void): TrackerSource {
  const t = makeTracker(opts);
  let snap: GoogleSnapshot;
  try {
    if (prepare) prepare(t);
    t.g.env.resetCounts();
    snap = t.g.snapshot(t.reports);
  } finally {
    t.uninstall();
  }
  let inUse = false;
  // The first tracker handed out is the one just built: no need to put it back.
  let changed = false;
  return {
    objects: snap.objects,
    next(): TrackerFixture {
      if (inUse) throw new Error('trackerSource: uninstall the tracker it gave before taking the next');
      if (changed) snap.restore();
      changed = true;
      inUse = true;
      const uninstall = t.g.install();
      return {
        ...t,
        uninstall: () => {
          uninstall();
          inUse = false;
        },
      };
    },
  };
}
