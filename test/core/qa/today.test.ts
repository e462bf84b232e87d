import { readFileSync } from 'fs';
import { importQaGrid } from '../../../src/core/qa/importGrid';
import { planMorning } from '../../../src/core/qa/today';
import { checkForTask } from '../../../src/core/qa/checks';
import { dateInText } from '../../../src/core/qa/deadlines';
import { QaTask } from '../../../src/core/types';
import { TEAM, staff } from './fixtures';
import { SAMPLE_QA_CALENDAR_FILE } from '../../../local/sample/school';

const SEED = importQaGrid(readFileSync(SAMPLE_QA_CALENDAR_FILE, 'utf8'), { academicYearStart: 2023 }).tasks;
const WITH_SLT = TEAM.concat([staff('Sol Attendance', ['SLT attendance lead'])]);
const weekdays = () => true;

function task(over: Partial<QaTask>): QaTask {
  return { date: '2024-01-11', task: 'Coding review', ownerChain: ['Attendance officer', 'Pastoral manager', 'SLT attendance'], checkingFor: '', followUpBy: '', reviewBy: '', status: '', doneOn: '', doneBy: '', ...over };
}

describe('planMorning', () => {
  test('a weekend sends nothing, even with tasks due and overdue', () => {
    for (const asOf of ['2024-01-13', '2024-01-14']) {
      const plan = planMorning({ tasks: SEED, staff: WITH_SLT, asOf, isSchoolDay: weekdays });
      expect(plan.schoolDay).toBe(false);
      expect(plan.messages).toEqual([]);
    }
  });

  test('a weekday that is not a school day sends nothing', () => {
    const plan = planMorning({ tasks: SEED, staff: WITH_SLT, asOf: '2024-01-11', isSchoolDay: (d) => d !== '2024-01-11' });
    expect(plan.messages).toEqual([]);
  });

  test("the day's task goes to the first stage of its chain", () => {
    const plan = planMorning({ tasks: SEED, staff: WITH_SLT, asOf: '2024-01-10', isSchoolDay: weekdays });
    const ann = plan.messages.find((m) => m.to === 'ann.officer@school.sch.uk')!;
    expect(ann.items.map((i) => [i.action, i.task.task, i.kind])).toEqual([['do', 'G codes for holidays and enter onto gateway', 'gCodes']]);
    expect(plan.messages.some((m) => m.to === 'pat.manager@school.sch.uk')).toBe(false);
  });

  test('one message per person per day, however many tasks they have', () => {
    const tasks = [task({ task: 'Coding review' }), task({ task: 'Punctuality Letters' }), task({ task: 'G codes for holidays' }), task({ date: '2024-01-09', task: 'Late to Lesson letters', status: 'Done' , ownerChain: ['Pastoral manager', 'Attendance officer'] })];
    const plan = planMorning({ tasks, staff: WITH_SLT, asOf: '2024-01-11', isSchoolDay: weekdays });
    const toAnn = plan.messages.filter((m) => m.to === 'ann.officer@school.sch.uk');
    expect(toAnn).toHaveLength(1);
    expect(toAnn[0].items.map((i) => `${i.action}:${i.task.task}`)).toEqual(['do:Coding review', 'do:G codes for holidays', 'do:Punctuality Letters', 'qa:Late to Lesson letters']);
    const keys = plan.messages.map((m) => m.sendKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('a task marked Done prompts the QA stage (and not the doer again)', () => {
    const done = task({ status: 'Done', doneOn: '2024-01-11', doneBy: 'Ann Officer' });
    const plan = planMorning({ tasks: [done], staff: WITH_SLT, asOf: '2024-01-12', isSchoolDay: weekdays });
    expect(plan.messages.map((m) => [m.to, m.items.map((i) => i.action)])).toEqual([['pat.manager@school.sch.uk', ['qa']]]);
    expect(plan.messages[0].items[0].reason).toBe('Marked Done on 11/01/2024 by Ann Officer; ready for QA');
    expect(plan.messages[0].items[0].waitingOn).toEqual(['Ann Officer']);
  });

  test("QA'd prompts the reviewer; Reviewed is finished", () => {
    const qad = planMorning({ tasks: [task({ status: "QA'd" })], staff: WITH_SLT, asOf: '2024-01-12', isSchoolDay: weekdays });
    expect(qad.messages.map((m) => [m.to, m.items[0].action])).toEqual([['sol.attendance@school.sch.uk', 'review']]);
    const reviewed = planMorning({ tasks: [task({ status: 'Reviewed', followUpBy: '11/1/24' })], staff: WITH_SLT, asOf: '2024-01-15', isSchoolDay: weekdays });
    expect(reviewed.messages).toEqual([]);
  });

  test('a passed follow-up date on a task not done chases the next stage up', () => {
    const t = task({ followUpBy: '16/1/24' });
    const before = planMorning({ tasks: [t], staff: WITH_SLT, asOf: '2024-01-16', isSchoolDay: weekdays });
    expect(before.messages).toEqual([]); // due by the end of the 16th: not yet passed
    const after = planMorning({ tasks: [t], staff: WITH_SLT, asOf: '2024-01-17', isSchoolDay: weekdays });
    expect(after.messages.map((m) => [m.to, m.items[0].action, m.items[0].reason])).toEqual([['pat.manager@school.sch.uk', 'chase', 'Follow up with staff by 16/01/2024 has passed; not yet done']]);
    expect(after.messages[0].items[0].waitingOn).toEqual(['Ann Officer']);
  });

  test("a passed review date on a task done but not QA'd chases the reviewer", () => {
    const t = task({ status: 'Done', reviewBy: '18.1.24' });
    const plan = planMorning({ tasks: [t], staff: WITH_SLT, asOf: '2024-01-19', isSchoolDay: weekdays });
    expect(plan.messages.map((m) => [m.to, m.items.map((i) => i.action)])).toEqual([
      ['pat.manager@school.sch.uk', ['qa']],
      ['sol.attendance@school.sch.uk', ['chase']],
    ]);
  });

  test('a follow-up date before the task itself is reported and does not chase', () => {
    const plan = planMorning({ tasks: SEED, staff: WITH_SLT, asOf: '2024-02-09', isSchoolDay: weekdays });
    expect(plan.problems).toContain('QA Calendar, 08/02/2024 G codes for holidays and enter onto gateway: "Follow up with staff by" says 08/01/2024, before the task\'s own date — check the calendar.');
    const chased = plan.messages.reduce<string[]>((a, m) => a.concat(m.items.filter((i) => i.action === 'chase').map((i) => i.task.date)), []);
    expect(chased).not.toContain('2024-02-08');
  });

  test('a role nobody holds is reported in the plan', () => {
    const plan = planMorning({ tasks: [task({ status: 'Done', reviewBy: '12/1/24' })], staff: TEAM, asOf: '2024-01-15', isSchoolDay: weekdays });
    expect(plan.problems).toContain('No one on the Staff tab holds "SLT attendance" (QA Calendar, 11/01/2024 Coding review)');
  });

  test('a task dated on a closed day is sent on the next school day', () => {
    const closed = (d: string) => d !== '2024-01-09';
    const plan = planMorning({ tasks: SEED, staff: WITH_SLT, asOf: '2024-01-10', isSchoolDay: closed });
    const ed = plan.messages.find((m) => m.to === 'ed.eleven@school.sch.uk')!;
    expect(ed.items.map((i) => i.task.task)).toContain('Failure to return to school phone calls – year 11 priority');
  });

  test('a staff training day is a dated row, not a task: no one is reminded and nothing is reported', () => {
    const plan = planMorning({ tasks: SEED, staff: WITH_SLT, asOf: '2024-01-08', isSchoolDay: weekdays });
    expect(plan.messages).toEqual([]);
    expect(plan.problems).toEqual([]);
  });

  test('sendKey is stable across re-runs and depends only on run, date and recipient', () => {
    const a = planMorning({ tasks: SEED, staff: WITH_SLT, asOf: '2024-01-17', isSchoolDay: weekdays });
    const b = planMorning({ tasks: SEED.slice().reverse(), staff: WITH_SLT.slice().reverse(), asOf: '2024-01-17', isSchoolDay: weekdays });
    expect(b.messages.map((m) => m.sendKey)).toEqual(a.messages.map((m) => m.sendKey));
    expect(a.messages.map((m) => m.sendKey)).toContain('qa-morning|2024-01-17|pat.manager@school.sch.uk');
    const nextDay = planMorning({ tasks: SEED, staff: WITH_SLT, asOf: '2024-01-18', isSchoolDay: weekdays });
    expect(nextDay.messages.map((m) => m.sendKey)).not.toContain('qa-morning|2024-01-17|pat.manager@school.sch.uk');
  });
});

describe('checkForTask', () => {
  test.each([
    ['Coding review', 'codingReview', []],
    ['Year 10 Tier Letters', 'tierLetters', [10]],
    ['Year 7, 8 and 9 Tier letters', 'tierLetters', [7, 8, 9]],
    ['Year 10 and 11 Tier Letters', 'tierLetters', [10, 11]],
    ['G codes for holidays and enter onto gateway', 'gCodes', []],
    ['Punctuality Letters', 'punctuality', []],
    ['Late to Lesson letters', 'lateToLesson', []],
    ['Failure to return to school phone calls – year 11 priority', 'failureToReturn', [11]],
    ['EWO on site – meeting SA students', 'ewoOnSite', []],
    ['PSW Attendance Lates procedure Attendance contract meetings', 'contractMeetings', []],
    ['Tutor programme QA – Learning walk/questionnaire of students', 'none', []],
  ])('%s → %s %j', (text, kind, years) => {
    expect(checkForTask(text)).toEqual({ kind, years });
  });
});

describe('dateInText', () => {
  test.each([
    ['16/1/24', '2024-01-16'],
    ['18.1.24', '2024-01-18'],
    ['End of 10/1/24', '2024-01-10'],
    ['16/1/24 and before send', '2024-01-16'],
    ['Review G codes and fines by 8/2/24', '2024-02-08'],
    ['Coding checks', null],
    ['Immediate corrections made and reported to Attendance officer.', null],
  ])('%s → %s', (text, iso) => {
    expect(dateInText(text)).toBe(iso);
  });

  test('a date without a year takes the year nearest the task', () => {
    expect(dateInText('by 16/1', '2023-12-18')).toBe('2024-01-16');
    expect(dateInText('by 16/1', '2024-01-11')).toBe('2024-01-16');
  });
});
