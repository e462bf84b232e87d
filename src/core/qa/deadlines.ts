/**
 * Dates written into the calendar's free text: "16/1/24", "18.1.24", "End of 10/1/24",
 * "16/1/24 and before send", "Review G codes and fines by 8/2/24". Text with no date has no
 * deadline ("Coding checks").
 */
import { IsoDate, isIsoDate, pad2 } from '../dates';

const DATE_RE = /(^|[^0-9])(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?(?![0-9])/;

/**
 * The first date in the text, as ISO. A date without a year takes the year that puts it nearest
 * `near` (the task's date), so "16/1" on a December task means the January after.
 */
export function dateInText(text: string, near?: IsoDate): IsoDate | null {
  const m = DATE_RE.exec(String(text || ''));
  if (!m) return null;
  const day = +m[2];
  const month = +m[3];
  let year: number;
  if (m[4]) {
    year = m[4].length === 2 ? 2000 + +m[4] : +m[4];
  } else if (near && isIsoDate(near)) {
    const ny = +near.slice(0, 4);
    const nm = +near.slice(5, 7);
    year = month - nm > 6 ? ny - 1 : nm - month > 6 ? ny + 1 : ny;
  } else {
    return null;
  }
  const iso = `${year}-${pad2(month)}-${pad2(day)}`;
  return isIsoDate(iso) ? iso : null;
}
