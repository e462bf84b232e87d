import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { mentoringMorning, mentoringMorningEmails } from '../../src/jobs/progress/morning';
import { readValues, openTab } from '../../src/gas/tables';
import { toUk } from '../../src/core/dates';

const ASOF = '2024-01-26';

function rowsOf(t: TrackerFixture, tab: string): Record<string, unknown>[] {
  const [header, ...rows] = readValues(openTab(t.ss, tab));
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}

describe('mentoring morning on the sample school', () => {
  let t: TrackerFixture;
  beforeAll(() => {
    t = makeTracker({ pupils: 150 });
  });
  afterAll(() => t.uninstall());

  it('follows up a missed session once, packs each mentor, lists today for SLT', () => {
    const settings = loadSettings();
    const r = mentoringMorning(t.ss, settings, ASOF);
    const d = r.data;

    // Missed sessions: an Interventions row each and the register's Followed Up date.
    expect(d.missedSessions.length).toBeGreaterThan(0);
    const miss = d.missedSessions[0];
    expect(miss.date < ASOF).toBe(true);
    const iv = rowsOf(t, 'Interventions');
    const row = iv.find((x) => x.Key === miss.key)!;
    expect(row).toBeDefined();
    expect(row.Area).toBe('Sessions');
    expect(String(row.Owner)).toMatch(/^SLT/);
    const followed = rowsOf(t, 'Session Register').filter((x) => x['Followed Up'] instanceof Date);
    expect(followed.length).toBe(d.missedSessions.length);

    // Today's list for the leadership team; packs for every mentor.
    expect(d.sessionsToday.length).toBeGreaterThan(0);
    expect(d.packDay).toBe(true);
    expect(d.packs.length).toBeGreaterThan(1);
    expect(d.overdue.length).toBeGreaterThan(0);
    expect(d.newlyOverdue.length).toBe(d.overdue.length);

    const { emails, problems } = mentoringMorningEmails(r, settings);
    expect(problems).toEqual([]);
    // A sample mentor's pack: their mentees, grades, attendance and homework, slips.
    const pack = d.packs.find((p) => p.entries.some((e) => e.slips.length && e.subjects.length))!;
    const mentee = pack.entries.find((e) => e.slips.length && e.subjects.length)!;
    const email = emails.find((e) => e.to[0] === pack.mentor)!;
    expect(email.subject).toBe(`Mentoring pack and reminders: ${toUk(ASOF)}`);
    expect(email.body.toUpperCase()).toContain(`${mentee.name} (${mentee.regGroup})`.toUpperCase());
    expect(email.htmlBody).toContain(mentee.name.replace(/'/g, '&#39;'));
    expect(email.body).toContain(mentee.subjects[0].subject);
    expect(email.body).toContain(`Attendance: ${mentee.attendancePercent!.toFixed(1)}%`);
    expect(email.body).toMatch(/Homework misses this half term \(from \d\d\/\d\d\/2024\): \d+/);
    expect(email.body).toContain(mentee.slips[0].comment);
    expect(email.htmlBody).toContain('Mentoring pack');
    // SLT get today's list with the follow-ups; the lead gets the overdue meetings.
    const slt = emails.find((e) => e.subject === `Year 11 sessions: ${toUk(ASOF)}`)!;
    expect(slt.body).toContain(d.sessionsToday[0].name);
    expect(slt.body).toContain('Missed sessions to follow up');
    expect(emails.some((e) => e.subject.startsWith('Mentor meetings overdue:'))).toBe(true);
    for (const e of emails) expect(e.subject).not.toContain(mentee.name);

    // Slips in a pack are marked sent.
    expect(r.written.slipsSent).toBeGreaterThan(0);

    // The next morning: nothing is followed up or chased twice, no second pack this month.
    const before = readValues(openTab(t.ss, 'Interventions')).length;
    const again = mentoringMorning(t.ss, settings, '2024-01-29');
    expect(again.data.missedSessions.filter((m) => m.date < ASOF)).toEqual([]);
    expect(again.data.missedSessions.every((m) => m.date === ASOF)).toBe(true);
    expect(again.data.newlyOverdue.every((x) => !d.overdue.some((y) => y.key === x.key))).toBe(true);
    expect(again.data.packDay).toBe(false);
    expect(readValues(openTab(t.ss, 'Interventions')).length).toBe(before + again.written.interventionsAdded);
    const twice = mentoringMorning(t.ss, settings, '2024-01-29');
    expect(twice.data.missedSessions).toEqual([]);
    expect(twice.data.newlyOverdue).toEqual([]);
    expect(twice.written.interventionsAdded).toBe(0);
    expect(twice.data.remindMentors).toBe(false);
    const quiet = mentoringMorningEmails(twice, settings).emails;
    expect(quiet.some((e) => e.subject.startsWith('Mentor meetings overdue'))).toBe(false);
  });
});
