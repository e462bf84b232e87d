/**
 * The tier lists' memory (SPEC §4.3: names included / to be removed "since the last tier *letter
 * run* for that year group"). Tier letter runs keep who was in which tier, per year group, on the
 * hidden Letter Runs tab (jobs/letters/runsTab.ts — UPNs are pupil data, so never in properties);
 * the attendance review compares today's tiers with it. A year group with no tier letter run yet
 * has everyone "included". Re-running the review changes nothing (only a tier letter run moves the
 * baseline). The older hidden "Tier History" tab (the last review run) is no longer read.
 */
import { IsoDate } from '../../core/dates';
import { TierEntry } from '../../core/attendance/lists';
import { readLetterRuns } from '../letters/runsTab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface TierHistory {
  /** The latest tier letter run the lists compare with ('' when there was none). */
  baselineDate: IsoDate | '';
  baseline: TierEntry[];
  baselineYears: Map<string, number>;
}

export function readTierHistory(ss: Spreadsheet, asOf: IsoDate): TierHistory {
  void asOf;
  const rows = readLetterRuns(ss).tiers;
  let baselineDate = '';
  for (const r of rows) if (r.date > baselineDate) baselineDate = r.date;
  const baselineYears = new Map<string, number>();
  rows.forEach((r) => baselineYears.set(r.upn, r.year));
  return { baselineDate, baseline: rows.map((r) => ({ upn: r.upn, tier: r.tier })), baselineYears };
}
