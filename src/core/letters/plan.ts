/**
 * Planning a letter run (SPEC §5): which pupils get this letter now, which are skipped and why,
 * in the order a Head of Year files them (year, reg group, surname). The Letters Log is the memory:
 * like GibbonEdu's escalation letters, a letter remembers the episode or half term it was issued
 * for, so the same key is never produced twice and a re-run after a crash finishes the job
 * without doubling anyone's letter.
 */
import { isLeaver } from '../pupils/roll';
import { IsoDate, toUk } from '../dates';
import { LetterLogEntry, LetterType, Pupil } from '../types';
import { letterTitle } from './defaultTemplates';

/** One pupil's review result for a letter run (made by the attendance / homework review). */
export interface LetterCandidate {
  upn: string;
  /** Letters due now: the ladder rung, PA, the tier, punctuality … */
  due: LetterType[];
  /** Held from letters (open coding issues). */
  held: boolean;
  heldReasons: string[];
  /**
   * The episode or period a letter produced now belongs to, e.g. "episode-2024-01-08" for the
   * ladder or "2023/24-HT3" for half-termly letters. With the type and UPN it makes the log key.
   */
  key: string;
  /**
   * False when, with the marks as they are now, the reason for letters already produced in this
   * episode or period no longer holds (recoded marks lifted the pupil out of the stage).
   */
  reasonStillHolds: boolean;
}

export interface CohortFilter {
  years?: number[];
  regGroups?: string[];
  /** Explicit choice (rows selected on the tracker). */
  upns?: string[];
}

export interface LetterRunInput {
  type: LetterType;
  asOf: IsoDate;
  pupils: Pupil[];
  candidates: LetterCandidate[];
  log: LetterLogEntry[];
  cohort?: CohortFilter;
  /** UPNs the Head of Year unticked in the preview. */
  unticked?: string[];
  /** UPNs the Head of Year allowed out of ladder order (e.g. AT2 with no AT1 this episode). */
  overrides?: string[];
}

export interface PlannedLetter {
  upn: string;
  key: string;
  type: LetterType;
}

export type SkipCode = 'leaver' | 'notOnRoll' | 'notDue' | 'held' | 'alreadyProduced' | 'outOfOrder' | 'unticked';

export interface SkippedPupil {
  upn: string;
  code: SkipCode;
  reason: string;
}

export interface LetterRunPlan {
  type: LetterType;
  toProduce: PlannedLetter[];
  skipped: SkippedPupil[];
}

/** The rung each ladder letter needs first in the same episode (SPEC §4.2: rungs go in order). */
const NEEDS_FIRST: Partial<Record<LetterType, LetterType>> = { AT2: 'AT1', panel: 'AT2', EWO: 'panel' };

export function letterKey(type: LetterType | string, upn: string, period: string): string {
  return `${type}|${normUpn(upn)}|${period}`;
}

/** The parts of a log key; `period` is '' for keys not made by letterKey. */
export function parseLetterKey(key: string): { type: string; upn: string; period: string } {
  const parts = key.split('|');
  return { type: parts[0] || '', upn: normUpn(parts[1] || ''), period: parts.slice(2).join('|') };
}

/** A log row that still stands: a Cancelled row does not block the letter being made again. */
function blocks(e: LetterLogEntry): boolean {
  return e.status.trim().toLowerCase() !== 'cancelled';
}

/** A log row that counts as "sent" for the ladder: neither Cancelled nor Out of date. */
function counts(e: LetterLogEntry): boolean {
  const s = e.status.trim().toLowerCase();
  return s !== 'cancelled' && s !== 'out of date';
}

