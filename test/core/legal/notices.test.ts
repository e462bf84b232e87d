/**
 * Penalty notices under the 2024 national framework: per parent and child, £80 within 21 days or
 * £160 within 28 for a first notice, £160 with no reduction for a second within 3 years, and no
 * third within 3 years — "consider prosecution". Answers worked out from the framework by hand.
 */
import { countedNotices, nextNotice, noticesPerParent, noticesText, yearsBefore } from '../../../src/core/legal/notices';
import { LegalRecord } from '../../../src/core/legal/steps';
import { withDefaults } from '../../../src/core/settings';

const s = withDefaults();

function pn(date: string, parent: string, outcome = ''): LegalRecord {
  return { date, upn: 'A1', step: 'Penalty notice', parent, amount: '', periodEnd: '', outcome, by: '' };
}

describe('the 3-year window', () => {
  // A new case on 10/09/2028. 3 years before is 10/09/2025.
  it('a notice 3 years and 1 day earlier does not count: the next is a first notice again', () => {
    const steps = [pn('2025-09-09', 'Mrs Jane Patel')];
    const n = nextNotice(steps, 'Mrs Jane Patel', '2028-09-10', s);
    expect(n.kind).toBe('first');
    expect(n.counted).toEqual([]);
  });

  it('a notice exactly 3 years earlier is within 3 years: the next is a second notice', () => {
    const steps = [pn('2025-09-10', 'Mrs Jane Patel')];
    expect(nextNotice(steps, 'Mrs Jane Patel', '2028-09-10', s).kind).toBe('second');
  });

  it('29 February steps back to 28 February', () => {
    expect(yearsBefore('2028-02-29', 3)).toBe('2025-02-28');
    expect(yearsBefore('2027-03-01', 3)).toBe('2024-03-01');
  });

  it('notices before the framework began (19/08/2024) do not count towards the limit', () => {
    const steps = [pn('2024-08-18', 'Mr Tom Reid'), pn('2024-08-19', 'Mr Tom Reid')];
    expect(countedNotices(steps, 'Mr Tom Reid', '2025-01-10', s).map((x) => x.date)).toEqual(['2024-08-19']);
  });
});

describe('amounts', () => {
  it('a first notice: £80 if paid within 21 days, £160 within 28', () => {
    const n = nextNotice([], 'Mrs Jane Patel', '2025-01-10', s);
    expect(n.kind).toBe('first');
    expect(n.amount).toBe('£80 if paid within 21 days, £160 within 28 days');
  });

  it('a second notice to the same parent for the same child within 3 years: £160, no reduction', () => {
    const n = nextNotice([pn('2024-10-01', 'Mrs Jane Patel')], 'Mrs Jane Patel', '2025-03-03', s);
    expect(n.kind).toBe('second');
    expect(n.amount).toBe('£160 within 28 days (second notice in 3 years: no reduction)');
    expect(n.amount).not.toContain('£80');
  });

  it('a notice to the other parent does not make this parent\'s notice a second one', () => {
    const n = nextNotice([pn('2024-10-01', 'Mr Sam Patel')], 'Mrs Jane Patel', '2025-03-03', s);
    expect(n.kind).toBe('first');
  });
});

describe('no more than two in 3 years', () => {
  it('a third case within 3 years is "consider prosecution", not a notice', () => {
    const steps = [pn('2024-10-01', 'Mrs Jane Patel'), pn('2025-02-03', 'Mrs Jane Patel')];
    const n = nextNotice(steps, 'Mrs Jane Patel', '2025-06-09', s);
    expect(n.kind).toBe('prosecution');
    expect(n.amount).toBe('');
  });

  it('a withdrawn notice does not count', () => {
    const steps = [pn('2024-10-01', 'Mrs Jane Patel', 'Withdrawn'), pn('2025-02-03', 'Mrs Jane Patel')];
    expect(nextNotice(steps, 'Mrs Jane Patel', '2025-06-09', s).kind).toBe('second');
  });

  it('once the first of two is more than 3 years old, the next case is a second notice again', () => {
    const steps = [pn('2024-10-01', 'Mrs Jane Patel'), pn('2025-02-03', 'Mrs Jane Patel')];
    // 3 years before 02/10/2027 is 02/10/2024: the notice of 01/10/2024 has dropped out.
    expect(nextNotice(steps, 'Mrs Jane Patel', '2027-10-02', s).kind).toBe('second');
  });

  it('the parent is matched ignoring case, spacing and full stops — but not the title', () => {
    const steps = [pn('2024-10-01', 'mrs  j. patel'), pn('2025-02-03', 'Mrs J Patel')];
    expect(nextNotice(steps, 'MRS J PATEL', '2025-06-09', s).kind).toBe('prosecution');
    expect(nextNotice(steps, 'Mr J Patel', '2025-06-09', s).kind).toBe('first');
  });

  it('a notice with no parent named counts for every parent', () => {
    const steps = [pn('2024-10-01', '')];
    expect(nextNotice(steps, 'Mr Sam Patel', '2025-06-09', s).kind).toBe('second');
  });
});

describe('notices per parent, as the Attendance tab shows them', () => {
  it('"2 notices to Mrs X in 3 years" with what a further case means', () => {
    const steps = [pn('2024-10-01', 'Mrs X Jones'), pn('2025-02-03', 'Mrs X Jones'), pn('2025-02-03', 'Mr Y Jones')];
    const per = noticesPerParent(steps, ['Mrs X Jones', 'Mr Y Jones', 'Ms Z Other'], '2025-03-01', s);
    expect(per.map((n) => noticesText(n, s))).toEqual([
      '2 notices to Mrs X Jones in 3 years — a further case: consider prosecution, not a notice',
      '1 notice to Mr Y Jones in 3 years — another would be £160, no reduction',
    ]);
  });
});
