/**
 * Homework entry points (issue 4). Menu: showRecordMiss, refreshHomework (also run by the morning
 * trigger through jobs/daily.ts). Sidebar (google.script.run): recordMiss(form), searchPupils(query).
 * Each uses today's London date; writes take the document lock.
 */
import { menuItem, sidebarCall } from './wrap';
import { loadSettings } from '../gas/settingsStore';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';
import { todayIso } from '../gas/clock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';
import { describeRefresh, refreshHomeworkJob } from '../jobs/homework/refresh';
import { PupilMatch, recordMissJob, recordMissSetup, RecordResult, searchPupilsJob } from '../jobs/homework/record';

/** Menu: rebuild the Homework Tracker, This Week and PP report from the log. */
export const refreshHomework = menuItem('Homework tracker', 'staff', () => {
  toast('Refreshing the homework tracker…');
  return describeRefresh(withDocumentLock('Refresh homework tracker', () => refreshHomeworkJob(activeSpreadsheet(), loadSettings(), todayIso())));
});

/** Menu: the "Record a missed homework" sidebar. */
export const showRecordMiss = menuItem('Record a missed homework', 'staff', (caller) => {
  const setup = recordMissSetup(activeSpreadsheet(), loadSettings(), todayIso(), caller.email);
  showSidebar('recordMiss', 'Record a missed homework', { boot: JSON.stringify(setup) }); // a JS string literal, parsed in the page
});

/** Sidebar: record one Homework Log row ({ ok, message } for the form to show). */
export const recordMiss = sidebarCall('staff', (_caller, form: unknown): RecordResult =>
  withDocumentLock('Record a missed homework', () => recordMissJob(activeSpreadsheet(), loadSettings(), todayIso(), form), 5000),
);

/** Sidebar: up to 20 pupils on roll matching a name, UPN or reg group (read only: no lock). */
export const searchPupils = sidebarCall('staff', (_caller, query: unknown): PupilMatch[] => searchPupilsJob(activeSpreadsheet(), todayIso(), query));
