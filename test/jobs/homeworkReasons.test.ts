/**
 * The Homework Log's reasons are the school's (settings.homework), not a fixed list (issue 14): a
 * school that renamed "Not completed" to "No homework" has its rows read, counted as misses, and
 * a reason outside its own list is still refused naming the row and the value.
 */
import { createLocalGoogle, LocalGoogle } from '../../local/google';
import { loadTabs } from '../../src/jobs/load';
import { saveSettings } from '../../src/gas/settingsStore';
import { parseTab } from '../../src/core/records/parse';
import { makeUpn } from '../upn';
import { Ss } from '../gas/tableHelpers';

// Valid UPNs (the Homework Log refuses a UPN with a wrong check letter).
const [A1, A2, A3] = [1, 2, 3].map(makeUpn);

const HEADER = ['Date', 'UPN', 'Subject', 'Class', 'Teacher', 'Reason', 'Subject Detention', 'Detention Attended', 'CL Detention', 'Notes'];
const row = (upn: string, reason: string) => ['2024-01-22', upn, 'Maths', '9x/Ma1', 'Mr Teach', reason, '', '', '', ''];

test('parseTab: the school\'s reasons are accepted, spelled as the school spells them; others refused', () => {
  const rows = [HEADER, row(A1, 'no HOMEWORK'), row(A2, 'Not completed')];
  const r = parseTab('Homework Log', rows, { homeworkReasons: ['No homework', 'Poor effort', 'Late'] });
  expect(r.records.map((e) => [e.upn, e.reason])).toEqual([[A1, 'No homework']]);
  expect(r.refusals).toHaveLength(1);
  expect(r.refusals[0].row).toBe(3);
  expect(r.refusals[0].reason).toContain('Not completed');
});

test('parseTab without the school\'s reasons uses the defaults of SPEC §3', () => {
  const r = parseTab('Homework Log', [HEADER, row(A1, 'Not to a good standard'), row(A2, 'No homework')]);
  expect(r.records.map((e) => e.reason)).toEqual(['Not to a good standard']);
  expect(r.refusals.map((x) => x.row)).toEqual([3]);
});

describe('a job reading the Homework Log of a school with renamed reasons', () => {
  let g: LocalGoogle;
  let uninstall: () => void;
  beforeEach(() => {
    g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
    uninstall = g.install();
  });
  afterEach(() => uninstall());

  test('reads the renamed reasons and refuses only the row whose reason is not the school\'s', () => {
    const ss = g.spreadsheet as unknown as Ss;
    expect(saveSettings({ homework: { missReasons: ['No homework', 'Poor effort'], lateReason: 'Handed in late' } })).toEqual([]);
    const sh = ss.insertSheet('Homework Log');
    const values = [HEADER, row(A1, 'No homework'), row(A2, 'Handed in late'), row(A3, 'Not completed')];
    sh.getRange(1, 1, values.length, HEADER.length).setValues(values);
    const { data, problems } = loadTabs(ss as any, ['Homework Log']);
    expect((data['Homework Log'] || []).map((e) => [e.upn, e.reason])).toEqual([[A1, 'No homework'], [A2, 'Handed in late']]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Homework Log row 4/);
    expect(problems[0]).toContain('Not completed');
  });
});
