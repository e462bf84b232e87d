/**
 * Recording legal steps (issue 19) on a hand-made school (legalSchool.ts): the add-on's own rows
 * with the amount, the improvement period and the return date worked out, and the steps the
 * framework does not allow refused, with nothing written. Dates computed by hand.
 */
import { legalSchool, LegalSchool, AS_OF, U } from './legalSchool';
import { tabObjects } from '../attendanceSchool';
import { loadSettings } from '../../../src/gas/settingsStore';
import { recordLegalStepJob } from '../../../src/jobs/legal/record';
import { londonMidnight } from '../../../src/core/dates';

const record = (t: LegalSchool, req: Record<string, unknown>, asOf = AS_OF) => recordLegalStepJob(t.ss, loadSettings(), asOf, req);
const legalRows = (t: LegalSchool) => tabObjects(t.ss, 'Legal');

describe('Notice to Improve', () => {
  let t: LegalSchool;
  beforeEach(() => (t = legalSchool()));
  afterEach(() => t.uninstall());

  it('is recorded with its improvement period, 4 school weeks (Mon 16 Sep → Mon 14 Oct)', () => {
    const r = record(t, { upn: U.amir, step: 'Notice to Improve', date: '2024-09-16', parents: ['Mrs Rana Shah', 'Mr Imran Shah'] });
    expect(legalRows(t)).toEqual([{
      Date: londonMidnight('2024-09-16'), UPN: U.amir, Step: 'Notice to Improve', Parent: 'Mrs Rana Shah and Mr Imran Shah',
      Amount: '', 'Period End': londonMidnight('2024-10-14'), Outcome: '', By: 'Ann Officer',
    }]);
    // The period ended on 14/10 with no unauthorised session: nothing is due for Amir any more.
    expect(r.dueNext).toBe('');
  });

  it('across the October half term the period is a week longer (Wed 9 Oct → Wed 13 Nov)', () => {
    // School weeks from 7 Oct: 14 Oct, (half term 21–25 Oct), 28 Oct, 4 Nov, 11 Nov — the 4th.
    const r = record(t, { upn: U.amir, step: 'Notice to Improve', date: '2024-10-09', parents: ['Mrs Rana Shah'] });
    expect(legalRows(t)[0]['Period End']).toEqual(londonMidnight('2024-11-13'));
    // No unauthorised session since the notice; the period ended on 13/11: nothing is due.
    expect(r.dueNext).toBe('');
  });

  it('ended with unauthorised absence in it: consider a penalty notice (Callum, notice Wed 9 Oct, away 10–11 Oct)', () => {
    // Callum's threshold was first met on Fri 4 Oct (his 10th session away since 30 Sep).
    const r = record(t, { upn: U.callum, step: 'Notice to Improve', date: '2024-10-09', parents: ['Mr Tom Reid'] });
    expect(legalRows(t)[0]['Period End']).toEqual(londonMidnight('2024-11-13'));
    expect(r.dueNext.split('; ')[0]).toBe('improvement period ended 13/11 with 4 unauthorised sessions — consider a penalty notice');
  });

  it('once per threshold episode: a second Notice for the same threshold is refused and nothing is written', () => {
    record(t, { upn: U.amir, step: 'Notice to Improve', date: '2024-09-16', parents: [] });
    expect(() => record(t, { upn: U.amir, step: 'Notice to Improve', date: '2024-11-01', parents: [] }))
      .toThrow('A Notice to Improve was recorded on 16/09/2024, and the threshold has not been met again since: a Notice to Improve is recorded once per threshold episode.');
    expect(legalRows(t)).toHaveLength(1);
  });

  it('not while an improvement period runs', () => {
    record(t, { upn: U.callum, step: 'Notice to Improve', date: '2024-11-11', parents: [] }, '2024-11-11');
    expect(() => record(t, { upn: U.callum, step: 'Notice to Improve', date: '2024-11-12', parents: [] }, '2024-11-12'))
      .toThrow('The Notice to Improve of 11/11/2024 is still in its improvement period (it ends 09/12/2024): a second one is not the next step.');
  });

  it('not before the threshold was first met', () => {
    // The two sessions of 19 July count: the window crosses the summer into last year.
    expect(() => record(t, { upn: U.amir, step: 'Notice to Improve', date: '2024-09-11', parents: [] }))
      .toThrow('The threshold was first met on 12/09/2024: a Notice to Improve for it is dated on or after that day.');
  });
});

