/**
 * From the review results to what a letter run needs, for one letter type: who is due (with the
 * Letters Log period that keys the letter), who is held, why each is due (the preview's words),
 * and each pupil's real figures for the letter's fields (`LetterContext`).
 *
 * Periods (the third part of a Letters Log key): the ladder's own keys for AT1/AT2/panel/EWO
 * (`episode-<start>`) and PA (`halfterm-<start>`); every other letter is once per half term
 * (`halfterm-<start>`), so the same letter for the same rung or half term is never made twice.
 *
 * Out of date (SPEC §5): a letter dated in the current half term (status Produced or Sent) whose
 * reason no longer holds with the marks as they are now — e.g. recoded marks lifted the pupil out
 * of level 2 after an AT2 — is marked *Out of date*. Older letters are history and left alone, as
 * are held pupils (their figures wait on the coding review) and pupils with no review result.
 */
import { IsoDate, toUk, weekStart } from '../../core/dates';
import { PupilAttendanceReview } from '../../core/attendance/review';
import { CountEntry } from '../../core/attendance/lists';
import { LetterContext, HomeworkFigures } from '../../core/letters/fields';
import { percentText } from '../../core/letters/format';
import { LetterCandidate, normUpn, outOfDate, parseLetterKey } from '../../core/letters/plan';
import { tierRunSummary, TierRunSummary } from '../../core/letters/tiers';
import { LETTER_TYPES } from '../../core/letters/defaultTemplates';
import { LetterLogEntry, LetterType, Pupil } from '../../core/types';
import { LetterSources } from './sources';

export const LADDER_TYPES: LetterType[] = ['AT1', 'AT2', 'panel', 'EWO', 'PA'];
export const TIER_TYPES: LetterType[] = ['tier1', 'tier2', 'tier3'];

export interface TypeView {
  candidates: LetterCandidate[];
  /** UPN → why the letter is due, with the figures (preview). */
  reasons: Map<string, string>;
  /** Tier runs: names included / to be removed / continuing, per year group in the review. */
  tiers?: Array<{ year: number } & TierRunSummary>;
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
  if (r.ladder.rung !== 'none') parts.push(`last rung ${r.ladder.rung}`);
  return parts.join(', ');
}

function heldReasons(r: PupilAttendanceReview): string[] {
  const counts: Record<string, number> = {};
  for (const i of r.issues) counts[i.kind] = (counts[i.kind] || 0) + 1;
  const words: Record<string, string> = { gap: 'blank mark', oldN: 'N mark older than allowed', withdrawn: 'withdrawn code', unknown: 'unknown code' };
  return Object.keys(counts).map((k) => `${counts[k]} ${words[k] || k}${counts[k] === 1 ? '' : 's'}`);
}

/** Whether the reason for a letter of `type` holds for this pupil now. */
export function reasonHolds(type: LetterType, r: PupilAttendanceReview, s: LetterSources, lists: Lists): boolean | null {
  const u = normUpn(r.upn);
  switch (type) {
    case 'AT1': return r.stage === 'level1' || r.stage === 'level2';
    case 'AT2': case 'panel': case 'EWO': return r.stage === 'level2';
    case 'PA': return r.pa;
    case 'reward': return r.stage === 'reward';
    case 'tier1': case 'tier2': case 'tier3': return tierNow(r) === Number(type.slice(4));
    case 'punctuality': return lists.punctuality.has(u);
    case 'lateToLesson': return lists.lateToLesson.has(u);
    case 'homework': {
      if (!s.homework) return null; // not read this run: no answer, not "no longer"
      const h = s.homework.pupils.get(u);
      return !!h && h.persistent;
    }
  }
  return null;
}

function tierNow(r: PupilAttendanceReview): number {
  if (r.pa) return 3;
  if (r.stage === 'level2') return 2;
  if (r.stage === 'level1') return 1;
  return 0;
}

interface Lists {
  punctuality: Map<string, CountEntry>;
  lateToLesson: Map<string, CountEntry>;
}

