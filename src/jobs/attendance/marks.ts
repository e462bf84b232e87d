/**
 * Every job's one way to the session marks (issue 22): the Register tab (gas/register.ts) and,
 * in a tracker made before the Register existed, its old long-form "Attendance Marks" tab — read
 * as well, so an upgraded tracker loses no mark; where both have a session, the Register's mark
 * is the one used (it is where imports and staff's corrections now go). Check tracker says how to
 * move the old tab's marks across (import it; then delete the tab).
 *
 * Problems come back as lines naming the tab, row and week ("Register row 14, w/c 08/01/2024 …").
 */
import { Mark } from '../../core/types';
import { classifyCode } from '../../core/attendance/codes';
import { ClassifyCode } from '../../core/records/cells';
import { formatRefusal } from '../../core/records/refusal';
import { readSheetTab } from '../../gas/tables';
import { readRegisterMarks } from '../../gas/register';
import { OLD_MARKS_TAB } from '../../core/trackerCheck';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export { OLD_MARKS_TAB };

/**
 * Withdrawn and unknown codes let through as not counted: the review reports them as coding issues
 * (recode in the MIS) instead of the mark silently becoming a gap.
 */
export const letCodesThrough: ClassifyCode = (code: string) => {
  const k = classifyCode(code);
  return k === 'withdrawn' || k === 'unknown' ? 'notCounted' : k;
};

export interface MarksRequest {
  /** Default: the 2024 codes, refusing withdrawn and unknown ones. */
  classify?: ClassifyCode;
}

export interface MarksRead {
  marks: Mark[];
  problems: string[];
}

export function readMarks(ss: Spreadsheet, req: MarksRequest = {}): MarksRead {
  const classify = req.classify || classifyCode;
  const reg = readRegisterMarks(ss, { classify });
  const problems = reg.refusals.map((r) => formatRefusal('Register', r));
  const old = ss.getSheetByName(OLD_MARKS_TAB);
  if (!old || old.getLastRow() < 2) return { marks: reg.marks, problems };
  const parsed = readSheetTab(old, OLD_MARKS_TAB, { classifyCode: classify });
  for (const r of parsed.refusals) problems.push(formatRefusal(OLD_MARKS_TAB, r));
  const inRegister = new Set(reg.marks.map((m) => `${m.upn}|${m.date}|${m.session}`));
  const marks = reg.marks.slice();
  for (const m of parsed.records) {
    if (!inRegister.has(`${m.upn}|${m.date}|${m.session}`)) marks.push(m);
  }
  return { marks, problems };
}
