/**
 * The sample school's Legal tab history (issue 19), as a school would import it from legal.csv:
 * the steps an attendance officer took this year for the pupils the register story gave a case.
 *  - The two families on holiday six school weeks back (story.holidayBeforeChristmas): a penalty
 *    notice to the parent on the first school day after the holiday, paid within 21 days.
 *  - The pupil who did not come back (story.tenDaysUnauthorised): the LA notified on the tenth
 *    school day of the absence, not back yet.
 * Dates are counted from the as-of day in school days, so the history fits any as-of.
 */
import { IsoDate, addDays } from '../../src/core/dates';
import { SamplePupil } from './model';
import { Story } from './markEvents';
import { schoolWeeks } from './calendar';

export interface LegalRow {
  date: IsoDate;
  upn: string;
  step: string;
  parent: string;
  amount: string;
  periodEnd: IsoDate | '';
  outcome: string;
  by: string;
}

export function generateLegalHistory(pupils: SamplePupil[], story: Story, days: IsoDate[], officer: string): LegalRow[] {
  const byUpn = new Map(pupils.map((p) => [p.upn, p]));
  const rows: LegalRow[] = [];
  const L = days.length - 1;
  const weeks = schoolWeeks(days);
  const sixBack = weeks[Math.max(0, weeks.length - 7)];
  // The first school day of the week after the holiday week.
  const after = days.find((d) => d >= addDays(sixBack, 7));
  for (const upn of story.holidayBeforeChristmas || []) {
    const p = byUpn.get(upn);
    if (!p || !after) continue;
    rows.push({ date: after, upn, step: 'Penalty notice', parent: p.parentName, amount: '£80 if paid within 21 days, £160 within 28 days', periodEnd: '', outcome: 'Paid within 21 days', by: officer });
  }
  for (const upn of story.tenDaysUnauthorised || []) {
    if (!byUpn.get(upn) || L < 13) continue;
    rows.push({ date: days[L - 4], upn, step: 'LA notified (10 days)', parent: '', amount: '', periodEnd: '', outcome: '', by: officer });
  }
  return rows;
}
