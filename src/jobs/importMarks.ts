/**
 * Importing session marks (issue 22): the long form (attendance-marks.csv, "Import - Attendance
 * Marks": a row per pupil, date and session), the MIS's wide grid ("Import - Register Grid") and
 * the Register's own shape (register.csv, "Import - Register") are all merged into the Register tab (core/attendance/registerTab.ts) — one read of the tab,
 * one write of the columns that changed. Re-importing the same file changes nothing; a changed code
 * is an update; the report counts marks. A mark on a Saturday or Sunday is refused (the Register
 * holds Monday to Friday), naming its row.
 *
 * The whole import is one write (two years of a 2,000-pupil school is 162,000 cells), so it never
 * needs a second run the way a long-form tab of 760,000 rows did.
 */
import { Mark } from '../core/types';
import { toUk, isWeekend } from '../core/dates';
import { parseTab } from '../core/records/parse';
import { parseRegisterGrid } from '../core/records/registerGrid';
import { importReport } from '../core/records/merge';
import { Refusal } from '../core/records/refusal';
import { UserError } from '../core/errors';
import { listName } from '../core/pupils/names';
import { PupilNames, readRegister, registerLayout } from '../core/attendance/registerTab';
import { classifyCode } from '../core/attendance/codes';
import { writeRegisterMarks } from '../gas/register';
import { rememberMergedWeeks } from './attendance/marks';
import { noteTrackerChanged } from './imported';
import { keepCopyAfterImport } from './tabCopies';
import { todayIso } from '../gas/clock';
import { loadTabs } from './load';
import type { ImportOptions, ImportResult } from './importData';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const WEEKEND = 'a Saturday or Sunday: the Register holds Monday to Friday sessions. Check the date.';

/**
 * How the file holds the marks: `long` a row per mark; `grid` the MIS's wide register (a column per
 * date and session); `register` the Register's own shape (a column per week, ten marks a cell —
 * another tracker's Register, or an MIS report of weekly mark strings).
 */
export type MarksShape = 'long' | 'grid' | 'register';

export function importMarks(ss: Spreadsheet, rows: unknown[][], shape: MarksShape, opts: ImportOptions = {}): ImportResult {
  let marks: Mark[];
  let refusals: Refusal[];
  let unknownHeaders: string[] = [];
  if (shape === 'register') {
    const layout = registerLayout(rows[0] || []);
    if (!layout.weeks.length && !layout.messages.length) layout.messages.push('Register: no week columns (headers like "w/c 08/01/2024", each the Monday of its week).');
    if (layout.messages.length) throw new UserError(layout.messages.join('\n'));
    const read = readRegister(layout, rows.slice(1), { classify: classifyCode, rowNumbers: opts.rowNumbers });
    marks = read.marks;
    refusals = read.refusals;
  } else if (shape === 'grid') {
    const g = parseRegisterGrid(rows);
    if (g.headerMessages.length) throw new UserError(g.headerMessages.join('\n'));
    refusals = g.refusals;
    unknownHeaders = g.unknownHeaders;
    marks = [];
    const named = new Set<string>();
    for (const m of g.marks) {
      if (!isWeekend(m.date)) marks.push(m);
      else if (!named.has(`${m.date} ${m.session}`)) {
        named.add(`${m.date} ${m.session}`);
        refusals.push({ row: 1, column: `${toUk(m.date)} ${m.session}`, reason: WEEKEND });
      }
    }
  } else {
    const parsed = parseTab('Attendance Marks', rows, { rowNumbers: opts.rowNumbers });
    if (parsed.headerMessages.length) throw new UserError(parsed.headerMessages.join('\n'));
    refusals = parsed.refusals;
    unknownHeaders = parsed.unknownHeaders;
    marks = [];
    parsed.records.forEach((m, i) => {
      if (!isWeekend(m.date)) marks.push(m);
      else refusals.push({ row: parsed.rows[i], column: 'Date', value: toUk(m.date), reason: WEEKEND });
    });
  }
  const merge = writeRegisterMarks(ss, marks, pupilNames(ss));
  // After the Register's writes (a property is saved at once; gas/properties.ts flushes first).
  rememberMergedWeeks(merge, marks, opts.state);
  if (merge.changedColumns.length) noteTrackerChanged(opts.state, 'Register');
  keepCopyAfterImport(ss, 'Register', opts.today ?? todayIso(), opts.state);
  const report = importReport(shape === 'register' ? 'Register' : 'Attendance Marks', { added: new Array(merge.added), updated: new Array(merge.updated), unchanged: new Array(merge.unchanged) }, { refusals, unknownHeaders });
  if (merge.blocked.length) report.notes = merge.blocked.slice();
  return { ...report, remaining: 0, runs: 1 };
}

/** Each pupil's name ("Surname, Forename") and reg group from the Students tab, for the Register. */
function pupilNames(ss: Spreadsheet): Map<string, PupilNames> {
  const names = new Map<string, PupilNames>();
  for (const p of loadTabs(ss, ['Students']).data.Students || []) names.set(p.upn.toUpperCase(), { name: listName(p), regGroup: p.regGroup });
  return names;
}
