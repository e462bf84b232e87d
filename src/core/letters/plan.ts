/**
 * Planning a letter run (SPEC §5): which families get which letter now, which pupils are skipped
 * and why, in the order a Head of Year files them. The Letters Log is the memory: like GibbonEdu's
 * escalation letters, a letter remembers the episode or half term it was issued for, so the same
 * key is never produced twice and a re-run after a crash finishes the job without doubling.
 *
 * One family, one attendance letter a day. An attendance run (the ladder's letters, PA, tier
 * letters) plans across the ladder's types: a pupil due a rung and PA gets ONE letter — the most
 * serious rung, carrying the PA paragraph — and the Letters Log gets a row for every rung it
 * covers, so the ladder's memory stays per rung. A pupil already sent an attendance letter today
 * gets no second one until tomorrow. Letters go to every parent (addressees.ts): one copy per
 * household, and the key names who it was addressed to, so nobody gets the same letter twice.
 */
import { isLeaver } from '../pupils/roll';
import { IsoDate, toUk } from '../dates';
import { LetterLogEntry, LetterType, Pupil } from '../types';
import { shortName } from './defaultTemplates';
import { Addressee, AddresseeResult, narrowAddressee, studentsTabAddressee } from './addressees';
import { blocks, counts, coverIndex, letterKey, parseLetterKey } from './keys';
import { normUpn } from '../pupils/names';
import { CohortFilter, inCohort } from './cohort';
import { filingOrder, packOrder } from './order';

export { letterKey, parseLetterKey } from './keys';

/** What a run was asked for: one letter type, every attendance letter due, or a year's tier letters. */
export type RunKind = LetterType | 'attendance' | 'tier';

/** The ladder's letters and PA: the letters one attendance letter a day is about. */
export const ATTENDANCE_TYPES: LetterType[] = ['AT1', 'AT2', 'panel', 'EWO', 'PA'];
/** Most serious first: the letter a family gets when several are due. */
const SEVERITY: LetterType[] = ['EWO', 'panel', 'AT2', 'AT1', 'PA'];
const OLD_TIERS = ['tier1', 'tier2', 'tier3'];

/** One pupil's review result for a letter run (made by the attendance / homework review). */
export interface LetterCandidate {
  upn: string;
  /** Letters due now: the ladder rung, PA, punctuality … */
  due: LetterType[];
  /** Held from letters (open coding issues). */
  held: boolean;
  heldReasons: string[];
  /** The period a letter produced now belongs to ("episode-2024-01-08", "halfterm-2024-01-03"). */
  key: string;
  /** The period of each due type where they differ (the ladder's episode, PA's half term). */
  periods?: Partial<Record<LetterType, string>>;
  /** Due rungs that are only proposed (panel / EWO for mostly authorised absence): need confirming. */
  proposed?: LetterType[];
  /**
   * False when, with the marks as they are now, the reason for letters already produced in this
   * episode or period no longer holds (recoded marks lifted the pupil out of the stage).
   */
  reasonStillHolds: boolean;
}

export interface LetterRunInput {
  type: RunKind;
  asOf: IsoDate;
  pupils: Pupil[];
  candidates: LetterCandidate[];
  log: LetterLogEntry[];
  cohort?: CohortFilter;
  /** UPNs the Head of Year unticked in the preview. */
  unticked?: string[];
  /** UPNs the Head of Year allowed out of ladder order (e.g. AT2 with no AT1 this episode). */
  overrides?: string[];
  /** UPNs whose proposed panel / EWO letter the Head of Year confirmed in the preview. */
  confirmed?: string[];
  /** Who each pupil's letters go to (Contacts tab), by UPN; a pupil not here: the Students tab. */
  addressees?: Map<string, AddresseeResult>;
}

export interface PlannedLetter {
  upn: string;
  /** The letter (template) this family gets. */
  type: LetterType;
  /** The Letters Log key of the letter itself (keys[0]). */
  key: string;
  /** Every letter type this one letter records, most serious first (e.g. AT1 and PA). */
  covers: LetterType[];
  /** A Letters Log key per covered type, in the same order. */
  keys: string[];
  addressee: Addressee;
}

export type SkipCode = 'leaver' | 'notOnRoll' | 'notDue' | 'held' | 'alreadyProduced' | 'outOfOrder' | 'unticked' | 'writtenToday' | 'proposed' | 'noAddressee';

export interface SkippedPupil {
  upn: string;
  code: SkipCode;
  reason: string;
}

/** A rung the rules propose but the Head of Year must confirm before it is sent. */
export interface Proposal {
  upn: string;
  type: LetterType;
}

export interface LetterRunPlan {
  type: RunKind;
  toProduce: PlannedLetter[];
  skipped: SkippedPupil[];
  proposals: Proposal[];
  /** Things the Head of Year should know about a pupil who does get a letter (contacts left out …). */
  notes: Array<{ upn: string; note: string }>;
}

/** The rung each ladder letter needs first in the same episode (SPEC §4.2: rungs go in order). */
const NEEDS_FIRST: Partial<Record<LetterType, LetterType>> = { AT2: 'AT1', panel: 'AT2', EWO: 'panel' };

