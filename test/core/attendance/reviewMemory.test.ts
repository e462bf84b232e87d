/**
 * The kept attendance review (core/attendance/reviewMemory.ts): it reads back exactly, in pieces a
 * Sheets cell can hold, and says why it cannot stand for a fresh review — another day, an import,
 * other settings, any fingerprinted tab changed — and not otherwise.
 */
import { latestMarks, latestPrint, memoryFromText, memoryText, overridesPrint, printOf, staleReason, ReviewMemory } from '../../../src/core/attendance/reviewMemory';

const memory = (over: Partial<ReviewMemory> = {}): ReviewMemory => ({
  version: 2,
  asOf: '2024-01-26',
  generation: 3,
  prints: { settings: 's', students: 'p', lettersLog: 'l', overrides: 'o', legal: 'g', latestMarks: 'm' },
  latestColumns: [19, 20],
  schoolDays: ['2024-01-22', '2024-01-23'],
  pupils: [],
  tiers: [],
  punctuality: [{ upn: 'A123456789012', count: 4, dates: ['2024-01-22 AM'] }],
  lateToLesson: [],
  registerTakenToday: true,
  problems: { tabs: ['Lates to Lesson row 4, Date "31/02/2024": not a date.'], marks: [] },
  ...over,
});

describe('the memory as text', () => {
  it('comes back the same from pieces of any size, and a piece never passes the size', () => {
    const m = memory({ problems: { tabs: ['  spaces at both ends  ', '=not a formula', '2024-01-08'], marks: ['"quoted"\n'] } });
    for (const size of [1, 7, 40000]) {
      const pieces = memoryText(m, size);
      expect(pieces.every((p) => p.length <= size)).toBe(true);
      expect(memoryFromText(pieces)).toEqual(m);
    }
  });

  it('a damaged or foreign memory reads as none', () => {
    const pieces = memoryText(memory(), 10);
    expect(memoryFromText(pieces.slice(1))).toBeNull();
    expect(memoryFromText([])).toBeNull();
    expect(memoryFromText(memoryText(memory({ version: 1 }), 30000))).toBeNull();
    expect(memoryFromText(memoryText(memory({ version: 3 }), 30000))).toBeNull();
    expect(memoryFromText(['{"version":2}'])).toBeNull();
    // A memory kept before the latest weeks' fingerprint (version 1 had no latestColumns).
    const { latestColumns, ...older } = memory();
    void latestColumns;
    expect(memoryFromText(memoryText({ ...older, version: 2 } as ReviewMemory, 30000))).toBeNull();
  });
});

describe('staleReason', () => {
  const now = { asOf: '2024-01-26', generation: 3, prints: { settings: 's', students: 'p', lettersLog: 'l', overrides: 'o', legal: 'g', latestMarks: 'm' } };

  it('stands when the day, the imports and every print are the same', () => {
    expect(staleReason(memory(), now)).toBeNull();
    // A print the caller did not read is not compared.
    expect(staleReason(memory(), { ...now, prints: { settings: 's' } })).toBeNull();
  });

  it.each([
    [{ asOf: '2024-01-29' }, "today's review has not run yet"],
    [{ generation: 4 }, 'an import has changed the tracker since the last review'],
    [{ prints: { ...now.prints, settings: 'S' } }, 'the settings have changed since the last review'],
    [{ prints: { ...now.prints, students: 'P' } }, 'the Students tab has changed since the last review'],
    [{ prints: { ...now.prints, lettersLog: 'L' } }, 'the Letters Log has changed since the last review'],
    [{ prints: { ...now.prints, overrides: 'O' } }, 'a Head of Year override has changed since the last review'],
    [{ prints: { ...now.prints, legal: 'G' } }, 'the Legal tab has changed since the last review'],
    [{ prints: { ...now.prints, latestMarks: 'M' } }, 'marks have been typed into the Register (this week or last) since the last review'],
  ])('%o: %s', (change, why) => {
    expect(staleReason(memory(), { ...now, ...change })).toBe(why);
  });

  it('no memory at all', () => {
    expect(staleReason(null, now)).toBe('there is no earlier review to start from');
  });
});

describe('fingerprints', () => {
  it('change with any record, and not with the order or row of the overrides', () => {
    const a = [{ upn: 'A1', year: 7 }, { upn: 'B2', year: 8 }];
    expect(printOf(a)).toBe(printOf(a.map((x) => ({ ...x }))));
    expect(printOf(a)).not.toBe(printOf([a[0], { upn: 'B2', year: 9 }]));
    expect(printOf(a)).not.toBe(printOf([a[0]]));
    const o1 = [{ upn: 'a1', rung: 'AT2' as const, row: 3 }, { upn: 'B2', rung: 'panel' as const, row: 9 }];
    const o2 = [{ upn: 'B2', rung: 'panel' as const, row: 4 }, { upn: 'A1 ', rung: 'AT2' as const, row: 12 }];
    expect(overridesPrint(o1)).toBe(overridesPrint(o2));
    expect(overridesPrint(o1)).not.toBe(overridesPrint([o1[0], { ...o1[1], rung: 'EWO' as const }]));
  });
});

describe('the Register\'s latest weeks (latestMarks)', () => {
  // A Register on Friday 26 January 2024: UPN, Name, then three weeks (w/c 08/01, 15/01, 22/01).
  const values = [
    ['UPN', 'Name', 'w/c 08/01/2024', 'w/c 15/01/2024', 'w/c 22/01/2024'],
    ['A123456789012', 'Ann', '//////////', '/////N////', '//////////'],
    ['B123456789012', 'Ben', '//////////', '//////////', 'NN////////'],
  ];

  it('are the week of the day and the week before, fingerprinted as those columns read on their own', () => {
    const latest = latestMarks(values, '2024-01-26');
    expect(latest.columns).toEqual([3, 4]);
    expect(latest.print).toBe(latestPrint(values.map((r) => [r[3], r[4]])));
  });

  it('change with a mark in those weeks, not with one in an older week', () => {
    const before = latestMarks(values, '2024-01-26').print;
    const typed = values.map((r) => r.slice());
    typed[2][4] = 'NNN///////';
    expect(latestMarks(typed, '2024-01-26').print).not.toBe(before);
    const older = values.map((r) => r.slice());
    older[1][2] = '/////N////';
    expect(latestMarks(older, '2024-01-26').print).toBe(before);
  });

  it('none without a Register, or with no column for those weeks yet (a holiday)', () => {
    expect(latestMarks(undefined, '2024-01-26')).toEqual({ columns: [], print: latestPrint([]) });
    expect(latestMarks(values, '2024-02-12').columns).toEqual([]);
  });
});
