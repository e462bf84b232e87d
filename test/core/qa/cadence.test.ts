/**
 * "Chased weekly, not daily" (issue 21): an item waiting on someone is sent the first morning it
 * applies, then every `chaseEveryDays` days while nothing about it changes; a change is a new item.
 */
import { planMorning, QaMessage } from '../../../src/core/qa/today';
import { applyCadence, reminderKey, ReminderMemory, updateMemory } from '../../../src/core/qa/cadence';
import { QaTask } from '../../../src/core/types';
import { TEAM } from './fixtures';

const weekdays = (d: string) => !['2024-01-13', '2024-01-14', '2024-01-20', '2024-01-21'].includes(d);

function task(over: Partial<QaTask> = {}): QaTask {
  return { date: '2024-01-11', task: 'Coding review', ownerChain: ['Attendance officer', 'Pastoral manager'], checkingFor: '', followUpBy: '12/1/24', reviewBy: '', status: '', doneOn: '', doneBy: '', ...over };
}

/** What Pat (the chaser) is sent on `day`, given the memory, and the memory after. */
function morning(tasks: QaTask[], day: string, memory: ReminderMemory): { sent: string[]; quiet: string[]; memory: ReminderMemory } {
  const plan = planMorning({ tasks, staff: TEAM, asOf: day, isSchoolDay: weekdays });
  const msgs = applyCadence(plan.messages, memory, 7, weekdays);
  const pat = msgs.find((m) => m.name === 'Pat Manager');
  return {
    sent: pat ? pat.items.map((i) => `${i.action}:${i.task.task}`) : [],
    quiet: pat ? pat.quiet.map((q) => `${q.item.action}:${q.item.task.task}@${q.next}`) : [],
    memory: updateMemory(memory, plan.messages, msgs),
  };
}

test('an unchanged overdue task is chased on the first day, then a week later — not every day', () => {
  const tasks = [task()];
  let memory: ReminderMemory = new Map();
  const days = ['2024-01-15', '2024-01-16', '2024-01-17', '2024-01-18', '2024-01-19', '2024-01-22', '2024-01-23'];
  const sentOn: string[] = [];
  for (const d of days) {
    const r = morning(tasks, d, memory);
    if (r.sent.length) sentOn.push(d);
    memory = r.memory;
  }
  expect(sentOn).toEqual(['2024-01-15', '2024-01-22']);
});

test('the first chase comes the day after the deadline passes (follow up by Friday 12th → Monday 15th)', () => {
  expect(morning([task()], '2024-01-12', new Map()).sent).toEqual([]);
  expect(morning([task()], '2024-01-15', new Map()).sent).toEqual(['chase:Coding review']);
});

test('a re-plan of the same day sends the same items, whether or not the memory was written', () => {
  const first = morning([task()], '2024-01-15', new Map());
  const again = morning([task()], '2024-01-15', first.memory);
  expect(again.sent).toEqual(first.sent);
});

test('a change is a new item: marking the task Done prompts the QA stage the next morning', () => {
  let memory = morning([task()], '2024-01-15', new Map()).memory;
  memory = morning([task()], '2024-01-16', memory).memory;
  const done = task({ status: 'Done', doneOn: '2024-01-16', doneBy: 'Ann Officer' });
  const r = morning([done], '2024-01-17', memory);
  expect(r.sent).toEqual(['qa:Coding review']);
  // The old chase is forgotten: it no longer applies.
  expect(Array.from(r.memory.keys()).some((k) => k.indexOf('|chase|') >= 0)).toBe(false);
});

test('items reminded recently are named in one line with the next reminder, skipping the weekend', () => {
  const other = task({ task: 'G codes', date: '2024-01-10', followUpBy: '12/1/24' });
  let memory = morning([task(), other], '2024-01-15', new Map()).memory;
  // A new task for Pat on Tuesday: the two chases ride along as "still open", next on Monday 22nd.
  const todo = task({ task: 'Tier letters', date: '2024-01-16', ownerChain: ['Pastoral manager', 'SLT link 10'], followUpBy: '' });
  const r = morning([task(), other, todo], '2024-01-16', memory);
  expect(r.sent).toEqual(['do:Tier letters']);
  expect(r.quiet).toEqual(['chase:G codes@2024-01-22', 'chase:Coding review@2024-01-22']); // oldest task first
  memory = r.memory;
  expect(memory.size).toBe(2);
});

test('the memory key names the task, what is asked, why and whom — no pupil data', () => {
  const plan = planMorning({ tasks: [task()], staff: TEAM, asOf: '2024-01-15', isSchoolDay: weekdays });
  const msg = plan.messages.find((m) => m.name === 'Pat Manager') as QaMessage;
  expect(reminderKey(msg.items[0], msg.to)).toBe('2024-01-11|Coding review|chase|Follow up with staff by 12/01/2024 has passed; not yet done|pat.manager@school.sch.uk');
});
