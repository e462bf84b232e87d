/**
 * The tier memory a tier letter run leaves (SPEC §4.3): who was in which tier at the last tier
 * letter run for each year group, so the next preview can say who is included or removed since.
 */
import { LetterRunPlan, RunKind } from './plan';
import { CohortFilter, inCohort } from './cohort';
import { TIER_KINDS, TypeView } from './candidates';
import { LetterSources } from './sources';
import { TierRow } from './runMemory';
import { normUpn } from '../pupils/names';

/**
 * The tier memory after a tier run: for each year group in the run's cohort, who is in which tier
 * now — except pupils whose letter did not go (held, unticked, proposed, nobody to write to), who
 * are left out so they are "included" again next time. Other year groups keep their rows.
 */
export function nextTierMemory(s: LetterSources, kind: RunKind, cohort: CohortFilter, plan: LetterRunPlan, view: TypeView): TierRow[] {
  if (TIER_KINDS.indexOf(kind) < 0) return s.runs.tiers;
  const pupils = new Map(s.pupils.map((p) => [normUpn(p.upn), p] as const));
  const inThisCohort = (upn: string): boolean => inCohort(upn, pupils.get(normUpn(upn)), cohort);
  const waiting = new Set(plan.skipped.filter((k) => ['held', 'unticked', 'proposed', 'noAddressee'].indexOf(k.code) >= 0).map((k) => k.upn));
  const keep = s.runs.tiers.filter((t) => !inThisCohort(t.upn));
  for (const t of view.tiers || []) {
    for (const m of t.included.concat(t.continuing)) {
      if (inThisCohort(m.upn) && !waiting.has(normUpn(m.upn))) keep.push({ date: s.asOf, year: t.year, upn: m.upn, tier: m.tier });
    }
  }
  return keep;
}
