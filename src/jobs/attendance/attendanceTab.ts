/**
 * The Attendance tab (SPEC §2, §4): one row per pupil on roll, written by UPN into the add-on's
 * columns only (a staff "Notes" column, or any column staff add, is never written). Leavers' rows
 * keep their UPN and staff notes but the add-on's columns are cleared. Rows are coloured by stage
 * with conditional formatting on a custom formula over the Stage column, wherever staff moved it.
 */
import { PupilAttendanceReview } from '../../core/attendance/review';
import { CodingIssue } from '../../core/attendance/coding';
import { tabDef } from '../../core/tabs';
import { mapHeaders, columnLetter } from '../../core/records/headers';
import { openTab, readValues, writeByKey, UpsertResult } from '../../gas/tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ATTENDANCE_TAB = 'Attendance';

/** Background per stage (Sheets' light palette): reward green, level 1 amber, level 2 red. */
export const STAGE_COLOURS: Record<'reward' | 'level1' | 'level2', string> = {
  reward: '#d9ead3',
  level1: '#fce5cd',
  level2: '#f4cccc',
};

const KIND_WORDS: Record<CodingIssue['kind'], [string, string]> = {
  gap: ['gap', 'gaps'],
  oldN: ['N older than the limit', 'Ns older than the limit'],
  withdrawn: ['withdrawn code', 'withdrawn codes'],
  unknown: ['unknown code', 'unknown codes'],
};

/** "Yes: 2 gaps, 1 withdrawn code" — why a pupil is held from letters (no dates: see Coding Review). */
export function heldText(issues: CodingIssue[]): string {
  if (!issues.length) return '';
  const counts = new Map<CodingIssue['kind'], number>();
  for (const i of issues) counts.set(i.kind, (counts.get(i.kind) || 0) + 1);
  const parts: string[] = [];
  counts.forEach((n, k) => parts.push(`${n} ${KIND_WORDS[k][n === 1 ? 0 : 1]}`));
  return `Yes: ${parts.join(', ')} (see Coding Review)`;
}

export function attendanceRow(p: PupilAttendanceReview): Record<string, unknown> {
  const f = p.figures;
  const due = p.ladder.lettersDue.join(', ');
  return {
    upn: p.upn,
    name: p.name,
    year: p.year,
    regGroup: p.regGroup,
    possible: f.possible,
    attended: f.attended,
    authorised: f.authorised,
    unauthorised: f.unauthorised,
    lates: f.lates,
    uCount: f.uCount,
    gCount: f.gCount,
    percent: f.percent === null ? '' : f.percent,
    stage: p.stage || '',
    pa: p.pa,
    sa: p.sa,
    penalty: p.penalty !== null,
    notifyLa: p.notifyLa !== null,
    rung: p.ladder.rung === 'none' ? '' : p.ladder.rung,
    lettersDue: due && p.held ? `${due} (held)` : due,
    held: heldText(p.issues),
    nextAction: p.ladder.nextAction,
    reviewDue: p.ladder.reviewDue,
    sessionsNeeded: p.projection ? p.projection.text : '',
    earlyWarning: p.earlyWarning ? p.earlyWarning.text : '',
  };
}

/**
 * Writes by UPN on values re-read just before writing (as upsertByKey does). `sheet`: the tab the
 * job already opened (saves looking it up again); the re-read header places the colours too.
 */
export function writeAttendanceTab(ss: Spreadsheet, pupils: PupilAttendanceReview[], sheet?: Sheet | null): UpsertResult {
  const tab = sheet || openTab(ss, ATTENDANCE_TAB);
  const values = readValues(tab);
  const result = writeByKey(tab, tabDef(ATTENDANCE_TAB), values, pupils.map(attendanceRow), { clearOthers: true });
  colourByStage(ss, { sheet: tab, header: values[0] });
  return result;
}

/**
 * Three custom-formula rules over the data rows, one per stage. Rules staff made are kept; the
 * add-on's own (recognised by their formula on a Stage column) are replaced, so a moved Stage
 * column or a grown sheet is followed. A constant number of calls, whatever the roll.
 */
export function colourByStage(ss: Spreadsheet, known?: { sheet: Sheet; header: unknown[] }): void {
  const sheet = known ? known.sheet : openTab(ss, ATTENDANCE_TAB);
  const lastCol = known ? known.header.length : sheet.getLastColumn();
  const header = known ? known.header : sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  const stageCol = mapHeaders(tabDef(ATTENDANCE_TAB), header).columnIndex.stage;
  if (stageCol === undefined) return;
  const letter = columnLetter(stageCol);
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const range = sheet.getRange(2, 1, rows, lastCol);
  const ours = /^=\$[A-Z]+2="(reward|level1|level2)"$/;
  const kept = sheet.getConditionalFormatRules().filter((rule) => {
    const c = rule.getBooleanCondition();
    if (!c || c.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return true;
    return !ours.test(String(c.getCriteriaValues()[0]));
  });
  const mine = (['level2', 'level1', 'reward'] as const).map((stage) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=$${letter}2="${stage}"`)
      .setBackground(STAGE_COLOURS[stage])
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules(kept.concat(mine));
}
