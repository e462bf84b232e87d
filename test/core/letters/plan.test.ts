import { LetterCandidate, letterKey, outOfDate, planLetterRun, remaining, LetterRunInput, parseLetterKey, PlannedLetter } from '../../../src/core/letters/plan';
import { packOrder } from '../../../src/core/letters/order';
import { AddresseeResult, ContactLike, addresseesFor } from '../../../src/core/letters/addressees';
import { LetterLogEntry, LetterType, Pupil } from '../../../src/core/types';
import { pupil } from './fixtures';

const EP = 'episode-2024-01-08';
const HT = 'halfterm-2024-01-03';

function cand(upn: string, due: LetterType[], over: Partial<LetterCandidate> = {}): LetterCandidate {
  return { upn, due, held: false, heldReasons: [], key: EP, reasonStillHolds: true, ...over };
}

function logRow(type: LetterType, upn: string, date: string, status = 'Produced', period = EP, to?: string): LetterLogEntry {
  return { key: letterKey(type, upn, period, to), date, type, upn, link: 'https://docs.example/batch', by: 'hoy@school.example', status };
}

const pupils: Pupil[] = [
  pupil({ upn: 'U1', forename: 'Zac', surname: 'Adams', year: 9, regGroup: '9B', parentName: 'Mrs Sarah Adams', address: '1 Oak Road, Town' }),
  pupil({ upn: 'U2', forename: 'Amy', surname: 'Brown', year: 8, regGroup: '8A', parentName: 'Mr Lee Brown', address: '2 Ash Road, Town' }),
  pupil({ upn: 'U3', forename: 'Ben', surname: 'Adams', year: 9, regGroup: '9A', parentName: 'Ms Kate Adams', address: '3 Elm Road, Town' }),
  pupil({ upn: 'U4', forename: 'Cara', surname: "O'Brien-Smith", year: 9, regGroup: '9B', parentName: "Ms Cath O'Brien-Smith", address: '4 Yew Road, Town' }),
  pupil({ upn: 'U5', forename: 'Dan', surname: 'Evans', year: 9, regGroup: '9B', leavingDate: '2024-01-12' }),
];

function run(over: Partial<LetterRunInput>): ReturnType<typeof planLetterRun> {
  return planLetterRun({ type: 'AT1', asOf: '2024-01-26', pupils, candidates: [], log: [], ...over });
}

/** The plan's letters as [UPN, letter type, covered types, addressee]. */
const shape = (ls: PlannedLetter[]) => ls.map((l) => [l.upn, l.type, l.covers.join('+'), l.addressee.addressee]);

function contact(upn: string, over: Partial<ContactLike>): ContactLike {
  return { upn, name: '', title: '', parentalResponsibility: true, priority: 1, address: '', livesWithPupil: true, correspondence: null, ...over };
}

function addressees(rows: ContactLike[]): Map<string, AddresseeResult> {
  const m = new Map<string, AddresseeResult>();
  for (const p of pupils) m.set(p.upn, addresseesFor(p, rows.filter((c) => c.upn === p.upn)));
  return m;
}

/** What a run writes to the Letters Log: a row per covered rung of every letter, dated asOf. */
function written(ls: PlannedLetter[], date = '2024-01-26'): LetterLogEntry[] {
  const rows: LetterLogEntry[] = [];
  for (const l of ls) l.keys.forEach((key, i) => rows.push({ key, date, type: l.covers[i], upn: l.upn, link: '', by: 'hoy', status: 'Produced' }));
  return rows;
}

