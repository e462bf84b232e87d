/**
 * One short message per person per morning (issue 21 §1), through the morning trigger's job
 * (src/jobs/daily.ts): on the sample school (60 pupils, seed 002's QA calendar) on Monday
 * 22 January 2024 — a digest day — a person with QA tasks and mentoring items gets ONE morning
 * e-mail carrying both, and the weekly digest stays its own message.
 *
 * Who has what that Monday, from the fixtures: the tracking and mentoring lead is also SLT and an
 * SLT link (local/sample/staff.ts). As an SLT link she has seed 002's "Tutor programme QA" task
 * to do; as the lead, the mentor meetings that became overdue; as SLT, the Year 11 session list —
 * so three parts, one message, plus the SLT weekly digest.
 */
import { makeTracker, sampleSchool, trackerSource, TrackerFixture, TrackerSource } from '../fixtures/trackerFixture';
import { pasteQaGrid } from '../proof/harness';
import { dailyRunJob } from '../../src/jobs/daily';
import { morningRunJob } from '../../src/jobs/qa/morning';
import { loadSettings } from '../../src/gas/settingsStore';
import { readTab } from '../../src/gas/tables';
import { MAIL_LOG } from '../../src/gas/mailLog';
import type { SentMail } from '../../local/services/mail';

const MONDAY = '2024-01-22';
const DIGEST = /^Weekly pastoral digest/;

let t: TrackerFixture;
// Monday's tracker with the QA calendar, built once and given back as built for each test.
let monday: TrackerSource | undefined;
beforeEach(() => {
  monday ??= trackerSource({ pupils: 60, school: sampleSchool(60, MONDAY) }, pasteQaGrid);
  t = monday.next();
});
afterEach(() => t.uninstall());

const sent = () => (t.g.services.MailApp as unknown as { _sent: SentMail[] })._sent;
const staff = () => readTab(t.ss, 'Staff').records as Array<{ email: string; roles: string[] | string }>;
const hasRole = (s: { roles: string[] | string }, role: string) => (Array.isArray(s.roles) ? s.roles : String(s.roles).split(/\s*,\s*/)).indexOf(role) >= 0;

test('the tracking and mentoring lead: one morning e-mail with her QA task and her mentoring items, and the digest apart', () => {
  const r = dailyRunJob(t.ss, loadSettings(), MONDAY);
  const lead = staff().find((s) => hasRole(s, 'Tracking and mentoring lead'))!;
  expect(hasRole(lead, 'SLT')).toBe(true); // the fixture this test reasons from
  const hers = sent().filter((m) => m.to.indexOf(lead.email) >= 0);
  expect(hers.map((m) => (DIGEST.test(m.subject) ? 'digest' : 'morning'))).toEqual(['morning', 'digest']);
  const [morning, digest] = hers;
  expect(morning.subject).toMatch(/^Your morning 22\/01\/2024: QA calendar 1 to do; mentor meetings overdue: \d+ new; Year 11 sessions$/);
  // Each part under its own heading, in order: QA, then mentoring (the lead's list, then SLT's).
  const at = (s: string) => morning.body.indexOf(s);
  expect(at('Good morning')).toBeGreaterThan(0);
  expect(at('QA CALENDAR: MONDAY 22 JANUARY 2024')).toBeGreaterThan(at('Good morning'));
  expect(at('Tutor programme QA')).toBeGreaterThan(at('QA CALENDAR: MONDAY 22 JANUARY 2024'));
  expect(at('OVERDUE MENTOR MEETINGS')).toBeGreaterThan(at('Tutor programme QA'));
  expect(at('Newly overdue formal meetings')).toBeGreaterThan(at('OVERDUE MENTOR MEETINGS'));
  expect(at('YEAR 11 SESSIONS: MONDAY 22 JANUARY 2024')).toBeGreaterThan(at('Newly overdue formal meetings'));
  expect(at('Sessions today')).toBeGreaterThan(at('YEAR 11 SESSIONS: MONDAY 22 JANUARY 2024'));
  // The digest is the weekly report, its own message, not a section of the morning one.
  expect(digest.subject).toBe('Weekly pastoral digest, week beginning 15/01/2024');
  expect(morning.body).not.toContain('WHOLE SCHOOL');
  // The Mail Log holds each part's key (three for her morning e-mail), all Sent.
  const log = t.ss.getSheetByName(MAIL_LOG)!.getDataRange().getValues().slice(1);
  const herParts = log.filter((row) => String(row[2]) === lead.email && String(row[3]) === morning.subject);
  expect(herParts.map((row) => String(row[4]))).toEqual(['Sent', 'Sent', 'Sent']);
  expect(r.problems.filter((p) => /Not sent|deferred/.test(p))).toEqual([]);
});

