import { LetterCandidate, letterKey, outOfDate, planLetterRun, remaining, LetterRunInput, parseLetterKey } from '../../../src/core/letters/plan';
import { LetterLogEntry, LetterType, Pupil } from '../../../src/core/types';
import { pupil } from './fixtures';

const EP = 'episode-2024-01-08';

function cand(upn: string, due: LetterType[], over: Partial<LetterCandidate> = {}): LetterCandidate {
  return { upn, due, held: false, heldReasons: [], key: EP, reasonStillHolds: true, ...over };
}

function logRow(type: LetterType, upn: string, date: string, status = 'Produced', period = EP): LetterLogEntry {
  return { key: letterKey(type, upn, period), date, type, upn, link: 'https://docs.example/batch', by: 'hoy@school.example', status };
}

const pupils: Pupil[] = [
  pupil({ upn: 'U1', forename: 'Zac', surname: 'Adams', year: 9, regGroup: '9B' }),
  pupil({ upn: 'U2', forename: 'Amy', surname: 'Brown', year: 8, regGroup: '8A' }),
  pupil({ upn: 'U3', forename: 'Ben', surname: 'Adams', year: 9, regGroup: '9A' }),
  pupil({ upn: 'U4', forename: 'Cara', surname: "O'Brien-Smith", year: 9, regGroup: '9B' }),
  pupil({ upn: 'U5', forename: 'Dan', surname: 'Evans', year: 9, regGroup: '9B', leavingDate: '2024-01-12' }),
];

function run(over: Partial<LetterRunInput>): ReturnType<typeof planLetterRun> {
  return planLetterRun({ type: 'AT1', asOf: '2024-01-26', pupils, candidates: [], log: [], ...over });
}

