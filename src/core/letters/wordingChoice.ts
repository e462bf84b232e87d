/**
 * Which wording a letter gets (SPEC §4.1, §4.2, §5): the legal paragraphs only for pupils of
 * compulsory school age whose unauthorised absence this school year reaches the setting
 * (`letters.legalWordingFromUnauthorised` sessions, default 10 — the number of unauthorised
 * sessions that can lead to a penalty notice); support wording otherwise. Panel and EWO letters for
 * a pupil whose absence is mostly authorised are proposed, not sent: the Head of Year confirms
 * them in the preview. "Again" / "still" when the family had a letter of the kind earlier this
 * school year.
 *
 * Written against a small interface (`AbsenceFacts`) that the job fills from the attendance
 * review, so the rule does not care where compulsory school age comes from (date of birth when the
 * Students tab has it, NC year otherwise).
 */
import { IsoDate } from '../dates';
import { LetterLogEntry, LetterType } from '../types';
import { Conditions, noConditions } from './conditions';
import { normUpn } from '../pupils/names';

export interface AbsenceFacts {
  compulsorySchoolAge: boolean;
  unauthorisedSessions: number;
  authorisedSessions: number;
}

/** s.444 and penalty notices are about unauthorised absence of a child of compulsory school age. */
export function legalWordingApplies(f: AbsenceFacts, fromUnauthorisedSessions: number): boolean {
  return f.compulsorySchoolAge && f.unauthorisedSessions >= fromUnauthorisedSessions;
}

/** More than half of the absence authorised (illness with evidence, appointments …). */
export function mostlyAuthorised(f: AbsenceFacts): boolean {
  return f.authorisedSessions > f.unauthorisedSessions;
}

/** Panel and EWO for mostly authorised absence wait for the Head of Year (SPEC §4.2). */
export function isProposedOnly(type: LetterType, f: AbsenceFacts): boolean {
  return (type === 'panel' || type === 'EWO') && mostlyAuthorised(f);
}

/**
 * Whether the family was written to with a letter of `type` earlier this school year (from
 * `yearStart`, the academic year's first day: core/calendar/academicYear.ts), before
 * `periodStart` (the current episode or half term, whose letter is being made now). Cancelled
 * letters were never sent; an Out of date letter was, so it counts.
 */
export function writtenBefore(log: LetterLogEntry[], upn: string, type: LetterType, periodStart: IsoDate, yearStart: IsoDate): boolean {
  const from = yearStart;
  const u = normUpn(upn);
  return log.some((e) => e.type === type && normUpn(e.upn) === u && e.date >= from && e.date < periodStart && !/^\s*cancelled\s*$/i.test(e.status));
}

export interface ConditionInput {
  /** The letter the family gets (the most serious rung). */
  main: LetterType;
  /** Every type the letter covers (main first). */
  covers: LetterType[];
  facts: AbsenceFacts | null;
  legalFromUnauthorised: number;
  /** The Letters Log and the start of the period each covered type's letter belongs to. */
  log: LetterLogEntry[];
  upn: string;
  periodStart: Partial<Record<LetterType, IsoDate>>;
  asOf: IsoDate;
  /** The first day of this academic year (the setting's start month). */
  yearStart: IsoDate;
}

export function letterConditions(i: ConditionInput): Conditions {
  const c = noConditions();
  const legal = !!i.facts && legalWordingApplies(i.facts, i.legalFromUnauthorised);
  c.IfLegal = legal;
  c.IfSupport = !legal;
  const before = (t: LetterType) => writtenBefore(i.log, i.upn, t, i.periodStart[t] || i.asOf, i.yearStart);
  c.IfRepeat = before(i.main);
  c.IfFirst = !c.IfRepeat;
  if (i.covers.indexOf('PA') >= 0) {
    const again = before('PA');
    c.IfPA = !again;
    c.IfPAAgain = again;
  }
  return c;
}
