/**
 * The tier lists' memory (SPEC §4.3: names included / to be removed "since the last run"). Kept in
 * a hidden generated tab, "Tier History", because UPNs are pupil data and must not go into
 * properties. It holds at most two runs: the baseline (the latest run on an earlier day than
 * today) and today's. So re-running the review on the same day gives the same included/removed
 * names (nothing is lost before the letters are made), and the next day's run compares with today.
 */
import { IsoDate } from '../../core/dates';
import { Tier, TierEntry, TierList } from '../../core/attendance/lists';
import { cellDate, cellText } from '../../gas/cells';
import { ListTab, readGenerated, writeGenerated } from './generatedTabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TIER_HISTORY: ListTab = { name: 'Tier History', header: ['Run Date', 'UPN', 'Year', 'Tier'], hidden: true };

export interface TierHistory {
  /** The run the tier lists compare with ('' when there was none). */
  baselineDate: IsoDate | '';
  baseline: TierEntry[];
  baselineYears: Map<string, number>;
}

export function readTierHistory(ss: Spreadsheet, asOf: IsoDate): TierHistory {
  const values = readGenerated(ss, TIER_HISTORY.name);
  const rows: Array<{ date: IsoDate; upn: string; year: number; tier: Tier }> = [];
  for (let r = 1; r < values.length; r++) {
    const date = cellDate(values[r][0]);
    const upn = cellText(values[r][1]).toUpperCase();
    const tier = Number(values[r][3]);
    if (!date || !upn || (tier !== 1 && tier !== 2 && tier !== 3)) continue;
    rows.push({ date, upn, year: Number(values[r][2]) || 0, tier: tier as Tier });
  }
  let baselineDate = '';
  for (const r of rows) if (r.date < asOf && r.date > baselineDate) baselineDate = r.date;
  const base = rows.filter((r) => r.date === baselineDate);
  const baselineYears = new Map<string, number>();
  base.forEach((r) => baselineYears.set(r.upn, r.year));
  return { baselineDate, baseline: base.map((r) => ({ upn: r.upn, tier: r.tier })), baselineYears };
}

/** Keep the baseline and store today's membership. One write. */
export function writeTierHistory(ss: Spreadsheet, history: TierHistory, asOf: IsoDate, lists: TierList[]): void {
  const rows: Array<Array<string | number>> = [];
  for (const e of history.baseline) rows.push([history.baselineDate, e.upn, history.baselineYears.get(e.upn) || '', e.tier]);
  for (const l of lists) {
    for (const upn of l.tier1) rows.push([asOf, upn, l.year, 1]);
    for (const upn of l.tier2) rows.push([asOf, upn, l.year, 2]);
    for (const upn of l.tier3) rows.push([asOf, upn, l.year, 3]);
  }
  writeGenerated(ss, TIER_HISTORY, rows);
}
