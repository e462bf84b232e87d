/**
 * The attendance lists of SPEC §4.3 and the seed 002 QA calendar. Leavers never reach these
 * functions (review.ts drops them first). Held pupils stay on the lists so staff see them; the
 * letters job leaves them out.
 *
 * Tier lists are by year group: tier 1 = level 1, tier 2 = level 2, tier 3 = persistent absentee,
 * and a pupil is only in their highest tier. *Names included* are pupils in a tier they were not in
 * at the previous run (new, or moved tier); *names to be removed* are pupils who were in a tier at
 * the previous run and are no longer in that tier.
 *
 * Failure to return: only once today's register has been taken (today is an open day); a pupil is
 * listed when a session open today has `N` or no mark for them. Oldest year first, so Year 11 leads
 * (seed 002: "year 11 priority"), then reg group and name.
 */
import { IsoDate } from '../dates';
import { Stage } from './stage';
import { PupilMarks } from './register';
import { OpenSession } from './coding';
import { PupilRef } from '../pupils/identity';

export type Tier = 1 | 2 | 3;

export interface TierEntry {
  upn: string;
  tier: Tier;
}

export interface TierList {
  year: number;
  tier1: string[];
  tier2: string[];
  tier3: string[];
  included: TierEntry[];
  removed: TierEntry[];
}

export function tierOf(stage: Stage | null, pa: boolean): Tier | null {
  if (pa) return 3;
  if (stage === 'level2') return 2;
  if (stage === 'level1') return 1;
  return null;
}

export function tierLists(
  current: Array<{ upn: string; year: number; tier: Tier | null }>,
  previous: TierEntry[] = [],
): TierList[] {
  const prev = new Map<string, Tier>();
  for (const e of previous) prev.set(e.upn, e.tier);
  const byYear = new Map<number, TierList>();
  for (const p of current) {
    let list = byYear.get(p.year);
    if (!list) byYear.set(p.year, (list = { year: p.year, tier1: [], tier2: [], tier3: [], included: [], removed: [] }));
    const was = prev.get(p.upn);
    if (p.tier !== null) {
      (p.tier === 1 ? list.tier1 : p.tier === 2 ? list.tier2 : list.tier3).push(p.upn);
      if (was !== p.tier) list.included.push({ upn: p.upn, tier: p.tier });
    }
    if (was !== undefined && was !== p.tier) list.removed.push({ upn: p.upn, tier: was });
  }
  return Array.from(byYear.values()).sort((a, b) => a.year - b.year);
}

export interface CountEntry {
  upn: string;
  count: number;
  dates: string[]; // "2024-01-10 AM" for marks, "2024-01-10 P3" for lates to lesson
}

/** Marks with one of `codes` dated from `from` to `to` (inclusive). */
export function marksWithCode(pm: PupilMarks, codes: string[], from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  for (let i = 0; i < pm.marks.length; i++) {
    const m = pm.marks[i];
    if (m.date < from || m.date > to) continue;
    if (codes.indexOf(pm.codes[i]) >= 0) out.push(`${m.date} ${m.session}`);
  }
  return out;
}

export interface FailureToReturn extends PupilRef {
  sessions: string[]; // "AM N", "PM no mark"
}

/** Today's open sessions for which the pupil has `N` or no mark. */
export function failureToReturnSessions(pm: PupilMarks | undefined, today: OpenSession[]): string[] {
  const out: string[] = [];
  for (const s of today) {
    let code: string | null = null;
    if (pm) {
      for (let i = pm.marks.length - 1; i >= 0 && pm.marks[i].date >= s.date; i--) {
        if (pm.marks[i].date === s.date && pm.marks[i].session === s.session && pm.classes[i] !== 'blank') code = pm.codes[i];
      }
    }
    if (code === null) out.push(`${s.session} no mark`);
    else if (code === 'N') out.push(`${s.session} N`);
  }
  return out;
}

/** Oldest year first, so Year 11 (the exam year) leads; then reg group and name. */
export function sortFailureToReturn(list: FailureToReturn[]): FailureToReturn[] {
  return list.sort((a, b) => {
    if (a.year !== b.year) return b.year - a.year;
    if (a.regGroup !== b.regGroup) return a.regGroup < b.regGroup ? -1 : 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

