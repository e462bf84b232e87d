/**
 * The weekly digests (issue 21), with every figure worked out by hand from the session counts
 * below: the week's own sessions, the week before, the change, the year to date, the PP gap, the
 * PA rate; each audience only its own pupils; lists in surname order; replies to the owner.
 */
import { digestEmails, planDigests } from '../../../src/core/email/digests';
import { DigestInput, DigestPupil, daysCounted } from '../../../src/core/email/digestData';
import { PupilRates } from '../../../src/core/attendance/weekRates';
import { checkSubject } from '../../../src/core/email/compose';
import { withDefaults } from '../../../src/core/settings';
import { member, pupil, SETTINGS } from './fixtures';

function dp(forename: string, surname: string, year: number, regGroup: string, over: Partial<DigestPupil> = {}): DigestPupil {
  return {
    upn: surname.toUpperCase(), forename, surname, year, regGroup, pp: false, eal: false, sen: false, onRoll: true,
    attendance: { percent: 100, stage: 'reward', pa: false, sa: false, penalty: false },
    homework: { band: 'none', misses: 0, lastBand: 'none', persistent: false },
    ...over,
  };
}

const PUPILS: DigestPupil[] = [
  dp('Amy', 'Able', 10, '10A'),
  dp('Ben', 'Bold', 10, '10A', { pp: true, attendance: { percent: 75, stage: 'level2', pa: true, sa: false, penalty: true }, homework: { band: 'red', misses: 3, lastBand: 'pink', persistent: true } }),
  dp('Cat', 'Calm', 11, '11B', { sen: true, attendance: { percent: 75, stage: 'level2', pa: true, sa: false, penalty: false }, homework: { band: 'pink', misses: 2, lastBand: 'none', persistent: false } }),
  dp('Lee', 'Left', 10, '10A', { onRoll: false, attendance: { percent: 83.3, stage: 'level2', pa: true, sa: false, penalty: true } }),
];

// Sessions attended / possible: [week before (08/01), this week (15/01)], and the year to date.
function rates(upn: string, w1: [number, number], w2: [number, number], ytd: [number, number]): [string, PupilRates] {
  return [upn, { upn, weeks: [{ attended: w1[0], possible: w1[1] }, { attended: w2[0], possible: w2[1] }], ytd: { attended: ytd[0], possible: ytd[1] } }];
}
const RATES = new Map([rates('ABLE', [4, 4], [4, 4], [8, 8]), rates('BOLD', [4, 4], [2, 4], [6, 8]), rates('CALM', [2, 4], [4, 4], [6, 8]), rates('LEFT', [4, 4], [1, 2], [5, 6])]);

const INPUT: DigestInput = {
  week: { start: '2024-01-15', through: '2024-01-19', last: '2024-01-08', yearFrom: '2023-09-04' },
  weekStarts: ['2024-01-08', '2024-01-15'],
  chartWeeks: ['2024-01-08', '2024-01-15'],
  chartTitle: 'Attendance week by week, this term (Spring 2023-24)',
  rates: RATES,
  pupils: PUPILS,
  misses: [{ date: '2024-01-17', upn: 'BOLD', forename: 'Ben', surname: 'Bold', year: 10, regGroup: '10A', subject: 'Maths', className: '10x1', teacher: 'Mr T', reason: 'Not completed', detentionAttended: 'No' }],
  missesLastWeek: [],
  setShortfalls: [{ className: '10x2', subject: 'Maths', year: 10, teacher: 'Ms U', expected: 4, set: 1 }],
  letters: [{ type: 'AT1', date: '2024-01-18', upn: 'BOLD' }, { type: 'AT1', date: '2024-01-19', upn: 'CALM' }, { type: 'PA', date: '2024-01-19', upn: 'BOLD' }],
  legal: [{ step: 'Notice to Improve', date: '2024-01-16', upn: 'BOLD' }],
  qa: { done: [], overdue: [{ date: '2024-01-11', task: 'Coding review', ownerChain: ['Attendance officer', 'Pastoral manager'], checkingFor: '', followUpBy: '16/1/24', reviewBy: '', status: '', doneOn: '', doneBy: '' }] },
  links: { attendance: 'https://docs.google.com/spreadsheets/d/x/edit#gid=3' },
};

