/**
 * The pupil profile (issue 9): one child's attendance (same figures as the whole-school review),
 * trend over the term, homework weeks, letters, interventions and progress; each tab read once,
 * so the calls are the same for a small and a large school. Also the search and who may call.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { pupilProfileJob, searchPupils, searchPupilsJob } from '../../src/jobs/profile/profile';
import { loadSettings } from '../../src/gas/settingsStore';
import { runAttendanceReview } from '../../src/jobs/attendance/review';
import { UserError } from '../../src/core/errors';

describe('pupil profile', () => {
  let t: TrackerFixture;
  beforeAll(() => {
    t = makeTracker({ pupils: 300 });
  });
  afterAll(() => t.uninstall());

  test('attendance, trend, homework, letters and progress of one pupil', () => {
    const asOf = t.school.asOf;
    const review = runAttendanceReview(t.ss, loadSettings(), asOf).review;
    const letters = t.school.tables['Letters Log'];
    const upnCol = letters[0].findIndex((h) => /upn/i.test(h));
    const withLetter = letters.slice(1).map((r) => r[upnCol]).find((u) => review.pupils.some((p) => p.upn === u))!;
    const r = review.pupils.find((p) => p.upn === withLetter)!;

    const profile = pupilProfileJob(t.ss, withLetter, loadSettings(), asOf);
    expect(profile.pupil.upn).toBe(withLetter);
    expect(profile.attendance!.percent).toBe(r.figures.percent);
    expect(profile.attendance!.stage).toBe(r.stage);
    expect(profile.attendance!.lettersDue).toEqual(r.ladder.lettersDue);
    expect(profile.attendance!.trend.length).toBeGreaterThan(1);
    const lastTrend = profile.attendance!.trend[profile.attendance!.trend.length - 1];
    expect(lastTrend.toDatePercent).toBe(r.figures.percent);
    expect(profile.letters.length).toBe(letters.slice(1).filter((row) => row[upnCol] === withLetter).length);
    expect(profile.homework!.weeks.length).toBeGreaterThan(0);
    expect(profile.pupil.upn).toBe(withLetter);
  });

  test('a pupil with homework misses and progress rows shows them', () => {
    const asOf = t.school.asOf;
    const hwLog = t.school.tables['Homework Log'];
    const hUpn = hwLog[0].findIndex((h) => /upn/i.test(h));
    const prog = t.school.tables.Progress;
    const pUpn = prog[0].findIndex((h) => /upn/i.test(h));
    const pSubject = prog[0].findIndex((h) => /^subject$/i.test(h));
    const progUpns = new Set(prog.slice(1).map((r) => r[pUpn]));
    // A pupil on both tabs (not the one given a duplicate Homework Log row, which is refused).
    const upn = hwLog.slice(1).map((r) => r[hUpn]).find((u) => progUpns.has(u) && u !== t.school.story.duplicateHomework[0]);
    expect(upn).toBeDefined();
    const profile = pupilProfileJob(t.ss, upn!, loadSettings(), asOf);
    // One progress line per Progress row of theirs, in the tab's order, each with a status.
    expect(profile.progress.map((p) => p.subject)).toEqual(prog.slice(1).filter((r) => r[pUpn] === upn).map((r) => r[pSubject]));
    expect(profile.progress.every((p) => ['above', 'on', 'below', 'ungradeable'].includes(p.status))).toBe(true);
    // Their Homework Log rows, the latest ten at most.
    const theirs = hwLog.slice(1).filter((r) => r[hUpn] === upn).length;
    expect(theirs).toBeGreaterThan(0);
    expect(profile.homework!.recent).toHaveLength(Math.min(10, theirs));
  });

  test('an unknown UPN is refused with a message', () => {
    expect(() => pupilProfileJob(t.ss, 'A000000000000', loadSettings(), t.school.asOf)).toThrow(UserError);
  });

  test('search by name, UPN and reg group', () => {
    const students = t.school.tables.Students;
    const h = students[0];
    const row = students[1];
    const hits = searchPupilsJob(t.ss, row[h.findIndex((x) => /surname/i.test(x))], t.school.asOf);
    expect(hits.some((x) => x.upn === row[h.findIndex((x) => /upn/i.test(x))])).toBe(true);
    expect(searchPupils([], 'x', t.school.asOf)).toEqual([]);
    expect(searchPupilsJob(t.ss, 'zzzzqqq', t.school.asOf)).toEqual([]);
  });
});
