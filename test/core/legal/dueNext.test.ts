/**
 * "What is due next" (issue 19): the lines the Attendance tab, the profile and the attendance
 * officer's morning e-mail show. Answers written by hand from the rules in docs/RULES.md.
 */
import { legalDueNext, LegalDueInput, ThresholdFacts } from '../../../src/core/legal/dueNext';
import { legalDueSection } from '../../../src/core/legal/email';
import { LegalRecord } from '../../../src/core/legal/steps';
import { Mark } from '../../../src/core/types';
import { OPEN_2024, indexed, marksOn, settings } from '../attendance/helpers';

const s = settings();

function step(date: string, name: string, extra: Partial<LegalRecord> = {}): LegalRecord {
  return { date, upn: 'P1', step: name, parent: '', amount: '', periodEnd: '', outcome: '', by: '', ...extra };
}

/** Present every session except the listed "date session code" marks. */
function register(absences: Record<string, string>, until = '2024-05-24'): Mark[] {
  return marksOn('P1', OPEN_2024.filter((d) => d <= until), (d, sess) => absences[`${d} ${sess}`] || '/');
}

function input(marks: Mark[], over: Partial<LegalDueInput>): LegalDueInput {
  const { cal, pm } = indexed(marks, OPEN_2024, s);
  return { compulsory: true, threshold: null, tenDays: null, pm, cal, steps: [], parents: [], settings: s, asOf: '2024-03-12', ...over };
}

const window: ThresholdFacts = {
  firstMet: '2024-03-12', sessions: 10, from: '2024-01-08', to: '2024-03-17',
  marks: ['2024-01-10 AM O', '2024-01-17 AM N', '2024-01-24 AM O', '2024-01-31 AM U', '2024-02-07 AM O', '2024-02-21 AM O', '2024-02-28 AM O', '2024-03-06 AM O', '2024-03-11 AM O', '2024-03-12 AM O'],
};

describe('the threshold', () => {
  it('met and not answered: "threshold first met 12/03 — no Notice to Improve yet"', () => {
    const d = legalDueNext(input(register({}), { threshold: window }));
    expect(d.text).toBe('threshold first met 12/03 — no Notice to Improve yet');
    expect(d.packWanted).toBe(true);
  });

  it('met by a term-time holiday alone: a penalty notice is considered (no Notice to Improve for a holiday)', () => {
    const holiday = { ...window, marks: window.marks.map((m) => m.replace(/ [A-Z]$/, ' G')) };
    const d = legalDueNext(input(register({}), { threshold: holiday }));
    expect(d.text).toBe('threshold first met 12/03 (holiday in term time) — consider a penalty notice; no Notice to Improve is expected for a holiday');
  });

  it('a sixth former (not of compulsory school age) is never flagged, whatever the register and the tab say', () => {
    const d = legalDueNext(input(register({}), {
      compulsory: false,
      threshold: window,
      tenDays: { days: 10, from: '2024-02-26', to: '2024-03-08' },
      steps: [step('2024-10-01', 'Penalty notice', { parent: 'Mrs A' })],
    }));
    expect(d).toEqual({ items: [], text: '', packWanted: false, improvement: null });
  });
});

describe('the improvement period', () => {
  // Notice to Improve on Tuesday 5 March 2024, period 4 school weeks (no holiday until Easter):
  // ends Tuesday 2 April — but Easter (29 Mar – 12 Apr) has no school week, so the 4th school week
  // after 4 March is the week of 15 April: ends Tuesday 16 April.
  const nti = step('2024-03-05', 'Notice to Improve');

  it('running: "improvement period ends 16/04 — 3 unauthorised sessions since"', () => {
    const marks = register({ '2024-03-05 PM': 'O', '2024-03-06 AM': 'O', '2024-03-11 PM': 'U', '2024-03-12 AM': 'N', '2024-03-12 PM': 'I' });
    const d = legalDueNext(input(marks, { steps: [nti], asOf: '2024-03-12' }));
    // 5 March PM is the notice day itself (not "since"); I is authorised.
    expect(d.text).toBe('improvement period ends 16/04 — 3 unauthorised sessions since');
    expect(d.improvement).toEqual({ noticeDate: '2024-03-05', periodEnd: '2024-04-16', sessionsSince: 3, ended: false });
  });

  it('the Period End written on the tab is used as it is', () => {
    const d = legalDueNext(input(register({}), { steps: [{ ...nti, periodEnd: '2024-04-19' }], asOf: '2024-03-12' }));
    expect(d.text).toBe('improvement period ends 19/04 — no unauthorised sessions since');
  });

  it('ended with unauthorised absence and no step since: consider a penalty notice', () => {
    const marks = register({ '2024-03-20 AM': 'O', '2024-04-16 PM': 'O', '2024-04-17 AM': 'O' });
    const d = legalDueNext(input(marks, { steps: [nti], asOf: '2024-04-22' }));
    // 17 April is after the period: it is not counted in it.
    expect(d.text).toBe('improvement period ended 16/04 with 2 unauthorised sessions — consider a penalty notice');
    expect(d.packWanted).toBe(true);
  });

  it('ended with none: nothing is due', () => {
    const d = legalDueNext(input(register({}), { steps: [nti], asOf: '2024-04-22' }));
    expect(d.text).toBe('');
  });

  it('answered by a penalty notice: nothing more on the improvement period', () => {
    const marks = register({ '2024-03-20 AM': 'O' });
    const steps = [nti, step('2024-04-18', 'Penalty notice', { parent: 'Mrs Ann Cole' })];
    const d = legalDueNext(input(marks, { steps, asOf: '2024-04-22' }));
    // (A notice of April 2024 predates the framework of 19/08/2024, so it is not counted either.)
    expect(d.text).toBe('');
    expect(d.improvement).toEqual({ noticeDate: '2024-03-05', periodEnd: '2024-04-16', sessionsSince: 1, ended: true });
  });

  it('the threshold met again while the period runs asks for a penalty notice, not a second Notice', () => {
    const again = { ...window, firstMet: '2024-03-28' };
    const d = legalDueNext(input(register({}), { steps: [nti], threshold: again, asOf: '2024-03-28' }));
    expect(d.items[0].text).toBe('threshold met again 28/03 during the improvement period — consider a penalty notice');
  });
});

