/**
 * One message per person per morning (issue 21 §1): core/email/oneMessage.ts merges the QA and
 * mentoring e-mails built for the same person. The parts here are composed with composeEmail, as
 * the jobs do; every expected figure is counted from the parts written below.
 */
import { checkSubject, composeEmail, ComposeInput, StaffEmail } from '../../../src/core/email/compose';
import { oneMessagePerPerson } from '../../../src/core/email/oneMessage';
import { Block } from '../../../src/core/email/render';
import { withDefaults } from '../../../src/core/settings';
import { member, pupil, SETTINGS } from './fixtures';

const HOY = member('Hana Ten', ['Head of Year']);
const OFFICER = member('Ann Officer', ['Attendance officer']);
const TUTOR = member('Tom Tutor', ['Form tutor']);
const STAFF = [HOY, OFFICER, TUTOR];
const PUPILS = [pupil('Jamie', 'Smith'), pupil('Zara', 'Ahmed', { upn: 'B123456789012' })];
const ASOF = '2024-01-22';

/** A list of `n` pupils as a table with a CSV name: attached when longer than `email.inlineRows` (20). */
function list(title: string, csv: string, n: number): Block {
  return { type: 'table', title, csv, noun: 'pupils', columns: ['Pupil', 'Reg group'], rows: Array.from({ length: n }, (_, i) => [`Pupil ${i + 1}`, '10A']) };
}

function part(over: Partial<ComposeInput>, settings = SETTINGS): StaffEmail {
  const input: ComposeInput = { to: [HOY.email], subject: 'x', title: 't', blocks: [], sendKey: 'k', ...over };
  return composeEmail(input, { staff: STAFF, settings, pupils: PUPILS }).email!;
}

// The Head of Year's QA e-mail: one task with a 25-pupil evidence list (over 20 rows → a CSV),
// replies to the attendance officer (whose work she QAs).
const qa = (settings = SETTINGS) => part({
  subject: 'QA calendar 22/01/2024: 1 to QA', title: 'QA calendar: Monday 22 January 2024', label: 'QA calendar 1 to QA', greeting: 'Good morning Hana,',
  blocks: [{ type: 'heading', text: 'To QA (marked done)' }, { type: 'paragraph', text: 'Coding review of Year 10.' }, list('Coding review: open issues', 'coding-review-2024-01-22.csv', 25)],
  sendKey: `qa-morning|${ASOF}|${HOY.email}`, replyTo: [OFFICER.email], replyNote: true,
}, settings);
// Her mentoring e-mail: meetings due, and a 30-row pack table attached as CSV.
const mentoring = (settings = SETTINGS) => part({
  subject: 'Mentoring pack and reminders: 22/01/2024', title: 'Your mentees: Monday 22 January 2024', label: 'mentoring pack and reminders',
  blocks: [{ type: 'paragraph', text: 'Jamie Smith: formal meeting due 24/01/2024.' }, list('Mentoring pack', 'mentoring-pack-2024-01-22.csv', 30)],
  sendKey: `mentoring|mentor|${HOY.email}|${ASOF}`,
}, settings);
// The form tutor's QA e-mail: nothing else for him this morning.
const tutorQa = () => part({ to: [TUTOR.email], subject: 'QA calendar 22/01/2024: 1 to do', title: 'QA calendar: Monday 22 January 2024', label: 'QA calendar 1 to do', blocks: [{ type: 'paragraph', text: 'Planner check.' }], sendKey: `qa-morning|${ASOF}|${TUTOR.email}` });

const merge = (emails: StaffEmail[], settings = SETTINGS) => oneMessagePerPerson(emails, { settings, staff: STAFF, asOf: ASOF });

