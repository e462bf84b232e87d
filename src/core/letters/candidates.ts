/**
 * From the review results to what a letter run needs: who is due what (with the Letters Log period
 * that keys each letter), who is held, and why each is due (the preview's words). Each letter's
 * real figures and wording are in ./letterInputs.ts; letters whose reason has ended, in
 * ./staleLetters.ts.
 *
 * Periods (the third part of a Letters Log key): the ladder's own keys for AT1/AT2/panel/EWO
 * (`episode-<start>`) and PA (`halfterm-<start>`); every other letter is once per half term
 * (`halfterm-<start>`), so the same letter for the same rung or half term is never made twice.
 */
import { IsoDate, toUk } from '../dates';
import { PupilAttendanceReview } from '../attendance/review';
import { CountEntry } from '../attendance/lists';
import { percentText } from './format';
import { LetterCandidate, RunKind, isAttendanceRun, parseLetterKey, runTypes } from './plan';
import { Tier, TierMember, tierRunSummary, TierRunSummary } from './tiers';
import { AbsenceFacts, isProposedOnly } from './wordingChoice';
import { LetterType, Pupil } from '../types';
import { LetterSources } from './sources';
import { homeworkFigures, homeworkWeeksOf } from './homeworkFigures';
import { normUpn } from '../pupils/names';

/** Requests for a tier run: 'tier', and the old per-tier types (each now the whole tier run). */
export const TIER_KINDS: string[] = ['tier', 'tier1', 'tier2', 'tier3'];

export interface TypeView {
  candidates: LetterCandidate[];
  /** UPN → why a letter is due, with the figures (preview). */
  reasons: Map<string, string>;
  /** Tier runs: names included / to be removed / continuing, per year group in the review. */
  tiers?: Array<{ year: number } & TierRunSummary>;
  /** UPN → what decides the wording (compulsory school age, authorised and unauthorised sessions). */
  facts: Map<string, AbsenceFacts>;
}

export function halfTermPeriod(s: LetterSources): string {
  const ht = s.review.halfTerm;
  return `halfterm-${ht ? ht.start : s.asOf}`;
}

function byUpn<T extends { upn: string }>(xs: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const x of xs) m.set(normUpn(x.upn), x);
  return m;
}

const STAGE_WORDS: Record<string, string> = { reward: 'above target', level1: 'level 1', level2: 'level 2' };

function attendanceReason(r: PupilAttendanceReview): string {
  const f = r.figures;
  if (f.percent === null) return 'No attendance figures';
  const parts = [`${percentText(f.percent)} (${STAGE_WORDS[r.stage || ''] || 'no stage'})`];
  if (r.pa) parts.push('persistent absence');
  if (r.sa) parts.push('severe absence');
  parts.push(`${f.authorised} authorised and ${f.unauthorised} unauthorised sessions absent`);
  if (r.ladder.rung !== 'none') parts.push(`last rung ${r.ladder.rung}`);
  return parts.join(', ');
}

function heldReasons(r: PupilAttendanceReview): string[] {
  const counts: Record<string, number> = {};
  for (const i of r.issues) counts[i.kind] = (counts[i.kind] || 0) + 1;
  const words: Record<string, string> = { gap: 'blank mark', oldN: 'N mark older than allowed', withdrawn: 'withdrawn code', unknown: 'unknown code' };
  return Object.keys(counts).map((k) => `${counts[k]} ${words[k] || k}${counts[k] === 1 ? '' : 's'}`);
}

/**
 * What decides the wording. Compulsory school age comes from the attendance review (date of birth
 * when the Students tab has it, NC Year ≤ 11 otherwise: SPEC §4.1, core/attendance/compulsoryAge).
 */
export function absenceFacts(r: PupilAttendanceReview): AbsenceFacts {
  return {
    compulsorySchoolAge: r.compulsorySchoolAge,
    unauthorisedSessions: r.figures.unauthorised,
    authorisedSessions: r.figures.authorised,
  };
}

export interface Lists {
  punctuality: Map<string, CountEntry>;
  lateToLesson: Map<string, CountEntry>;
}

