/**
 * After a run the Attendance tab says what went (SPEC §5): the "Last Letter" cell of each pupil
 * the run wrote to ("AT1 + PA produced 26/01/2024"), from the Letters Log as it now stands — the
 * same words the attendance review writes there. Only that column is written (one read, one
 * write per run); a tracker without the column is left alone until Set up tracker adds it.
 */
import { lastAttendanceLetters, lastLetterText } from '../../core/letters/lastLetter';
import { ATTENDANCE_TYPES } from '../../core/letters/plan';
import { mapHeaders } from '../../core/records/headers';
import { tabDef } from '../../core/tabs';
import { LetterLogEntry, LetterType } from '../../core/types';
import { readValues, writeByKey } from '../../gas/tables';
import { LetterRunState } from '../../gas/letterRunStore';
import { LetterSources } from './sources';
import { parseLetterKey } from '../../core/letters/keys';
import { normUpn } from '../../core/pupils/names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function writeLastLetters(ss: Spreadsheet, s: LetterSources, state: LetterRunState): number {
  const planned = s.runs.plans.filter((p) => p.runId === state.runId);
  // This run's rows, as they were written (the log read at the start does not hold them yet).
  const made: LetterLogEntry[] = [];
  for (const p of planned) {
    for (const key of p.keys.length ? p.keys : [p.key]) {
      const type = parseLetterKey(key).type;
      if (ATTENDANCE_TYPES.indexOf(type as LetterType) >= 0) made.push({ key, date: p.date, type, upn: p.upn, link: state.docUrl, by: state.by, status: 'Produced' });
    }
  }
  if (!made.length) return 0;
  const sheet = ss.getSheetByName('Attendance');
  if (!sheet) return 0;
  const values = readValues(sheet);
  const def = tabDef('Attendance');
  if (!values.length || mapHeaders(def, values[0]).columnIndex.lastLetter === undefined) return 0;
  const last = lastAttendanceLetters(s.log.concat(made));
  const upns = Array.from(new Set(made.map((m) => normUpn(m.upn))));
  const records = upns.map((u) => ({ upn: u, lastLetter: lastLetterText(last.get(u)) }));
  return writeByKey(sheet, def, values, records, { fields: ['lastLetter'], addMissing: false }).updated;
}
