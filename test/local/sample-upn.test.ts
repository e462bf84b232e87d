import { CHECK_LETTERS, hasValidCheckLetter, makeUpn, upnCheckLetter } from '../../local/sample/upn';

describe('sample UPN check letters (DfE algorithm)', () => {
  it('agrees with published worked examples', () => {
    // python-stdnum's documentation example, and Arbor's help page (digits weigh to 266 → 13 → P).
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(upnCheckLetter('207000016049')).toBe('P');
    // Hand-worked: 1·2+2·3+3·4+4·5+5·6+6·7+7·8+8·9+9·10+0·11+1·12+2·13 = 368; 368 mod 23 = 0 → A.
    expect(upnCheckLetter('123456789012')).toBe('A');
  });

  it('leaves out I, O and S and reads a temporary UPN\'s last letter by its place in that alphabet', () => {
    expect(CHECK_LETTERS).toHaveLength(23);
    expect(CHECK_LETTERS).not.toMatch(/[IOS]/);
    // "A" counts 0 and "B" counts 1 at weight 13, so the letters differ by 13 places mod 23.
    const a = CHECK_LETTERS.indexOf(upnCheckLetter('12345678901A'));
    const b = CHECK_LETTERS.indexOf(upnCheckLetter('12345678901B'));
    expect((b - a + 23) % 23).toBe(13);
    expect(() => upnCheckLetter('12345678901I')).toThrow(/temporary/);
  });

  it('builds UPNs from their parts and spots a single changed digit', () => {
    const upn = makeUpn(873, 2041, 16, 7);
    expect(upn).toMatch(/^[A-Z]873204116007$/);
    expect(hasValidCheckLetter(upn)).toBe(true);
    const typo = upn.slice(0, 5) + ((+upn[5] + 1) % 10) + upn.slice(6);
    expect(hasValidCheckLetter(typo)).toBe(false);
    expect(hasValidCheckLetter('A12345678901')).toBe(false); // 12 characters: lost a zero
    expect(() => makeUpn(8731, 1, 1, 1)).toThrow(/does not fit/);
  });
});
