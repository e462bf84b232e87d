/**
 * Homework entry points (issue 4). Menu: showRecordMiss, refreshHomework (also the nightly
 * trigger's handler). Sidebar (google.script.run): recordMiss(form), searchPupils(query).
 * Each takes the document lock where it writes, uses today's London date, and tells the person
 * the outcome; sidebar calls return { ok, message } instead of throwing.
 */
import { loadSettings } from '../gas/settingsStore';
import { checkStaff } from '../jobs/access';
import { withDocumentLock } from '../gas/lock';
import { tell, toast, errorMessage } from '../gas/ui';
import { activeUserEmail } from '../gas/session';
import { todayIso } from '../jobs/load';
import { describeRefresh, refreshHomeworkJob, HomeworkRefreshResult } from '../jobs/homework/refresh';
import { PupilMatch, recordMissJob, recordMissSetup, RecordResult, searchPupilsJob } from '../jobs/homework/record';

const ss = () => SpreadsheetApp.getActiveSpreadsheet();

/** Menu and nightly trigger: rebuild the Homework Tracker, This Week and PP report from the log. */
export function refreshHomework(): HomeworkRefreshResult | null {
  try {
    toast('Refreshing the homework tracker…');
    const result = withDocumentLock('Refresh homework tracker', () => refreshHomeworkJob(ss(), loadSettings(), todayIso()));
    tell('Homework tracker', describeRefresh(result));
    return result;
  } catch (e) {
    tell('Homework tracker', `The homework tracker was not refreshed.\n${errorMessage(e)}`);
    return null;
  }
}

/** Menu: the "Record a missed homework" sidebar. */
export function showRecordMiss(): void {
  try {
    const setup = recordMissSetup(ss(), loadSettings(), todayIso(), activeUserEmail());
    const t = HtmlService.createTemplateFromFile('recordMiss');
    (t as any).boot = JSON.stringify(setup); // printed as a JS string literal, parsed in the page
    const html = t.evaluate().setTitle('Record a missed homework');
    SpreadsheetApp.getUi().showSidebar(html);
  } catch (e) {
    tell('Record a missed homework', errorMessage(e));
  }
}

/** Sidebar: record one Homework Log row. Never throws: the form shows the message. */
export function recordMiss(form: unknown): RecordResult {
  try {
    checkStaff(ss()); // only staff on the Staff tab may record (sidebar calls can be made by anyone with the sheet)
    return withDocumentLock('Record a missed homework', () => recordMissJob(ss(), loadSettings(), todayIso(), form), 5000);
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
}

/** Sidebar: up to 20 pupils on roll matching a name, UPN or reg group (read only: no lock). */
export function searchPupils(query: unknown): PupilMatch[] {
  checkStaff(ss());
  return searchPupilsJob(ss(), todayIso(), query);
}
