/**
 * Entry points for tracking and mentoring (issue 8): the Progress review menu item, the mentoring
 * sidebar, and the sidebar's server calls (google.script.run). Each takes the document lock for
 * writes, calls a job with today's date, and tells the person the outcome.
 */
import { withDocumentLock } from '../gas/lock';
import { checkStaff } from '../jobs/access';
import { tell, toast, errorMessage } from '../gas/ui';
import { loadSettings } from '../gas/settingsStore';
import { todayIso } from '../jobs/load';
import { progressReview, describeProgressReview } from '../jobs/progress/review';
import { recordSlipJob, requestSessionJob, slipPupilChoices, FormResult } from '../jobs/progress/forms';

export function runProgressReview(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  toast('Reviewing progress…');
  let text: string;
  try {
    const result = withDocumentLock('Progress review', () => progressReview(ss, loadSettings(), todayIso()));
    text = describeProgressReview(result);
  } catch (e) {
    text = errorMessage(e);
  }
  tell('Progress review', text);
  return text;
}

export function showMentoringSlip(): void {
  const html = HtmlService.createHtmlOutputFromFile('mentoringSlip').setTitle('Mentoring');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** google.script.run: the pupils the sidebar can search (mentored years, on roll). */
export function mentoringSlipPupils() {
  checkStaff(SpreadsheetApp.getActiveSpreadsheet());
  return slipPupilChoices(SpreadsheetApp.getActiveSpreadsheet(), loadSettings(), todayIso());
}

function activeUser(): string {
  return String(Session.getActiveUser().getEmail() || '').trim();
}

function plainForm(form: unknown): Record<string, unknown> {
  return form && typeof form === 'object' && !Array.isArray(form) ? (form as Record<string, unknown>) : {};
}

function guarded(what: string, fn: () => FormResult): FormResult {
  try {
    checkStaff(SpreadsheetApp.getActiveSpreadsheet()); // sidebar calls: staff on the Staff tab only
    return withDocumentLock(what, fn);
  } catch (e) {
    return { ok: false, messages: [errorMessage(e)] };
  }
}

/** google.script.run: save a mentoring slip ({upn, kind, comment, target}). */
export function recordMentoringSlip(form: unknown): FormResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return guarded('Mentoring slip', () => recordSlipJob(ss, plainForm(form), activeUser(), loadSettings(), todayIso()));
}

/** google.script.run: request a Year 11 pupil for a session ({upn, slot, subject, date, time, teacher}). */
export function requestSession(form: unknown): FormResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return guarded('Session request', () => requestSessionJob(ss, plainForm(form), activeUser(), loadSettings(), todayIso()));
}