describe('one family, one attendance letter a day (issue 18 §1)', () => {
  const due3 = cand('U1', ['AT1', 'PA'], { periods: { AT1: 'episode-2024-01-26', PA: HT } });

  it('a pupil due AT1 and PA (and in a tier) gets ONE letter — the AT1, carrying PA — and a log key per rung', () => {
    for (const type of ['attendance', 'tier', 'AT1', 'PA', 'tier3'] as const) {
      const plan = run({ type, candidates: [due3] });
      expect(shape(plan.toProduce)).toEqual([['U1', 'AT1', 'AT1+PA', 'Mrs S Adams']]);
      expect(plan.toProduce[0].keys).toEqual(['AT1|U1|episode-2024-01-26|to-sarah-adams', `PA|U1|${HT}|to-sarah-adams`]);
    }
  });

  it('the letter is the most serious rung due', () => {
    const plan = run({ type: 'attendance', candidates: [cand('U1', ['PA', 'AT2'], { periods: { PA: HT } })], log: [logRow('AT1', 'U1', '2023-12-01', 'Sent')] });
    expect(shape(plan.toProduce)).toEqual([['U1', 'AT2', 'AT2+PA', 'Mrs S Adams']]);
  });

  it('an AT1 run leaves out a pupil due only PA; a PA run takes a pupil due AT1 and PA', () => {
    const paOnly = cand('U2', ['PA'], { periods: { PA: HT } });
    expect(run({ type: 'AT1', candidates: [paOnly] }).toProduce).toEqual([]);
    expect(shape(run({ type: 'PA', candidates: [paOnly, due3] }).toProduce)).toEqual([['U2', 'PA', 'PA', 'Mr L Brown'], ['U1', 'AT1', 'AT1+PA', 'Mrs S Adams']]);
  });

  it('a tier run after an AT1 run the same day makes no second letter', () => {
    const paOnlySameFamily = cand('U1', ['AT1', 'PA'], { periods: { AT1: 'episode-2024-01-26', PA: HT } });
    const first = run({ type: 'AT1', candidates: [paOnlySameFamily] });
    const log = written(first.toProduce);
    // The review after the AT1 run: nothing left due for U1; a rung made due since (a Head of
    // Year override, say) still waits for tomorrow.
    expect(run({ type: 'tier', candidates: [cand('U1', [])], log }).toProduce).toEqual([]);
    const later = run({ type: 'tier', candidates: [cand('U1', ['AT2'], { periods: { AT2: 'episode-2024-01-26' } })], log, overrides: ['U1'] });
    expect(later.toProduce).toEqual([]);
    expect(later.skipped).toEqual([expect.objectContaining({ upn: 'U1', code: 'writtenToday' })]);
    // The next day it goes.
    expect(planLetterRun({ type: 'tier', asOf: '2024-01-29', pupils, log, overrides: ['U1'], candidates: [cand('U1', ['AT2'], { periods: { AT2: 'episode-2024-01-26' } })] }).toProduce).toHaveLength(1);
  });

  it('a re-run makes nothing', () => {
    const first = run({ type: 'attendance', candidates: [due3, cand('U2', ['PA'], { periods: { PA: HT } })] });
    expect(first.toProduce).toHaveLength(2);
    const again = run({ type: 'attendance', candidates: [due3, cand('U2', ['PA'], { periods: { PA: HT } })], log: written(first.toProduce) });
    expect(again.toProduce).toEqual([]);
    expect(again.skipped.map((k) => k.code)).toEqual(['writtenToday', 'writtenToday']);
  });

  it('non-attendance letters are planned one type at a time and may go on the same day', () => {
    const log = [logRow('AT1', 'U1', '2024-01-26')];
    expect(shape(run({ type: 'homework', candidates: [cand('U1', ['homework'], { key: HT })], log }).toProduce)).toEqual([['U1', 'homework', 'homework', 'Mrs S Adams']]);
  });
});

