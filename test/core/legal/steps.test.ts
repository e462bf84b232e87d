/**
 * The Legal tab's rows as staff type them and other systems export them (legal.csv): steps read
 * leniently, an unknown step refused naming its row, column and value; answers to the threshold.
 */
import { parseTab } from '../../../src/core/records/parse';
import { stepKind, isWithdrawn } from '../../../src/core/legal/steps';
import { answersThreshold, answersTenDays, answerDates } from '../../../src/core/legal/answers';

describe('step words', () => {
  it.each([
    ['Notice to Improve', 'noticeToImprove'], ['NTI', 'noticeToImprove'], ['notice to improve issued', 'noticeToImprove'],
    ['Penalty notice', 'penaltyNotice'], ['PN', 'penaltyNotice'], ['Fixed penalty notice', 'penaltyNotice'],
    ['LA notified (10 days)', 'laNotified'], ['Local authority notified', 'laNotified'], ['10 day notification', 'laNotified'],
    ['Attendance contract', 'contract'], ['Referral for prosecution', 'referral'], ['Prosecution', 'referral'],
    ['Considered: no notice', 'considered'], ['Penalty notice not issued', 'considered'],
  ])('"%s" is %s', (words, kind) => {
    expect(stepKind(words)).toBe(kind);
  });

  it('unknown words are no step', () => {
    expect(stepKind('Phone call home')).toBeNull();
    expect(stepKind('')).toBeNull();
  });

  it('a withdrawn notice is recognised from its Outcome', () => {
    expect(isWithdrawn({ outcome: 'Withdrawn' })).toBe(true);
    expect(isWithdrawn({ outcome: 'Paid within 21 days' })).toBe(false);
  });
});

describe('legal.csv / the Legal tab', () => {
  it('reads rows with a blank Parent, aliases and UK dates; refuses a step it cannot place, naming row, column and value', () => {
    const r = parseTab('Legal', [
      ['Date Issued', 'UPN', 'Legal Step', 'Issued To', 'Fine', 'Return Date', 'Outcome'],
      ['12/03/2025', 'A123456789012', 'NTI', '', '', '16/04/2025', ''],
      ['02/05/2025', 'A123456789012', 'PN', 'Mrs X Jones', '£80', '', 'Paid within 21 days'],
      ['02/05/2025', 'A123456789012', 'PN', 'Mr Y Jones', '£80', '', 'Not paid'],
      ['03/05/2025', 'A123456789012', 'Phone call home', '', '', '', ''],
    ]);
    expect(r.records.map((x) => [x.date, x.step, x.parent, x.periodEnd])).toEqual([
      ['2025-03-12', 'NTI', '', '2025-04-16'],
      ['2025-05-02', 'PN', 'Mrs X Jones', ''],
      ['2025-05-02', 'PN', 'Mr Y Jones', ''],
    ]);
    expect(r.refusals).toEqual([{ row: 5, column: 'Step', value: 'Phone call home', reason: '"Phone call home" is not a legal step (use one of: Notice to Improve, Penalty notice, LA notified (10 days), Attendance contract, Referral for prosecution, Considered: no notice).' }]);
  });
});

describe('what answers a flag', () => {
  it('the threshold: a Notice to Improve, penalty notice, contract, referral or "considered" — not an LA notification', () => {
    expect(['NTI', 'PN', 'Attendance contract', 'Referral for prosecution', 'Considered: no notice'].map(answersThreshold)).toEqual([true, true, true, true, true]);
    expect(answersThreshold('LA notified (10 days)')).toBe(false);
    expect(answersTenDays('LA notified (10 days)')).toBe(true);
    expect(answersTenDays('Penalty notice')).toBe(false);
  });

  it('answer dates, ascending', () => {
    expect(answerDates([{ date: '2025-05-02', step: 'PN' }, { date: '2025-03-12', step: 'NTI' }, { date: '2025-04-01', step: 'LA notified' }], answersThreshold)).toEqual(['2025-03-12', '2025-05-02']);
  });
});
