import { digestEmails, planDigests } from '../../../src/core/email/digests';
import { DigestInput, DigestPupil, snapshotOf } from '../../../src/core/email/digestData';
import { checkSubject } from '../../../src/core/email/compose';
import { member, pupil, SETTINGS } from './fixtures';

function dp(name: string, year: number, regGroup: string, over: Partial<DigestPupil> = {}): DigestPupil {
  return { upn: name, name, year, regGroup, pp: false, eal: false, sen: false, attendance: { percent: 98, stage: 'reward', pa: false, sa: false, penalty: false, lettersDue: [] }, homework: { band: 'none', misses: 0, persistent: false }, ...over };
}

const PUPILS: DigestPupil[] = [
  dp('Amy Able', 10, '10A'),
  dp('Ben Bold', 10, '10A', { pp: true, attendance: { percent: 88, stage: 'level2', pa: true, sa: false, penalty: true, lettersDue: ['AT1', 'PA'] }, homework: { band: 'red', misses: 3, persistent: true } }),
  dp('Cat Calm', 11, '11B', { sen: true, attendance: { percent: 95, stage: 'level1', pa: false, sa: false, penalty: false, lettersDue: ['AT1'] }, homework: { band: 'pink', misses: 2, persistent: false } }),
];

const INPUT: DigestInput = {
  weekStart: '2024-01-22',
  pupils: PUPILS,
  previous: { weekStart: '2024-01-15', byYear: { '10': { pupils: 2, reward: 2, level1: 0, level2: 0, pa: 0, sa: 0, penalty: 0, pink: 0, red: 0, persistent: 0 } } },
  misses: [{ date: '2024-01-17', upn: 'Ben Bold', name: 'Ben Bold', year: 10, regGroup: '10A', subject: 'Maths', className: '10x1', teacher: 'Mr T', reason: 'Not completed', detentionAttended: 'No' }],
  setShortfalls: [{ className: '10x2', subject: 'Maths', year: 10, teacher: 'Ms U', expected: 4, set: 1 }],
  letters: [{ type: 'AT1', date: '2024-01-18' }, { type: 'AT1', date: '2024-01-19' }, { type: 'PA', date: '2024-01-19' }],
  qa: { done: [], overdue: [{ date: '2024-01-11', task: 'Coding review', ownerChain: ['Attendance officer', 'Pastoral manager'], checkingFor: '', followUpBy: '16/1/24', reviewBy: '', status: '', doneOn: '', doneBy: '' }] },
  trend: [{ weekStart: '2024-01-15', percent: 94.2 }, { weekStart: '2024-01-22', percent: 93.1 }],
};

const STAFF = [
  member('Hana Ten', ['Head of Year', 'Form tutor', 'SLT link'], { year: 10, regGroup: '10A' }),
  member('Mo Maths', ['Curriculum leader'], { department: 'Maths' }),
  member('Pip Lead', ['PP lead']),
  member('Sue Senco', ['SENCO']),
  member('Tom Tutor', ['Form tutor']),
];

describe('weekly digests', () => {
  test('one e-mail per person per run, merging every role they hold', () => {
    const { items, problems } = planDigests(INPUT, STAFF, SETTINGS);
    expect(items.map((i) => [i.name, i.audiences])).toEqual([
      ['Hana Ten', ['Head of Year 10', 'Form tutor 10A', 'SLT']],
      ['Mo Maths', ['Curriculum leader Maths']],
      ['Pip Lead', ['PP lead']],
      ['Sue Senco', ['SENCO']],
    ]);
    expect(problems).toEqual(['Staff tab: Tom Tutor is a Form tutor but has no Reg Group, so gets no reg group digest.']);
    expect(items.map((i) => i.sendKey)).toContain('digest|2024-01-22|hana.ten@school.sch.uk');
  });

  test('subjects carry no pupil names and no SEN/EAL/PP words', () => {
    const { emails } = digestEmails(INPUT, { staff: STAFF, settings: SETTINGS, pupils: [pupil('Ben', 'Bold'), pupil('Cat', 'Calm')] });
    expect(emails).toHaveLength(4);
    for (const e of emails) expect(() => checkSubject(e.subject, [pupil('Ben', 'Bold'), pupil('Cat', 'Calm')])).not.toThrow();
  });

  test('SLT section: stage by year with change since last week, PA rate, penalty cases, letters, QA overdue, chart', () => {
    const { emails } = digestEmails(INPUT, { staff: STAFF, settings: SETTINGS, pupils: [] });
    const text = emails[0].body;
    expect(text).toContain('Year 10 | 2 | 1 (−1) | 0 (±0) | 1 (+1) | 50.0% (1) | 0.0% (0) | 1');
    expect(text).toContain('Whole school | 3 | 1 | 1 | 1 | 33.3% (1)');
    expect(text).toContain('Ben Bold | 10 | 10A | 88.0 | Level 2 | Yes |  | AT1, PA');
    expect(text).toContain('AT1 | 2');
    expect(text).toContain('QA calendar: 0 task(s) done, 1 overdue.');
    expect(emails[0].htmlBody).toContain('w/c 22/01/2024');
  });

  test('each audience sees only its own pupils', () => {
    const { items } = planDigests(INPUT, STAFF, SETTINGS);
    const senco = JSON.stringify(items.find((i) => i.name === 'Sue Senco')!.blocks);
    expect(senco).toContain('Cat Calm');
    expect(senco).not.toContain('Ben Bold');
    const cl = JSON.stringify(items.find((i) => i.name === 'Mo Maths')!.blocks);
    expect(cl).toContain('10x2');
    expect(cl).toContain('Ben Bold'); // missed the subject detention → CL detention
  });

  test('snapshotOf counts stages, flags and bands by year and for the whole school', () => {
    const s = snapshotOf(PUPILS, '2024-01-22');
    expect(s.byYear['10']).toEqual({ pupils: 2, reward: 1, level1: 0, level2: 1, pa: 1, sa: 0, penalty: 1, pink: 0, red: 1, persistent: 1 });
    expect(s.byYear.all.pupils).toBe(3);
    expect(s.byYear.all.pink).toBe(1);
  });
});
