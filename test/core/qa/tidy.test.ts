/** Calendar text as seed 002 has it, tidied for e-mails without losing its meaning. */
import { deadlinePhrase, tidyCalendarText, tidyChain, tidyDates } from '../../../src/core/qa/tidy';

const TASK_DATE = '2024-01-12';

describe('tidyCalendarText', () => {
  test.each([
    ['16/1/24 and before send', '16/01/2024, and before the letters are sent'],
    ['18.1.24', '18/01/2024'],
    ['End of 10/1/24', 'End of 10/01/2024'],
    ['Review G codes and fines by 8/2/24', 'Review G codes and fines by 08/02/2024'],
    ['Coding checks', 'Coding checks'],
    ['Names included & names to be removed Follow up responses to parental queries', 'Names included & names to be removed. Follow up responses to parental queries'],
    // a capitalised word after "to" is part of the sentence, not a lost line break
    ['Immediate corrections made and reported to Attendance officer.', 'Immediate corrections made and reported to Attendance officer.'],
    ['Poor excuses/ return from holidays', 'Poor excuses / return from holidays'],
    ['Improvement period 3-6 weeks', 'Improvement period 3-6 weeks'],
    ['  due  16/1 ', 'Due 16/01/2024'],
  ])('%s → %s (a letters task)', (raw, tidy) => {
    expect(tidyCalendarText(raw, TASK_DATE, { letters: true })).toBe(tidy);
  });

  test('"and before send" on a task that is not about letters', () => {
    expect(tidyCalendarText('19/1/24 and before send', TASK_DATE)).toBe('19/01/2024, and before sending');
  });

  test('a date with no year takes the year nearest the task: 16/1 on a December task is next January', () => {
    expect(tidyDates('by 16/1', '2023-12-15')).toBe('by 16/01/2024');
    expect(tidyDates('by 20/12', '2024-01-10')).toBe('by 20/12/2023');
    expect(tidyDates('31/2/24 is not a date')).toBe('31/2/24 is not a date');
  });
});

test('owner chains read with arrows and even spacing; a role written with a slash stays whole', () => {
  expect(tidyChain(['Pastoral Manager', 'HOY 10 &11/SLT Link'])).toBe('Pastoral Manager → HOY 10 & 11/SLT Link');
  expect(tidyChain(['SLT year links/HOY/ Attendance team'])).toBe('SLT year links/HOY / Attendance team');
  expect(tidyChain(['Tutor/Assembly SLT Lead and SLT links HOY to report back in LM'])).toBe('Tutor/Assembly SLT Lead and SLT links HOY to report back in LM');
});

test('deadlines read as a phrase after their label', () => {
  expect(deadlinePhrase('Review system', '16/1/24 and before send', TASK_DATE, { letters: true })).toBe('Review system by 16/01/2024, and before the letters are sent');
  expect(deadlinePhrase('Follow up with staff', 'End of 10/1/24', TASK_DATE)).toBe('Follow up with staff by end of 10/01/2024');
  expect(deadlinePhrase('Follow up with staff', 'Identify tutors of concern – HOY to challenge', TASK_DATE)).toBe('Follow up with staff: Identify tutors of concern – HOY to challenge');
  expect(deadlinePhrase('Review system', '', TASK_DATE)).toBe('');
});
