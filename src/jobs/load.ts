/**
 * Reading the tracker for a job: each tab read once (one getValues), parsed by header into the
 * records the rules use. Rows staff typed wrongly are not lost or guessed: they come back as
 * `problems` (tab, row, reason) for the job to report, and the rest of the tab is used.
 *
 * Jobs read only the tabs they need (`need`), because the marks of a big school (the Register,
 * asked for as 'Attendance Marks') are a large read. Inside one execution that runs several jobs (the morning run: jobs/sharedReads.ts)
 * the tabs none of them writes are read once and the records handed to each job (issue 14 "read
 * once per execution"); readers never change the records.
 */
import { Settings, homeworkReasons } from '../core/settings';
import { loadSettings } from '../gas/settingsStore';
import { parseValues, readSheetTab } from '../gas/tables';
import { CopyReader } from './tabCopies';
import { ImportableTab, TabRecords } from '../core/records/parse';
import { formatRefusal } from '../core/records/refusal';
import { parseAttendanceSummary } from '../core/records/summaryImport';
import { AttendanceSummary } from '../core/types';
import { readValues } from '../gas/tables';
import { useSpreadsheetZone } from '../gas/cells';
import { readShared } from './sharedReads';
import { readMarks } from './attendance/marks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Tabs no job of the morning run writes (staff's and the MIS's data). Interventions, Letters Log,
 * Attendance, Session Register, Mentoring Slips, Progress and the add-on's own tabs are written
 * during the run, so each job reads them as they are when it starts.
 */
const READ_ONLY_IN_A_RUN: string[] = ['Students', 'Staff', 'Homework Log', 'Homework Set', 'Attendance Marks', 'Attendance Summary', 'Lates to Lesson', 'Contacts', 'QA Calendar', 'Legal', 'Mentor Meetings', 'Sessions'];

function readOnce<T>(name: string, read: () => T): T {
  return READ_ONLY_IN_A_RUN.indexOf(name) >= 0 ? readShared(`tab|${name}`, read) : read();
}

export type Loaded = { [K in ImportableTab]?: TabRecords[K][] } & { summaries?: AttendanceSummary[] };

export interface LoadResult {
  data: Loaded;
  /** "Homework Log row 12, Date "31/02/2024": …" — for the job's report, never with pupil names. */
  problems: string[];
}

export interface LoadOptions {
  /** A sidebar call's reader: each tab once, long ones through their kept copies (jobs/tabCopies.ts). */
  copies?: CopyReader;
}

/** `settings`: the school's (its Homework Log reasons); read from the document when not given. */
export function loadTabs(ss: Spreadsheet, need: (ImportableTab | 'Attendance Summary')[], settings?: Settings, opts: LoadOptions = {}): LoadResult {
  useSpreadsheetZone(ss);
  const data: Loaded = {};
  const problems: string[] = [];
  for (const name of need) {
    if (name === 'Attendance Summary') {
      const sheet = ss.getSheetByName(name);
      data.summaries = !sheet ? [] : opts.copies ? parseAttendanceSummary(opts.copies.valuesOf(name, sheet)).records : readOnce(name, () => parseAttendanceSummary(readValues(sheet)).records);
      continue;
    }
    if (name === 'Attendance Marks') {
      // The marks live in the Register (issue 22): jobs/attendance/marks.ts reads it.
      const read = readOnce(name, () => readMarks(ss));
      data['Attendance Marks'] = read.marks;
      problems.push(...read.problems);
      continue;
    }
    const sheet = ss.getSheetByName(name);
    if (!sheet) {
      (data as any)[name] = [];
      continue;
    }
    // The Homework Log's reasons are the school's own (a renamed reason is not refused).
    const parseOpts = name === 'Homework Log' ? { homeworkReasons: homeworkReasons(settings || loadSettings()) } : {};
    const parsed = opts.copies ? parseValues(opts.copies.valuesOf(name, sheet), name, parseOpts) : readOnce(name, () => readSheetTab(sheet, name, parseOpts));
    (data as any)[name] = parsed.records;
    for (const r of parsed.refusals) problems.push(formatRefusal(name, r));
  }
  return { data, problems };
}

export type { Settings };
