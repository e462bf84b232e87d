import { academicYearText, listText, percentText } from '../../../src/core/letters/format';

describe('format', () => {
  it('writes percentages to 1 decimal place, rounding half up on the decimal value', () => {
    expect(percentText(94.444)).toBe('94.4%');
    expect(percentText(94.45)).toBe('94.5%');
    expect(percentText(1.005 * 10)).toBe('10.1%');
    expect(percentText(90)).toBe('90.0%');
    expect(percentText(NaN)).toBe('');
  });

  it('joins lists the UK way', () => {
    expect(listText([])).toBe('');
    expect(listText(['Maths'])).toBe('Maths');
    expect(listText(['English', 'Maths'])).toBe('English and Maths');
    expect(listText(['English', ' ', 'Maths', 'Science'])).toBe('English, Maths and Science');
  });

  it('knows the academic year runs September to August', () => {
    expect(academicYearText('2024-08-31')).toBe('2023/24');
    expect(academicYearText('2024-09-01')).toBe('2024/25');
    expect(academicYearText('2099-10-01')).toBe('2099/00');
  });
});