export function planLetterRun(input: LetterRunInput): LetterRunPlan {
  const type = input.type;
  const title = letterTitle(type);
  const byUpn = new Map<string, Pupil>();
  for (const p of input.pupils) byUpn.set(normUpn(p.upn), p);
  const logByKey = new Map<string, LetterLogEntry>();
  for (const e of input.log) if (blocks(e) && !logByKey.has(e.key)) logByKey.set(e.key, e);
  const unticked = new Set((input.unticked || []).map(normUpn));
  const overrides = new Set((input.overrides || []).map(normUpn));
  const cohort = input.cohort || {};
  const chosen = cohort.upns ? new Set(cohort.upns.map(normUpn)) : null;

  const candidates = new Map<string, LetterCandidate>();
  for (const c of input.candidates) if (!candidates.has(normUpn(c.upn))) candidates.set(normUpn(c.upn), c);
  // An explicit choice names pupils who may have no review result; they are reported, not lost.
  const upns: string[] = [];
  candidates.forEach((_, u) => upns.push(u));
  if (chosen) chosen.forEach((u) => { if (!candidates.has(u)) upns.push(u); });

  const toProduce: PlannedLetter[] = [];
  const skipped: SkippedPupil[] = [];
  const skip = (upn: string, code: SkipCode, reason: string) => skipped.push({ upn, code, reason });

  for (const upn of upns) {
    const pupil = byUpn.get(upn);
    const c = candidates.get(upn);
    const explicit = chosen !== null && chosen.has(upn);
    if (chosen && !explicit) continue;
    if (pupil && !inCohort(pupil, cohort)) continue;
    const isDue = !!c && c.due.indexOf(type) >= 0;
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
      skip(upn, 'notDue', `No ${title} is due${c && c.due.length ? ` (due: ${c.due.join(', ')})` : ''}.`);
      continue;
    }
    if (c.held) {
      skip(upn, 'held', `Held until the coding review is cleared: ${c.heldReasons.join('; ') || 'open coding issues'}.`);
      continue;
    }
    const key = letterKey(type, upn, c.key);
    const already = logByKey.get(key) || inPeriod(input.log, type, upn, c.key, input.asOf, blocks);
    if (already) {
      const note = counts(already) ? '' : ` (now marked ${already.status})`;
      skip(upn, 'alreadyProduced', `${title} already produced on ${toUk(already.date)}${note}; Letters Log key ${key}.`);
      continue;
    }
    const first = NEEDS_FIRST[type];
    if (first && !overrides.has(upn)) {
      const prior = logByKey.get(letterKey(first, upn, c.key)) || inPeriod(input.log, first, upn, c.key, input.asOf, counts);
      if (!prior || !counts(prior)) {
        skip(upn, 'outOfOrder', `No ${first} letter in the Letters Log for this episode, so ${type} would skip a rung. The Head of Year can override on the Attendance tab (HoY Override column).`);
        continue;
      }
    }
    if (unticked.has(upn)) {
      skip(upn, 'unticked', 'Unticked in the preview.');
      continue;
    }
    toProduce.push({ upn, key, type });
  }

  const order = filingOrder(byUpn);
  toProduce.sort((a, b) => order(a.upn, b.upn));
  skipped.sort((a, b) => order(a.upn, b.upn));
  return { type, toProduce, skipped };
}

/**
 * A letter of this type to this pupil dated within the period (`episode-<start>` or
 * `halfterm-<start>`, up to today), whatever its key: history imported from a school's own log
 * may carry another key form (issue 16), and must still stop a second letter or count as the
 * rung below.
 */
function inPeriod(log: LetterLogEntry[], type: LetterType, upn: string, period: string, asOf: IsoDate, ok: (e: LetterLogEntry) => boolean): LetterLogEntry | undefined {
  const m = /^(?:episode|halfterm)-(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (!m) return undefined;
  return log.find((e) => e.type === type && normUpn(e.upn) === upn && e.date >= m[1] && e.date <= asOf && ok(e));
}

/**
 * What is still to make when a run is re-run after stopping (time limit, crash): the planned
 * letters with no standing Letters Log row. Log rows are the commit point, so each pupil's letter
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

export { isLeaver };

function inCohort(p: Pupil, f: CohortFilter): boolean {
  if (f.years && f.years.length && f.years.indexOf(p.year) < 0) return false;
  if (f.regGroups && f.regGroups.length) {
    const g = p.regGroup.trim().toLowerCase();
    if (!f.regGroups.some((r) => r.trim().toLowerCase() === g)) return false;
  }
  return true;
}

/** Year, reg group, surname, forename, then UPN so the order never depends on the input order. */
export function filingOrder(byUpn: Map<string, Pupil>): (a: string, b: string) => number {
  return (a, b) => {
    const p = byUpn.get(a);
    const q = byUpn.get(b);
    if (p && q) {
      if (p.year !== q.year) return p.year - q.year;
      const c = cmp(p.regGroup, q.regGroup) || cmp(p.surname, q.surname) || cmp(p.forename, q.forename);
      if (c) return c;
    } else if (p || q) {
      return p ? -1 : 1; // pupils not on the roll go last
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

function cmp(a: string, b: string): number {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** UPNs are matched as typed but without stray spaces or lower-case letters from hand entry. */
export function normUpn(u: string): string {
  return String(u).trim().toUpperCase();
}
