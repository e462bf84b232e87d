/**
 * What one pupil's profile needs, reading that pupil's rows and not the whole tracker (issue 22: a
 * sidebar call reads at most 100,000 cells; at 2,000 pupils the whole read was 518,000).
 *
 * - A small tab (at most WHOLE_READ_CELLS cells) is read whole: one call is cheaper than finding.
 * - A longer one: its header, then the rows with this UPN in the UPN column (gas/pupilRows.ts:
 *   the column read, or searched by Sheets on a very long tab), parsed by the same parsers with their real row numbers, so a wrong cell
 *   is still named by its row.
 * - The marks: the pupil's Register row and the school's open sessions from the memory the
 *   imports and the review keep (jobs/attendance/marks.ts readPupilMarks). When that memory cannot
 *   be trusted the whole Register is read, as before (the figures never depend on which way).
 *
 * Problems come back only from what was read: a wrong row of another pupil's in a long tab is for
 * the jobs that read the whole tab to report.
 */
import { ImportableTab, parseTab } from '../../core/records/parse';
import { Mark } from '../../core/types';
import { Settings, homeworkReasons } from '../../core/settings';
import { IsoDate } from '../../core/dates';
import { mapHeaders, HeaderSpec } from '../../core/records/headers';
import { tabDef } from '../../core/tabs';
import { formatRefusal, Refusal } from '../../core/records/refusal';
import { parseAttendanceSummary, SUMMARY_SPEC } from '../../core/records/summaryImport';
import { UserError } from '../../core/errors';
import { normUpn } from '../../core/pupils/names';
import { fromSheetValues, useSpreadsheetZone } from '../../gas/cells';
import { findRows, readRowsAt } from '../../gas/pupilRows';
import { Loaded } from '../load';
import { letCodesThrough, readMarks, readPupilMarks } from '../attendance/marks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A tab this size or smaller is read whole: about what one more call costs in cells (a getValues
 * round trip is ~60 ms, a cell ~0.01 ms: local/services/env.ts), and small enough that eight such
 * tabs stay well under the 100,000 cells.
 */
export const WHOLE_READ_CELLS = 10000;

interface Parsed<T> {
  records: T[];
  refusals: Refusal[];
  headerMessages: string[];
}

/** The header and the rows of `sheet` that may be this pupil's (every row of a small tab). */
function rowsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: HeaderSpec, upn: string, whole: number): { values: unknown[][]; rowNumbers?: number[] } {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return { values: [] };
  if (lastRow * lastCol <= whole) return { values: fromSheetValues(sheet.getRange(1, 1, lastRow, lastCol).getValues()) };
  const header = fromSheetValues(sheet.getRange(1, 1, 1, lastCol).getValues())[0];
  const col = mapHeaders(spec, header).columnIndex.upn;
  // No UPN column: the header alone, so the parser says what is missing, as a whole read would.
  if (col === undefined) return { values: [header] };
  const found = readRowsAt(sheet, findRows(sheet, col + 1, upn, lastRow), lastCol);
  return { values: [header].concat(found.rows), rowNumbers: found.rowNumbers };
}

function readPupilTab<T extends { upn: string }>(
  ss: Spreadsheet,
  name: string,
  spec: HeaderSpec,
  upn: string,
  parse: (values: unknown[][], rowNumbers?: number[]) => Parsed<T>,
  problems: string[],
  whole: number,
): T[] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return [];
  const { values, rowNumbers } = rowsOf(sheet, spec, upn, whole);
  if (!values.length) return [];
  const parsed = parse(values, rowNumbers);
  if (parsed.headerMessages.length) throw new UserError(parsed.headerMessages.join('\n'));
  for (const r of parsed.refusals) problems.push(formatRefusal(name, r));
  const u = normUpn(upn);
  return parsed.records.filter((r) => normUpn(r.upn) === u);
}

/** Tabs with a row per pupil or per pupil's event, keyed by UPN. */
export type PupilTab = Extract<ImportableTab, 'Students' | 'Letters Log' | 'Lates to Lesson' | 'Homework Log' | 'Interventions' | 'Progress' | 'Legal' | 'Contacts'>;

export interface PupilData {
  data: Loaded;
  marks: Mark[];
  /** The school's open sessions when the marks are this pupil's only (undefined: the whole register was read). */
  openSessions?: string[];
  problems: string[];
}

export interface PupilReadOptions {
  /** Tabs up to this many cells are read whole (default WHOLE_READ_CELLS; a test sets 0 to find rows in every tab). */
  wholeReadCells?: number;
}

/** One pupil's rows of each tab asked for ('Attendance Marks': the Register), and the problems in them. */
export function readPupil(ss: Spreadsheet, upn: string, tabs: readonly (PupilTab | 'Attendance Marks' | 'Attendance Summary')[], settings: Settings, asOf: IsoDate, opts: PupilReadOptions = {}): PupilData {
  const whole = opts.wholeReadCells === undefined ? WHOLE_READ_CELLS : opts.wholeReadCells;
  useSpreadsheetZone(ss);
  const data: Loaded = {};
  const problems: string[] = [];
  let marks: Mark[] = [];
  let openSessions: string[] | undefined;
  for (const name of tabs) {
    if (name === 'Attendance Marks') {
      const mine = readPupilMarks(ss, upn, asOf);
      const read = mine || readMarks(ss, { classify: letCodesThrough });
      marks = read.marks;
      problems.push(...read.problems);
      if (mine) openSessions = mine.openSessions;
      continue;
    }
    if (name === 'Attendance Summary') {
      data.summaries = readPupilTab(ss, name, SUMMARY_SPEC, upn, (v, rowNumbers) => parseAttendanceSummary(v, { rowNumbers }), problems, whole);
      continue;
    }
    const parseOpts = name === 'Homework Log' ? { homeworkReasons: homeworkReasons(settings) } : {};
    (data as Record<string, unknown>)[name] = readPupilTab(ss, name, tabDef(name), upn, (v, rowNumbers) => parseTab(name, v, { ...parseOpts, rowNumbers }) as Parsed<{ upn: string }>, problems, whole);
  }
  return { data, marks, openSessions, problems };
}