describe('every parent (issue 18 §2)', () => {
  it('two parents at two addresses get a letter each, addressed to each', () => {
    const to = addressees([
      contact('U1', { name: 'Adams, Sarah', title: 'Mrs', address: '1 Oak Road, Town' }),
      contact('U1', { name: 'Adams, Paul', title: 'Mr', priority: 2, address: '9 Mill Lane, Village', livesWithPupil: false }),
    ]);
    const plan = run({ type: 'attendance', candidates: [cand('U1', ['AT1'])], addressees: to });
    expect(shape(plan.toProduce)).toEqual([['U1', 'AT1', 'AT1', 'Mrs S Adams'], ['U1', 'AT1', 'AT1', 'Mr P Adams']]);
    expect(plan.toProduce.map((l) => l.key)).toEqual([`AT1|U1|${EP}|to-sarah-adams`, `AT1|U1|${EP}|to-paul-adams`]);
  });

  it('two parents at one address get one letter to both', () => {
    const to = addressees([
      contact('U1', { name: 'Adams, Sarah', title: 'Mrs', address: '1 Oak Road, Town' }),
      contact('U1', { name: 'Adams, Paul', title: 'Mr', priority: 2, address: '1 OAK ROAD\nTown' }),
    ]);
    const plan = run({ type: 'attendance', candidates: [cand('U1', ['AT1'])], addressees: to });
    expect(shape(plan.toProduce)).toEqual([['U1', 'AT1', 'AT1', 'Mrs S Adams and Mr P Adams']]);
    expect(plan.toProduce[0].addressee.salutation).toBe('Dear Mrs and Mr Adams');
  });

  it('never the same letter twice per addressee: a parent added later gets it, the one who had it does not', () => {
    const to = addressees([
      contact('U1', { name: 'Adams, Sarah', title: 'Mrs', address: '1 Oak Road' }),
      contact('U1', { name: 'Adams, Paul', title: 'Mr', priority: 2, address: '1 Oak Road' }),
    ]);
    const log = [logRow('AT1', 'U1', '2024-01-25', 'Produced', EP, 'sarah-adams')];
    const plan = run({ type: 'homework', candidates: [], log }); // (another type's run does not touch it)
    expect(plan.toProduce).toEqual([]);
    const again = planLetterRun({ type: 'AT1', asOf: '2024-01-29', pupils, candidates: [cand('U1', ['AT1'])], log, addressees: to });
    expect(shape(again.toProduce)).toEqual([['U1', 'AT1', 'AT1', 'Mr P Adams']]);
    // A key with no addressee (letters from before, or imported history) stands for the whole family.
    const old = planLetterRun({ type: 'AT1', asOf: '2024-01-29', pupils, candidates: [cand('U1', ['AT1'])], log: [logRow('AT1', 'U1', '2024-01-10')], addressees: to });
    expect(old.toProduce).toEqual([]);
    expect(old.skipped[0]).toMatchObject({ code: 'alreadyProduced' });
  });

  it('nobody to write to: skipped, and says why', () => {
    const to = addressees([contact('U1', { name: 'Mrs Sarah Adams', correspondence: false })]);
    const plan = run({ type: 'attendance', candidates: [cand('U1', ['AT1'])], addressees: to });
    expect(plan.toProduce).toEqual([]);
    expect(plan.skipped[0]).toMatchObject({ upn: 'U1', code: 'noAddressee', reason: expect.stringContaining('no correspondence') });
  });
});

describe('proposed panel and EWO letters (SPEC §4.2)', () => {
  it('are not made until the Head of Year confirms them; the PA letter still goes meanwhile', () => {
    const log = [logRow('AT1', 'U1', '2023-10-02', 'Sent'), logRow('AT2', 'U1', '2023-11-06', 'Sent')];
    const c = cand('U1', ['panel', 'PA'], { proposed: ['panel'], periods: { PA: HT } });
    const plan = run({ type: 'attendance', candidates: [c], log });
    expect(plan.proposals).toEqual([{ upn: 'U1', type: 'panel' }]);
    expect(shape(plan.toProduce)).toEqual([['U1', 'PA', 'PA', 'Mrs S Adams']]);
    const confirmed = run({ type: 'attendance', candidates: [c], log, confirmed: ['u1'] });
    expect(shape(confirmed.toProduce)).toEqual([['U1', 'panel', 'panel+PA', 'Mrs S Adams']]);
    expect(confirmed.proposals).toEqual([]);
  });
});

describe('printing order (issue 18 §5)', () => {
  it('year, reg group, surname — and siblings at one address next to each other', () => {
    // U2 (Year 8) and U4 (Year 9) are brother and sister at one address; U3 is in 9A before U4's 9B.
    const family = [
      contact('U2', { name: 'Brown, Lee', title: 'Mr', address: '2 Ash Road, Town' }),
      contact('U4', { name: 'Brown, Lee', title: 'Mr', address: '2 Ash Road, Town' }),
    ];
    const plan = run({ type: 'attendance', candidates: ['U1', 'U2', 'U3', 'U4'].map((u) => cand(u, ['AT1'])), addressees: addressees(family) });
    expect(plan.toProduce.map((l) => l.upn)).toEqual(['U2', 'U4', 'U3', 'U1']);
  });

  it('packOrder keeps a letter with no address on its own', () => {
    const byUpn = new Map(pupils.map((p) => [p.upn, p] as [string, Pupil]));
    const blank = (upn: string) => ({ upn, type: 'AT1', key: upn, keys: [upn], covers: ['AT1'], addressee: { household: '' } } as unknown as PlannedLetter);
    expect(packOrder([blank('U1'), blank('U2'), blank('U3')], byUpn).map((l) => l.upn)).toEqual(['U2', 'U3', 'U1']);
  });
});

