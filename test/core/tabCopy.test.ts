/**
 * A kept copy of a long tab (core/tabCopy.ts): it gives back exactly the values it was made from,
 * and says when it stands for the tab, by the rules worked out by hand below.
 */
import { TabCopy, TAB_COPY_VERSION, copyCheck, copyFromText, copyText, rowText, TabNow } from '../../src/core/tabCopy';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const header = ['Date', 'UPN', 'Subject', 'Reason', 'Notes'];
const values: unknown[][] = [
  header,
  [d('2024-01-08'), 'A123456789012', 'Maths', 'Not completed', ''],
  [d('2024-01-08'), 'A123456789012', 'English', 'Late', 'said "on Monday", then; later ~ok~'],
  [d('2024-01-09'), '1', 1, true, 'TRUE'],
  [new Date(NaN), '=SUM(A1:A2)', 0, false, '2024-01-08'],
];
const copy = (v: unknown[][] = values, generation = '4.0'): TabCopy => ({ version: TAB_COPY_VERSION, tab: 'Homework Log', generation, values: v });

describe('a tab copy as text', () => {
  it('gives back every value with its type: text that looks like a number, date or formula stays text', () => {
    const back = copyFromText(copyText(copy(), 7), 'Homework Log')!;
    expect(back.generation).toBe('4.0');
    expect(back.values.length).toBe(5);
    expect(back.values[1][0]).toBeInstanceOf(Date);
    expect((back.values[1][0] as Date).toISOString()).toBe('2024-01-08T00:00:00.000Z');
    expect(back.values[2][4]).toBe('said "on Monday", then; later ~ok~');
    expect(back.values[3]).toEqual([d('2024-01-09'), '1', 1, true, 'TRUE']);
    expect(isNaN((back.values[4][0] as Date).getTime())).toBe(true);
    expect(back.values[4].slice(1)).toEqual(['=SUM(A1:A2)', 0, false, '2024-01-08']);
    expect(copyFromText(copyText(copy([]), 30000), 'Homework Log')!.values).toEqual([]);
  });

  it('splits into pieces no longer than asked', () => {
    const pieces = copyText(copy(), 7);
    expect(pieces.every((p) => p.length <= 7)).toBe(true);
    expect(pieces.length).toBeGreaterThan(10);
  });

  it('keeps each repeated value once: a long log is far shorter than its values as JSON', () => {
    const subjects = ['Maths', 'English', 'Science', 'History', 'Geography'];
    const long: unknown[][] = [header as unknown[]].concat(Array.from({ length: 2000 }, (_, i) => [d(`2024-01-${String(8 + (i % 5)).padStart(2, '0')}`), `A1234567890${String(i % 40).padStart(2, '0')}`, subjects[i % 5], 'Not completed', '']));
    const asJson = JSON.stringify(long).length;
    expect(copyText(copy(long), 1e9)[0].length).toBeLessThan(asJson / 3);
  });

  it.each([
    ['another tab', (t: string) => t, 'Contacts'],
    ['an edited first line', (t: string) => t.replace('"generation":"4.0"', '"generation":4'), 'Homework Log'],
    ['another version', (t: string) => t.replace(`"version":${TAB_COPY_VERSION}`, '"version":99'), 'Homework Log'],
    ['a row lost', (t: string) => t.replace(/;[^;"]*"}$/, '"}'), 'Homework Log'],
    ['a value out of range', (t: string) => t.replace(/"rows":"0/, '"rows":"zz'), 'Homework Log'],
    ['text cut short', (t: string) => t.slice(0, -5), 'Homework Log'],
  ])('is not read back after %s', (_what, damage, tab) => {
    expect(copyFromText([damage(copyText(copy(), 1e9)[0])], tab)).toBeNull();
  });
});

describe('whether a copy stands for the tab', () => {
  // The copy: 5 rows of 5 columns, read at the tab's import count 4 and no unknown change ("4.0").
  const now = (over: Partial<TabNow> = {}): TabNow => ({ generation: '4.0', lastRow: 5, lastColumn: 5, header, atCopysLast: values[4], ...over });

  it('stands when nothing changed, and stands with rows 6 to 8 added when three were logged below', () => {
    expect(copyCheck(copy(), now())).toEqual({ use: 'same' });
    expect(copyCheck(copy(), now({ lastRow: 8 }))).toEqual({ use: 'extend', from: 6 });
  });

  it.each([
    ['no copy', null, now(), 'no copy'],
    ['an import since', copy(), now({ generation: '5.0' }), 'an import since'],
    ['a run that found its letters changed', copy(), now({ generation: '4.1' }), 'an import since'],
    ['a column added', copy(), now({ lastColumn: 6 }), 'a column added or removed'],
    ['a row deleted', copy(), now({ lastRow: 4, atCopysLast: null }), 'rows deleted'],
    ['a header renamed', copy(), now({ header: ['Date', 'UPN', 'Subject', 'Reason', 'Comment'] }), 'the header row changed'],
    ['a row deleted above and one logged below', copy(), now({ atCopysLast: values[3] }), 'rows deleted, sorted or the last row edited'],
    ['the last row edited', copy(), now({ atCopysLast: values[4].map((v, i) => (i === 2 ? 1 : v)) }), 'rows deleted, sorted or the last row edited'],
    ['a date a day later', copy(), now({ atCopysLast: ([d('2024-01-10')] as unknown[]).concat(values[4].slice(1)) }), 'rows deleted, sorted or the last row edited'],
  ])('not after %s', (_what, c, n, stale) => {
    expect(copyCheck(c as TabCopy | null, n as TabNow)).toEqual({ stale });
  });

  it('tells the number 1 from the text "1", and the same instant as the same date', () => {
    expect(rowText([1])).not.toBe(rowText(['1']));
    expect(rowText([d('2024-01-08')])).toBe(rowText([new Date(Date.UTC(2024, 0, 8))]));
  });
});
