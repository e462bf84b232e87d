import { newInterventions } from '../../../src/core/homework/ladder';
import { SessionRegisterEntry, SessionRequest } from '../../../src/core/progress/records';
import { sessionDayList, sessionFollowUps } from '../../../src/core/progress/sessions';
import { pupil } from '../homework/fixtures';

const pupils = [
  pupil('S0001', { year: 11, surname: 'Brown', mentor: 'Mr Mentor' }),
  pupil('S0002', { year: 11, surname: 'Adams' }),
  pupil('S0003', { year: 11, surname: 'Cole', leavingDate: '2024-01-01' }),
];
const req = (upn: string, date: string, slot: string, subject: string, time: string): SessionRequest =>
  ({ date, upn, slot, subject, time, teacher: 'Ms T', requestedBy: 'Ms T' });
const requests = [
  req('S0001', '2024-02-07', 'After school', 'Maths', '15:10'),
  req('S0002', '2024-02-07', 'After school', 'Maths', '15:10'),
  req('S0002', '2024-02-07', 'Lunchtime', 'English', '12:30'),
  req('S0002', '2024-02-07', 'Lunchtime', 'english', '12:30'), // asked twice
  req('S0003', '2024-02-07', 'Lunchtime', 'Science', '12:30'), // leaver
  req('S0001', '2024-02-08', 'Lunchtime', 'Science', '12:30'), // another day
];

describe('sessionDayList', () => {
  it('is the day\'s list by slot, time and pupil, once per pupil and subject, without leavers', () => {
    const list = sessionDayList(requests, '2024-02-07', pupils);
    expect(list.map((r) => `${r.slot} ${r.subject} ${r.upn}`)).toEqual([
      'Lunchtime English S0002', 'After school Maths S0002', 'After school Maths S0001',
    ]);
    expect(list[2].mentor).toBe('Mr Mentor');
  });
});

describe('sessionFollowUps', () => {
  const register: SessionRegisterEntry[] = [
    { date: '2024-02-07', upn: 'S0001', subject: 'Maths', attended: 'No' },
    { date: '2024-02-07', upn: 'S0002', subject: 'Maths', attended: 'Yes' },
    { date: '2024-02-07', upn: 'S0002', subject: 'English', attended: 'no', followedUp: '2024-02-07' },
  ];

  it('a missed session is followed up once, with the leadership team and the mentor', () => {
    const first = sessionFollowUps(requests, register, pupils, '2024-02-07');
    expect(first.interventions.map((x) => [x.key, x.owner])).toEqual([['SS|missed|S0001|Maths|2024-02-07', 'SLT and mentor: Mr Mentor']]);
    const again = sessionFollowUps(requests, register, pupils, '2024-02-08');
    expect(newInterventions(first.interventions, again.interventions)).toEqual([]);
  });

  it('lists requested sessions with no register mark yet (not future ones, not leavers)', () => {
    const r = sessionFollowUps(requests, register, pupils, '2024-02-08');
    expect(r.notRegistered.map((q) => `${q.upn} ${q.subject} ${q.date}`)).toEqual(['S0001 Science 2024-02-08']);
    expect(sessionFollowUps(requests, register, pupils, '2024-02-07').notRegistered).toEqual([]);
  });
});
