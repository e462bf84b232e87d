import { morningEmail, morningSubject } from '../../../src/core/email/morning';
import { planMorning } from '../../../src/core/qa/today';
import { QaTask } from '../../../src/core/types';
import { member, pupil, SETTINGS } from './fixtures';

const STAFF = [member('Pat Manager', ['Pastoral manager']), member('Hana Ten', ['HoY'], { year: 10 }), member('Lee Link', ['SLT link'], { year: 10 }), member('Hugo Seven', ['HoY'], { year: 7 })];

function task(over: Partial<QaTask>): QaTask {
  return { date: '2024-01-12', task: 'Year 10 Tier Letters', ownerChain: ['Pastoral Manager', 'HOY 10/SLT Link'], checkingFor: 'Names included & names to be removed', followUpBy: '', reviewBy: '', status: '', doneOn: '', doneBy: '', ...over };
}

describe('morningEmail', () => {
  const evidence = {
    tierLetters: [
      { title: 'Year 10 tier letters: names included', columns: ['Pupil', 'Tier'], rows: [['<script>x</script> Jones', 'Tier 2']], years: [10], links: [{ text: 'Draft letters', url: 'https://docs.google.com/document/d/abc' }] },
      { title: 'Year 7 tier letters: names included', columns: ['Pupil', 'Tier'], rows: [['Ava Brown', 'Tier 1']], years: [7] },
    ],
  };

  test('lists the task with its checking-for text and only the evidence for its year groups', () => {
    const plan = planMorning({ tasks: [task({})], staff: STAFF, asOf: '2024-01-12', isSchoolDay: () => true });
    const msg = plan.messages.find((m) => m.name === 'Pat Manager')!;
    const { email, problems } = morningEmail(msg, evidence, { staff: STAFF, settings: SETTINGS, pupils: [pupil('Ava', 'Brown'), pupil('Sam', 'Jones')] });
    expect(problems).toEqual([]);
    expect(email!.subject).toBe('QA calendar 12/01/2024: 1 to do');
    expect(email!.htmlBody).toContain('Checking for: Names included &amp; names to be removed');
    expect(email!.htmlBody).toContain('&lt;script&gt;x&lt;/script&gt; Jones');
    expect(email!.htmlBody).toContain('href="https://docs.google.com/document/d/abc"');
    expect(email!.htmlBody).not.toContain('Ava Brown');
    expect(email!.attachments!.map((a) => a.name)).toEqual(['year-10-tier-letters-names-included-2024-01-12.csv']);
    expect(email!.sendKey).toBe('qa-morning|2024-01-12|pat.manager@school.sch.uk');
  });

  test('a QA prompt and a chase arrive in one e-mail with a count per kind in the subject', () => {
    const tasks = [task({ status: 'Done', ownerChain: ['Hana Ten', 'Pastoral manager'].map((x) => (x === 'Hana Ten' ? 'HOY 10' : x)) }), task({ date: '2024-01-10', task: 'Coding review', ownerChain: ['HOY 10', 'Pastoral manager'], followUpBy: '11/1/24' })];
    const plan = planMorning({ tasks, staff: STAFF, asOf: '2024-01-15', isSchoolDay: () => true });
    const pat = plan.messages.filter((m) => m.name === 'Pat Manager');
    expect(pat).toHaveLength(1);
    expect(morningSubject(pat[0])).toBe('QA calendar 15/01/2024: 1 to QA, 1 overdue');
    const { email } = morningEmail(pat[0], {}, { staff: STAFF, settings: SETTINGS, pupils: [] });
    expect(email!.body).toContain('TO QA (MARKED DONE)');
    expect(email!.body).toContain('OVERDUE: PLEASE CHASE');
    expect(email!.body).toContain('With: Hana Ten');
  });
});