function listsOf(s: LetterSources): Lists {
  return { punctuality: byUpn(s.review.lists.punctuality), lateToLesson: byUpn(s.review.lists.lateToLesson) };
}

/** The candidates and reasons for one letter type. */
export function typeView(type: LetterType, s: LetterSources): TypeView {
  const period = halfTermPeriod(s);
  const lists = listsOf(s);
  const candidates: LetterCandidate[] = [];
  const reasons = new Map<string, string>();
  const view: TypeView = { candidates, reasons };

  let tierDue: Set<string> | null = null;
  if (TIER_TYPES.indexOf(type) >= 0) {
    const n = Number(type.slice(4));
    view.tiers = [];
    tierDue = new Set();
    for (const list of s.review.lists.tiers) {
      const current = n === 1 ? list.tier1 : n === 2 ? list.tier2 : list.tier3;
      const previous = s.runs.tiers.filter((t) => t.type === type && t.year === list.year).map((t) => t.upn);
      const summary = tierRunSummary(previous, current, s.pupils);
      view.tiers.push({ year: list.year, ...summary });
      summary.included.forEach((u) => (tierDue as Set<string>).add(u));
    }
  }

  // Overrides the review honoured (HoY Override column): the preview says so beside the figures.
  const overridden = new Map<string, string>();
  for (const o of s.overrides) if (o.state === 'honoured') overridden.set(normUpn(o.upn), o.rung);

  for (const r of s.review.pupils) {
    const u = normUpn(r.upn);
    const c: LetterCandidate = { upn: u, due: [], held: r.held, heldReasons: heldReasons(r), key: period, reasonStillHolds: true };
    if (LADDER_TYPES.indexOf(type) >= 0) {
      c.due = r.ladder.lettersDue.slice() as LetterType[];
      const key = r.ladder.keys[type as 'AT1'];
      if (key) c.key = parseLetterKey(key).period;
      const hoy = overridden.get(u);
      if (c.due.length) reasons.set(u, attendanceReason(r) + (hoy && c.due.indexOf(hoy as LetterType) >= 0 ? `; Head of Year override: ${hoy} now (HoY Override on the Attendance tab)` : ''));
    } else if (tierDue) {
      if (tierDue.has(u)) {
        c.due = [type];
        reasons.set(u, `Newly in tier ${type.slice(4)}: ${attendanceReason(r)}`);
      }
    } else if (type === 'punctuality' || type === 'lateToLesson') {
      const e = (type === 'punctuality' ? lists.punctuality : lists.lateToLesson).get(u);
      if (e) {
        c.due = [type];
        reasons.set(u, `${e.count} ${type === 'punctuality' ? 'late marks (L)' : 'lates to lessons'} this half term`);
      }
    } else if (type === 'homework') {
      const h = s.homework && s.homework.pupils.get(u);
      if (h && h.persistent) {
        c.due = [type];
        const f = homeworkFigures(s, u);
        reasons.set(u, `Persistent since ${toUk(h.persistentSince as IsoDate)}: ${f.missesThisHalfTerm} missed this half term (${f.weeksPink} pink, ${f.weeksRed} red weeks)`);
      }
    } else if (type === 'reward') {
      if (r.stage === 'reward') {
        c.due = [type];
        reasons.set(u, attendanceReason(r));
      }
    }
    candidates.push(c);
  }
  return view;
}

/** Homework figures for the current half term (the weeks from its start up to asOf). */
export function homeworkFigures(s: LetterSources, upn: string): HomeworkFigures {
  const out: HomeworkFigures = { missesThisHalfTerm: 0, weeksPink: 0, weeksRed: 0, subjects: [] };
  if (!s.homework) return out;
  const from = s.review.halfTerm ? s.review.halfTerm.start : '';
  const u = normUpn(upn);
  const h = s.homework.pupils.get(u);
  if (h) {
    // The weeks of the half term: from the week holding its first day.
    const firstWeek = from ? weekStart(from) : '';
    for (const w of h.weeks) {
      if (w.weekStart < firstWeek) continue;
      if (w.band === 'pink') out.weeksPink++;
      if (w.band === 'red') out.weeksRed++;
    }
  }
  const subjects: string[] = [];
  for (const m of s.homework.sorted.misses) {
    if (normUpn(m.upn) !== u || m.date < from) continue;
    out.missesThisHalfTerm++;
    if (subjects.indexOf(m.subject) < 0) subjects.push(m.subject);
  }
  out.subjects = subjects.sort();
  return out;
}

