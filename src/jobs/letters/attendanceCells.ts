/**
 * After a run the Attendance tab says what went (SPEC §5): the "Last Letter" cell of each pupil
 * the run wrote to ("AT1 + PA produced 26/01/2024"), from the Letters Log as it now stands — the
 * same words the attendance review writes there — and what is due now that it went (issue 20:
 * no "Send the AT1 letter" left on a pupil whose AT1 was just produced). The run reviews again
 * in memory with its own letters added to the log it read (no further read), and writes that
 * review's Rung, Letters Due, Last Letter, Held, Next Action, Legal Next and Review Due for the
 * run's pupils only: one read, one write per run of adjacent columns (one, as Set up lays them
 * out). A tracker without the Last Letter column is left alone until Set up tracker adds it.
 */
import { lastAttendanceLetters, lastLetterText } from '../../core/letters/lastLetter';
import { ATTENDANCE_TYPES } from '../../core/letters/plan';
import { mapHeaders } from '../../core/records/headers';
import { tabDef } from '../../core/tabs';
import { LetterLogEntry, LetterType } from '../../core/types';
import { readValues, writeByKey } from '../../gas/tables';
import { LetterRunState } from '../../gas/letterRunStore';
import { LetterSources } from '../../core/letters/sources';
import { parseLetterKey } from '../../core/letters/keys';
import { normUpn } from '../../core/pupils/names';
import { reviewAttendance } from '../../core/attendance/review';
import { attendanceRow } from '../attendance/attendanceTab';

/** The columns a letter run brings up to date (the rest wait for the next review). */
const AFTER_RUN_FIELDS = ['rung', 'lettersDue', 'lastLetter', 'held', 'nextAction', 'legalNext', 'reviewDue'];

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
  if (!made.length || !s.reviewInput) return 0;
  const sheet = ss.getSheetByName('Attendance');
  if (!sheet) return 0;
  const values = readValues(sheet);
  const def = tabDef('Attendance');
  if (!values.length) return 0;
  const present = mapHeaders(def, values[0]).columnIndex;
  if (present.lastLetter === undefined) return 0;
  const last = lastAttendanceLetters(s.log.concat(made));
  const upns = Array.from(new Set(made.map((m) => normUpn(m.upn))));
  const after = new Map<string, Record<string, unknown>>();
  const input = s.reviewInput;
  for (const p of reviewAttendance({ ...input, letters: input.letters.concat(made) }).pupils) {
    if (upns.indexOf(normUpn(p.upn)) >= 0) after.set(normUpn(p.upn), attendanceRow(p));
  }
  const fields = AFTER_RUN_FIELDS.filter((f) => present[f] !== undefined);
  const records = upns.map((u) => {
    const rec: Record<string, unknown> = { upn: u };
    const row = after.get(u);
    for (const f of fields) if (row && f in row) rec[f] = row[f];
    rec.lastLetter = lastLetterText(last.get(u));
    return rec;
  });
  return writeByKey(sheet, def, values, records, { fields, addMissing: false }).updated;
}
