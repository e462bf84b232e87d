import { LOST_ZEROS, checkUpn, upnCheckLetter } from '../../../src/core/records/upn';
import { makeUpn } from '../../upn';

describe('UPN check letter (DfE modulus-23 algorithm)', () => {
  it('accepts published valid UPNs', () => {
    // python-stdnum's doc example: 8·2+1·4+2·5+5·10+1·13 = 93 → 93 mod 23 = 1 → B.
    expect(checkUpn('B801200005001')).toEqual({ ok: true, upn: 'B801200005001' });
    // Arbor's check-letter help page: 2·2+7·4+1·9+6·10+4·12+9·13 = 266 → 13 → P (P is 13 in its
    // own table; the page's "267 … Q" is an arithmetic slip).
    expect(upnCheckLetter('207000016049')).toBe('P');
    expect(checkUpn('P207000016049')).toEqual({ ok: true, upn: 'P207000016049' });
  });

  it('refuses a wrong check letter and says what the digits give', () => {
    const c = checkUpn('B207000016049');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.reason).toMatch(/check letter is wrong.*"P"/);
    expect(checkUpn('A801200005001').ok).toBe(false);
  });

  it('handles temporary UPNs, whose last letter counts as its place in the alphabet', () => {
    // 8·2+1·4+2·5+5·10 = 80 → 80 mod 23 = 11 → M; a final B adds 1·13 → 93 mod 23 = 1 → B.
    expect(checkUpn('M80120000500A').ok).toBe(true);
    expect(checkUpn('B80120000500B').ok).toBe(true);
    expect(checkUpn('M80120000500B').ok).toBe(false);
    const o = checkUpn('A80120000500O');
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.reason).toMatch(/cannot end in "O"/);
  });

  it('trims and upper-cases but never pads', () => {
    expect(checkUpn('  b801200005001 ')).toEqual({ ok: true, upn: 'B801200005001' });
  });

  it.each([
    [801200005001],
    ['801200005001'],
    ['8.012E+11'],
    ['B80120000500'], // a letter then 11 digits
    ['B8012000050'],
  ])('refuses %p as a UPN that lost its leading zeros', (v) => {
    expect(checkUpn(v)).toEqual({ ok: false, reason: LOST_ZEROS });
    expect(LOST_ZEROS).toContain('format the column as text and re-export');
  });

  it('refuses other shapes and blanks', () => {
    expect(checkUpn('').ok).toBe(false);
    expect(checkUpn('B8012000050012').ok).toBe(false);
    expect(checkUpn('B80120A005001').ok).toBe(false);
  });

  it('makeUpn gives valid, distinct, deterministic UPNs', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const u = makeUpn(i);
      expect(checkUpn(u).ok).toBe(true);
      seen.add(u);
    }
    expect(seen.size).toBe(500);
    expect(makeUpn(42)).toBe(makeUpn(42));
    expect(makeUpn(42)).toMatch(/^[A-Z]823000000042$/);
  });
});
