/**
 * Entry points for tracking and mentoring (issue 8): the Progress review menu item, the mentoring
 * sidebar, and the sidebar's server calls (google.script.run). Writes take the document lock.
 */
import { menuItem, sidebarCall } from './wrap';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';
import { todayIso } from '../gas/clock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';
import { loadSettings } from '../gas/settingsStore';
import { progressReview, describeProgressReview } from '../jobs/progress/review';
import { recordSlipJob, requestSessionJob, slipPupilChoices, FormResult } from '../jobs/progress/forms';

/** Menu: Mentoring → Progress review. */
export const runProgressReview = menuItem('Progress review', 'staff', () => {
  toast('Reviewing progress…');
  return describeProgressReview(withDocumentLock('Progress review', () => progressReview(activeSpreadsheet(), loadSettings(), todayIso())));
});

/** Menu: Mentoring → Mentoring slip… */
export const showMentoringSlip = menuItem('Mentoring', 'staff', () => showSidebar('mentoringSlip', 'Mentoring'));

/** Sidebar: the pupils the sidebar can search (mentored years, on roll). */
export const mentoringSlipPupils = sidebarCall('staff', () => slipPupilChoices(activeSpreadsheet(), loadSettings(), todayIso()));

function plainForm(form: unknown): Record<string, unknown> {
  return form && typeof form === 'object' && !Array.isArray(form) ? (form as Record<string, unknown>) : {};
}

/** Sidebar: save a mentoring slip ({upn, kind, comment, target}). */
export const recordMentoringSlip = sidebarCall('staff', (caller, form: unknown): FormResult =>
  withDocumentLock('Mentoring slip', () => recordSlipJob(activeSpreadsheet(), plainForm(form), caller.email, loadSettings(), todayIso())),
);

/** Sidebar: request a Year 11 pupil for a session ({upn, slot, subject, date, time, teacher}). */
export const requestSession = sidebarCall('staff', (caller, form: unknown): FormResult =>
  withDocumentLock('Session request', () => requestSessionJob(activeSpreadsheet(), plainForm(form), caller.email, loadSettings(), todayIso())),
);