describe('planLetterRun', () => {
  it('makes the letter for each pupil it is due for, in year, reg group, surname order', () => {
    const plan = run({ candidates: ['U1', 'U2', 'U3', 'U4'].map((u) => cand(u, ['AT1'])) });
    expect(plan.toProduce.map((l) => l.upn)).toEqual(['U2', 'U3', 'U1', 'U4']);
    expect(plan.toProduce[0]).toEqual({ upn: 'U2', type: 'AT1', key: `AT1|U2|${EP}` });
    expect(plan.skipped).toEqual([]);
  });

  it('gives a held pupil no letter and says why', () => {
    const plan = run({ candidates: [cand('U1', ['AT1'], { held: true, heldReasons: ['2 blank marks (15/01/2024 AM, PM)'] })] });
    expect(plan.toProduce).toEqual([]);
    expect(plan.skipped).toEqual([{ upn: 'U1', code: 'held', reason: expect.stringContaining('2 blank marks (15/01/2024 AM, PM)') }]);
  });

  it('never makes the same letter twice for the same episode, naming the date it was made', () => {
    const plan = run({ candidates: [cand('U1', ['AT1']), cand('U3', ['AT1'])], log: [logRow('AT1', 'U1', '2024-01-15')] });
    expect(plan.toProduce.map((l) => l.upn)).toEqual(['U3']);
    expect(plan.skipped[0]).toMatchObject({ upn: 'U1', code: 'alreadyProduced' });
    expect(plan.skipped[0].reason).toContain('15/01/2024');
  });

  it('blocks on an Out of date row but not on a Cancelled one', () => {
    const outOfDateRow = run({ candidates: [cand('U1', ['AT1'])], log: [logRow('AT1', 'U1', '2024-01-15', 'Out of date')] });
    expect(outOfDateRow.toProduce).toEqual([]);
    const cancelled = run({ candidates: [cand('U1', ['AT1'])], log: [logRow('AT1', 'U1', '2024-01-15', 'Cancelled')] });
    expect(cancelled.toProduce.map((l) => l.upn)).toEqual(['U1']);
  });

  it('makes a new letter in a new episode', () => {
    const plan = run({ candidates: [cand('U1', ['AT1'], { key: 'episode-2024-03-04' })], log: [logRow('AT1', 'U1', '2024-01-15')] });
    expect(plan.toProduce.map((l) => l.key)).toEqual(['AT1|U1|episode-2024-03-04']);
  });

  it('leaves out a leaver and an unticked pupil, with reasons', () => {
    const plan = run({ candidates: [cand('U1', ['AT1']), cand('U5', ['AT1']), cand('U3', ['AT1'])], unticked: ['u3 '] });
    expect(plan.toProduce.map((l) => l.upn)).toEqual(['U1']);
    expect(plan.skipped.map((s) => [s.upn, s.code])).toEqual([['U3', 'unticked'], ['U5', 'leaver']]);
    expect(plan.skipped[1].reason).toContain('12/01/2024');
  });

  it('keeps a pupil whose leaving date is today (still on roll today)', () => {
    const p = [pupil({ upn: 'U9', leavingDate: '2024-01-26' })];
    expect(run({ pupils: p, candidates: [cand('U9', ['AT1'])] }).toProduce).toHaveLength(1);
  });

  it('filters by year and reg group; an explicit selection reports pupils with nothing due', () => {
    const candidates = ['U1', 'U2', 'U3', 'U4'].map((u) => cand(u, ['AT1']));
    expect(run({ candidates, cohort: { years: [9], regGroups: ['9b'] } }).toProduce.map((l) => l.upn)).toEqual(['U1', 'U4']);
    const chosen = run({ candidates: [cand('U1', ['AT1']), cand('U2', [])], cohort: { upns: ['U1', 'U2', 'NOPE'] } });
    expect(chosen.toProduce.map((l) => l.upn)).toEqual(['U1']);
    expect(chosen.skipped.map((s) => [s.upn, s.code])).toEqual([['U2', 'notDue'], ['NOPE', 'notOnRoll']]);
  });

  describe('AT2 never before AT1', () => {
    it('respects the ladder: a pupil due AT1 gets no AT2', () => {
      expect(run({ type: 'AT2', candidates: [cand('U1', ['AT1'])] }).toProduce).toEqual([]);
    });

    it('refuses AT2 with no AT1 in the log for this episode, even if the review says AT2 is due', () => {
      const plan = run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], log: [logRow('AT1', 'U1', '2023-10-02', 'Produced', 'episode-2023-09-18')] });
      expect(plan.toProduce).toEqual([]);
      expect(plan.skipped[0]).toMatchObject({ upn: 'U1', code: 'outOfOrder' });
      expect(plan.skipped[0].reason).toContain('AT1');
    });

    it('does not count a Cancelled or Out of date AT1', () => {
      for (const status of ['Cancelled', 'Out of date']) {
        const plan = run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], log: [logRow('AT1', 'U1', '2023-12-01', status)] });
        expect(plan.toProduce).toEqual([]);
      }
    });

    it('makes AT2 once the AT1 is in the log, or when the Head of Year overrides', () => {
      expect(run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], log: [logRow('AT1', 'U1', '2023-12-01', 'Sent')] }).toProduce.map((l) => l.key)).toEqual([`AT2|U1|${EP}`]);
      expect(run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], overrides: ['U1'] }).toProduce).toHaveLength(1);
    });

    it('keeps the rest of the ladder in order too (panel needs AT2)', () => {
      const plan = run({ type: 'panel', candidates: [cand('U1', ['panel'])], log: [logRow('AT1', 'U1', '2023-11-01')] });
      expect(plan.skipped[0].code).toBe('outOfOrder');
    });
  });

  it('needs no earlier rung for a PA letter', () => {
    const plan = run({ type: 'PA', candidates: [cand('U1', ['AT1', 'PA'], { key: '2023/24-HT3' })] });
    expect(plan.toProduce).toEqual([{ upn: 'U1', type: 'PA', key: 'PA|U1|2023/24-HT3' }]);
  });
});