/** The types a run of this kind may make, and the one the pupil must be due to be included. */
export function runTypes(kind: RunKind): { types: LetterType[]; mustInclude: LetterType | null } {
  if (kind === 'attendance' || kind === 'tier' || OLD_TIERS.indexOf(kind) >= 0) return { types: ATTENDANCE_TYPES, mustInclude: null };
  if (ATTENDANCE_TYPES.indexOf(kind) >= 0) return { types: ATTENDANCE_TYPES, mustInclude: kind };
  return { types: [kind], mustInclude: kind };
}

export function isAttendanceRun(kind: RunKind): boolean {
  return runTypes(kind).types === ATTENDANCE_TYPES;
}

export function planLetterRun(input: LetterRunInput): LetterRunPlan {
  const { types, mustInclude } = runTypes(input.type);
  const attendance = types === ATTENDANCE_TYPES;
  const byUpn = new Map<string, Pupil>();
  for (const p of input.pupils) byUpn.set(normUpn(p.upn), p);
  const covered = coverIndex(input.log);
  const writtenToday = new Map<string, LetterLogEntry>();
  if (attendance) {
    for (const e of input.log) {
      if (e.date === input.asOf && blocks(e) && (ATTENDANCE_TYPES.indexOf(e.type as LetterType) >= 0 || OLD_TIERS.indexOf(e.type) >= 0)) writtenToday.set(normUpn(e.upn), e);
    }
  }
  const unticked = new Set((input.unticked || []).map(normUpn));
  const overrides = new Set((input.overrides || []).map(normUpn));
  const confirmed = new Set((input.confirmed || []).map(normUpn));
  const cohort = input.cohort || {};
  const chosen = cohort.upns ? new Set(cohort.upns.map(normUpn)) : null;

  const candidates = new Map<string, LetterCandidate>();
  for (const c of input.candidates) if (!candidates.has(normUpn(c.upn))) candidates.set(normUpn(c.upn), c);
  // An explicit choice names pupils who may have no review result; they are reported, not lost.
  const upns: string[] = [];
  candidates.forEach((_, u) => upns.push(u));
  if (chosen) chosen.forEach((u) => { if (!candidates.has(u)) upns.push(u); });

  const plan: LetterRunPlan = { type: input.type, toProduce: [], skipped: [], proposals: [], notes: [] };
  const skip = (upn: string, code: SkipCode, reason: string) => plan.skipped.push({ upn, code, reason });
  const what = mustInclude ? shortName(mustInclude) : 'attendance';

  for (const upn of upns) {
    const pupil = byUpn.get(upn);
    const c = candidates.get(upn);
    const explicit = chosen !== null && chosen.has(upn);
    if (!inCohort(upn, pupil, cohort)) continue;
    const due = c ? SEVERITY.concat(types.filter((t) => SEVERITY.indexOf(t) < 0)).filter((t) => types.indexOf(t) >= 0 && c.due.indexOf(t) >= 0) : [];
    const isDue = due.length > 0 && (!mustInclude || due.indexOf(mustInclude) >= 0);
    // Pupils the run would never have picked are reported only when someone chose them.
    if (!isDue && !explicit) continue;
    if (!pupil) {
      skip(upn, 'notOnRoll', `UPN ${upn} is not on the Students tab.`);
      continue;
    }
    if (isLeaver(pupil, input.asOf)) {
      skip(upn, 'leaver', `Left on ${toUk(pupil.leavingDate)}.`);
      continue;
    }
    if (!c || !isDue) {
      skip(upn, 'notDue', `No ${what} letter is due${c && c.due.length ? ` (due: ${c.due.join(', ')})` : ''}.`);
      continue;
    }
    if (c.held) {
      skip(upn, 'held', `Held until the coding review is cleared: ${c.heldReasons.join('; ') || 'open coding issues'}.`);
      continue;
    }
    const today = writtenToday.get(upn);
    if (today) {
      skip(upn, 'writtenToday', `Already sent an attendance letter today (${shortName(today.type as LetterType)}): one attendance letter a day, so ${due.map((t) => shortName(t)).join(' and ')} wait${due.length === 1 ? 's' : ''} for the next run.`);
      continue;
    }

    // Each due type: not already produced for the whole family, in ladder order, confirmed if proposed.
    const period = (t: LetterType) => (c.periods && c.periods[t]) || c.key;
    const going: LetterType[] = [];
    const reasons: Array<{ code: SkipCode; reason: string }> = [];
    for (const t of due) {
      const cov = covered.get(`${t}|${upn}|${period(t)}`);
      const stray = inPeriod(input.log, t, upn, period(t), input.asOf, blocks);
      if ((cov && cov.all) || stray) {
        const row = (cov && cov.all && cov.first) || (stray as LetterLogEntry);
        const note = row.status && !/^(produced|sent)$/i.test(row.status.trim()) ? ` (now marked ${row.status})` : '';
        reasons.push({ code: 'alreadyProduced', reason: `${shortName(t)} letter already produced on ${toUk(row.date)}${note}; Letters Log key ${row.key || letterKey(t, upn, period(t))}.` });
        continue;
      }
      const first = NEEDS_FIRST[t];
      if (first && !overrides.has(upn)) {
        const prior = covered.get(`${first}|${upn}|${period(t)}`);
        if ((!prior || !prior.counting) && !inPeriod(input.log, first, upn, period(t), input.asOf, counts)) {
          reasons.push({ code: 'outOfOrder', reason: `No ${first} letter in the Letters Log for this episode, so ${t} would skip a rung. The Head of Year can override on the Attendance tab (HoY Override column).` });
          continue;
        }
      }
      if (c.proposed && c.proposed.indexOf(t) >= 0 && !confirmed.has(upn)) {
        plan.proposals.push({ upn, type: t });
        reasons.push({ code: 'proposed', reason: `${shortName(t)} letter proposed, not sent: most of the absence is authorised. Tick "confirm" in the preview to send it.` });
        continue;
      }
      going.push(t);
    }
    if (mustInclude && going.indexOf(mustInclude) < 0) going.length = 0;
    if (!going.length) {
      const r = reasons.find((x) => x.code === 'proposed') || reasons[0] || { code: 'notDue' as SkipCode, reason: `No ${what} letter is due.` };
      skip(upn, r.code, r.reason);
      continue;
    }
    if (unticked.has(upn)) {
      skip(upn, 'unticked', 'Unticked in the preview.');
      continue;
    }
    for (const r of reasons) plan.notes.push({ upn, note: r.reason });

    const to = (input.addressees && input.addressees.get(upn)) || { addressees: [studentsTabAddressee(pupil)], notes: [] };
    for (const n of to.notes) plan.notes.push({ upn, note: n });
    if (!to.addressees.length) {
      skip(upn, 'noAddressee', to.notes.join(' ') || 'Nobody to write to.');
      continue;
    }
    const main = going[0];
    const mainCov = covered.get(`${main}|${upn}|${period(main)}`);
    let made = 0;
    for (const a of to.addressees) {
      const fresh = mainCov ? a.people.filter((p) => !mainCov.people.has(p)) : a.people;
      const addressee = narrowAddressee(a, fresh, pupil);
      if (!addressee) {
        plan.notes.push({ upn, note: `${a.addressee} already had this ${shortName(main)} letter.` });
        continue;
      }
      made++;
      plan.toProduce.push({
        upn, type: main, covers: going.slice(), addressee,
        keys: going.map((t) => letterKey(t, upn, period(t), addressee.id)),
        key: letterKey(main, upn, period(main), addressee.id),
      });
    }
    if (!made) skip(upn, 'alreadyProduced', `${shortName(main)} letter already produced for everyone it goes to.`);
  }

  plan.toProduce = packOrder(plan.toProduce, byUpn);
  const order = filingOrder(byUpn);
  plan.skipped.sort((a, b) => order(a.upn, b.upn));
  return plan;
}

