import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { recordMentoringSlip, requestSession, mentoringSlipPupils, showMentoringSlip, runProgressReview } from '../../src/entry/mentoring';
import { readValues, openTab } from '../../src/gas/tables';

describe('mentoring sidebar server calls', () => {
  let t: TrackerFixture;
  let y11: string;
  let y7: string;
  beforeAll(() => {
    jest.useFakeTimers({ now: new Date('2024-01-26T08:00:00Z') });
    t = makeTracker({ pupils: 150, tabs: ['Students', 'Staff'] });
    const [h, ...rows] = t.school.tables.Students;
    const on = rows.filter((r) => !r[h.indexOf('Leaving Date')]);
    y11 = on.find((r) => r[h.indexOf('NC Year')] === '11')![0];
    y7 = on.find((r) => r[h.indexOf('NC Year')] === '7')![0];
  });
  afterAll(() => {
    t.uninstall();
    jest.useRealTimers();
  });

  it('lists mentored pupils for the search', () => {
    const r = mentoringSlipPupils();
    expect(r.sessionYear).toBe(11);
    expect(r.today).toBe('2024-01-26');
    expect(r.slip.every((p) => p.year === 10 || p.year === 11)).toBe(true);
    expect(r.slip.some((p) => p.upn === y11)).toBe(true);
  });

  it('records a slip once and refuses bad forms with messages', () => {
    expect(recordMentoringSlip({ upn: y11, kind: 'Concern', comment: 'Coursework behind', target: 'Finish draft by Friday' })).toMatchObject({ ok: true });
    const rows = readValues(openTab(t.ss, 'Mentoring Slips'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining([y11, Session.getActiveUser().getEmail(), 'Concern', 'Coursework behind', 'Finish draft by Friday']));
    expect(recordMentoringSlip({ upn: y11, kind: 'Positive', comment: 'Again' })).toMatchObject({ ok: false, messages: [expect.stringMatching(/already sent a slip/)] });
    const bad = recordMentoringSlip({ upn: y7, kind: 'Maybe', comment: '' });
    expect(bad.ok).toBe(false);
    expect(bad.messages).toHaveLength(3);
    expect(recordMentoringSlip(null).ok).toBe(false);
    expect(readValues(openTab(t.ss, 'Mentoring Slips'))).toHaveLength(2);
  });

  it('requests a Year 11 session, refusing the past, weekends, other years and repeats', () => {
    const form = { upn: y11, slot: 'after school', subject: 'Maths', date: '2024-01-30', time: '15:10-16:10', teacher: 'Mr Reid' };
    expect(requestSession(form)).toMatchObject({ ok: true });
    expect(requestSession(form)).toMatchObject({ ok: false, messages: [expect.stringMatching(/already requested/)] });
    expect(requestSession({ ...form, date: '2024-01-20' }).messages[0]).toMatch(/has passed/);
    expect(requestSession({ ...form, date: '2024-02-03' }).messages[0]).toMatch(/weekend/);
    expect(requestSession({ ...form, upn: y7 }).messages[0]).toMatch(/Year 11/);
    expect(requestSession({ ...form, time: 'after lunch' }).messages[0]).toMatch(/not a time/);
    const rows = readValues(openTab(t.ss, 'Sessions'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining([y11, 'After school', 'Maths', '15:10-16:10', 'Mr Reid', Session.getActiveUser().getEmail()]));
  });

  it('opens the sidebar (text via textContent) and runs the review from the menu', () => {
    showMentoringSlip();
    const rec = (t.g.app as any)._record;
    const sidebar = rec.sidebars[rec.sidebars.length - 1];
    const html = String(sidebar.content);
    expect(sidebar.title).toBe('Mentoring');
    expect(html).toContain('add-ons1.css');
    expect(html).toContain('textContent');
    expect(html).not.toMatch(/innerHTML/);
    expect(runProgressReview()).toBeUndefined(); // a menu item answers in a dialog
    expect(rec.alerts[rec.alerts.length - 1]).toMatchObject({ title: 'Progress review', prompt: expect.stringMatching(/Review round 2024-01/) });
  });
});