describe('ten school days in a row absent without permission', () => {
  const run = { days: 10, from: '2024-02-26', to: '2024-03-08' };
  const away: Record<string, string> = {};
  for (const d of OPEN_2024.filter((x) => x >= '2024-02-26' && x <= '2024-03-08')) {
    away[`${d} AM`] = 'O';
    away[`${d} PM`] = 'O';
  }

  it('still away and not notified: notify the LA', () => {
    const d = legalDueNext(input(register(away, '2024-03-08'), { tenDays: run, asOf: '2024-03-08' }));
    expect(d.text).toBe('absent without permission for 10 school days since 26/02 — notify the LA');
  });

  it('back, not notified: notify the LA with the return date', () => {
    const d = legalDueNext(input(register(away), { tenDays: run, asOf: '2024-03-12' }));
    expect(d.text).toBe('absent without permission 26/02–08/03 (10 school days), back 11/03 — notify the LA, with the return date');
  });

  it('notified while away, now back: tell the LA the return date — once it is written, nothing', () => {
    const notified = step('2024-03-07', 'LA notified (10 days)');
    const d = legalDueNext(input(register(away), { tenDays: run, steps: [notified], asOf: '2024-03-12' }));
    expect(d.text).toBe('back 11/03 after 10 school days — tell the LA the return date (Period End on the Legal tab)');
    const done = legalDueNext(input(register(away), { tenDays: run, steps: [{ ...notified, periodEnd: '2024-03-11' }], asOf: '2024-03-12' }));
    expect(done.text).toBe('');
  });

  it('an LA notification of an earlier run does not answer this one', () => {
    const old = step('2024-01-20', 'LA notified (10 days)');
    const d = legalDueNext(input(register(away, '2024-03-08'), { tenDays: run, steps: [old], asOf: '2024-03-08' }));
    expect(d.items.map((i) => i.kind)).toEqual(['tenDays']);
  });
});

describe('notices per parent', () => {
  it('"2 notices to Mrs X in 3 years" and a notice with no parent named asks for the name', () => {
    const steps = [
      step('2024-09-20', 'Penalty notice', { parent: 'Mrs X Lowe' }),
      step('2025-01-15', 'Penalty notice', { parent: 'Mrs X Lowe' }),
      step('2025-01-15', 'Penalty notice', { parent: '' }),
    ];
    const d = legalDueNext(input(register({}), { steps, asOf: '2025-03-03' }));
    expect(d.items.map((i) => i.text)).toEqual([
      // The unnamed notice counts for her too (3 ≥ 2): the limit cannot be passed through a blank cell.
      '3 notices to Mrs X Lowe in 3 years — a further case: consider prosecution, not a notice',
      'penalty notice 15/01 has no parent named — fill in Parent on the Legal tab',
    ]);
  });
});

describe("the attendance officer's morning e-mail section", () => {
  it('lists the pupils with something to do now, in surname order, with only the lines to act on', () => {
    const running = legalDueNext(input(register({}), { steps: [step('2024-03-05', 'Notice to Improve')], asOf: '2024-03-12' }));
    const due = legalDueNext(input(register({}), { threshold: window }));
    const sec = legalDueSection([
      { name: 'Zed, Amy', year: 9, regGroup: '9B', due },
      { name: 'Able, Ben', year: 8, regGroup: '8A', due },
      { name: 'Cole, Cat', year: 7, regGroup: '7A', due: running },
    ]);
    expect(sec.rows).toEqual([
      ['Able, Ben', 8, '8A', 'threshold first met 12/03 — no Notice to Improve yet'],
      ['Zed, Amy', 9, '9B', 'threshold first met 12/03 — no Notice to Improve yet'],
    ]);
    expect(legalDueSection([{ name: 'Cole, Cat', year: 7, regGroup: '7A', due: running }]).note).toBe('No legal step is due today.');
  });
});