/**
 * A letter of this type to this pupil dated within the period (`episode-<start>` or
 * `halfterm-<start>`, up to today) whose key names another period: history imported from a
 * school's own log (issue 16) may carry another key form, and must still stop a second letter or
 * count as the rung below. It stands for the whole family (it names no addressee).
 */
function inPeriod(log: LetterLogEntry[], type: LetterType, upn: string, period: string, asOf: IsoDate, ok: (e: LetterLogEntry) => boolean): LetterLogEntry | undefined {
  const m = /^(?:episode|halfterm)-(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (!m) return undefined;
  return log.find((e) => e.type === type && normUpn(e.upn) === upn && e.date >= m[1] && e.date <= asOf && ok(e) && parseLetterKey(e.key).period !== period);
}

/**
 * What is still to make when a run is re-run after stopping (time limit, crash): the planned
 * letters with no standing Letters Log row. Log rows are the commit point, so each family's letter
 * is made exactly once across the two runs.
 */
export function remaining(plan: LetterRunPlan, log: LetterLogEntry[]): PlannedLetter[] {
  const done = new Set<string>();
  for (const e of log) if (blocks(e)) done.add(e.key);
  return plan.toProduce.filter((l) => !done.has(l.key));
}

/**
 * Letters Log keys to mark *Out of date*: produced letters whose reason no longer holds for the
 * same pupil and episode/period. A pupil with no current review result is left alone: no answer is
 * not the same as "no longer holds".
 */
export function outOfDate(log: LetterLogEntry[], currentCandidates: LetterCandidate[]): string[] {
  const stale = new Set<string>();
  for (const c of currentCandidates) if (!c.reasonStillHolds) stale.add(`${normUpn(c.upn)}|${c.key}`);
  const out: string[] = [];
  for (const e of log) {
    if (!counts(e)) continue;
    const k = parseLetterKey(e.key);
    const upn = k.upn || normUpn(e.upn);
    if (stale.has(`${upn}|${k.period}`) && out.indexOf(e.key) < 0) out.push(e.key);
  }
  return out;
}
