/**
 * Reading the tracker for a job: each tab read once (one getValues), parsed by header into the
 * records the rules use. Rows staff typed wrongly are not lost or guessed: they come back as
 * `problems` (tab, row, reason) for the job to report, and the rest of the tab is used.
 *
 * Jobs read only the tabs they need (`need`), because the Attendance Marks tab of a big school is
 * a large read.
 */
import { Settings, homeworkReasons } from '../core/settings';
import { loadSettings } from '../gas/settingsStore';
import { readSheetTab } from '../gas/tables';
import { ImportableTab, TabRecords } from '../core/records/parse';
import { formatRefusal } from '../core/records/refusal';
import { parseAttendanceSummary } from '../core/records/summaryImport';
import { AttendanceSummary } from '../core/types';
import { readValues } from '../gas/tables';
import { useSpreadsheetZone } from '../gas/cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type Loaded = { [K in ImportableTab]?: TabRecords[K][] } & { summaries?: AttendanceSummary[] };

export interface LoadResult {
  data: Loaded;
  /** "Homework Log row 12, Date "31/02/2024": …" — for the job's report, never with pupil names. */
  problems: string[];
}

/** `settings`: the school's (its Homework Log reasons); read from the document when not given. */
export function loadTabs(ss: Spreadsheet, need: (ImportableTab | 'Attendance Summary')[], settings?: Settings): LoadResult {
  useSpreadsheetZone(ss);
  const data: Loaded = {};
  const problems: string[] = [];
  for (const name of need) {
    if (name === 'Attendance Summary') {
      const sheet = ss.getSheetByName(name);
      data.summaries = sheet ? parseAttendanceSummary(readValues(sheet)).records : [];
      continue;
    }
    const sheet = ss.getSheetByName(name);
    if (!sheet) {
      (data as any)[name] = [];
      continue;
    }
    // The Homework Log's reasons are the school's own (a renamed reason is not refused).
    const parsed = readSheetTab(sheet, name, name === 'Homework Log' ? { homeworkReasons: homeworkReasons(settings || loadSettings()) } : {});
    (data as any)[name] = parsed.records;
    for (const r of parsed.refusals) problems.push(formatRefusal(name, r));
  }
  return { data, problems };
}

export type { Settings };
