import { fromSerial, fullYear, parseUkDate } from '../../../src/core/records/ukDate';

const date = (v: unknown, serial = false) => {
  const r = parseUkDate(v, { serial });
  return r.ok ? r.date : `refused: ${r.reason}`;
};

describe('parseUkDate', () => {
  it('reads day first: 03/04/2024 is 3 April', () => {
    expect(date('03/04/2024')).toBe('2024-04-03');
  });

  it.each([
    ['8/1/24', '2024-01-08'],
    ['08-01-2024', '2024-01-08'],
    ['08.01.2024', '2024-01-08'],
    ['2024-01-08', '2024-01-08'],
    ['2024-01-08T09:15:00', '2024-01-08'],
    ['08/01/2024 09:15', '2024-01-08'],
    ['8 Jan 2024', '2024-01-08'],
    ['08-Jan-24', '2024-01-08'],
    ['29/02/2024', '2024-02-29'],
    ['13/01/2024', '2024-01-13'],
    ['1/1/70', '1970-01-01'],
  ])('%s → %s', (input, iso) => {
    expect(date(input)).toBe(iso);
  });

  it('takes the Europe/London date of a timestamp with a zone', () => {
    // 23:30 UTC on 31 March 2024 is 00:30 BST on 1 April.
    expect(date('2024-03-31T23:30:00Z')).toBe('2024-04-01');
    expect(date('2024-01-31T23:30:00Z')).toBe('2024-01-31');
  });

  it('reads a JS Date as its London calendar date', () => {
    expect(date(new Date(Date.UTC(2024, 5, 30, 23, 30)))).toBe('2024-07-01');
    expect(date(new Date(Date.UTC(2024, 0, 8, 0, 0)))).toBe('2024-01-08');
  });

  it('reads a serial number only in a date column', () => {
    expect(date(45299, true)).toBe('2024-01-08');
    expect(date(45299.75, true)).toBe('2024-01-08');
    expect(date('45299', true)).toBe('2024-01-08');
    expect(date(45299)).toMatch(/refused: 45299 is a number, not a date/);
    expect(fromSerial(0).ok).toBe(false);
  });

  it.each(['31/02/2024', '13/13/2024', '29/02/2023', '00/01/2024', '2024-02-30', '32 Jan 2024'])(
    'refuses the impossible date %s', (v) => {
      expect(date(v)).toMatch(/refused: .*not a real date/);
    });

  it('refuses a US-looking date rather than guessing', () => {
    expect(date('12/31/2024')).toMatch(/refused: .*US date/);
  });

  it('refuses text that is not a date, and keeps blank as blank', () => {
    expect(date('next Tuesday')).toMatch(/refused/);
    expect(date('')).toBe('');
    expect(date(null)).toBe('');
    expect(date(new Date('nonsense'))).toMatch(/refused/);
  });

  it('two-digit years: 00–69 are 20xx, 70–99 are 19xx', () => {
    expect(fullYear(0, 2)).toBe(2000);
    expect(fullYear(69, 2)).toBe(2069);
    expect(fullYear(70, 2)).toBe(1970);
    expect(date('5/9/99')).toBe('1999-09-05');
  });
});
