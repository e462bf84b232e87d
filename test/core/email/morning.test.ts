/**
 * The QA morning e-mail (issue 21): one short message — each task by name with its calendar text
 * tidied, a link to the tab where the work is, its evidence once (printed when short, attached when
 * long), a reply-to that reaches the person the work goes to.
 */
import { morningEmail, morningReplyTo, morningSubject, greeting, Evidence } from '../../../src/core/email/morning';
import { planMorning, QaMessage } from '../../../src/core/qa/today';
import { CadencedMessage } from '../../../src/core/qa/cadence';
import { QaTask } from '../../../src/core/types';
import { withDefaults } from '../../../src/core/settings';
import { member, pupil, SETTINGS } from './fixtures';

const STAFF = [member('Pat Manager', ['Pastoral manager']), member('Hana Ten', ['HoY'], { year: 10 }), member('Lee Link', ['SLT link'], { year: 10 }), member('Hugo Seven', ['HoY'], { year: 7 })];

function task(over: Partial<QaTask>): QaTask {
  return { date: '2024-01-12', task: 'Year 10 Tier Letters', ownerChain: ['Pastoral Manager', 'HOY 10/SLT Link'], checkingFor: 'Names included & names to be removed Follow up responses to parental queries', followUpBy: '16/1/24', reviewBy: '16/1/24 and before send', status: '', doneOn: '', doneBy: '', ...over };
}