const STAFF = [
  member('Hana Ten', ['Head of Year', 'Form tutor', 'SLT link'], { year: 10, regGroup: '10A' }),
  member('Mo Maths', ['Curriculum leader'], { department: 'Maths' }),
  member('Pip Lead', ['PP lead']),
  member('Sue Senco', ['SENCO']),
  member('Tom Tutor', ['Form tutor']),
  member('Sol Lead', ['SLT attendance lead']),
  member('Ivy Team', ['Intervention team']),
];
const CTX = { staff: STAFF, settings: SETTINGS, pupils: [pupil('Ben', 'Bold'), pupil('Cat', 'Calm')] };
const bodyOf = (name: string, input = INPUT, settings = SETTINGS) => digestEmails(input, { ...CTX, settings }).emails.find((e) => e.to[0] === `${name.toLowerCase().replace(' ', '.')}@school.sch.uk`)!;

describe('weekly digests', () => {
  test('one e-mail per person per run, merging every role they hold', () => {
    const { items, problems } = planDigests(INPUT, STAFF, SETTINGS);
    expect(items.map((i) => [i.name, i.audiences])).toEqual([
      ['Hana Ten', ['Head of Year 10', 'Form tutor 10A', 'SLT']],
      ['Mo Maths', ['Curriculum leader Maths']],
      ['Pip Lead', ['PP lead']],
      ['Sue Senco', ['SENCO']],
      ['Sol Lead', ['SLT']],
    ]);
    expect(problems).toEqual(['Staff tab: Tom Tutor is a Form tutor but has no Reg Group, so gets no reg group digest.']);
    expect(items.map((i) => i.sendKey)).toContain('digest|2024-01-15|hana.ten@school.sch.uk');
  });

  test('SLT: this week, the week before, the change and the year to date, with the PP gap', () => {
    const text = bodyOf('Sol Lead').body;
    // This week 11 of 14 = 78.6%; the week before 14 of 16 = 87.5%; year to date 25 of 30 = 83.3%
    expect(text).toContain('Whole school | 78.6% | 87.5% | −8.9 | 83.3%');
    // PP (Ben) 2 of 4, 4 of 4, 6 of 8; not PP (Amy, Cat, Lee who left on the 16th) 9 of 10, 10 of 12, 19 of 22
    expect(text).toContain('Pupil premium | 50.0% | 100.0% | −50.0 | 75.0%');
    expect(text).toContain('Not pupil premium | 90.0% | 83.3% | +6.7 | 86.4%');
    expect(text).toContain('Gap (not pupil premium − pupil premium) | +40.0 pts | −16.7 pts | +56.7 | +11.4 pts');
    // PA: Ben 2 of 8, Cat 2 of 8, Lee 1 of 6 missed; Amy none
    expect(text).toContain('Persistent absence this year: 75.0% of pupils (3 of 4); severe absence 0.0% (0). Persistent absence of pupil premium 100.0% (1 of 1); not pupil premium 66.7% (2 of 3).');
    // Year 10: Amy, Ben and Lee — 7 of 10, the week before 12 of 12, year to date 19 of 22; PA Ben and Lee; Ben red
    expect(text).toContain('Year 10 | 70.0% | −30.0 | 86.4% | 66.7% (2) | 0 | 1');
    expect(text).toContain('Year 11 | 100.0% | +50.0 | 75.0% | 100.0% (1) | 1 | 0');
    expect(text).toContain('Homework this week: 1 pink, 1 red (week before: 1 pink, 0 red); 1 persistent');
    expect(text).toContain('Letters produced this week: AT1 2 · PA 1.');
    expect(text).toContain('Legal steps recorded this week: Notice to Improve 1.');
    expect(text).toContain('Bold, Ben | 10 | 10A | 50.0% | 75.0% | Level 2 | PA, penalty threshold');
    expect(text).not.toContain('Left, Lee'); // a leaver counts in the rates, never in a list
    expect(text).toContain('Figures count Monday 15 to Friday 19 January 2024 — completed school days only');
    expect(text).toContain('11/01/2024 | Coding review | Attendance officer → Pastoral manager');
  });

  test('the chart: each week of the term, its own sessions', () => {
    const e = bodyOf('Sol Lead');
    expect(e.body).toMatch(/w\/c 08\/01\s+#+ 87\.5%/);
    expect(e.body).toMatch(/w\/c 15\/01\s+#+ 78\.6%/);
    expect(e.htmlBody).not.toMatch(/<img|<svg/i);
  });

  test('a form tutor sees their reg group against the year and the school, and only its pupils', () => {
    const text = bodyOf('Hana Ten').body;
    // 10A: Amy 4/4 + Ben 2/4 + Lee 1/2 = 7 of 10; the week before 12 of 12; year to date 19 of 22
    expect(text).toContain('Reg group 10A | 70.0% | 100.0% | −30.0 | 86.4%');
    expect(text).toContain('Bold, Ben | 3 | red | FT detention, daily planner check, parent contact; HoY meeting (persistent)');
    const senco = bodyOf('Sue Senco').body;
    expect(senco).toContain('Calm, Cat');
    expect(senco).not.toContain('Bold');
    expect(senco).toContain('SEN pupils | 100.0% | 50.0% | +50.0 | 75.0%');
  });

  test('a curriculum leader sees their department: misses by class, CL detentions, homework set', () => {
    const text = bodyOf('Mo Maths').body;
    expect(text).toContain('Missed homework this week: 1 in 1 class (week before: 0).');
    expect(text).toContain('10x1 | Maths | Mr T | 1 | 0');
    expect(text).toContain('Bold, Ben | 10 | 10x1 | 17/01/2024');
    expect(text).toContain('10x2 | Maths | 10 | Ms U | 4 | 1');
    expect(text).not.toContain('Persistent absence'); // no attendance figures for a department
  });

  test('replies go to the owner of what the digest reports, never to the recipient', () => {
    const { items } = planDigests(INPUT, STAFF.concat([member('Lil Link', ['SLT link'], { year: 10 })]), SETTINGS);
    const reply = (n: string) => items.find((i) => i.name === n)!.replyTo;
    expect(reply('Hana Ten')).toEqual(['lil.link@school.sch.uk']); // Head of Year 10 → SLT link for year 10
    expect(reply('Sol Lead')).toEqual(['ivy.team@school.sch.uk']); // the SLT attendance lead is the owner: the data keepers next
    expect(reply('Mo Maths')).toEqual(['ivy.team@school.sch.uk']);
    const tutor = planDigests(INPUT, [member('Tom Tutor', ['Form tutor'], { regGroup: '10A' }), member('Hana Ten', ['Head of Year'], { year: 10 })], SETTINGS).items[0];
    expect(tutor.replyTo).toEqual(['hana.ten@school.sch.uk']); // form tutor → Head of Year of the group's year
  });

  test('subjects carry no pupil names and no SEN/EAL/PP words', () => {
    const { emails } = digestEmails(INPUT, CTX);
    expect(emails).toHaveLength(5);
    for (const e of emails) {
      expect(e.subject).toBe('Weekly pastoral digest, week beginning 15/01/2024');
      expect(() => checkSubject(e.subject, CTX.pupils)).not.toThrow();
    }
  });

  test('a list longer than the school allows is attached as CSV in surname order', () => {
    const settings = withDefaults({ school: { name: 'Hill School', allowedDomains: ['school.sch.uk'] }, email: { inlineRows: 0 } });
    const e = bodyOf('Hana Ten', INPUT, settings);
    const names = e.attachments!.map((a) => a.name);
    expect(names).toContain('year-10-attendance-concerns-2024-01-15.csv');
    expect(e.body).toContain('Level 2, persistent or severe absence, penalty threshold — 1 pupil, attached as year-10-attendance-concerns-2024-01-15.csv.');
    expect(e.body).not.toContain('Bold, Ben |');
  });

  test('no Legal tab: no legal line; an empty week says so', () => {
    expect(bodyOf('Sol Lead', { ...INPUT, legal: null }).body).not.toContain('Legal steps');
    expect(bodyOf('Sol Lead', { ...INPUT, legal: [] }).body).toContain('No legal steps recorded this week.');
  });
});

test('daysCounted: the days a digest counts, in words', () => {
  expect(daysCounted({ start: '2024-01-15', through: '2024-01-19', last: null, yearFrom: '' })).toBe('Monday 15 to Friday 19 January 2024');
  expect(daysCounted({ start: '2024-01-29', through: '2024-02-01', last: null, yearFrom: '' })).toBe('Monday 29 January 2024 to Thursday 1 February 2024');
});

