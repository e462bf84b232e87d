/**
 * Attendance entry points (issue 5; names from menu.ts). Each runs a job for today under the
 * document lock and says what happened. Messages carry counts, never pupil names.
 */
import { menuItem } from './wrap';
import { reviewAttendanceJob, describeAttendanceJob } from '../jobs/attendance/job';
import { runAttendanceReview } from '../jobs/attendance/review';
import { LIST_TABS, TIER_LISTS } from '../jobs/attendance/lists';
import { loadSettings } from '../gas/settingsStore';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';
import { todayIso } from '../gas/clock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';
import { toUk } from '../core/dates';

/** Menu: Attendance → Review attendance. */
export const reviewAttendanceNow = menuItem('Review attendance', 'staff', () => {
  toast('Reviewing attendance…');
  const result = withDocumentLock('Review attendance', () => reviewAttendanceJob(activeSpreadsheet(), loadSettings(), todayIso()));
  return describeAttendanceJob(result);
});

interface CodingReviewView {
  asOf: string;
  pupils: Array<{ kind: string; regGroup: string; upn: string; name: string; date: string; session: string; code: string; message: string }>;
  registers: Array<{ kind: string; regGroup: string; date: string; session: string; message: string }>;
}

const KIND: Record<string, string> = {
  gap: 'Gap', oldN: 'Old N', withdrawn: 'Withdrawn code', unknown: 'Unknown code', incomplete: 'Incomplete register', missing: 'Register not taken',
};

/** The coding review now, read-only. */
function codingReview(): CodingReviewView {
  const asOf = todayIso();
  const { review } = withDocumentLock('Coding review', () => runAttendanceReview(activeSpreadsheet(), loadSettings(), asOf));
  const byUpn = new Map(review.pupils.map((p) => [p.upn, p]));
  return {
    asOf,
    pupils: review.lists.coding.pupils.map((i) => {
      const p = byUpn.get(i.upn);
      return { kind: KIND[i.kind], regGroup: p ? p.regGroup : '', upn: i.upn, name: p ? p.name : '', date: toUk(i.date), session: i.session, code: i.code, message: i.message };
    }),
    registers: review.lists.coding.registers.map((r) => ({ kind: KIND[r.kind], regGroup: r.regGroup, date: toUk(r.date), session: r.session, message: r.message })),
  };
}

/** Menu: Attendance → Coding review (a sidebar listing today's coding issues). */
export const showCodingReview = menuItem('Coding review', 'staff', () => showSidebar('codingReview', 'Coding review', { view: codingReview() }));

/** Menu: Attendance → Attendance lists: opens the Tier Lists tab and says what each list holds. */
export const showAttendanceLists = menuItem('Attendance lists', 'staff', () => {
  const ss = activeSpreadsheet();
  const tiers = ss.getSheetByName(TIER_LISTS.name);
  if (!tiers) return 'There are no attendance lists yet. Choose Attendance → Review attendance first.';
  ss.setActiveSheet(tiers);
  const lines = LIST_TABS.map((tab) => {
    const sheet = ss.getSheetByName(tab.name);
    const n = sheet ? Math.max(0, sheet.getLastRow() - 1) : 0;
    return `${tab.name}: ${sheet ? `${n} row${n === 1 ? '' : 's'}` : 'not made yet'}`;
  });
  return `The lists from the last attendance review (re-run Review attendance to refresh them):\n${lines.join('\n')}`;
});
