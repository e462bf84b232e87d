/**
 * The coding review sidebar (read-only): today's coding issues — by register (incomplete, not
 * taken) and by pupil (old N codes, withdrawn or unknown codes) — and every pupil held from letters
 * and why ("2 gaps"). And what the Attendance lists menu item says about the lists the last review
 * wrote.
 *
 * It shows what the last attendance review wrote (issue 22: a sidebar reads at most 100,000
 * cells; reviewing 2,000 pupils afresh read 214,000): the Coding Review tab, and the Attendance
 * tab's UPN, Name, Reg Group and Held columns. That review is today's and has seen every import
 * since into a tab the review reads (the marks, the roll, the Letters Log …: REVIEW_INPUT_TABS and
 * their import counts, core/state.ts ATTENDANCE_REVIEWED) — or it is run first, as Review
 * attendance would (the morning trigger has usually run it). A mark typed into the Register by hand
 * since is in the next review: the sidebar says so.
 */
import { IsoDate, toUk } from '../../core/dates';
import { Settings } from '../../core/settings';
import { ATTENDANCE_REVIEWED } from '../../core/state';
import { importCounts } from '../imported';
import { REVIEW_INPUT_TABS } from './review';
import { tabDef } from '../../core/tabs';
import { mapHeaders } from '../../core/records/headers';
import { cellDate, cellText } from '../../gas/cells';
import { documentState, StateStore } from '../../gas/properties';
import { readColumns } from '../../gas/tables';
import { reviewAttendanceJob } from './job';
import { readGenerated } from './generatedTabs';
import { CODING_REVIEW, ISSUE_LABEL, LIST_TABS, TIER_LISTS } from './lists';
import { ATTENDANCE_TAB } from './attendanceTab';
import { byGroupName } from '../../core/attendance/cohorts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CodingReviewView {
  asOf: string;
  /** True when the review was run just now, to open the sidebar (imports since, or none today). */
  reviewedNow: boolean;
  pupils: Array<{ kind: string; regGroup: string; upn: string; name: string; date: string; session: string; code: string; message: string }>;
  registers: Array<{ kind: string; regGroup: string; date: string; session: string; teacher: string; unmarked: string; message: string }>;
  /** Every pupil held from letters, and why ("2 gaps, 1 withdrawn code": the Held column without its "Yes:"). */
  held: Array<{ upn: string; name: string; regGroup: string; why: string }>;
}

/**
 * Whether the last review is today's and has seen every import since into a tab it reads (else
 * review first): an import of the Homework Log or of Progress leaves it current.
 */
export function reviewIsCurrent(ss: Spreadsheet, asOf: IsoDate, state: StateStore = documentState()): boolean {
  const reviewed = state.get(ATTENDANCE_REVIEWED);
  return !!reviewed && reviewed.asOf === asOf && reviewed.inputs === importCounts(REVIEW_INPUT_TABS, state) && !!ss.getSheetByName(CODING_REVIEW.name);
}

/** `again`: review first whatever the memory says (for a caller that knows the Register was edited by hand since). */
export function codingReviewJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, again = false): CodingReviewView {
  const state = documentState();
  const reviewedNow = again || !reviewIsCurrent(ss, asOf, state);
  if (reviewedNow) reviewAttendanceJob(ss, settings, asOf);
  const view: CodingReviewView = { asOf, reviewedNow, pupils: [], registers: [], held: [] };
  const labels = new Set(Object.keys(ISSUE_LABEL).map((k) => ISSUE_LABEL[k]));
  const list = readGenerated(ss, CODING_REVIEW.name);
  const at = columnsOf(list[0] || [], CODING_REVIEW.header);
  for (const row of list.slice(1)) {
    const text = (h: string) => (at[h] === undefined ? '' : cellText(row[at[h]]));
    const kind = text('Issue');
    if (!labels.has(kind)) continue;
    const date = cellDate(row[at.Date]);
    const when = date ? toUk(date) : text('Date');
    if (text('UPN')) {
      view.pupils.push({ kind, regGroup: text('Reg Group'), upn: text('UPN'), name: text('Name'), date: when, session: text('Session'), code: text('Code'), message: text('What to do') });
    } else {
      view.registers.push({ kind, regGroup: text('Reg Group'), date: when, session: text('Session'), teacher: text('Teacher'), unmarked: text('Unmarked'), message: text('What to do') });
    }
  }
  const attendance = ss.getSheetByName(ATTENDANCE_TAB);
  const rows = attendance ? readColumns(attendance, tabDef(ATTENDANCE_TAB), ['upn', 'name', 'regGroup', 'held']) : [];
  const col = mapHeaders(tabDef(ATTENDANCE_TAB), rows[0] || []).columnIndex;
  const cell = (row: unknown[], f: string) => (col[f] === undefined ? '' : cellText(row[col[f]]));
  for (const row of rows.slice(1)) {
    const why = cell(row, 'held');
    if (!why) continue;
    view.held.push({ upn: cell(row, 'upn'), name: cell(row, 'name'), regGroup: cell(row, 'regGroup'), why: why.replace(/^Yes:\s*/, '').replace(/\s*\(see Coding Review\)$/, '') });
  }
  view.held.sort((a, b) => byGroupName(a.regGroup, b.regGroup) || a.name.localeCompare(b.name));
  return view;
}

/** Header → column index, for the headers asked for that are there. */
function columnsOf(header: unknown[], wanted: string[]): Record<string, number> {
  const at: Record<string, number> = {};
  header.forEach((h, i) => {
    const name = cellText(h);
    if (wanted.indexOf(name) >= 0 && at[name] === undefined) at[name] = i;
  });
  return at;
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
