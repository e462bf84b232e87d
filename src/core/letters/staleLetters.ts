/**
 * Out of date (SPEC §5): a letter dated in the current half term (status Produced or Sent) whose
 * reason no longer holds with the marks as they are now — e.g. recoded marks lifted the pupil out
 * of level 2 after an AT2 — is marked *Out of date*. Older letters are history and left alone, as
 * are held pupils (their figures wait on the coding review) and pupils with no review result.
 */
import { PupilAttendanceReview } from '../attendance/review';
import { tierOf } from '../attendance/lists';
import { LetterCandidate, outOfDate, parseLetterKey } from './plan';
import { LETTER_TYPES } from './defaultTemplates';
import { LetterLogEntry, LetterType } from '../types';
import { LetterSources } from './sources';
import { Lists, indexes } from './candidates';
import { normUpn } from '../pupils/names';

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