const fresh = (m: QaMessage): CadencedMessage => ({ ...m, quiet: [] });
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Jones, Sam${i}`, '10A', 'Tier 2']);

const EVIDENCE: Evidence = {
  tierLetters: [
    { title: 'Year 10 tier letters: names included', file: 'year-10-tier-names-included', columns: ['Pupil', 'Reg group', 'Tier'], rows: [['<script>x</script> Jones', '10A', 'Tier 2']], years: [10], links: [{ text: 'Draft letters', url: 'https://docs.google.com/document/d/abc' }] },
    { title: 'Year 7 tier letters: names included', columns: ['Pupil', 'Reg group', 'Tier'], rows: [['Brown, Ava', '7A', 'Tier 1']], years: [7] },
  ],
};
const LINKS = { calendar: 'https://docs.google.com/spreadsheets/d/x/edit#gid=7', checks: { tierLetters: { tab: 'Tier Lists', url: 'https://docs.google.com/spreadsheets/d/x/edit#gid=9' } } };

describe('morningEmail', () => {
  test('the task by name, calendar text tidied, evidence for its year only, links to the tabs', () => {
    const plan = planMorning({ tasks: [task({})], staff: STAFF, asOf: '2024-01-12', isSchoolDay: () => true });
    const msg = fresh(plan.messages.find((m) => m.name === 'Pat Manager')!);
    const { email, problems } = morningEmail(msg, EVIDENCE, { staff: STAFF, settings: SETTINGS, pupils: [pupil('Ava', 'Brown'), pupil('Sam', 'Jones')] }, LINKS);
    expect(problems).toEqual([]);
    expect(email!.subject).toBe('QA calendar 12/01/2024: 1 to do');
    expect(email!.body).toContain('Good morning Pat,');
    expect(email!.body).toContain('Checking for: Names included & names to be removed. Follow up responses to parental queries');
    expect(email!.body).toContain('Follow up with staff by 16/01/2024 · Review system by 16/01/2024, and before the letters are sent');
    expect(email!.body).toContain('Chain: Pastoral Manager → HOY 10/SLT Link');
    expect(email!.htmlBody).toContain('&lt;script&gt;x&lt;/script&gt; Jones');
    expect(email!.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/x/edit#gid=9"');
    expect(email!.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/x/edit#gid=7"');
    expect(email!.htmlBody).toContain('href="https://docs.google.com/document/d/abc"');
    expect(email!.htmlBody).not.toContain('Ava');
    expect(email!.attachments).toBeUndefined(); // one row: printed, not attached
    expect(email!.sendKey).toBe('qa-morning|2024-01-12|pat.manager@school.sch.uk');
  });

  test('a long list is attached, not printed, and only once when two tasks point at it', () => {
    const evidence: Evidence = { tierLetters: [{ ...EVIDENCE.tierLetters![0], rows: rows(25) }] };
    const tasks = [task({}), task({ date: '2024-01-11', task: 'Year 10 and 11 Tier Letters', status: 'Done', doneOn: '2024-01-11', ownerChain: ['HOY 11', 'Pastoral manager'] })];
    const plan = planMorning({ tasks, staff: STAFF.concat([member('Ed Eleven', ['HoY'], { year: 11 })]), asOf: '2024-01-12', isSchoolDay: () => true });
    const msg = fresh(plan.messages.find((m) => m.name === 'Pat Manager')!);
    expect(msg.items.map((i) => i.action)).toEqual(['do', 'qa']);
    const { email } = morningEmail(msg, evidence, { staff: STAFF, settings: SETTINGS, pupils: [] }, LINKS);
    expect(email!.attachments!.map((a) => a.name)).toEqual(['year-10-tier-names-included-2024-01-12.csv']);
    expect(email!.body).not.toContain('Jones, Sam0');
    expect(email!.body.match(/25 rows, attached as year-10-tier-names-included-2024-01-12\.csv/g)).toHaveLength(1);
    expect(email!.body).toContain('Evidence: as for the task above (Year 10 tier letters: names included).');
  });

  test('a chase carries no evidence, names who it waits on ("you" first), and replies reach them', () => {
    const tasks = [task({ date: '2024-01-10', task: 'Coding review', ownerChain: ['HOY 10', 'Pastoral manager'], followUpBy: '11/1/24', reviewBy: '' })];
    const plan = planMorning({ tasks, staff: STAFF, asOf: '2024-01-15', isSchoolDay: () => true });
    const pat = fresh(plan.messages.find((m) => m.name === 'Pat Manager')!);
    expect(morningSubject(pat)).toBe('QA calendar 15/01/2024: 1 overdue');
    const { email } = morningEmail(pat, { codingReview: [{ title: 'Coding review: open issues', columns: ['Pupil'], rows: [['Jones, Sam']] }] }, { staff: STAFF, settings: SETTINGS, pupils: [] });
    expect(email!.body).toContain('* Coding review (10/01/2024)');
    expect(email!.body).toContain('Follow up with staff by 11/01/2024 has passed; not yet done.');
    expect(email!.body).toContain('Waiting on: Hana Ten');
    expect(email!.body).not.toContain('Jones, Sam');
    expect(email!.replyTo).toEqual(['hana.ten@school.sch.uk']);
    expect(email!.body).toContain('Replies to this e-mail go to Hana Ten.');
    expect(email!.name).toBe('Pastoral Tracker — Hill School');
  });

  test('reply-to: a task to do goes back to the people who QA it, never to the recipient', () => {
    const plan = planMorning({ tasks: [task({})], staff: STAFF, asOf: '2024-01-12', isSchoolDay: () => true });
    const pat = fresh(plan.messages.find((m) => m.name === 'Pat Manager')!);
    expect(morningReplyTo(pat)).toEqual(['hana.ten@school.sch.uk', 'lee.link@school.sch.uk']);
    const noReply = withDefaults({ school: { name: 'Hill School', allowedDomains: ['school.sch.uk'] }, email: { noReply: true } });
    const { email } = morningEmail(pat, {}, { staff: STAFF, settings: noReply, pupils: [] });
    expect(email!.replyTo).toBeUndefined();
    expect(email!.noReply).toBe(true);
    expect(email!.body).not.toContain('Replies to this e-mail');
  });

  test('greeting by first name, or the whole name when it starts with a title', () => {
    expect(greeting('Jayden Robinson')).toBe('Good morning Jayden,');
    expect(greeting('Mr J Smith')).toBe('Good morning Mr J Smith,');
    expect(greeting('')).toBe('Good morning,');
  });
});
