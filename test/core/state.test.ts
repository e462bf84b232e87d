/**
 * The typed memories of core/state.ts read the strings earlier versions stored (a tracker upgraded
 * mid-term keeps what it remembered) and write the same strings back.
 */
import { ATTENDANCE_REVIEWED, MENTORING_PACK_MONTH, PROGRESS_ROUND, QA_PENDING, importCheckpointKey } from '../../src/core/state';
import { missedSessionKey, parseMissedSessionKey } from '../../src/core/progress/sessions';

test('progress round: confirmed, claimed (pending with the hash it started from), none', () => {
  expect(PROGRESS_ROUND.name).toBe('pastoralTracker.progress.round');
  expect(PROGRESS_ROUND.parse('2025-26 T2')).toEqual({ round: '2025-26 T2' });
  expect(PROGRESS_ROUND.parse('2025-26 T2|pending|9f3a')).toEqual({ round: '2025-26 T2', pendingFrom: '9f3a' });
  expect(PROGRESS_ROUND.parse(null)).toBeNull();
  expect(PROGRESS_ROUND.parse('')).toBeNull();
  expect(PROGRESS_ROUND.format({ round: '2025-26 T2', pendingFrom: '9f3a' })).toBe('2025-26 T2|pending|9f3a');
  expect(PROGRESS_ROUND.format({ round: '2025-26 T2' })).toBe('2025-26 T2');
  expect(PROGRESS_ROUND.format(null)).toBeNull();
});

test('a text memory reads as "" when absent and deletes when set to ""', () => {
  expect(MENTORING_PACK_MONTH.parse(null)).toBe('');
  expect(MENTORING_PACK_MONTH.parse('2025-11')).toBe('2025-11');
  expect(MENTORING_PACK_MONTH.format('2025-11')).toBe('2025-11');
  expect(MENTORING_PACK_MONTH.format('')).toBeNull();
});

test('QA pending: a damaged or partial value reads as nothing owed, not a crash', () => {
  expect(QA_PENDING.parse('{"morning":["2025-11-03",7],"digestWeek":"2025-10-27"}')).toEqual({ morning: ['2025-11-03'], digestWeek: '2025-10-27' });
  expect(QA_PENDING.parse('{not json')).toEqual({ morning: [], digestWeek: '' });
  expect(QA_PENDING.parse('{}')).toEqual({ morning: [], digestWeek: '' });
  expect(QA_PENDING.format({ morning: ['2025-11-03'], digestWeek: '' })).toBe('{"morning":["2025-11-03"],"digestWeek":""}');
});

test("an import checkpoint is per tab; null deletes it; one without a fingerprint is none", () => {
  const key = importCheckpointKey('Attendance Marks');
  expect(key.name).toBe('pastoralTracker.import.Attendance Marks');
  expect(key.parse('{"fingerprint":"3:ab","added":2,"updated":1,"runs":1}')).toEqual({ fingerprint: '3:ab', added: 2, updated: 1, runs: 1 });
  expect(key.parse('{"added":2}')).toBeNull();
  expect(key.format(null)).toBeNull();
});

test('a missed session key carries the pupil, subject and date, even a subject with "|" in it', () => {
  expect(missedSessionKey('A123', 'Maths', '2025-11-04')).toBe('SS|missed|A123|Maths|2025-11-04');
  expect(parseMissedSessionKey('SS|missed|A123|Maths|2025-11-04')).toEqual({ upn: 'A123', subject: 'Maths', date: '2025-11-04' });
  expect(parseMissedSessionKey('SS|missed|A123|Art|Design|2025-11-04')).toEqual({ upn: 'A123', subject: 'Art|Design', date: '2025-11-04' });
});

test('the last review: the import counts it read, and an earlier version\'s memory without them', () => {
  expect(ATTENDANCE_REVIEWED.parse('12|2024-01-26|3.0.1.0.0.2.0|1')).toEqual({ generation: 12, asOf: '2024-01-26', inputs: '3.0.1.0.0.2.0|1' });
  expect(ATTENDANCE_REVIEWED.format({ generation: 12, asOf: '2024-01-26', inputs: '3.0.1.0.0.2.0|1' })).toBe('12|2024-01-26|3.0.1.0.0.2.0|1');
  // Kept before the counts: read with none, which no count matches (the coding review reviews once).
  expect(ATTENDANCE_REVIEWED.parse('12|2024-01-26')).toEqual({ generation: 12, asOf: '2024-01-26', inputs: '' });
  expect(ATTENDANCE_REVIEWED.parse('12|26/01/2024')).toBeNull();
  expect(ATTENDANCE_REVIEWED.parse(null)).toBeNull();
});
