/**
 * For schools without session marks: the MIS's attendance summary per pupil (SIMS "Attendance
 * Summary", Arbor "Attendance overview"). Possible = attended + authorised + unauthorised, where
 * attended includes approved educational activity (SIMS calls it "Attendance Marks"). A row that
 * does not add up is refused: a wrong count would put a pupil at the wrong stage.
 */
import { AttendanceSummary } from '../types';
import { ColumnDef, tabDef } from '../tabs';
import { mapHeaders } from './headers';
import { Refusal } from './refusal';
import { RowReader } from './rowReader';
import { isBlank } from './cells';

const SUMMARY_COLUMNS: ColumnDef[] = [
  tabDef('Attendance Marks').columns.find((c) => c.field === 'upn')!,
  { header: 'Possible', field: 'possible', kind: 'number', required: true,
    aliases: ['Possible Sessions', 'Possible Marks', 'Sessions Possible', 'Possible Attendance'] },
  { header: 'Attended', field: 'attended', kind: 'number', required: true,
    aliases: ['Present', 'Attendance Marks', 'Sessions Attended', 'Present Marks', 'Present Sessions', 'Attendances'] },
  { header: 'Authorised', field: 'authorised', kind: 'number',
    aliases: ['Authorised Absences', 'Authorised Absence', 'Authorised Sessions', 'Auth Abs'] },
  { header: 'Unauthorised', field: 'unauthorised', kind: 'number',
    aliases: ['Unauthorised Absences', 'Unauthorised Absence', 'Unauthorised Sessions', 'Unauth Abs'] },
];
export const SUMMARY_SPEC = { name: 'Attendance Summary', columns: SUMMARY_COLUMNS };

export interface SummaryResult {
  records: AttendanceSummary[];
  refusals: Refusal[];
  unknownHeaders: string[];
  headerMessages: string[];
}

export function parseAttendanceSummary(rows: unknown[][], opts: { firstRow?: number; rowNumbers?: number[] } = {}): SummaryResult {
  const firstRow = opts.firstRow || 1;
  const map = mapHeaders(SUMMARY_SPEC, rows[0] || []);
  const has = (f: string) => map.columnIndex[f] !== undefined;
  // One of the two absence columns may be missing (the other is the remainder); without both we
  // would have to guess how the absence splits, which decides penalty notices and letters.
  if (!has('authorised') && !has('unauthorised')) {
    map.messages.push('Attendance Summary: no "Authorised" or "Unauthorised" column (looked for ' +
      'Authorised, Authorised Absences, Unauthorised, Unauthorised Absences) — at least one is needed.');
  }
  const result: SummaryResult = { records: [], refusals: [], unknownHeaders: map.unknown, headerMessages: map.messages };
  if (map.messages.length) {
    result.refusals = map.messages.map((reason) => ({ row: firstRow, reason }));
    return result;
  }

  const firstRowOf: Record<string, number> = {};
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] || [];
    if (cells.every(isBlank)) continue;
    const r = new RowReader(SUMMARY_SPEC, map, cells, opts.rowNumbers && opts.rowNumbers[i - 1] !== undefined ? opts.rowNumbers[i - 1] : firstRow + i);
    const upn = r.upn();
    const possible = r.number('possible');
    const attended = r.number('attended');
    // A blank count in a column that is there is 0; a column that is not there is worked out.
    let authorised = has('authorised') ? r.number('authorised') || 0 : null;
    let unauthorised = has('unauthorised') ? r.number('unauthorised') || 0 : null;
    for (const [f, v] of [['possible', possible], ['attended', attended], ['authorised', authorised], ['unauthorised', unauthorised]] as const) {
      if (v !== null && Math.floor(v) !== v) r.fail(f, `${v} is not a whole number of sessions.`);
    }
    if (possible !== null && attended !== null && !r.problems.length) {
      const absent = possible - attended;
      if (absent < 0) r.fail('attended', `attended (${attended}) is more than possible (${possible}).`);
      else if (authorised === null) authorised = absent - (unauthorised as number);
      else if (unauthorised === null) unauthorised = absent - authorised;
      if (absent >= 0 && (authorised! < 0 || unauthorised! < 0 || authorised! + unauthorised! !== absent)) {
        r.fail('possible', `attended ${attended} + authorised ${authorised} + unauthorised ${unauthorised} ` +
          `does not make possible ${possible}.`);
      }
    }
    if (r.problems.length) {
      result.refusals.push(...r.problems);
      continue;
    }
    if (firstRowOf[upn] !== undefined) {
      result.refusals.push({ row: r.row, column: 'UPN', value: upn,
        reason: `this pupil is already on row ${firstRowOf[upn]} — one row per pupil.` });
      continue;
    }
    firstRowOf[upn] = r.row;
    result.records.push({ upn, possible: possible!, attended: attended!, authorised: authorised!, unauthorised: unauthorised! });
  }
  return result;
}
