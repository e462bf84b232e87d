import { createHash } from 'crypto';
import { LocalEnv } from '../../../local/services/env';
import { createUtilities } from '../../../local/services/utilities';
import { CSV_ERROR } from '../../../local/services/parse-csv';

const u = () => createUtilities(new LocalEnv());

describe('Utilities.formatDate', () => {
  test('Europe/London in winter (GMT) and summer (BST), names in English', () => {
    const winter = new Date('2024-01-26T23:30:05Z');
    expect(u().formatDate(winter, 'Europe/London', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-01-26 23:30:05');
    expect(u().formatDate(winter, 'Europe/London', 'EEE EEEE d MMM MMMM')).toBe('Fri Friday 26 Jan January');
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST)
    const summer = new Date('2024-06-30T23:30:00Z');
    expect(u().formatDate(summer, 'Europe/London', 'dd/MM/yyyy HH:mm')).toBe('01/07/2024 00:30');
    expect(u().formatDate(summer, 'Europe/London', 'Z')).toBe('+0100');
    expect(u().formatDate(summer, 'Europe/London', "'Week of' d")).toBe('Week of 1');
  });
});

describe('Utilities.parseCsv', () => {
  test('quoted delimiters and doubled quotes; custom delimiter; trailing newline', () => {
    expect(u().parseCsv('UPN,Name\n"A1","Smith, ""Amy"""\n')).toEqual([['UPN', 'Name'], ['A1', 'Smith, "Amy"']]);
    expect(u().parseCsv('a;b\r\nc;', ';')).toEqual([['a', 'b'], ['c', '']]);
  });
  test('a line break inside quotes cannot be parsed, as in Apps Script', () => {
    expect(() => u().parseCsv('a,"two\nlines"')).toThrow(CSV_ERROR);
  });
});

describe('other Utilities', () => {
  test('formatString, digest, base64, blobs and sleep', () => {
    const env = new LocalEnv();
    env.now = new Date('2024-01-26T08:00:00Z');
    const ut = createUtilities(env);
    expect(ut.formatString('%s has %d marks (%.1f%%)', 'Amy', 3, 94.44)).toBe('Amy has 3 marks (94.4%)');
    const digest = ut.computeDigest(ut.DigestAlgorithm.SHA_256, 'abc');
    const expected = [...createHash('sha256').update('abc').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(digest).toEqual(expected);
    expect(ut.base64Encode('hé')).toBe(Buffer.from('hé').toString('base64'));
    expect(Buffer.from(ut.base64Decode('aMOp').map((b) => b & 255)).toString()).toBe('hé');
    const blob = ut.newBlob('x,y', 'text/csv', 'a.csv');
    expect(blob.copyBlob().setName('b.csv').getName()).toBe('b.csv');
    expect(blob.getName()).toBe('a.csv');
    expect(blob.getDataAsString()).toBe('x,y');
    ut.sleep(2000);
    expect(env.now.toISOString()).toBe('2024-01-26T08:00:02.000Z');
    expect(env.countsByName()['Utilities.sleep']).toBe(1);
    expect(ut.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