describe('remaining (resumable runs)', () => {
  it('after a crash part-way through, a re-run gives every pupil exactly one letter', () => {
    const many: Pupil[] = [];
    const candidates: LetterCandidate[] = [];
    for (let i = 0; i < 12; i++) {
      const upn = `P${String(i).padStart(3, '0')}`;
      many.push(pupil({ upn, surname: `S${i}`, year: 7 + (i % 5), regGroup: `${7 + (i % 5)}X` }));
      candidates.push(cand(upn, ['AT1']));
    }
    const input: LetterRunInput = { type: 'AT1', asOf: '2024-01-26', pupils: many, candidates, log: [] };
    for (const k of [0, 1, 5, 11, 12]) {
      const log: LetterLogEntry[] = [];
      const produced: string[] = [];
      const make = (l: { upn: string; key: string; type: LetterType }) => {
        produced.push(l.upn);
        log.push({ key: l.key, date: '2024-01-26', type: l.type, upn: l.upn, link: '', by: 'hoy', status: 'Produced' });
      };
      // First run stops (time limit or crash) after k letters: log rows exist for those k only.
      const first = planLetterRun({ ...input, log });
      first.toProduce.slice(0, k).forEach(make);
      // The re-run plans again from the log, and finishes what is left.
      const again = planLetterRun({ ...input, log: log.slice() });
      remaining(again, log).forEach(make);
      expect(produced.slice().sort()).toEqual(many.map((p) => p.upn).sort());
      expect(new Set(produced).size).toBe(produced.length);
      // And a third run has nothing left to do.
      expect(remaining(planLetterRun({ ...input, log }), log)).toEqual([]);
    }
  });

  it('finishes the original plan from the log alone', () => {
    const plan = run({ candidates: ['U1', 'U2', 'U3'].map((u) => cand(u, ['AT1'])) });
    const log = [logRow('AT1', plan.toProduce[0].upn, '2024-01-26')];
    expect(remaining(plan, log)).toEqual(plan.toProduce.slice(1));
    expect(remaining(plan, [logRow('AT1', plan.toProduce[0].upn, '2024-01-26', 'Cancelled')])).toEqual(plan.toProduce);
  });
});

describe('outOfDate', () => {
  it('marks letters whose reason no longer holds after recoding, and only those', () => {
    const log = [
      logRow('AT1', 'U1', '2024-01-15'),
      logRow('AT1', 'U3', '2024-01-15'),
      logRow('PA', 'U1', '2024-01-15', 'Produced', '2023/24-HT3'),
      logRow('AT1', 'U4', '2024-01-15', 'Cancelled'),
    ];
    const current = [
      cand('U1', [], { reasonStillHolds: false }), // recoded marks lifted U1 out of the stage
      cand('U3', ['AT2'], { reasonStillHolds: true }),
      cand('U4', [], { reasonStillHolds: false }),
    ];
    expect(outOfDate(log, current)).toEqual([`AT1|U1|${EP}`]);
  });

  it('does not mark a letter when the pupil has no current review result', () => {
    expect(outOfDate([logRow('AT1', 'U1', '2024-01-15')], [])).toEqual([]);
  });

  it('does not mark a row already Out of date again', () => {
    expect(outOfDate([logRow('AT1', 'U1', '2024-01-15', 'Out of date')], [cand('U1', [], { reasonStillHolds: false })])).toEqual([]);
  });
});

describe('letterKey', () => {
  it('round-trips type, UPN and period', () => {
    expect(parseLetterKey(letterKey('PA', ' a123 ', '2023/24-HT3'))).toEqual({ type: 'PA', upn: 'A123', period: '2023/24-HT3' });
  });
});

describe('history imported with another key form (issue 16)', () => {
  it('an AT1 in the episode counts as the rung below whatever its key; a PA this half term blocks a second', () => {
    const at1 = { ...logRow('AT1', 'U1', '2024-01-08', 'Sent'), key: 'AT1|U1|date-2024-01-08' };
    const plan = run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], log: [at1] });
    expect(plan.toProduce).toEqual([{ upn: 'U1', type: 'AT2', key: `AT2|U1|${EP}` }]);
    // Before the episode began it does not count: AT2 would skip a rung.
    const older = run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], log: [{ ...at1, date: '2023-12-04', key: 'AT1|U1|date-2023-12-04' }] });
    expect(older.skipped).toEqual([expect.objectContaining({ upn: 'U1', code: 'outOfOrder' })]);
    const pa = { ...logRow('PA', 'U1', '2024-01-10', 'Sent'), key: 'PA|U1|date-2024-01-10' };
    const second = run({ type: 'PA', candidates: [cand('U1', ['PA'], { key: 'halfterm-2024-01-03' })], log: [pa] });
    expect(second.skipped).toEqual([expect.objectContaining({ upn: 'U1', code: 'alreadyProduced', reason: expect.stringContaining('10/01/2024') })]);
  });
});
