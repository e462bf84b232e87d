/**
 * The Letters Log as schools keep it (issue 16): Date, Type, UPN, types matched leniently, the key
 * made by the tracker, ambiguous history reported. Expected keys are written out by hand from the
 * rules in docs/imports.md.
 */
import { parseTab } from '../../../src/core/records/parse';
import { letterTypeOf, letterStatusOf, LETTER_TYPE_ALIASES, typeKey } from '../../../src/core/records/letterTypes';
import { episodeNotes } from '../../../src/core/records/lettersLog';
import { U1, U2 } from './fixtures';

describe('letter types as schools write them', () => {
  it.each([
    ['AT1', 'AT1'], ['at1', 'AT1'], ['AT 1', 'AT1'], ['AT1 letter', 'AT1'], ['Attendance letter 1', 'AT1'], ['Attendance Letter One', 'AT1'],
    ['Stage 2 letter', 'AT2'], ['AT2 Letter (sent)', 'AT2'], ["Governors' attendance panel", 'panel'], ['Panel', 'panel'],
    ['EWO referral', 'EWO'], ['PA letter', 'PA'], ['Persistent Absence Letter', 'PA'], ['Tier 3', 'tier3'], ['tier1', 'tier1'],
    ['Late to lessons letter', 'lateToLesson'], ['Punctuality', 'punctuality'], ['Homework concern', 'homework'],
    ['Attendance reward letter', 'reward'], ['episode-end', 'episode-end'],
  ])('"%s" is %s', (text, type) => {
    expect(letterTypeOf(text)).toEqual({ ok: true, type });
  });

  it('refuses what could be several letters, or none, naming what to write', () => {
    const vague = letterTypeOf('Attendance letter');
    expect(vague.ok).toBe(false);
    expect(!vague.ok && vague.reason).toMatch(/which attendance letter was it\? Write AT1, AT2, Panel, EWO or PA/);
    const other = letterTypeOf('Phone call home');
    expect(!other.ok && other.reason).toMatch(/"Phone call home" is not a letter type/);
    expect(letterTypeOf('').ok).toBe(false);
  });

  it('no alias is listed for two types', () => {
    const seen = new Map<string, string>();
    for (const [type, aliases] of Object.entries(LETTER_TYPE_ALIASES)) {
      for (const a of aliases) {
        const k = typeKey(a);
        expect([k, seen.get(k) ?? type]).toEqual([k, type]);
        seen.set(k, type);
      }
    }
  });

  it('statuses: Posted is Sent, Void is Cancelled, blank stays blank, anything else is refused', () => {
    expect([letterStatusOf('Posted'), letterStatusOf('e-mailed'), letterStatusOf('VOID'), letterStatusOf(''), letterStatusOf('Lost')])
      .toEqual(['Sent', 'Sent', 'Cancelled', '', null]);
  });
});

