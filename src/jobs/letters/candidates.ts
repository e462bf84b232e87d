/**
 * From the review results to what a letter run needs: who is due what (with the Letters Log period
 * that keys each letter), who is held, why each is due (the preview's words), and each letter's
 * real figures and wording (`LetterContext` and its conditions).
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
import { IsoDate, toUk } from '../../core/dates';
import { PupilAttendanceReview } from '../../core/attendance/review';
import { CountEntry, tierOf } from '../../core/attendance/lists';
import { LetterContext } from '../../core/letters/fields';
import { percentText } from '../../core/letters/format';
import { LetterCandidate, PlannedLetter, RunKind, isAttendanceRun, outOfDate, parseLetterKey, runTypes } from '../../core/letters/plan';
import { Tier, TierMember, tierRunSummary, TierRunSummary } from '../../core/letters/tiers';
import { LETTER_TYPES, templateTypeOf } from '../../core/letters/defaultTemplates';
import { WORDING } from '../../core/letters/wording';
import { signatoryFor } from '../../core/letters/signatory';
import { Conditions } from '../../core/letters/conditions';
import { AbsenceFacts, isProposedOnly, letterConditions } from '../../core/letters/wordingChoice';
import { LetterLogEntry, LetterType, Pupil } from '../../core/types';
import { academicYearOfDate } from '../../core/calendar/academicYear';
import { LetterSources } from './sources';
import { homeworkFigures, homeworkWeeksOf } from './homeworkFigures';
import { normUpn } from '../../core/pupils/names';

export { homeworkFigures } from './homeworkFigures';

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

/** Whether the reason for a letter of `type` holds for this pupil now. */
export function reasonHolds(type: LetterType, r: PupilAttendanceReview, s: LetterSources, lists: Lists): boolean | null {
  const u = normUpn(r.upn);
  switch (type) {
    case 'AT1': return r.stage === 'level1' || r.stage === 'level2';
    case 'AT2': case 'panel': case 'EWO': return r.stage === 'level2';
    case 'PA': return r.pa;
    case 'reward': return r.stage === 'reward';
    case 'tier1': case 'tier2': case 'tier3': return tierOf(r.stage, r.pa) === Number(type.slice(4));
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

/** The date a period starts: "episode-2024-01-08" → 2024-01-08 ('' when it does not say). */
function periodStart(period: string): IsoDate {
  const m = /(\d{4}-\d{2}-\d{2})$/.exec(period);
  return m ? m[1] : '';
}

/** One letter of a run, ready to merge: its field values and which conditional paragraphs it has. */
export interface LetterInputs {
  ctx: LetterContext;
  conditions: Conditions;
}

/** Everything the template's fields need for one family's copy of a letter. */
export function letterInputs(letter: PlannedLetter, pupil: Pupil, s: LetterSources, idx: ReturnType<typeof indexes>, panel?: LetterContext['panel']): LetterInputs {
  const type = letter.type;
  const u = normUpn(pupil.upn);
  const r = idx.review.get(u);
  const ht = s.review.halfTerm;
  const cal = s.review.calendar;
  const rules = s.settings.attendance;
  const wording = WORDING[templateTypeOf(type)];
  const ctx: LetterContext = {
    pupil,
    addressee: letter.addressee,
    signedBy: signatoryFor(wording.voice, pupil.year, s.staff, s.settings.school),
    panel,
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
    const tier = tierOf(r.stage, r.pa);
    if (tier) ctx.tier = tier;
  }
  // One review date per letter, from the letter's own rung: every paragraph shows the same date.
  const weeks = type === 'AT1' ? rules.at1MonitorWeeks : type === 'AT2' ? rules.at2MonitorWeeks : type === 'panel' ? rules.panelMonitorWeeks : 0;
  ctx.reviewDue = weeks ? cal.addSchoolWeeks(s.asOf, weeks) : ht && ht.end >= s.asOf ? ht.end : cal.addSchoolWeeks(s.asOf, rules.at1MonitorWeeks);
  const late = idx.lists.punctuality.get(u);
  if (late) ctx.lates = { count: late.count, dates: uniqueDates(late.dates) };
  const ltl = idx.lists.lateToLesson.get(u);
  if (ltl) ctx.latesToLesson = { count: ltl.count, dates: uniqueDates(ltl.dates) };
  if (type === 'homework') {
    ctx.homework = homeworkFigures(s, u);
    ctx.homeworkWeeks = homeworkWeeksOf(s, u);
  }
  const starts: Partial<Record<LetterType, IsoDate>> = {};
  letter.keys.forEach((k, i) => { starts[letter.covers[i]] = periodStart(parseLetterKey(k).period); });
  const conditions = letterConditions({
    main: type, covers: letter.covers, facts: r ? absenceFacts(r) : null,
    legalFromUnauthorised: s.settings.letters.legalWordingFromUnauthorised,
    log: s.log, upn: u, periodStart: starts, asOf: s.asOf, yearStart: academicYearOfDate(s.asOf, s.settings).start,
  });
  return { ctx, conditions };
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

/** Letters Log keys to mark Out of date (see the file comment for the rule). */
export function staleKeys(s: LetterSources): string[] {
  const ht = s.review.halfTerm;
  if (!ht) return [];
  const { review, lists } = indexes(s);
  const out: string[] = [];
  for (const type of (LETTER_TYPES as LetterType[]).concat(['tier1', 'tier2', 'tier3'])) {
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
