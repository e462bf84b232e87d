/**
 * The add-on menu, grouped the way staff think (issue 9). Each item names a top-level function
 * (an export of main.ts). In AuthMode.NONE — the add-on installed but not yet used in this
 * spreadsheet — Apps Script lets onOpen add menu items but not read the document or properties,
 * so only the safe items are shown: Set up tracker and Help
 * (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes).
 */
import { installMenu, MenuEntry } from '../gas/ui';

export type MenuItem = MenuEntry;
export interface MenuGroup {
  label: string;
  items: (MenuItem | null)[]; // null = separator
}

/** An item: its label and the top-level function it runs. */
const item = (label: string, fn: string): MenuItem => ({ label, fn });
/** A submenu: its label, then its items in order (null: a separator line). */
const group = (label: string, ...items: (MenuItem | null)[]): MenuGroup => ({ label, items });

const SET_UP = item('Set up tracker', 'setUpTracker');
const HELP = item('Help', 'showHelp');

export const SAFE_ITEMS: MenuItem[] = [SET_UP, HELP];

export const MENU: MenuGroup[] = [
  group('Homework',
    item('Record a missed homework…', 'showRecordMiss'),
    item('Refresh homework tracker', 'refreshHomework')),
  group('Attendance',
    item('Review attendance', 'reviewAttendanceNow'),
    item('Coding review', 'showCodingReview'),
    item('Attendance lists', 'showAttendanceLists'),
    item('Record a legal step…', 'showLegalSteps'),
    item('Evidence pack…', 'showEvidencePack')),
  group('Letters',
    item('Letter run…', 'showLetterRun'),
    null,
    item('Set up letter templates', 'setUpLetterTemplates')),
  group('QA calendar',
    item("Today's tasks…", 'showTodaysTasks'),
    item('Import QA calendar (pasted grid)', 'importQaCalendar'),
    null,
    item('Turn on morning e-mails', 'installMorningTrigger'),
    item('Turn off morning e-mails', 'removeMorningTrigger'),
    item('Send weekly digests now', 'sendWeeklyDigests')),
  group('Mentoring',
    item('Mentoring slip…', 'showMentoringSlip'),
    item('Progress review', 'runProgressReview')),
  group('Data',
    item('Import a file…', 'showImportFile'),
    item('Make an import tab…', 'prepareImportTab'),
    item('Import pasted data', 'importPastedData'),
    item('Pupil profile…', 'showPupilProfile'),
    item('My open interventions…', 'showMyInterventions'),
    item('Refresh dashboard', 'refreshDashboard')),
];

export const TAIL_ITEMS: MenuItem[] = [item('Settings…', 'showSettings'), SET_UP, HELP, item('Check this tracker', 'checkThisTracker')];

export function buildMenu(authMode: GoogleAppsScript.Script.AuthMode | undefined): void {
  installMenu(authMode, SAFE_ITEMS, MENU, TAIL_ITEMS);
}
