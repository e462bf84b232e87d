import { asSheetText, needsTextEscape, stripControl } from '../../../src/core/records/safeText';

describe('asSheetText', () => {
  it('keeps a formula as text', () => {
    expect(asSheetText('=IMPORTXML("http://x")')).toBe('\'=IMPORTXML("http://x")');
  });

  it.each(['=1+1', '+44 20 7946 0000', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'escapes a string starting with a formula character: %j', (s) => {
      expect(asSheetText(s)).toBe("'" + s);
    });

  it.each(['007', '0123456789', '07700900123', '1.50', '12%', '£5', '1/2/2024', '09:30', 'TRUE', '1e5'])(
    'escapes number-, date- and boolean-like strings that must stay text: %j', (s) => {
      expect(asSheetText(s)).toBe("'" + s);
    });

  it('escapes a string that already starts with an apostrophe (Sheets would hide it)', () => {
    expect(asSheetText("'quoted")).toBe("''quoted");
  });

  it('leaves ordinary text alone', () => {
    for (const s of ['Smith', "O'Brien", 'Year 9', 'A801200005001', '9X1', 'Not completed', '']) {
      expect(asSheetText(s)).toBe(s);
      expect(needsTextEscape(s)).toBe(false);
    }
  });

  it('passes real values through: a negative number stays a number', () => {
    expect(asSheetText(-3)).toBe(-3);
    expect(asSheetText(true)).toBe(true);
    const d = new Date(0);
    expect(asSheetText(d)).toBe(d);
    expect(asSheetText(null)).toBe('');
    expect(asSheetText('-3')).toBe("'-3");
  });
});

describe('stripControl', () => {
  it('removes invisible control characters, keeps tabs and line breaks', () => {
    expect(stripControl('a\u0000b\u001bc\u007fd\u0085e')).toBe('abcde');
    expect(stripControl('line 1\r\nline 2\rline 3\tx')).toBe('line 1\nline 2\nline 3\tx');
  });
});