describe('penalty notices, per parent', () => {
  it('a first notice to each parent: £80 within 21 days, £160 within 28', () => {
    const t = legalSchool();
    try {
      record(t, { upn: U.bella, step: 'Penalty notice', date: '2024-10-01', parents: ['Ms Jo Green'] });
      expect(legalRows(t).map((r) => [r.Parent, r.Amount])).toEqual([['Ms Jo Green', '£80 if paid within 21 days, £160 within 28 days']]);
    } finally {
      t.uninstall();
    }
  });

  it('with two notices to Mrs Shah in 3 years (imported history), a third is refused and nothing is written — even for Mr Shah in the same request', () => {
    const t = legalSchool({ legal: [
      ['Date', 'UPN', 'Step', 'Parent', 'Amount', 'Period End', 'Outcome', 'By'],
      ['05/09/2024', U.amir, 'Penalty notice', 'Mrs Rana Shah', '£80', '', 'Paid within 21 days', 'LA'],
      ['30/09/2024', U.amir, 'PN', 'mrs rana shah', '£160', '', 'Not paid', 'LA'],
    ] });
    try {
      expect(() => record(t, { upn: U.amir, step: 'Penalty notice', date: '2024-11-01', parents: ['Mrs Rana Shah', 'Mr Imran Shah'] }))
        .toThrow('Nothing was recorded. Mrs Rana Shah has had 2 penalty notices for this child in 3 years (05/09/2024, 30/09/2024): a further notice cannot be issued — consider prosecution, and record a Referral for prosecution.');
      expect(legalRows(t)).toHaveLength(2);
      // Mr Shah alone: his first.
      record(t, { upn: U.amir, step: 'Penalty notice', date: '2024-11-01', parents: ['Mr Imran Shah'] });
      expect(legalRows(t)[2].Amount).toBe('£80 if paid within 21 days, £160 within 28 days');
    } finally {
      t.uninstall();
    }
  });

  it('a second notice to the same parent: £160, no reduction', () => {
    const t = legalSchool({ legal: [
      ['Date', 'UPN', 'Step', 'Parent'],
      ['05/09/2024', U.amir, 'Penalty notice', 'Mrs Rana Shah'],
    ] });
    try {
      const r = record(t, { upn: U.amir, step: 'Penalty notice', date: '2024-11-01', parents: ['Mrs Rana Shah'] });
      expect(legalRows(t)[1].Amount).toBe('£160 within 28 days (second notice in 3 years: no reduction)');
      expect(r.dueNext).toContain('2 notices to Mrs Rana Shah in 3 years — a further case: consider prosecution, not a notice');
    } finally {
      t.uninstall();
    }
  });

  it('the same notice asked for again (a retry after a failure that had written it) is already there, never refused', () => {
    const t = legalSchool({ legal: [
      ['Date', 'UPN', 'Step', 'Parent'],
      ['05/09/2024', U.amir, 'Penalty notice', 'Mrs Rana Shah'],
    ] });
    try {
      const req = { upn: U.amir, step: 'Penalty notice', date: '2024-11-01', parents: ['Mrs Rana Shah'] };
      record(t, req);
      // Her second notice is on the tab: a retry must not be read as a third.
      const again = record(t, req);
      expect(again.recorded).toEqual([]);
      expect(again.alreadyThere).toBe(1);
      expect(again.message).toContain('1 of the rows asked for was already on the Legal tab: nothing added for it.');
      expect(legalRows(t)).toHaveLength(2);
    } finally {
      t.uninstall();
    }
  });

  it('needs a parent', () => {
    const t = legalSchool();
    try {
      expect(() => record(t, { upn: U.bella, step: 'Penalty notice', parents: [] })).toThrow('Name the parent the penalty notice was issued to: each parent gets their own notice.');
    } finally {
      t.uninstall();
    }
  });
});

describe('LA notified of ten school days: once per run, with the return date', () => {
  it('recorded after the return: the return date goes in Period End; a second time is refused', () => {
    const t = legalSchool();
    try {
      record(t, { upn: U.callum, step: 'LA notified (10 days)', date: '2024-10-14' });
      expect(legalRows(t).map((r) => [r.Step, r['Period End']])).toEqual([['LA notified (10 days)', londonMidnight('2024-10-14')]]);
      expect(() => record(t, { upn: U.callum, step: 'LA notified (10 days)', date: '2024-10-15' }))
        .toThrow('The LA was notified on 14/10/2024 about the 10 school days from 30/09/2024 and the return date (14/10/2024) is recorded: once per run of absence.');
    } finally {
      t.uninstall();
    }
  });

  it('recorded while the pupil is away, then again once back: the same row gets the return date, staff notes kept', () => {
    const t = legalSchool();
    try {
      // On Friday 11 October Callum is still away (the review sees the register up to that day).
      record(t, { upn: U.callum, step: 'LA notified (10 days)', date: '2024-10-11' }, '2024-10-11');
      expect(legalRows(t)[0]['Period End']).toBe('');
      t.ss.getSheetByName('Legal')!.getRange(2, 7).setValue('Phoned EWS');
      const r = record(t, { upn: U.callum, step: 'LA notified (10 days)' });
      expect(r.returnDateRecorded).toBe('2024-10-14');
      expect(legalRows(t).map((x) => [x.Step, x['Period End'], x.Outcome])).toEqual([['LA notified (10 days)', londonMidnight('2024-10-14'), 'Phoned EWS']]);
    } finally {
      t.uninstall();
    }
  });
});

describe('only pupils of compulsory school age', () => {
  it('a sixth former: refused', () => {
    const t = legalSchool();
    try {
      expect(() => record(t, { upn: U.dana, step: 'Penalty notice', parents: ['Mrs Kay Lowe'] }))
        .toThrow('Dana Lowe is not of compulsory school age (Year 12; no date of birth on the Students tab): legal steps apply only to pupils of compulsory school age.');
    } finally {
      t.uninstall();
    }
  });
});

describe('a Legal history imported (legal.csv, or pasted into Import - Legal)', () => {
  it('rows with no Parent (a Notice to Improve, an LA notification) are taken, and answer the threshold', () => {
    const t = legalSchool({ legal: [
      ['Date', 'UPN', 'Step', 'Parent', 'Amount', 'Period End', 'Outcome', 'By'],
      ['16/09/2024', U.amir, 'NTI', '', '', '14/10/2024', '', 'Ann Officer'],
      ['14/10/2024', U.callum, 'LA notified', '', '', '14/10/2024', '', 'Ann Officer'],
    ] });
    try {
      expect(legalRows(t).map((r) => [r.UPN, r.Step, r.Parent])).toEqual([[U.amir, 'NTI', ''], [U.callum, 'LA notified', '']]);
      // Amir's threshold (first met 12/09) is answered: a second Notice is refused.
      expect(() => record(t, { upn: U.amir, step: 'Notice to Improve', date: '2024-11-01', parents: [] })).toThrow(/once per threshold episode/);
    } finally {
      t.uninstall();
    }
  });
});
