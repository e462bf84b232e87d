import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { importRows } from '../../src/jobs/importData';
import { loadSettings } from '../../src/gas/settingsStore';
import { progressReview, describeProgressReview } from '../../src/jobs/progress/review';
import { readValues, openTab } from '../../src/gas/tables';

const ASOF = '2024-01-26';

function rowsOf(t: TrackerFixture, tab: string): Record<string, unknown>[] {
  const [header, ...rows] = readValues(openTab(t.ss, tab));
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}

/** Y10 pupils on roll in the sample school (UPNs), from the Students export. */
function y10(t: TrackerFixture): string[] {
  const [h, ...rows] = t.school.tables.Students;
  const year = h.indexOf('NC Year');
  const leave = h.indexOf('Leaving Date');
  return rows.filter((r) => r[year] === '10' && !r[leave]).map((r) => r[0]);
}

describe('progress review on the tracker', () => {
  let t: TrackerFixture;
  let p: string[];
  beforeEach(() => {
    t = makeTracker({ pupils: 150, tabs: ['Students', 'Staff'] });
    p = y10(t);
    importRows(t.ss, 'Progress', [
      ['UPN', 'Subject', 'FFT Target', 'Working At', 'Predicted'],
      [p[0], 'Maths', '5', '5+', '6'],
      [p[0], 'English', '5-', '5', '5'],
      [p[0], 'Science', '5', 'U', ''],
      [p[0], 'History', '5', '5', '5'],
      [p[1], 'Maths', '6', '5', '5'],
      [p[1], 'English', '6', '5', '6'],
      [p[1], 'Geography', '6', '5+', '6'], // two sub-grades under: on target (a whole grade is the default)
      [p[1], 'Science', '6-', '4', '5'],
      [p[1], 'History', '4', '4', '4'],
      [p[2], 'Maths', '6', '5', '5'],
      [p[2], 'English', '6', '5', '6'],
    ]);
  });
  afterEach(() => t.uninstall());

  it('5+ is above 5 and 5 above 5-, on the tab; U is reported, not compared; colours follow', () => {
    const r = progressReview(t.ss, loadSettings(), ASOF);
    const rows = rowsOf(t, 'Progress');
    const status = (upn: string, subject: string) => rows.find((x) => x.UPN === upn && x.Subject === subject)!.Status;
    expect(status(p[0], 'Maths')).toBe('Above');
    expect(status(p[0], 'English')).toBe('Above');
    expect(status(p[0], 'History')).toBe('On');
    expect(status(p[0], 'Science')).toMatch(/^Not graded: current grade U/);
    expect(r.ungradeable).toEqual([{ upn: p[0], subject: 'Science', message: expect.stringContaining('U (ungraded)') }]);
    expect(describeProgressReview(r)).toContain('could not be compared');
    // No intervention of any kind for the ungraded subject.
    expect(r.added.filter((i) => i.upn === p[0] && i.entryValue.indexOf('Science') === 0)).toEqual([]);

    const sheet = t.ss.getSheetByName('Progress') as any;
    const header = readValues(sheet)[0] as string[];
    const col = header.indexOf('Status') + 1;
    const rowOf = (upn: string, subject: string) => rows.findIndex((x) => x.UPN === upn && x.Subject === subject) + 2;
    expect(t.g.app._effectiveBackground(sheet, rowOf(p[0], 'Maths'), col)).toBe('#b7e1cd');
    expect(t.g.app._effectiveBackground(sheet, rowOf(p[1], 'Maths'), col)).toBe('#f4b6b6');
    expect(t.g.app._effectiveBackground(sheet, rowOf(p[0], 'History'), col)).toBe('#ffffff');
    // Staff columns untouched.
    expect(rows.find((x) => x.UPN === p[0] && x.Subject === 'Maths')!.Target).toBe('5');
  });

  it('Below in 3 subjects goes to the Raising Achievement Coordinator; 2 subjects to heads of subject only', () => {
    const r = progressReview(t.ss, loadSettings(), ASOF);
    expect(r.racPupils).toEqual([p[1]]);
    const iv = rowsOf(t, 'Interventions');
    const rac = iv.filter((x) => String(x.Key).startsWith('PR|rac|'));
    expect(rac).toHaveLength(1);
    expect(rac[0].UPN).toBe(p[1]);
    // Who, beside the UPN (issue 20): "Surname, Forename", year and reg group from the Students tab.
    const pupil = rowsOf(t, 'Students').find((x) => x.UPN === p[1])!;
    expect(rac[0]).toMatchObject({ Pupil: `${pupil.Surname}, ${pupil.Forename}`, Year: 10, 'Reg Group': pupil['Reg Group'] });
    expect(String(rac[0]['Entry Value'])).toBe('Below in Maths, English, Science'); // not Geography (5+ against 6)
    // The Key is the last column, hidden: the add-on's memory, not something staff read.
    const ivSheet = t.ss.getSheetByName('Interventions') as any;
    const header = readValues(ivSheet)[0] as string[];
    expect(header[header.length - 1]).toBe('Key');
    expect(header.slice(0, 5)).toEqual(['Date', 'UPN', 'Pupil', 'Year', 'Reg Group']);
    expect(ivSheet.isColumnHiddenByUser(header.length)).toBe(true);
    expect(String(rac[0].Owner)).toMatch(/^Raising Achievement Coordinator: /);
    const below = iv.filter((x) => String(x.Key).startsWith('PR|below|'));
    expect(below.map((x) => x.UPN).sort()).toEqual([p[1], p[1], p[1], p[2], p[2]].sort());
    expect(below.every((x) => /^Head of subject/.test(String(x.Owner)))).toBe(true);
    // Above is a suggestion for the subject teacher (its own tab), not an Interventions row.
    expect(iv.filter((x) => String(x.Key).startsWith('PR|raise|'))).toEqual([]);
    const raise = rowsOf(t, 'Target Suggestions');
    expect(raise.map((x) => `${x.UPN} ${x['Subject Teacher']}`).sort()).toEqual([`${p[0]} Subject teacher (English)`, `${p[0]} Subject teacher (Maths)`].sort());
    expect(raise.every((x) => x['Suggested Target'] !== '')).toBe(true);
  });

  it('re-running creates nothing new and keeps staff edits', () => {
    const first = progressReview(t.ss, loadSettings(), ASOF);
    expect(first.written.interventionsAdded).toBe(first.added.length);
    expect(first.added.length).toBeGreaterThan(0);
    // Staff close one intervention.
    const sheet = t.ss.getSheetByName('Interventions') as any;
    const header = readValues(sheet)[0] as string[];
    sheet.getRange(2, header.indexOf('Status') + 1).setValue('Done');
    const before = readValues(sheet).length;
    const progressBefore = JSON.stringify(readValues(openTab(t.ss, 'Progress')));
    const again = progressReview(t.ss, loadSettings(), '2024-01-27');
    expect(again.added).toEqual([]);
    expect(again.written.interventionsAdded).toBe(0);
    expect(readValues(sheet).length).toBe(before);
    expect(readValues(sheet)[1][header.indexOf('Status')]).toBe('Done');
    expect(JSON.stringify(readValues(openTab(t.ss, 'Progress')))).toBe(progressBefore);
  });

  it('a new round compares with the last one: moved up / down, and a new Below is logged', () => {
    progressReview(t.ss, loadSettings(), ASOF);
    // Teachers type the new month's grades into the Current column.
    const sheet = openTab(t.ss, 'Progress');
    const values = readValues(sheet);
    const cur = (values[0] as string[]).indexOf('Current');
    const set = (upn: string, subject: string, grade: string) => {
      const r = values.findIndex((x) => x[0] === upn && x[1] === subject);
      sheet.getRange(r + 1, cur + 1).setValue(grade);
    };
    set(p[1], 'Maths', '6+'); // below → above
    set(p[0], 'History', '4'); // on → below
    const r = progressReview(t.ss, loadSettings(), '2024-02-26');
    const rows = rowsOf(t, 'Progress');
    const row = (upn: string, s: string) => rows.find((x) => x.UPN === upn && x.Subject === s)!;
    expect(row(p[1], 'Maths')).toMatchObject({ Status: 'Above', 'Previous Status': 'Below', Movement: 'Up' });
    expect(row(p[0], 'History')).toMatchObject({ Status: 'Below', 'Previous Status': 'On', Movement: 'Down' });
    expect(row(p[2], 'Maths')).toMatchObject({ Status: 'Below', 'Previous Status': 'Below', Movement: 'Same' });
    expect(r.round).toBe('2024-02');
    expect(r.added.some((i) => i.key === `PR|below|${p[0]}|History|2024-02`)).toBe(true);
    // January's rows close themselves (issue 20): target met, or carried to February's row.
    const iv = rowsOf(t, 'Interventions');
    const byKey = (k: string) => iv.find((x) => x.Key === k)!;
    expect(byKey(`PR|below|${p[1]}|Maths|2024-01`)).toMatchObject({
      Status: 'Done', Outcome: 'Closed by Pastoral Tracker 26/02/2024: target met (above target)', 'Exit Value': 'Maths: working at 6+, target 6',
    });
    expect(byKey(`PR|below|${p[2]}|Maths|2024-01`)).toMatchObject({ Status: 'Done', Outcome: "Closed by Pastoral Tracker 26/02/2024: still below at the 2024-02 review: carried to that round's row" });
    expect(byKey(`PR|below|${p[2]}|Maths|2024-02`)).toMatchObject({ Status: 'Open', Outcome: '' });
    // p[1] is below in English and Science only now: fewer than 3, so the coordinator's row closes.
    expect(byKey(`PR|rac|${p[1]}|2024-01`)).toMatchObject({ Status: 'Done', Outcome: 'Closed by Pastoral Tracker 26/02/2024: below target in 2 subjects now', 'Exit Value': 'Below in 2' });
    // Open items only for the current reason: every open progress row is February's.
    const open = iv.filter((x) => String(x.Key).startsWith('PR|') && x.Status === 'Open').map((x) => String(x.Key));
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((k) => !k.endsWith('|2024-02'))).toEqual([]);
    expect(r.written.interventionsClosed).toBe(iv.filter((x) => x.Status === 'Done').length);
    // Re-run in the same round keeps the previous round's status.
    progressReview(t.ss, loadSettings(), '2024-02-27');
    expect(rowsOf(t, 'Progress').find((x) => x.UPN === p[1] && x.Subject === 'Maths')).toMatchObject({ 'Previous Status': 'Below', Movement: 'Up' });
  });

  it('gives each pupil and subject its target, current grade and status, as report.json shows them', () => {
    const mine = progressReview(t.ss, loadSettings(), ASOF).rows.filter((x) => x.upn === p[0]).map((x) => ({ subject: x.subject, target: x.target, current: x.current, status: x.status }));
    expect(mine).toContainEqual({ subject: 'Maths', target: '5', current: '5+', status: 'above' });
    expect(mine).toContainEqual({ subject: 'History', target: '5', current: '5', status: 'on' });
  });
});
