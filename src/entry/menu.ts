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

export const SAFE_ITEMS: MenuItem[] = [
  { label: 'Set up tracker', fn: 'setUpTracker' },
  { label: 'Help', fn: 'showHelp' },
];

export const MENU: MenuGroup[] = [
  {
    label: 'Homework',
    items: [
      { label: 'Record a missed homework…', fn: 'showRecordMiss' },
      { label: 'Refresh homework tracker', fn: 'refreshHomework' },
    ],
  },
  {
    label: 'Attendance',
    items: [
      { label: 'Review attendance', fn: 'reviewAttendanceNow' },
      { label: 'Coding review', fn: 'showCodingReview' },
      { label: 'Attendance lists', fn: 'showAttendanceLists' },
      { label: 'Record a legal step…', fn: 'showLegalSteps' },
      { label: 'Evidence pack…', fn: 'showEvidencePack' },
    ],
  },
  {
    label: 'Letters',
    items: [
      { label: 'Letter run…', fn: 'showLetterRun' },
      null,
      { label: 'Set up letter templates', fn: 'setUpLetterTemplates' },
    ],
  },
  {
    label: 'QA calendar',
    items: [
      { label: "Today's tasks…", fn: 'showTodaysTasks' },
      { label: 'Import QA calendar (pasted grid)', fn: 'importQaCalendar' },
      null,
      { label: 'Turn on morning e-mails', fn: 'installMorningTrigger' },
      { label: 'Turn off morning e-mails', fn: 'removeMorningTrigger' },
      { label: 'Send weekly digests now', fn: 'sendWeeklyDigests' },
    ],
  },
  {
    label: 'Mentoring',
    items: [
      { label: 'Mentoring slip…', fn: 'showMentoringSlip' },
      { label: 'Progress review', fn: 'runProgressReview' },
    ],
  },
  {
    label: 'Data',
    items: [
      { label: 'Import a file…', fn: 'showImportFile' },
      { label: 'Make an import tab…', fn: 'prepareImportTab' },
      { label: 'Import pasted data', fn: 'importPastedData' },
      { label: 'Pupil profile…', fn: 'showPupilProfile' },
      { label: 'My open interventions…', fn: 'showMyInterventions' },
      { label: 'Refresh dashboard', fn: 'refreshDashboard' },
    ],
  },
];

export const TAIL_ITEMS: MenuItem[] = [
  { label: 'Settings…', fn: 'showSettings' },
  { label: 'Set up tracker', fn: 'setUpTracker' },
  { label: 'Help', fn: 'showHelp' },
  { label: 'Check this tracker', fn: 'checkThisTracker' },
];

export function buildMenu(authMode: GoogleAppsScript.Script.AuthMode | undefined): void {
  installMenu(authMode, SAFE_ITEMS, MENU, TAIL_ITEMS);
}