describe('one message per person per morning', () => {
  test('QA tasks and mentoring items for one person: one e-mail, both sections, both attachments, each part’s send key', () => {
    const out = merge([qa(), mentoring(), tutorQa()]);
    expect(out).toHaveLength(2); // the Head of Year's two parts → 1, the tutor's one → 1
    const [hoy, tutor] = out;
    expect(hoy.to).toEqual([HOY.email]);
    expect(hoy.subject).toBe('Your morning 22/01/2024: QA calendar 1 to QA; mentoring pack and reminders');
    expect(() => checkSubject(hoy.subject, PUPILS)).not.toThrow();
    expect(hoy.parts).toEqual([`qa-morning|${ASOF}|${HOY.email}`, `mentoring|mentor|${HOY.email}|${ASOF}`]);
    // Both sections, under their own headings, QA first; the greeting once, at the top.
    const text = hoy.body;
    expect(text.indexOf('QA CALENDAR: MONDAY 22 JANUARY 2024')).toBeGreaterThan(text.indexOf('Good morning Hana,'));
    expect(text.indexOf('YOUR MENTEES: MONDAY 22 JANUARY 2024')).toBeGreaterThan(text.indexOf('Coding review of Year 10.'));
    expect(text.split('Good morning Hana,')).toHaveLength(2);
    expect(text).toContain('Jamie Smith: formal meeting due 24/01/2024.');
    expect(hoy.htmlBody).toContain('>QA calendar: Monday 22 January 2024</h2>');
    expect(hoy.htmlBody).toContain('>Your mentees: Monday 22 January 2024</h2>');
    // Both lists went as files and each section names its own.
    expect((hoy.attachments || []).map((a) => a.name)).toEqual(['coding-review-2024-01-22.csv', 'mentoring-pack-2024-01-22.csv']);
    expect(text).toContain('Coding review: open issues — 25 pupils, attached as coding-review-2024-01-22.csv.');
    expect(text).toContain('Mentoring pack — 30 pupils, attached as mentoring-pack-2024-01-22.csv.');
    // Replies: the QA part's (the mentoring part names nobody), said once, at the end.
    expect(hoy.replyTo).toEqual([OFFICER.email]);
    expect(text.split('Replies to this e-mail go to Ann Officer.')).toHaveLength(2);
    expect(text.indexOf('Replies to this e-mail go to Ann Officer.')).toBeGreaterThan(text.indexOf('Mentoring pack — 30 pupils'));
    expect(text.trim().endsWith('do not forward it outside school.')).toBe(true);
    // Alone, the tutor's e-mail is sent as it was built.
    expect(tutor).toEqual(tutorQa());
  });

  test('the same person however their address is written on each part', () => {
    const m = { ...mentoring(), to: [HOY.email.toUpperCase()] };
    expect(merge([qa(), m])).toHaveLength(1);
  });

  test('noReply (Workspace): the merged message has no Reply-To and no "replies go to" line', () => {
    const settings = withDefaults({ ...SETTINGS, email: { ...SETTINGS.email, noReply: true } });
    const [one] = merge([qa(settings), mentoring(settings)], settings);
    expect(one.noReply).toBe(true);
    expect(one.replyTo).toBeUndefined();
    expect(one.body).not.toContain('Replies to this e-mail');
  });

  test('two different files with one name: the second is renamed, and its section says so', () => {
    const a = part({ subject: 'QA calendar 22/01/2024: 1 to do', title: 'QA calendar: Monday 22 January 2024', blocks: [list('Tier list', 'tier-list-2024-01-22.csv', 21)], sendKey: 'a' });
    const b = part({ subject: 'Mentoring reminders: 22/01/2024', title: 'Mentoring: Monday 22 January 2024', blocks: [list('Tier list', 'tier-list-2024-01-22.csv', 22)], sendKey: 'b' });
    const [one] = merge([a, b]);
    expect((one.attachments || []).map((f) => f.name)).toEqual(['tier-list-2024-01-22.csv', 'tier-list-2024-01-22-2.csv']);
    expect(one.body).toContain('Tier list — 21 pupils, attached as tier-list-2024-01-22.csv.');
    expect(one.body).toContain('Tier list — 22 pupils, attached as tier-list-2024-01-22-2.csv.');
    // The same file in both parts travels once.
    const [same] = merge([a, { ...a, sendKey: 'c', section: { ...a.section!, title: 'Again' } }]);
    expect((same.attachments || []).map((f) => f.name)).toEqual(['tier-list-2024-01-22.csv']);
  });

  test('parts that would pass the body budget together: as many to a message as fit, in order', () => {
    // Budget 150 KB. Each part carries a 60,000-character paragraph (60 KB in both bodies):
    // two fit in one message (≈120 KB), a third would not (≈180 KB) and starts a second.
    const big = (k: string) => part({ subject: `Part ${k}`, title: `Part ${k}`, blocks: [{ type: 'paragraph', text: 'x'.repeat(60000) }], sendKey: k });
    const out = merge([big('1'), big('2'), big('3')]);
    expect(out.map((e) => e.parts || [e.sendKey])).toEqual([['1', '2'], ['3']]);
    for (const e of out) expect(Buffer.byteLength(e.htmlBody, 'utf8')).toBeLessThan(150 * 1000);
  });

  test('a message not composed by composeEmail (no section) is never merged', () => {
    const raw: StaffEmail = { to: [HOY.email], subject: 'Note', body: 'b', htmlBody: '<p>b</p>', sendKey: 'raw' };
    expect(merge([qa(), raw])).toEqual([raw, qa()]);
  });
});
