import { withDefaults } from '../../../src/core/settings';
import { mentoringStatus, mentorPack } from '../../../src/core/progress/mentoring';
import { MentorMeeting, MentoringSlip } from '../../../src/core/progress/records';
import { progressReview } from '../../../src/core/progress/review';
import { pupil } from '../homework/fixtures';

const settings = withDefaults(); // a formal meeting every 31 days, Y10 and Y11
const asOf = '2024-02-07'; // a Wednesday; the week ends Sunday 11 Feb
const pupils = [
  pupil('M0001', { year: 10, mentor: 'Mr Mentor' }), // last formal 5 Jan → due 5 Feb: overdue
  pupil('M0002', { year: 11, mentor: 'mr mentor' }), // last formal 9 Jan → due 9 Feb: due this week
  pupil('M0003', { year: 11, mentor: 'Ms Other' }), // formal 20 Jan → due 20 Feb: neither
  pupil('M0004', { year: 10, mentor: '' }), // no mentor
  pupil('M0005', { year: 9, mentor: '' }), // not a mentored year
  pupil('M0006', { year: 10, mentor: 'Mr Mentor', leavingDate: '2024-01-31' }), // leaver
];
const meetings: MentorMeeting[] = [
  { date: '2024-01-05', upn: 'M0001', mentor: 'Mr Mentor', type: 'Formal' },
  { date: '2024-02-01', upn: 'M0001', mentor: 'Mr Mentor', type: 'Informal' }, // does not reset the clock
  { date: '2024-01-09', upn: 'M0002', mentor: 'Mr Mentor', type: 'Formal' },
  { date: '2024-01-20', upn: 'M0003', mentor: 'Ms Other', type: 'formal' },
];

describe('mentoringStatus', () => {
  const s = mentoringStatus(pupils, meetings, asOf, settings);

  it('lists overdue and due-this-week formal meetings, with a key per due date', () => {
    expect(s.overdue.map((m) => [m.upn, m.due, m.daysOverdue, m.key])).toEqual([['M0001', '2024-02-05', 2, 'MT|due|M0001|2024-02-05']]);
    expect(s.dueThisWeek.map((m) => [m.upn, m.due])).toEqual([['M0002', '2024-02-09']]);
  });

  it('lists mentees without a mentor, only in mentored years, never leavers', () => {
    expect(s.withoutMentor.map((m) => m.upn)).toEqual(['M0004']);
    expect(s.mentees.map((m) => m.upn).sort()).toEqual(['M0001', 'M0002', 'M0003']);
  });

  it('a mentee never met formally is due from the start date', () => {
    const n = mentoringStatus([pupil('N0001', { year: 10, mentor: 'X' })], [], asOf, settings, '2024-01-10');
    expect(n.overdue.map((m) => [m.upn, m.lastFormal, m.due])).toEqual([['N0001', '', '2024-01-10']]);
    expect(mentoringStatus([pupil('N0001', { year: 10, mentor: 'X' })], [], asOf, settings).dueThisWeek).toHaveLength(1);
  });
});

describe('mentorPack', () => {
  it('gives each of a mentor\'s mentees their targets, status, attendance, homework and slips since the last meeting', () => {
    const status = mentoringStatus(pupils, meetings, asOf, settings);
    const review = progressReview({
      entries: [{ upn: 'M0001', subject: 'Maths', target: '6', current: '5', predicted: '6', status: '' }],
      pupils, asOf, settings, round: 'r',
    }).rows;
    const slips: MentoringSlip[] = [
      { date: '2024-01-03', upn: 'M0001', from: 'Ms A', kind: 'Concern', comment: 'old', target: '' },
      { date: '2024-01-20', upn: 'M0001', from: 'Ms B', kind: 'Positive', comment: 'great essay', target: 'keep going' },
      { date: '2024-01-21', upn: 'M0003', from: 'Ms B', kind: 'Concern', comment: 'not for this mentor', target: '' },
    ];
    const pack = mentorPack('MR MENTOR', { status, review, slips, attendancePercent: { M0001: 93.5 }, homeworkMisses: { M0001: 4 } });
    expect(pack.map((p) => p.upn)).toEqual(['M0001', 'M0002']);
    expect(pack[0]).toMatchObject({
      lastFormal: '2024-01-05', due: '2024-02-05', attendancePercent: 93.5, homeworkMisses: 4,
      subjects: [{ subject: 'Maths', target: '6', current: '5', predicted: '6', status: 'below', movement: '' }],
    });
    expect(pack[0].slips.map((s) => s.comment)).toEqual(['great essay']);
    expect(pack[1]).toMatchObject({ attendancePercent: null, homeworkMisses: null, subjects: [], slips: [] });
  });
});
