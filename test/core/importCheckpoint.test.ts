/**
 * The import checkpoint's fingerprint (core/importCheckpoint.ts) is kept in document properties
 * between the runs of a big import: an upgrade between two runs must give the same fingerprint for
 * the same data, or the import's report would start counting afresh. The expected values were
 * worked out apart from this code (32-bit FNV-1a, offset 0x811c9dc5, prime 0x01000193, a byte 1
 * after each key field), with Python.
 */
import { fingerprintOf } from '../../src/core/importCheckpoint';
import { FNV_OFFSET, fnvAdd } from '../../src/core/hash';

const mark = (upn: string, session: string) => ({ upn, date: '2024-01-08', session, code: '/' });

test('the row count and a hash of the key fields only', () => {
  expect(fingerprintOf([mark('A123456789012', 'AM')], ['upn', 'date', 'session'])).toBe('1:ae44adba');
  expect(fingerprintOf([mark('A123456789012', 'AM'), mark('B123456789012', 'PM')], ['upn', 'date', 'session'])).toBe('2:e677762d');
  // Another code, the same keys: the same data for the checkpoint.
  expect(fingerprintOf([{ ...mark('A123456789012', 'AM'), code: 'N' }], ['upn', 'date', 'session'])).toBe('1:ae44adba');
});

test('a separator after each text: the same letters split differently hash differently', () => {
  const h = (parts: string[]) => parts.reduce((acc, p) => fnvAdd(acc, p, 0x1f), FNV_OFFSET) >>> 0;
  expect(h(['Yes', '', 'No']).toString(16)).toBe('f326977e');
  expect(h(['ab', 'c'])).not.toBe(h(['a', 'bc']));
});