function listsOf(s: LetterSources): Lists {
  return { punctuality: byUpn(s.review.lists.punctuality), lateToLesson: byUpn(s.review.lists.lateToLesson) };
}

/** Tier membership per year group at the last tier letter run (the Letter Runs tab's memory). */
export function tierSummaries(s: LetterSources): Array<{ year: number } & TierRunSummary> {
  const out: Array<{ year: number } & TierRunSummary> = [];
  for (const list of s.review.lists.tiers) {
    const current: TierMember[] = [];
    ([1, 2, 3] as Tier[]).forEach((t) => (t === 1 ? list.tier1 : t === 2 ? list.tier2 : list.tier3).forEach((upn) => current.push({ upn, tier: t })));
    const previous = s.runs.tiers.filter((t) => t.year === list.year).map((t) => ({ upn: t.upn, tier: t.tier }));
    out.push({ year: list.year, ...tierRunSummary(previous, current, s.pupils) });
  }
  return out;
}

/** The candidates and reasons for a run of this kind. */
export function typeView(kind: RunKind, s: LetterSources): TypeView {
  const period = halfTermPeriod(s);
  const lists = listsOf(s);
  const candidates: LetterCandidate[] = [];
  const reasons = new Map<string, string>();
  const facts = new Map<string, AbsenceFacts>();
  const view: TypeView = { candidates, reasons, facts };
  const attendance = isAttendanceRun(kind);
  const types = runTypes(kind).types;
  if (TIER_KINDS.indexOf(kind) >= 0) view.tiers = tierSummaries(s);

  // Overrides the review honoured (HoY Override column): the preview says so beside the figures.
  const overridden = new Map<string, string>();
  for (const o of s.overrides) if (o.state === 'honoured') overridden.set(normUpn(o.upn), o.rung);

  for (const r of s.review.pupils) {
    const u = normUpn(r.upn);
    const f = absenceFacts(r);
    facts.set(u, f);
    const c: LetterCandidate = { upn: u, due: [], held: r.held, heldReasons: heldReasons(r), key: period, reasonStillHolds: true };
    if (attendance) {
      c.due = (r.ladder.lettersDue as LetterType[]).filter((t) => types.indexOf(t) >= 0);
      c.periods = {};
      for (const t of c.due) {
        const k = r.ladder.keys[t as 'AT1'];
        if (k) c.periods[t] = parseLetterKey(k).period;
      }
      c.proposed = c.due.filter((t) => isProposedOnly(t, f));
      const hoy = overridden.get(u);
      if (c.due.length) reasons.set(u, attendanceReason(r) + (hoy && c.due.indexOf(hoy as LetterType) >= 0 ? `; Head of Year override: ${hoy} now (HoY Override on the Attendance tab)` : ''));
    } else if (kind === 'punctuality' || kind === 'lateToLesson') {
      const e = (kind === 'punctuality' ? lists.punctuality : lists.lateToLesson).get(u);
      if (e) {
        c.due = [kind];
        reasons.set(u, `${e.count} ${kind === 'punctuality' ? 'late marks (L)' : 'lates to lessons'} this half term`);
      }
    } else if (kind === 'homework') {
      const h = s.homework && s.homework.pupils.get(u);
      if (h && h.persistent) {
        c.due = [kind];
        const weeks = homeworkWeeksOf(s, u);
        reasons.set(u, `Homework missed more than once a week in ${weeks.length} of the last ${s.settings.homework.persistentWindow} school weeks (since ${toUk(h.persistentSince as IsoDate)}); ${homeworkFigures(s, u).missesThisHalfTerm} missed this half term`);
      }
    } else if (kind === 'reward') {
      if (r.stage === 'reward') {
        c.due = [kind];
        reasons.set(u, attendanceReason(r));
      }
    }
    candidates.push(c);
  }
  return view;
}

/** Lookups built once per run. */
export function indexes(s: LetterSources): { review: Map<string, PupilAttendanceReview>; pupils: Map<string, Pupil>; lists: Lists } {
  return { review: byUpn(s.review.pupils), pupils: byUpn(s.pupils), lists: listsOf(s) };
}

