/**
 * Attendance entry points (issue 5; names from menu.ts). Each runs a job for today under the
 * document lock and says what happened. Messages carry counts, never pupil names.
 */
import { menuItem } from './wrap';
import { reviewAttendanceJob, describeAttendanceJob } from '../jobs/attendance/job';
import { attendanceListsJob, codingReviewJob, reviewIsCurrent } from '../jobs/attendance/codingReview';
import { loadSettings } from '../gas/settingsStore';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';
import { todayIso } from '../gas/clock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';

/** Menu: Attendance → Review attendance. */
export const reviewAttendanceNow = menuItem('Review attendance', 'staff', () => {
  toast('Reviewing attendance…');
  const result = withDocumentLock('Review attendance', () => reviewAttendanceJob(activeSpreadsheet(), loadSettings(), todayIso()));
  return describeAttendanceJob(result);
});

/**
 * Menu: Attendance → Coding review (a sidebar listing today's coding issues). It shows today's
 * review; when there is none, or an import came since, it reviews first and says so while it works.
 */
export const showCodingReview = menuItem('Coding review', 'staff', () => {
  const ss = activeSpreadsheet();
  if (!reviewIsCurrent(ss, todayIso())) toast('Reviewing attendance first, to include today\'s imports…');
  const view = withDocumentLock('Coding review', () => codingReviewJob(ss, loadSettings(), todayIso()));
  showSidebar('codingReview', 'Coding review', { view });
});

/** Menu: Attendance → Attendance lists: opens the Tier Lists tab and says what each list holds. */
export const showAttendanceLists = menuItem('Attendance lists', 'staff', () => attendanceListsJob(activeSpreadsheet()));
