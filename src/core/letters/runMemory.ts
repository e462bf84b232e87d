/**
 * What a letter run remembers between executions (kept in the hidden Letter Runs tab by
 * jobs/letters/runsTab.ts): the plan of the run in progress, and who was in which tier at the last
 * tier letter run for each year group (SPEC §4.3 "names included / removed since the last run").
 */
import { IsoDate } from '../dates';

export interface PlanRow {
  runId: string;
  seq: number;
  upn: string;
  /** The Letters Log key of the letter itself (keys[0]). */
  key: string;
  /** A key per rung the letter covers, most serious first. */
  keys: string[];
  type: string;
  date: IsoDate;
}

export interface TierRow {
  date: IsoDate;
  year: number;
  upn: string;
  tier: 1 | 2 | 3;
}

export interface LetterRunsTab {
  plans: PlanRow[];
  tiers: TierRow[];
}
