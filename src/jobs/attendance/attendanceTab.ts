/**
 * The Attendance tab (SPEC §2, §4): one row per pupil on roll, written by UPN into the add-on's
 * columns only (a staff "Notes" column, or any column staff add, is never written). Leavers' rows
 * keep their UPN and staff notes but the add-on's columns are cleared. Rows are coloured by stage
 * with conditional formatting on a custom formula over the Stage column, wherever staff moved it.
 *
 * Figures are this academic year's from the pupil's first session on roll ("Figures From"). A
 * pupil below the minimum of possible sessions shows "too few sessions" as the Stage (no colour).
 * Letters Due holds only letter types; the Held column says whether they wait on the register.
 * A tracker set up before a column existed is still written (the other columns), and the job
 * reports the missing header until Set up tracker adds it.
 *
 * Laid out as a data manager would (issue 20, docs/user-guide.md "The Attendance tab"): the rows
 * sorted year → reg group → name (the name is "Surname, Forename", so surname order; leavers,
 * whose columns are cleared, sink to the bottom), the identity columns frozen, stages in words
 * ("Level 1"), % shown with one decimal and a % sign while the cell stays a number, and the stage
 * colour on the % cell only. A fixed handful of calls, whatever the roll.
 */
import { PERCENT_FORMAT } from '../../gas/cells';
import { PupilAttendanceReview } from '../../core/attendance/review';
import { CodingIssue } from '../../core/attendance/coding';
import { PenaltyWindow } from '../../core/attendance/penalty';
import { TOO_FEW_SESSIONS, stageWords } from '../../core/attendance/stage';
import { toUk } from '../../core/dates';
import { tabDef } from '../../core/tabs';
import { mapHeaders, columnLetter } from '../../core/records/headers';
import { openTab, readValues, writeByKey, UpsertResult } from '../../gas/tables';
import { setCellColoursByValue } from '../../gas/statusColours';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ATTENDANCE_TAB = 'Attendance';

/** Background per stage (Sheets' light palette): reward green, level 1 amber, level 2 red. */
export const STAGE_COLOURS: Record<'reward' | 'level1' | 'level2', string> = {
  reward: '#d9ead3',
  level1: '#fce5cd',
  level2: '#f4cccc',
};

/** The % column: one decimal and a % sign, the cell still the number 94.3 (sorts and sums as one). */

/** The identity columns frozen at the left, when they are there (staff may have moved them). */
const IDENTITY_FIELDS = ['upn', 'name', 'year', 'regGroup'];
/** Frozen only while they sit in the first few columns: a frozen block wider than that hides the figures. */
const MAX_FROZEN_COLUMNS = 6;

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

/** "10 sessions (G N O U) in the school weeks 15/01/2024–31/03/2024" — the window the threshold was first met in. */
export function penaltyWindowText(w: PenaltyWindow): string {
  const codes: string[] = [];
  for (const m of w.marks) {
    const c = m.slice(m.lastIndexOf(' ') + 1);
    if (codes.indexOf(c) < 0) codes.push(c);
  }
  return `${w.sessions} sessions (${codes.join(' ')}) in the school weeks ${toUk(w.from)}–${toUk(w.to)}`;
}

export function attendanceRow(p: PupilAttendanceReview): Record<string, unknown> {
  const f = p.figures;
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
    countedFrom: p.countedFrom,
    exactNote: p.exactNote,
    stage: p.tooFewSessions ? TOO_FEW_SESSIONS : stageWords(p.stage),
    pa: p.pa,
    sa: p.sa,
    compulsory: p.compulsorySchoolAge,
    penalty: p.penalty !== null,
    penaltyFirstMet: p.penalty ? p.penalty.firstMet : '',
    penaltyWindow: p.penalty ? penaltyWindowText(p.penalty) : '',
    notifyLa: p.notifyLa !== null,
    rung: p.ladder.rung === 'none' ? '' : p.ladder.rung,
    lettersDue: p.ladder.lettersDue.join(', '),
    held: heldText(p.issues),
    nextAction: p.ladder.nextAction,
    legalNext: p.legal.text,
    reviewDue: p.ladder.reviewDue,
    sessionsNeeded: p.projection ? p.projection.text : '',
    earlyWarning: p.earlyWarning ? p.earlyWarning.text : '',
  };
}

