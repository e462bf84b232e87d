/**
 * The tracker's tabs (SPEC §2): every column the add-on knows, by header. Columns are found by
 * header wherever staff moved them (case, spacing and non-breaking spaces ignored, MIS aliases
 * accepted). `owned` columns are written by the add-on; every other column belongs to staff and is
 * never written by a job. Set up tracker adds missing tabs and columns from this list.
 */
export type ColumnKind = 'text' | 'date' | 'number' | 'yesno' | 'enum' | 'percent';

export interface ColumnDef {
  header: string;
  field: string;
  kind: ColumnKind;
  aliases?: string[];
  options?: string[]; // drop-down values for enum columns
  owned?: boolean; // the add-on writes this column
  required?: boolean; // an import or job cannot work without it
}

/** The tabs of SPEC §2, by the name staff see: a misspelt tab name is a type error, not a lost read. */
export type TabName =
  'Students' |
  'Staff' |
  'Homework Log' |
  'Homework Tracker' |
  'Homework Set' |
  'Attendance Marks' |
  'Register' |
  'Attendance' |
  'Attendance Summary' |
  'Lates to Lesson' |
  'Interventions' |
  'Letters Log' |
  'Contacts' |
  'QA Calendar' |
  'Progress' |
  'Mentor Meetings' |
  'Mentoring Slips' |
  'Sessions' |
  'Session Register' |
  'Legal';

export interface TabDef {
  name: TabName;
  /** Fields that identify a row; rows are matched by these, never by position. */
  key: string[];
  columns: ColumnDef[];
  /** Tabs the add-on rebuilds whole (no staff data in them). */
  generated?: boolean;
  /** A file format the add-on imports into another tab: Set up tracker does not make it. */
  importOnly?: boolean;
}

import { Settings, homeworkReasons } from './settings';
import { STAFF, STUDENTS, CONTACTS } from './tabDefs/people';
import { HOMEWORK_LOG, HOMEWORK_SET, HOMEWORK_TRACKER } from './tabDefs/homework';
import { ATTENDANCE, ATTENDANCE_MARKS, ATTENDANCE_SUMMARY, LATES_TO_LESSON, LEGAL, REGISTER } from './tabDefs/attendance';
import { INTERVENTIONS, LETTERS_LOG, QA_CALENDAR } from './tabDefs/followUp';
import { MENTOR_MEETINGS, MENTORING_SLIPS, PROGRESS, SESSIONS, SESSION_REGISTER } from './tabDefs/mentoring';

/** Every tab, in the order Set up tracker makes them; each defined in core/tabDefs/ by area. */
export const TABS: TabDef[] = [
  STUDENTS, STAFF, HOMEWORK_LOG, HOMEWORK_TRACKER, HOMEWORK_SET, ATTENDANCE_MARKS, REGISTER, ATTENDANCE, ATTENDANCE_SUMMARY, LATES_TO_LESSON, INTERVENTIONS, LETTERS_LOG, CONTACTS, QA_CALENDAR, PROGRESS, MENTOR_MEETINGS, MENTORING_SLIPS, SESSIONS, SESSION_REGISTER, LEGAL,
];

/**
 * The tabs as this school has them: the Homework Log's reasons are the school's own
 * (settings.homework), so a school that renames a reason gets it in the drop-down and accepted.
 */
export function tabsFor(settings: Settings): TabDef[] {
  const reasons = homeworkReasons(settings);
  return TABS.filter((t) => !t.importOnly).map((t) => (t.name !== 'Homework Log' ? t : { ...t, columns: t.columns.map((c) => (c.field === 'reason' ? { ...c, options: reasons } : c)) }));
}

export function tabDef(name: TabName): TabDef {
  const t = TABS.find((x) => x.name === name);
  if (!t) throw new Error(`Unknown tab "${name}"`);
  return t;
}

/** Header text as compared: lower case, spaces/underscores/nbsp collapsed, punctuation ignored. */
export function normaliseHeader(h: unknown): string {
  return String(h ?? '')
    .replace(/\u00a0/g, ' ')
    .toLowerCase()
    .replace(/[_\-./]+/g, ' ')
    .replace(/[^a-z0-9%# ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The CSV file name for a tab in `--data DIR` (SPEC §8): lower case with hyphens. */
export function csvNameFor(tab: string): string {
  return `${tab.toLowerCase().replace(/\s+/g, '-')}.csv`;
}
