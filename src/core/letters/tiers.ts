/**
 * Tier letter runs (SPEC §4.3, seed 002 "names included & names to be removed"): a tier run makes
 * the ladder's due letters for one year group, and its preview (and the Tier Lists tab) compares
 * who is in which tier now with who was at the last tier LETTER run for that year group: names
 * included (new in a tier, or moved to another), names to be removed (no longer in the tier they
 * were in), and those continuing.
 */
import { Pupil } from '../types';
import { filingOrder } from './order';
import { normUpn } from '../pupils/names';

export type Tier = 1 | 2 | 3;

export interface TierMember {
  upn: string;
  tier: Tier;
}

export interface TierRunSummary {
  /** In a tier now that they were not in at the last tier letter run (new, or moved tier). */
  included: TierMember[];
  /** In a tier at the last run and no longer in it (the tier they were in). */
  removed: TierMember[];
  /** In the same tier at both. */
  continuing: TierMember[];
}

/** Lists in filing order (year, reg group, surname) when `pupils` is given. */
export function tierRunSummary(previous: TierMember[], current: TierMember[], pupils: Pupil[] = []): TierRunSummary {
  const prev = byUpn(previous);
  const curr = byUpn(current);
  const byPupil = new Map<string, Pupil>();
  for (const p of pupils) byPupil.set(normUpn(p.upn), p);
  const order = filingOrder(byPupil);
  const sort = (xs: TierMember[]) => xs.sort((a, b) => order(a.upn, b.upn));
  const out: TierRunSummary = { included: [], removed: [], continuing: [] };
  curr.forEach((tier, upn) => (prev.get(upn) === tier ? out.continuing : out.included).push({ upn, tier }));
  prev.forEach((tier, upn) => { if (curr.get(upn) !== tier) out.removed.push({ upn, tier }); });
  sort(out.included);
  sort(out.removed);
  sort(out.continuing);
  return out;
}

function byUpn(xs: TierMember[]): Map<string, Tier> {
  const m = new Map<string, Tier>();
  for (const x of xs) {
    const u = normUpn(x.upn);
    if (u !== '' && !m.has(u)) m.set(u, x.tier);
  }
  return m;
}
