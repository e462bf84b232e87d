import { ATTENDANCE_CODES, classifyCode, isPossible } from '../../../src/core/attendance/codes';
import { addToTally, emptyTally } from '../../../src/core/attendance/summary';

describe('classifyCode (SPEC §4.1, 2024 regulations)', () => {
  const table: Array<[string, string]> = [
    ['/', 'present'], ['\\', 'present'], ['L', 'present'],
    ['K', 'aea'], ['V', 'aea'], ['P', 'aea'], ['W', 'aea'], ['B', 'aea'],
    ['C', 'authorised'], ['C1', 'authorised'], ['C2', 'authorised'], ['J1', 'authorised'], ['M', 'authorised'],
    ['S', 'authorised'], ['I', 'authorised'], ['R', 'authorised'], ['T', 'authorised'], ['E', 'authorised'],
    ['G', 'unauthorised'], ['N', 'unauthorised'], ['O', 'unauthorised'], ['U', 'unauthorised'],
    ['Q', 'notCounted'], ['Y1', 'notCounted'], ['Y2', 'notCounted'], ['Y3', 'notCounted'], ['Y4', 'notCounted'],
    ['Y5', 'notCounted'], ['Y6', 'notCounted'], ['Y7', 'notCounted'], ['X', 'notCounted'], ['D', 'notCounted'],
    ['Z', 'notCounted'], ['#', 'notCounted'],
    ['H', 'withdrawn'], ['J', 'withdrawn'], ['Y', 'withdrawn'],
    ['', 'blank'], ['  ', 'blank'],
    ['A', 'unknown'], ['Y8', 'unknown'], ['C3', 'unknown'], ['//', 'unknown'], ['F', 'unknown'],
  ];
  it.each(table)('%p is %s', (code, cat) => {
    expect(classifyCode(code)).toBe(cat);
  });

  it('covers every code in the table exactly once', () => {
    const all = Object.values(ATTENDANCE_CODES).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(34);
    for (const c of all) expect(table.find(([k]) => k === c)).toBeDefined();
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(classifyCode('l')).toBe('present');
    expect(classifyCode('c1')).toBe('authorised');
    expect(classifyCode(' g ')).toBe('unauthorised');
    expect(classifyCode('y3')).toBe('notCounted');
    expect(classifyCode('h')).toBe('withdrawn');
  });

  it('counts possible and attended sessions by category', () => {
    expect(['present', 'aea', 'authorised', 'unauthorised'].every((c) => isPossible(c as 'present'))).toBe(true);
    for (const c of ['notCounted', 'withdrawn', 'unknown', 'blank'] as const) expect(isPossible(c)).toBe(false);
    // One mark of each: / (present) and B (AEA) attend; C authorised, G unauthorised; Y, W, Z and a
    // blank are not possible sessions. So 4 possible, 2 attended, 1 authorised, 1 unauthorised (a G).
    const t = emptyTally();
    const marks: [Parameters<typeof addToTally>[1], string][] = [['present', '/'], ['aea', 'B'], ['authorised', 'C'], ['unauthorised', 'G'], ['notCounted', 'Y'], ['withdrawn', 'W'], ['unknown', 'Z'], ['blank', '']];
    for (const [cls, code] of marks) addToTally(t, cls, code);
    expect(t).toEqual({ possible: 4, attended: 2, authorised: 1, unauthorised: 1, lates: 0, uCount: 0, gCount: 1 });
  });
});