describe('planLetterRun', () => {
  it('makes the letter for each pupil it is due for, in year, reg group, surname order', () => {
    const plan = run({ candidates: ['U1', 'U2', 'U3', 'U4'].map((u) => cand(u, ['AT1'])) });
    expect(plan.toProduce.map((l) => l.upn)).toEqual(['U2', 'U3', 'U1', 'U4']);
    expect(plan.toProduce[0]).toMatchObject({ upn: 'U2', type: 'AT1', key: `AT1|U2|${EP}|to-lee-brown`, covers: ['AT1'] });
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
    expect(plan.toProduce.map((l) => l.key)).toEqual(['AT1|U1|episode-2024-03-04|to-sarah-adams']);
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
      expect(run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], log: [logRow('AT1', 'U1', '2023-12-01', 'Sent')] }).toProduce.map((l) => l.key)).toEqual([`AT2|U1|${EP}|to-sarah-adams`]);
      expect(run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], overrides: ['U1'] }).toProduce).toHaveLength(1);
    });

    it('keeps the rest of the ladder in order too (panel needs AT2)', () => {
      const plan = run({ type: 'panel', candidates: [cand('U1', ['panel'])], log: [logRow('AT1', 'U1', '2023-11-01')] });
      expect(plan.skipped[0].code).toBe('outOfOrder');
    });
  });

  it('needs no earlier rung for a PA letter', () => {
    const plan = run({ type: 'PA', candidates: [cand('U1', ['PA'], { key: '2023/24-HT3' })] });
    expect(shape(plan.toProduce)).toEqual([['U1', 'PA', 'PA', 'Mrs S Adams']]);
    expect(plan.toProduce[0].key).toBe('PA|U1|2023/24-HT3|to-sarah-adams');
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
      const make = (l: PlannedLetter) => {
        produced.push(l.upn);
        log.push(...written([l]));
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
    const log = written(plan.toProduce.slice(0, 1));
    expect(remaining(plan, log)).toEqual(plan.toProduce.slice(1));
    expect(remaining(plan, log.map((e) => ({ ...e, status: 'Cancelled' })))).toEqual(plan.toProduce);
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
  it('round-trips type, UPN, period and addressee', () => {
    expect(parseLetterKey(letterKey('PA', ' a123 ', '2023/24-HT3'))).toEqual({ type: 'PA', upn: 'A123', period: '2023/24-HT3', to: null });
    expect(parseLetterKey(letterKey('AT1', 'A123', EP, 'kate-smith+lee-jones'))).toEqual({ type: 'AT1', upn: 'A123', period: EP, to: ['kate-smith', 'lee-jones'] });
  });
});

describe('history imported with another key form (issue 16)', () => {
  it('an AT1 in the episode counts as the rung below whatever its key; a PA this half term blocks a second', () => {
    const at1 = { ...logRow('AT1', 'U1', '2024-01-08', 'Sent'), key: 'AT1|U1|date-2024-01-08' };
    const plan = run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], log: [at1] });
    expect(shape(plan.toProduce)).toEqual([['U1', 'AT2', 'AT2', 'Mrs S Adams']]);
    expect(plan.toProduce[0].key).toBe(`AT2|U1|${EP}|to-sarah-adams`);
    // Before the episode began it does not count: AT2 would skip a rung.
    const older = run({ type: 'AT2', candidates: [cand('U1', ['AT2'])], log: [{ ...at1, date: '2023-12-04', key: 'AT1|U1|date-2023-12-04' }] });
    expect(older.skipped).toEqual([expect.objectContaining({ upn: 'U1', code: 'outOfOrder' })]);
    const pa = { ...logRow('PA', 'U1', '2024-01-10', 'Sent'), key: 'PA|U1|date-2024-01-10' };
    const second = run({ type: 'PA', candidates: [cand('U1', ['PA'], { key: 'halfterm-2024-01-03' })], log: [pa] });
    expect(second.skipped).toEqual([expect.objectContaining({ upn: 'U1', code: 'alreadyProduced', reason: expect.stringContaining('10/01/2024') })]);
  });
});
