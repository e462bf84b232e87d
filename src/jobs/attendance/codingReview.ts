/**
 * The coding review sidebar (read-only): today's coding issues by pupil (gaps, old N codes,
 * withdrawn or unknown codes) and by register (incomplete, not taken), from a fresh attendance
 * review. And what the Attendance lists menu item says about the lists the last review wrote.
 */
import { IsoDate, toUk } from '../../core/dates';
import { Settings } from '../../core/settings';
import { runAttendanceReview } from './review';
import { LIST_TABS, TIER_LISTS } from './lists';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CodingReviewView {
  asOf: string;
  pupils: Array<{ kind: string; regGroup: string; upn: string; name: string; date: string; session: string; code: string; message: string }>;
  registers: Array<{ kind: string; regGroup: string; date: string; session: string; message: string }>;
}

const KIND: Record<string, string> = {
  gap: 'Gap', oldN: 'Old N', withdrawn: 'Withdrawn code', unknown: 'Unknown code', incomplete: 'Incomplete register', missing: 'Register not taken',
};

export function codingReviewJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate): CodingReviewView {
  const { review } = runAttendanceReview(ss, settings, asOf);
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

/** Opens the Tier Lists tab and says how many rows each list of the last review holds. */
export function attendanceListsJob(ss: Spreadsheet): string {
  const tiers = ss.getSheetByName(TIER_LISTS.name);
  if (!tiers) return 'There are no attendance lists yet. Choose Attendance → Review attendance first.';
  ss.setActiveSheet(tiers);
  const lines = LIST_TABS.map((tab) => {
    const sheet = ss.getSheetByName(tab.name);
    const n = sheet ? Math.max(0, sheet.getLastRow() - 1) : 0;
    return `${tab.name}: ${sheet ? `${n} row${n === 1 ? '' : 's'}` : 'not made yet'}`;
  });
  return `The lists from the last attendance review (re-run Review attendance to refresh them):\n${lines.join('\n')}`;
}
