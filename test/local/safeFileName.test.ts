/** Output file names from pupils' names (out/evidence, out/letters): readable on any computer. */
import { safeFileName } from '../../local/cli/outputs';

test('accents and letters of their own become plain letters, never vanish', () => {
  expect(safeFileName('Evidence pack Barker, Łukasz')).toBe('Evidence-pack-Barker-Lukasz');
  expect(safeFileName('Zoë Brontë')).toBe('Zoe-Bronte');
  expect(safeFileName('Søren Yılmaz-Weiß')).toBe('Soren-Yilmaz-Weiss');
  expect(safeFileName('a/b\\c:d')).toBe('a-b-c-d');
});