describe('Letters Log import: Date, Type, UPN', () => {
  const HEAD = ['Date', 'Type', 'UPN'];

  it('makes the key the tracker would have made: one episode from the first rung', () => {
    const res = parseTab('Letters Log', [HEAD,
      ['06/11/2023', 'AT1 letter', U1],
      ['04/12/2023', 'Attendance letter 2', U1],
      ['10/01/2024', 'PA letter', U1],
      ['13/11/2023', 'AT1', U2],
    ]);
    expect(res.refusals).toEqual([]);
    expect(res.records.map((r) => [r.type, r.key])).toEqual([
      ['AT1', `AT1|${U1}|episode-2023-11-06`],
      ['AT2', `AT2|${U1}|episode-2023-11-06`],
      ['PA', `PA|${U1}|date-2024-01-10`],
      ['AT1', `AT1|${U2}|episode-2023-11-13`],
    ]);
    expect(res.fields).toContain('key'); // written like a column the file had
  });

  it('keys non-ladder letters by the school\'s half term when Settings has the dates', () => {
    const res = parseTab('Letters Log', [HEAD, ['10/01/2024', 'PA', U1]], { halfTerms: [{ name: 'Spring 1', start: '2024-01-03', end: '2024-02-09' }] });
    expect(res.records[0].key).toBe(`PA|${U1}|halfterm-2024-01-03`);
  });

  it('an episode-end starts a new episode; a rung sent again starts a new key episode and is reported', () => {
    const res = parseTab('Letters Log', [HEAD,
      ['02/10/2023', 'AT1', U1],
      ['13/11/2023', 'episode-end', U1],
      ['04/12/2023', 'AT1', U1],
      ['08/01/2024', 'AT2', U1],
      ['15/01/2024', 'AT1', U1],
    ]);
    expect(res.refusals).toEqual([]);
    expect(res.records.map((r) => r.key)).toEqual([
      `AT1|${U1}|episode-2023-10-02`,
      `episode-end|${U1}|2023-11-13`,
      `AT1|${U1}|episode-2023-12-04`,
      `AT2|${U1}|episode-2023-12-04`,
      `AT1|${U1}|episode-2024-01-15`,
    ]);
    expect(res.notes).toEqual([
      expect.stringMatching(/^Letters Log row 6: AT1 on 15\/01\/2024 follows AT2 on 08\/01\/2024 .* no episode end between\. The ladder counts one episode from 04\/12\/2023/),
    ]);
  });

  it('a cancelled letter is kept but does not start or move an episode', () => {
    const res = parseTab('Letters Log', [['Date', 'Letter Type', 'Pupil UPN', 'Status'],
      ['06/11/2023', 'AT1', U1, 'Void'],
      ['13/11/2023', 'AT1', U1, 'Posted'],
    ]);
    expect(res.records.map((r) => [r.key, r.status])).toEqual([
      [`AT1|${U1}|episode-2023-11-06`, 'Cancelled'],
      [`AT1|${U1}|episode-2023-11-13`, 'Sent'],
    ]);
    expect(res.notes).toBeUndefined();
  });

  it('refuses, naming row, column and value: an unknown type, a date in the future, a US date, a key for another pupil, the same letter twice', () => {
    const res = parseTab('Letters Log', [['Key', 'Date', 'Type', 'UPN'],
      ['', '06/11/2023', 'Phone call', U1],
      ['', '03/04/2024', 'AT1', U1],
      ['', '11/13/2023', 'AT1', U1],
      [`AT1|${U2}|episode-2023-11-06`, '06/11/2023', 'AT1', U1],
      ['', '13/11/2023', 'AT1', U2],
      ['', '13/11/2023', 'AT1 letter', U2],
    ], { today: '2024-01-26' });
    expect(res.refusals.map((r) => [r.row, r.column, r.value])).toEqual([
      [2, 'Type', 'Phone call'],
      [3, 'Date', '03/04/2024'],
      [4, 'Date', '11/13/2023'],
      [5, 'Key', `AT1|${U2}|episode-2023-11-06`],
      [7, 'Type', 'AT1'],
    ]);
    expect(res.refusals[1].reason).toMatch(/after today \(26\/01\/2024\)/);
    expect(res.refusals[2].reason).toMatch(/US date/);
    expect(res.refusals[4].reason).toMatch(/the same letter as row 6/);
    expect(res.records.map((r) => r.key)).toEqual([`AT1|${U2}|episode-2023-11-13`]);
  });

  it('keeps a key the file has when it is the row\'s own type and pupil', () => {
    const key = `AT1|${U1}|episode-2023-09-18`;
    expect(parseTab('Letters Log', [['Key', 'Date', 'Type', 'UPN'], [key, '06/11/2023', 'AT1 letter', U1]]).records[0].key).toBe(key);
  });
});

describe('episode notes for the letter preview', () => {
  const l = (date: string, type: string, status = 'Sent') => ({ key: '', date, type, upn: U1, link: '', by: '', status });

  it('says when an episode begins above AT1, and when a rung was sent again within it', () => {
    expect(episodeNotes([l('2023-12-04', 'AT2'), l('2024-01-08', 'AT1')], '2023-12-04', '2024-01-26')).toEqual([
      'the Letters Log has AT2 on 04/12/2023 with no AT1 before it in this episode, so the ladder carries on from AT2',
      'the Letters Log has AT1 on 08/01/2024 after AT2 on 04/12/2023 with no episode end between, so the ladder counts one episode from 04/12/2023 (add an "episode-end" row to the Letters Log if a new episode began)',
    ]);
  });

  it('says nothing for a plain history, and names a letter dated after today', () => {
    expect(episodeNotes([l('2023-11-06', 'AT1'), l('2023-12-04', 'AT2')], '2023-11-06', '2024-01-26')).toEqual([]);
    expect(episodeNotes([l('2023-11-06', 'AT1'), l('2024-03-04', 'AT2')], '2023-11-06', '2024-01-26')).toEqual([
      'the Letters Log has AT2 dated 04/03/2024, after today — it is not counted until then',
    ]);
    expect(episodeNotes([l('2023-11-06', 'AT1', 'Cancelled'), l('2023-12-04', 'AT1')], '2023-12-04', '2024-01-26')).toEqual([]);
  });
});