/** Everything the template's fields need for one pupil's letter. */
export function letterContext(type: LetterType, pupil: Pupil, s: LetterSources, review: Map<string, PupilAttendanceReview>, lists: Lists): LetterContext {
  const u = normUpn(pupil.upn);
  const r = review.get(u);
  const ht = s.review.halfTerm;
  const cal = s.review.calendar;
  const rules = s.settings.attendance;
  const ctx: LetterContext = {
    pupil,
    school: s.settings.school,
    rules,
    type,
    asOf: s.asOf,
    halfTerm: ht ? { name: ht.name, start: ht.start, end: ht.end } : undefined,
  };
  if (r) {
    const f = r.figures;
    ctx.attendance = {
      possible: f.possible,
      attended: f.attended,
      authorised: f.authorised,
      unauthorised: f.unauthorised,
      percent: f.percent === null ? undefined : f.percent,
      lates: f.lates,
      stage: r.stage || undefined,
      sessionsNeeded: r.projection && r.projection.sessionsNeeded !== null ? r.projection.sessionsNeeded : undefined,
    };
    const tier = tierNow(r);
    if (tier) ctx.tier = tier as 1 | 2 | 3;
  }
  const weeks = type === 'AT1' ? rules.at1MonitorWeeks : type === 'AT2' ? rules.at2MonitorWeeks : type === 'panel' ? rules.panelMonitorWeeks : 0;
  ctx.reviewDue = weeks ? cal.addSchoolWeeks(s.asOf, weeks) : ht && ht.end >= s.asOf ? ht.end : cal.addSchoolWeeks(s.asOf, rules.at1MonitorWeeks);
  const late = lists.punctuality.get(u);
  if (late) ctx.lates = { count: late.count, dates: uniqueDates(late.dates) };
  const ltl = lists.lateToLesson.get(u);
  if (ltl) ctx.latesToLesson = { count: ltl.count, dates: uniqueDates(ltl.dates) };
  if (type === 'homework') ctx.homework = homeworkFigures(s, u);
  return ctx;
}

/** "2024-01-10 AM" / "2024-01-10 P3" → the distinct dates. */
function uniqueDates(entries: string[]): IsoDate[] {
  const out: IsoDate[] = [];
  for (const e of entries) {
    const d = e.slice(0, 10);
    if (out.indexOf(d) < 0) out.push(d);
  }
  return out;
}

/** Lookups built once per run. */
export function indexes(s: LetterSources): { review: Map<string, PupilAttendanceReview>; pupils: Map<string, Pupil>; lists: Lists } {
  return { review: byUpn(s.review.pupils), pupils: byUpn(s.pupils), lists: listsOf(s) };
}

/** Letters Log keys to mark Out of date (see the file comment for the rule). */
export function staleKeys(s: LetterSources): string[] {
  const ht = s.review.halfTerm;
  if (!ht) return [];
  const { review, lists } = indexes(s);
  const out: string[] = [];
  for (const type of LETTER_TYPES) {
    const log: LetterLogEntry[] = s.log.filter((e) => e.type === type && e.date >= ht.start && e.date <= s.asOf);
    if (!log.length) continue;
    const cands: LetterCandidate[] = [];
    for (const e of log) {
      const r = review.get(normUpn(e.upn));
      if (!r || r.held) continue;
      const holds = reasonHolds(type, r, s, lists);
      if (holds === null) continue;
      cands.push({ upn: r.upn, due: [], held: false, heldReasons: [], key: parseLetterKey(e.key).period, reasonStillHolds: holds });
    }
    for (const k of outOfDate(log, cands)) if (out.indexOf(k) < 0) out.push(k);
  }
  return out;
}
