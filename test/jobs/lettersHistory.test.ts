/**
 * A letter history that reads more than one way (issue 16) is reported in the letter run preview,
 * never silently skipped: an AT1 sent again after an AT2 with no episode end between, and an
 * episode that starts at AT2. Pupils and marks from test/cli/ownFolders.ts (worked out there):
 * C is at 92% (level 2), E at 91% (level 2); as of Friday 26/01/2024.
 */
import { createLocalGoogle } from '../../local/google';
import { loadBundle, Bundle } from '../../local/loadBundle';
import { planChunks } from '../../src/ui/lib/chunks';
import { students, marks, staff, U } from '../cli/ownFolders';

let gas: Bundle;

function importTable(target: string, rows: string[][]) {
  const check = gas.importFileCheck({ target, rows: rows.slice(0, 3) });
  expect(check.messages).toEqual([]);
  planChunks(rows.slice(1), 2, check.groupColumns, 400000).forEach((c, i) => {
    gas.importFilePart({ target, file: `${target}.csv`, header: rows.slice(0, 1), rows: c.rows, rowNumbers: c.rowNumbers, first: i === 0 });
  });
}

beforeAll(() => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T09:00:00Z'), user: 'owner@oakfield.sch.uk' });
  gas = loadBundle(g);
  gas.setUpTracker();
  importTable('Students', students());
  importTable('Staff', staff());
  importTable('Attendance Marks', marks());
  importTable('Letters Log', [
    ['Date', 'Type', 'UPN'],
    ['20/11/2023', 'AT2 letter', U.C],
    ['06/11/2023', 'AT1', U.E],
    ['04/12/2023', 'AT2', U.E],
    ['15/01/2024', 'Attendance letter 1', U.E],
  ]);
});

it('AT1 sent again after AT2: the AT1 preview lists the pupil as skipped, saying what the ladder reads and what to add', () => {
  const p = gas.previewLetterRun({ type: 'AT1', cohort: { kind: 'all' } });
  expect(p.due.map((x: any) => x.upn).sort()).toEqual([U.B, U.D].sort());
  const e = p.skipped.find((x: any) => x.upn === U.E);
  expect(e).toEqual({
    upn: U.E, name: 'Ward, Ethan', year: 9, regGroup: '9Y', code: 'notDue',
    reason: 'No AT1 letter — attendance cause for concern is due: the ladder has panel due instead. Letters Log: the Letters Log has AT1 on 15/01/2024 after AT2 on 04/12/2023 with no episode end between, so the ladder counts one episode from 06/11/2023 (add an "episode-end" row to the Letters Log if a new episode began).',
  });
});

it('the panel preview makes both panel letters and says why beside each', () => {
  const p = gas.previewLetterRun({ type: 'panel', cohort: { kind: 'all' } });
  expect(p.due.map((x: any) => x.upn).sort()).toEqual([U.C, U.E].sort());
  const c = p.due.find((x: any) => x.upn === U.C);
  expect(c.reason).toMatch(/^92\.0% \(level 2\), 0 authorised and 8 unauthorised sessions absent, last rung AT2\. Letters Log: the Letters Log has AT2 on 20\/11\/2023 with no AT1 before it in this episode, so the ladder carries on from AT2\.$/);
  expect(p.skipped).toEqual([]);
});
