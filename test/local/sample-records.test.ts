/** Letters, homework, progress and mentoring in the sample school (SPEC §3, §4.2, §7). */
import { weekStart } from '../../src/core/dates';
import { CANARY } from '../../local/sample/school';
import { defaultSchool, iso, marksByPupil, percentOf, records } from './sampleHelpers';

describe('sample school records', () => {
  const school = defaultSchool();
  const students = records(school, 'Students');
  const upns = new Set(students.map((s) => s.UPN));
  const pupils = marksByPupil(school);
  const weeks = Array.from(new Set(records(school, 'Attendance Marks').map((m) => weekStart(iso(m.Date))))).sort();
  const weeksAgo = (d: string) => weeks.length - 1 - weeks.indexOf(weekStart(d));

  describe('Letters Log', () => {
    const letters = records(school, 'Letters Log');

    it('keys rungs TYPE|UPN|episode-<AT1 date> and PA letters PA|UPN|halfterm-<start>, as the ladder does', () => {
      const at1Date = new Map(letters.filter((l) => l.Type === 'AT1').map((l) => [l.UPN, iso(l.Date)]));
      expect(letters.length).toBeGreaterThan(20);
      for (const l of letters) {
        expect(upns.has(l.UPN)).toBe(true);
        const [type, upn, period] = l.Key.split('|');
        expect([type, upn]).toEqual([l.Type, l.UPN]);
        if (type === 'PA') expect(period).toBe('halfterm-2023-10-30');
        else expect(period).toBe(`episode-${at1Date.get(l.UPN)}`);
        expect(l['Batch Document']).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]{44}\/edit$/);
      }
      expect(new Set(letters.map((l) => l.Key)).size).toBe(letters.length);
    });

    it('gives the ladder memory: old AT1s for pupils still at level 2, recent AT1s, AT2s, a panel', () => {
      const level2Now = (upn: string) => Math.round(percentOf(pupils.get(upn)!) * 10) / 10 < 94;
      const at1 = letters.filter((l) => l.Type === 'AT1');
      expect(at1.filter((l) => weeksAgo(iso(l.Date)) >= 4 && level2Now(l.UPN)).length).toBeGreaterThanOrEqual(5);
      expect(at1.filter((l) => weeksAgo(iso(l.Date)) < 4).length).toBeGreaterThanOrEqual(3);
      const at2 = letters.filter((l) => l.Type === 'AT2' && weeksAgo(iso(l.Date)) >= 4);
      expect(at2.length).toBeGreaterThanOrEqual(2);
      for (const l of at2) {
        // every AT2 follows an AT1 for the same pupil at least 4 school weeks earlier
        expect(at1.some((a) => a.UPN === l.UPN && weeksAgo(iso(a.Date)) - weeksAgo(iso(l.Date)) >= 4)).toBe(true);
      }
      const panel = letters.filter((l) => l.Type === 'panel');
      expect(panel).toHaveLength(1);
      expect(weeksAgo(iso(panel[0].Date))).toBeGreaterThanOrEqual(5);
      expect(letters.filter((l) => l.Type === 'PA').length).toBeGreaterThan(50);
    });
  });

  describe('Homework Log', () => {
    const log = records(school, 'Homework Log');
    const misses = log.filter((h) => h.Reason !== 'Late');

    it('has about 8,000 rows of the three reasons, from September to the as-of date', () => {
      expect(log.length).toBeGreaterThan(6500);
      expect(log.length).toBeLessThan(10000);
      expect(new Set(log.map((h) => h.Reason))).toEqual(new Set(['Not completed', 'Not to a good standard', 'Late']));
      const dates = log.map((h) => iso(h.Date)).sort();
      expect(dates[0] < '2023-09-15').toBe(true);
      expect(dates[dates.length - 1] <= school.asOf).toBe(true);
      for (const h of log) expect(upns.has(h.UPN)).toBe(true);
    });

    it('has pink (exactly 2) and red (3+) pupils every school week, and persistent pupils', () => {
      const perWeek = new Map<string, Map<string, number>>();
      for (const h of misses) {
        const w = weekStart(iso(h.Date));
        const m = perWeek.get(w) || new Map<string, number>();
        perWeek.set(w, m);
        m.set(h.UPN, (m.get(h.UPN) || 0) + 1);
      }
      for (const w of weeks) {
        const counts = Array.from((perWeek.get(w) || new Map()).values());
        expect({ w, pink: counts.some((c) => c === 2), red: counts.some((c) => c >= 3) }).toEqual({ w, pink: true, red: true });
      }
      const last6 = weeks.slice(-6);
      const persistent = students.filter((s) => last6.filter((w) => (perWeek.get(w)?.get(s.UPN) || 0) >= 2).length >= 3);
      expect(persistent.length).toBeGreaterThanOrEqual(3);
      expect(perWeek.get(weeks[weeks.length - 1])!.get(CANARY.upn)).toBeGreaterThanOrEqual(3);
    });

    it('has exactly one duplicate entry (same UPN, subject and date) and some missed detentions', () => {
      const seen = new Map<string, number>();
      for (const h of log) seen.set(`${h.UPN}|${h.Subject}|${h.Date}`, (seen.get(`${h.UPN}|${h.Subject}|${h.Date}`) || 0) + 1);
      const dupes = Array.from(seen.entries()).filter(([, n]) => n > 1);
      expect(dupes).toHaveLength(1);
      expect(dupes[0][0]).toBe(`${school.story.duplicateHomework[0]}|${school.story.duplicateHomework[1]}|${school.story.duplicateHomework[2].split('-').reverse().join('/')}`);
      const notAttended = log.filter((h) => h['Detention Attended'] === 'No');
      expect(notAttended.length).toBeGreaterThan(50);
      for (const h of notAttended) expect(h['CL Detention']).toBe('Yes');
    });
  });

  describe('Homework Set', () => {
    const set = records(school, 'Homework Set');
    it('follows the SOP for most classes and under-sets in a few', () => {
      const perClass = new Map<string, number>();
      for (const h of set) perClass.set(h.Class, (perClass.get(h.Class) || 0) + 1);
      const ks4Core = Array.from(perClass.entries()).filter(([c]) => /^1[01][A-Z]\/(En|Ma|Sc)$/.test(c));
      const weekly = ks4Core.filter(([, n]) => n === weeks.length);
      expect(weekly.length).toBeGreaterThan(ks4Core.length * 0.7);
      const ks3Hist = Array.from(perClass.entries()).filter(([c]) => /^[789][A-Z]\/Hi$/.test(c));
      for (const [c, n] of ks3Hist) if (school.story.underSettingClasses.indexOf(c) < 0) expect(Math.abs(n - weeks.length / 2)).toBeLessThanOrEqual(1);
      for (const c of school.story.underSettingClasses) expect(perClass.get(c) || 0).toBeLessThan(weeks.length * 0.8);
    });
  });

  it('has Lates to Lesson with some pupils late 5+ times this half term', () => {
    const lates = records(school, 'Lates to Lesson').filter((l) => iso(l.Date) >= '2024-01-09');
    const per = new Map<string, number>();
    for (const l of lates) per.set(l.UPN, (per.get(l.UPN) || 0) + 1);
    expect(Array.from(per.values()).filter((n) => n >= 5).length).toBeGreaterThanOrEqual(5);
  });

  it('has progress grades 9–1 with +/-, a few U/X/blank, and pupils below target in 3+ subjects', () => {
    const progress = records(school, 'Progress');
    const grade = /^[1-9][+-]?$/;
    for (const r of progress) {
      expect(r.Target).toMatch(grade);
      expect(r.Current).toMatch(/^([1-9][+-]?|U|X|)$/);
    }
    expect(progress.some((r) => r.Current === 'U')).toBe(true);
    expect(progress.some((r) => r.Current === '')).toBe(true);
    const fine = (g: string) => +g[0] * 3 + (g[1] === '+' ? 1 : g[1] === '-' ? -1 : 0);
    const graded = progress.filter((r) => grade.test(r.Current));
    const below = graded.filter((r) => fine(r.Current) < fine(r.Target));
    const above = graded.filter((r) => fine(r.Current) > fine(r.Target));
    expect(below.length / graded.length).toBeGreaterThan(0.15);
    expect(above.length / graded.length).toBeGreaterThan(0.1);
    const belowCount = new Map<string, number>();
    for (const r of below) belowCount.set(r.UPN, (belowCount.get(r.UPN) || 0) + 1);
    expect(Array.from(belowCount.values()).filter((n) => n >= 3).length).toBeGreaterThan(10);
    expect(belowCount.get(CANARY.upn)).toBeGreaterThanOrEqual(3);
  });

  it('has Y10/Y11 mentor meetings (some overdue), slips, and Y11 sessions with registers', () => {
    const year = new Map(students.map((s) => [s.UPN, +s['NC Year']]));
    const meetings = records(school, 'Mentor Meetings').filter((m) => m.Type === 'Formal');
    const last = new Map<string, string>();
    for (const m of meetings) {
      expect(year.get(m.UPN)).toBeGreaterThanOrEqual(10);
      if (iso(m.Date) > (last.get(m.UPN) || '')) last.set(m.UPN, iso(m.Date));
    }
    const overdue = Array.from(last.values()).filter((d) => d < '2023-12-26');
    expect(overdue.length).toBeGreaterThan(20);
    expect(last.size - overdue.length).toBeGreaterThan(overdue.length);
    expect(records(school, 'Mentoring Slips').length).toBeGreaterThan(50);
    const sessions = records(school, 'Sessions');
    for (const s of sessions) expect(year.get(s.UPN)).toBe(11);
    expect(sessions.some((s) => iso(s.Date) === school.asOf)).toBe(true);
    const register = records(school, 'Session Register');
    expect(register.some((r) => r.Attended === 'No')).toBe(true);
    expect(register.filter((r) => r.Attended === 'Yes').length).toBeGreaterThan(register.length / 2);
  });
});
