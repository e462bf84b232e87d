/**
 * "My open interventions" (issue 20) on a small tracker: the Head of Year's own open rows, read
 * from the tabs as staff left them, and the click that selects a row by its Key after the tab has
 * been re-sorted. Expected lists worked out by hand from the rows written here.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { importRows } from '../../src/jobs/importData';
import { myInterventionsJob, selectInterventionJob } from '../../src/jobs/myInterventions';
import { UserError } from '../../src/core/errors';

let t: TrackerFixture;
const pupils: Array<{ upn: string; name: string; year: number; reg: string }> = [];
beforeAll(() => {
  t = makeTracker({ pupils: 60, tabs: ['Students'] });
  const [h, ...rows] = t.school.tables.Students;
  const col = (re: RegExp) => h.findIndex((x) => re.test(x));
  for (const r of rows) {
    // On roll, with a plain surname, so the surname order is plain alphabetical order here.
    if (r[col(/leaving/i)] || !/^[A-Za-z]+$/.test(r[col(/surname/i)])) continue;
    pupils.push({ upn: r[col(/upn/i)], name: `${r[col(/surname/i)]}, ${r[col(/forename/i)]}`, year: Number(r[col(/year/i)]), reg: r[col(/reg/i)] });
  }
  importRows(t.ss, 'Staff', [
    ['Name', 'Email', 'Role', 'Year', 'Reg Group'],
    ['Ms Smith', 'smith@hillside.sch.uk', 'Head of Year', '9', ''],
    ['Mr Brown', 'brown@hillside.sch.uk', 'YAM', '10', ''],
  ]);
});
afterAll(() => t.uninstall());

/** Pupils of year `y` whose surnames start with different letters, in alphabetical order. */
function inYear(y: number) {
  const firsts = new Set<string>();
  return pupils.filter((p) => p.year === y && !firsts.has(p.name[0]) && firsts.add(p.name[0])).sort((a, b) => (a.name < b.name ? -1 : 1));
}

function writeInterventions() {
  const [a, b] = inYear(9);
  const [c] = inYear(10);
  const header = ['Date', 'UPN', 'Area', 'Action', 'Owner', 'Due', 'Status', 'Outcome', 'Key'];
  importRows(t.ss, 'Interventions', [header,
    ['08/01/2024', b.upn, 'Homework', 'Meeting with parents', 'Head of Year: Ms Smith', '30/01/2024', 'Open', '', 'K1'],
    ['08/01/2024', a.upn, 'Homework', 'Planner check', 'Head of Year', '30/01/2024', 'Open', '', 'K2'], // bare role, Year 9
    ['08/01/2024', a.upn, 'Progress', 'Below target: review', 'Head of Year: Ms Smith', '19/01/2024', 'Open', '', 'K3'], // overdue
    ['08/01/2024', c.upn, 'Homework', 'Meeting', 'Head of Year: Mr Brown', '10/01/2024', 'Open', '', 'K4'], // Brown's
    ['08/01/2024', b.upn, 'Homework', 'Done already', 'Head of Year: Ms Smith', '12/01/2024', 'Done', 'Met', 'K5'],
    ['08/01/2024', b.upn, 'Homework', 'Called off', 'Head of Year: Ms Smith', '12/01/2024', 'Cancelled', '', 'K6'],
    ['08/01/2024', c.upn, 'Homework', 'Year 10 bare', 'Head of Year', '31/01/2024', 'Open', '', 'K7'], // Year 10: Brown's
  ]);
  return { a, b, c };
}

test("the Head of Year sees her own open rows, overdue first; a colleague's and closed rows are not there", () => {
  const { a, b } = writeInterventions();
  const v = myInterventionsJob(t.ss, 'Smith@Hillside.sch.uk', '2024-01-26');
  expect(v.who).toBe('Ms Smith (Head of Year 9)');
  expect([v.count, v.overdue, v.skipped]).toEqual([3, 1, 0]);
  expect(v.groups.map((g) => [g.title, g.items.map((i) => [i.key, i.pupil, i.year, i.regGroup, i.dueUk, i.action])])).toEqual([
    ['Overdue', [['K3', a.name, 9, a.reg, '19/01/2024', 'Below target: review']]],
    ['Due 30/01/2024', [['K2', a.name, 9, a.reg, '30/01/2024', 'Planner check'], ['K1', b.name, 9, b.reg, '30/01/2024', 'Meeting with parents']]],
  ]);
  const brown = myInterventionsJob(t.ss, 'brown@hillside.sch.uk', '2024-01-26');
  expect(brown.groups.flatMap((g) => g.items.map((i) => i.key))).toEqual(['K4', 'K7']);
});

test('someone not on the Staff tab is told so, naming the tab', () => {
  expect(() => myInterventionsJob(t.ss, 'visitor@hillside.sch.uk', '2024-01-26')).toThrow(UserError);
  expect(() => myInterventionsJob(t.ss, 'visitor@hillside.sch.uk', '2024-01-26')).toThrow(/not on the Staff tab/);
});

test('a click selects the row by its Key, after staff re-sorted the tab', () => {
  writeInterventions();
  const sheet = t.ss.getSheetByName('Interventions')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const keyCol = header.indexOf('Key') + 1;
  const actionCol = header.indexOf('Action') + 1;
  const before = sheet.getRange(2, keyCol, sheet.getLastRow() - 1, 1).getValues().map((r) => r[0]);
  // Sort by Action, Z→A: the rows move (K1 "Meeting with parents" is no longer where it was).
  sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: actionCol, ascending: false });
  const after = sheet.getRange(2, keyCol, sheet.getLastRow() - 1, 1).getValues().map((r) => r[0]);
  expect(after).not.toEqual(before);
  // Actions Z→A: Year 10 bare, Planner check, Meeting with parents, Meeting, Done already, Called off, Below target.
  expect(after).toEqual(['K7', 'K2', 'K1', 'K4', 'K5', 'K6', 'K3']);
  const { row } = selectInterventionJob(t.ss, 'k1');
  expect(row).toBe(4);
  const active = t.ss.getActiveRange()!;
  expect([active.getSheet().getName(), active.getRow(), active.getNumRows(), active.getColumn(), active.getNumColumns()]).toEqual(['Interventions', 4, 1, 1, sheet.getLastColumn()]);
  expect(() => selectInterventionJob(t.ss, 'NO-SUCH-KEY')).toThrow(/no longer on the Interventions tab/);
});
