/**
 * The morning run reads the marks (the Register) once (issue 14 "read once per execution"): the QA
 * morning's evidence and the attendance review used to read and parse all of them each. The homework
 * calendar's read of the Register's header row (its weeks) is a different, narrow read.
 */
import { trackerFor, JOBS, fixDate } from '../proof/harness';
import { dailyRunJob } from '../../src/jobs/daily';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { loadSettings } from '../../src/gas/settingsStore';
import { reviewAttendance } from '../../src/core/attendance/review';

// Counts the reviews a run computes (the real rules run underneath).
jest.mock('../../src/core/attendance/review', () => {
  const actual = jest.requireActual('../../src/core/attendance/review');
  return { ...actual, reviewAttendance: jest.fn(actual.reviewAttendance) };
});

const job = JOBS.find((j) => j.name === 'morning trigger (daily run)')!;

function wideMarkReads(run: () => unknown, t: ReturnType<typeof trackerFor>): number {
  let n = 0;
  const hook = (cls: string, method: string, target: object) => {
    const r = target as { _sheet?: { _name: string }; getNumColumns?: () => number; getNumRows?: () => number };
    // The marks themselves: the homework calendar's read of the header row (the weeks) is not one.
    if (cls === 'Range' && method === 'getValues' && r._sheet && r._sheet._name === 'Register' && r.getNumColumns!() > 1 && r.getNumRows!() > 1) n++;
  };
  t.g.env.callHooks.push(hook);
  try {
    run();
  } finally {
    t.g.env.callHooks.splice(t.g.env.callHooks.indexOf(hook), 1);
  }
  return n;
}

test('a school-day morning run reads the Register once; the review run on its own still reads it', () => {
  const t = trackerFor(job, 60);
  const restore = fixDate(t.g.env.now);
  try {
    // The first run of the day also builds this month's mentoring packs, which ask for the marks
    // refusing withdrawn codes where the review lets them through: still one read.
    let daily: ReturnType<typeof dailyRunJob> | null = null;
    expect(wideMarkReads(() => (daily = dailyRunJob(t.ss, loadSettings(), t.school.asOf)), t)).toBe(1);
    expect(daily!.schoolDay).toBe(true); // the fixture's as-of day is a school day, so every step ran
    expect(wideMarkReads(() => dailyRunJob(t.ss, loadSettings(), t.school.asOf), t)).toBe(1);
    // Outside the morning run nothing is shared: a review started from the menu reads for itself.
    expect(wideMarkReads(() => reviewAttendanceJob(t.ss, loadSettings(), t.school.asOf), t)).toBe(1);
    expect(wideMarkReads(() => reviewAttendanceJob(t.ss, loadSettings(), t.school.asOf), t)).toBe(1);
  } finally {
    restore();
    t.uninstall();
  }
});

test('a school-day morning run reviews attendance once, and reads each staff and MIS tab once', () => {
  const t = trackerFor(job, 60);
  const restore = fixDate(t.g.env.now);
  const reads = new Map<string, number>();
  const hook = (cls: string, method: string, target: object) => {
    const r = target as { _sheet?: { _name: string }; getNumColumns?: () => number; getNumRows?: () => number };
    if (cls !== 'Range' || method !== 'getValues' || !r._sheet || !r.getNumColumns || r.getNumColumns() < 2) return;
    if (r._sheet._name === 'Register' && r.getNumRows!() < 2) return; // the homework calendar's read of its weeks (header row)
    reads.set(r._sheet._name, (reads.get(r._sheet._name) || 0) + 1);
  };
  try {
    dailyRunJob(t.ss, loadSettings(), t.school.asOf); // the first run of the day also builds this month's mentoring packs
    t.g.env.callHooks.push(hook);
    (reviewAttendance as jest.Mock).mockClear();
    dailyRunJob(t.ss, loadSettings(), t.school.asOf);
    expect(reviewAttendance).toHaveBeenCalledTimes(1);
    // Tabs staff and the MIS fill in, which no job of the morning run writes: one read each.
    for (const tab of ['Students', 'Staff', 'Homework Log', 'Homework Set', 'Register', 'Attendance Summary', 'Lates to Lesson', 'QA Calendar', 'Legal', 'Mentor Meetings', 'Sessions']) {
      expect([tab, reads.get(tab)]).toEqual([tab, 1]);
    }
  } finally {
    restore();
    t.uninstall();
  }
});