/**
 * Writes by UPN on values re-read just before writing (as upsertByKey does). `sheet`: the tab the
 * job already opened (saves looking it up again); the re-read header places the colours too.
 */
export function writeAttendanceTab(ss: Spreadsheet, pupils: PupilAttendanceReview[], sheet?: Sheet | null, lastLetters?: Map<string, string>): UpsertResult & { missingColumns: string[] } {
  const tab = sheet || openTab(ss, ATTENDANCE_TAB);
  const values = readValues(tab);
  const def = tabDef(ATTENDANCE_TAB);
  const present = values.length ? mapHeaders(def, values[0]).columnIndex : {};
  const owned = def.columns.filter((c) => c.owned && def.key.indexOf(c.field) < 0);
  const fields = owned.filter((c) => present[c.field] !== undefined).map((c) => c.field);
  const missingColumns = owned.filter((c) => present[c.field] === undefined).map((c) => c.header);
  // "Last Letter": what the family was last sent about attendance (core/letters/lastLetter.ts).
  const rows = pupils.map((p) => (lastLetters ? { ...attendanceRow(p), lastLetter: lastLetters.get(p.upn) || '' } : attendanceRow(p)));
  // No owned column at all is not an old tracker but a broken one: let writeByKey say so.
  const result = writeByKey(tab, def, values, rows, { clearOthers: true, fields: fields.length ? fields : undefined });
  colourByStage(ss, { sheet: tab, header: values[0] });
  layOut(tab, values, present);
  return { ...result, missingColumns: fields.length ? missingColumns : [] };
}

/**
 * Sort, freeze and format after the write (`values`: the tab as it now stands, appended rows
 * included). The sort moves whole rows — staff's Notes and HoY Override travel with their pupil —
 * and rows are matched by UPN on every later write, so the order never matters to the add-on.
 */
function layOut(tab: Sheet, values: unknown[][], col: Record<string, number>): void {
  const rows = values.length - 1;
  const width = values.length ? values[0].length : 0;
  const by = ['year', 'regGroup', 'name'].filter((f) => col[f] !== undefined).map((f) => ({ column: col[f] + 1, ascending: true }));
  if (rows > 1 && by.length) tab.getRange(2, 1, rows, width).sort(by);
  const identity = IDENTITY_FIELDS.map((f) => col[f]).filter((c) => c !== undefined);
  const lastIdentity = identity.length ? Math.max(...identity) + 1 : 0;
  tab.setFrozenColumns(lastIdentity <= MAX_FROZEN_COLUMNS ? lastIdentity : 0);
  if (rows > 0 && col.percent !== undefined) tab.getRange(2, col.percent + 1, rows, 1).setNumberFormat(PERCENT_FORMAT);
}

/**
 * Three custom-formula rules on the % cells, one per stage (SIMS and Arbor colour the figure, not
 * the row). Rules staff made are kept; the add-on's own — these, and the whole-row rules on the
 * stage codes ("level1") that earlier versions made — are replaced, so a moved Stage or % column
 * or a grown sheet is followed. A constant number of calls, whatever the roll.
 */
export function colourByStage(ss: Spreadsheet, known?: { sheet: Sheet; header: unknown[] }): void {
  const sheet = known ? known.sheet : openTab(ss, ATTENDANCE_TAB);
  const header = known ? known.header : sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const cols = mapHeaders(tabDef(ATTENDANCE_TAB), header).columnIndex;
  if (cols.stage === undefined || cols.percent === undefined) return;
  const order = ['level2', 'level1', 'reward'] as const;
  setCellColoursByValue(sheet, cols.percent + 1, columnLetter(cols.stage), order.map((stage) => ({ text: stageWords(stage), background: STAGE_COLOURS[stage] })), order.slice());
}
