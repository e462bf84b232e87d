/**
 * Tier letter runs (SPEC §4.3, seed 002 "names included & names to be removed"): the attendance
 * review says who is in a tier now; this compares that with the last run for the same year group
 * so the preview shows who is new (they get a letter) and who has come out (removed from the list).
 */
import { Pupil } from '../types';
import { filingOrder, normUpn } from './plan';

export interface TierRunSummary {
  /** In the tier now and not at the last run: these pupils get the letter. */
  included: string[];
  /** At the last run but no longer in the tier. */
  removed: string[];
  /** In the tier at both runs: no new letter. */
  continuing: string[];
}

/** UPN lists in filing order (year, reg group, surname) when `pupils` is given. */
export function tierRunSummary(previousRunUpns: string[], currentTierUpns: string[], pupils: Pupil[] = []): TierRunSummary {
  const prev = unique(previousRunUpns);
  const curr = unique(currentTierUpns);
  const prevSet = new Set(prev);
  const currSet = new Set(curr);
  const byUpn = new Map<string, Pupil>();
  for (const p of pupils) byUpn.set(normUpn(p.upn), p);
  const order = filingOrder(byUpn);
  return {
    included: curr.filter((u) => !prevSet.has(u)).sort(order),
    removed: prev.filter((u) => !currSet.has(u)).sort(order),
    continuing: curr.filter((u) => prevSet.has(u)).sort(order),
  };
}

/** "Ali Khan (9B)" for the preview; a UPN not on the Students tab is shown as itself. */
export function pupilLabel(upn: string, pupils: Pupil[]): string {
  const u = normUpn(upn);
  const p = pupils.find((x) => normUpn(x.upn) === u);
  return p ? `${p.forename} ${p.surname} (${p.regGroup})` : u;
}

function unique(upns: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of upns) {
    const u = normUpn(raw);
    if (u !== '' && !seen.has(u)) {
      seen.add(u);
      out.push(u);
    }
  }
  return out;
}