test('every person gets at most one morning e-mail (besides the digest), and a second run sends nothing', () => {
  dailyRunJob(t.ss, loadSettings(), MONDAY);
  const morning = sent().filter((m) => !DIGEST.test(m.subject));
  const people = morning.map((m) => m.to.join(','));
  // At 60 pupils every merged body is far under the 150 KB budget, so nobody's parts are split.
  expect(people.length).toBe(new Set(people).size);
  // Everyone with a part in the Mail Log (QA or mentoring, not the digest) got exactly one message.
  const log = t.ss.getSheetByName(MAIL_LOG)!.getDataRange().getValues().slice(1);
  const withParts = new Set(log.filter((row) => !DIGEST.test(String(row[3]))).map((row) => String(row[2])));
  expect(new Set(people)).toEqual(withParts);
  const before = sent().length;
  const again = dailyRunJob(t.ss, loadSettings(), MONDAY);
  expect(sent().length).toBe(before);
  expect(again.morningMail!.messages).toBe(0);
});

test('the QA morning on its own (morningRunJob) still sends the QA e-mails alone, and the morning run then adds only the rest', () => {
  const qa = morningRunJob(t.ss, loadSettings(), MONDAY, { digests: false });
  const qaMessages = sent().length;
  expect(qaMessages).toBe(qa.messages);
  expect(sent().every((m) => /^QA calendar 22\/01\/2024: /.test(m.subject))).toBe(true);
  // The morning trigger the same day: the QA parts are already sent (Mail Log), so the mentoring
  // parts go on their own — nobody gets a QA task twice.
  dailyRunJob(t.ss, loadSettings(), MONDAY);
  const later = sent().slice(qaMessages).filter((m) => !DIGEST.test(m.subject));
  expect(later.length).toBeGreaterThan(0);
  expect(later.filter((m) => /QA calendar/.test(m.subject) || /QA CALENDAR/.test(m.body))).toEqual([]);
});

test('the quota is spent on Monday: nothing is marked done; Tuesday sends Monday’s QA tasks and the mentoring items in one e-mail', () => {
  t.uninstall();
  t = makeTracker({ pupils: 60, school: sampleSchool(60, '2024-01-23') });
  pasteQaGrid(t);
  const mailApp = t.g.services.MailApp as unknown as { _setQuota: (n: number) => void };
  const mentoringRows = () => (readTab(t.ss, 'Interventions').records as Array<{ area: string }>).filter((r) => r.area === 'Mentoring').length;
  const before = mentoringRows();
  mailApp._setQuota(0);
  const monday = dailyRunJob(t.ss, loadSettings(), MONDAY);
  expect(sent()).toHaveLength(0);
  expect(monday.morningMail!.deferred.length).toBeGreaterThan(0);
  // No mentoring e-mail went, so no follow-up was recorded as done (the chasers are not lost).
  expect(mentoringRows()).toBe(before);

  mailApp._setQuota(1500);
  dailyRunJob(t.ss, loadSettings(), '2024-01-23');
  const lead = staff().find((s) => hasRole(s, 'Tracking and mentoring lead'))!;
  const hers = sent().filter((m) => m.to.indexOf(lead.email) >= 0 && !DIGEST.test(m.subject));
  expect(hers).toHaveLength(1);
  // Monday's deferred QA e-mail (QA_PENDING) and the mentoring items, in one message.
  expect(hers[0].body).toContain('QA CALENDAR: MONDAY 22 JANUARY 2024');
  expect(hers[0].body).toContain('OVERDUE MENTOR MEETINGS');
  expect(mentoringRows()).toBeGreaterThan(before);
});
