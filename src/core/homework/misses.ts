/**
 * Which Homework Log rows count (SPEC §3, seed 000). A miss is a row whose reason is one of
 * `settings.homework.missReasons`; Late is counted separately unless `countLateAsMiss`. The class
 * teacher records a missed piece "only once": the same UPN + subject + date is one entry, so a
 * second is refused at entry (`findDuplicate`) and ignored by every count if it got in anyway.
 */
import { IsoDate, isIsoDate, toUk } from '../dates';
import { Settings, homeworkReasons } from '../settings';
import { HomeworkMiss, Pupil } from '../types';
import { normUpn, proseName } from '../pupils/names';
import { rollIndex } from '../pupils/roll';
import { normText } from '../text';

export type EntryKind = 'miss' | 'late' | 'other';

/** What a reason means under the settings (case- and space-insensitive). */
export function classifyReason(reason: string, settings: Settings): EntryKind {
  const r = normText(reason);
  if (settings.homework.missReasons.some((m) => normText(m) === r)) return 'miss';
  if (normText(settings.homework.lateReason) === r) return 'late';
  return 'other';
}

/** True when the row counts towards pink/red: a miss, or a Late when the school counts lates. */
export function countsAsMiss(entry: HomeworkMiss, settings: Settings): boolean {
  const k = classifyReason(entry.reason, settings);
  return k === 'miss' || (k === 'late' && settings.homework.countLateAsMiss);
}

/** UPN + subject + date: the identity of a logged piece of homework. */
export function entryKey(e: { upn: string; subject: string; date: IsoDate }): string {
  return `${normUpn(e.upn)}|${normText(e.subject)}|${e.date}`;
}

/** The first existing entry for the same UPN + subject + date, or null. */
export function findDuplicate(existing: HomeworkMiss[], candidate: HomeworkMiss): HomeworkMiss | null {
  const k = entryKey(candidate);
  for (const e of existing) if (entryKey(e) === k) return e;
  return null;
}

/** "Already recorded: 1234…, Ann Smith, Maths, 15/01/2024 (Homework Log row 12)". */
export function duplicateMessage(first: HomeworkMiss, pupil?: Pupil): string {
  const who = pupil ? `${first.upn} ${proseName(pupil)}` : first.upn;
  const where = first.row ? ` (Homework Log row ${first.row})` : '';
  return `Already recorded: ${who}, ${first.subject}, ${toUk(first.date)}${where}.`;
}

/**
 * Problems with a new entry from the sidebar form or a pasted row, one message each; empty when
 * it can be recorded. Checked before anything is written.
 */
export function checkNewEntry(existing: HomeworkMiss[], candidate: HomeworkMiss, pupils: Pupil[], asOf: IsoDate, settings: Settings): string[] {
  const errs: string[] = [];
  const roll = rollIndex(pupils, asOf);
  const pupil = roll.get(normUpn(candidate.upn));
  if (!isIsoDate(candidate.date)) errs.push(`Homework Log: "${candidate.date}" is not a date.`);
  else if (candidate.date > asOf) errs.push(`Homework Log: ${toUk(candidate.date)} is in the future.`);
  if (!pupil) errs.push(`Homework Log: UPN "${candidate.upn}" is not a pupil on roll (Students tab).`);
  if (!normText(candidate.subject)) errs.push('Homework Log: the subject is blank.');
  if (classifyReason(candidate.reason, settings) === 'other') {
    const allowed = homeworkReasons(settings).join(', ');
    errs.push(`Homework Log: reason "${candidate.reason}" is not one of ${allowed}.`);
  }
  const dup = findDuplicate(existing, candidate);
  if (dup) errs.push(duplicateMessage(dup, pupil));
  return errs;
}

export interface SortedLog {
  /** Rows counting towards pink/red (first of any duplicates), pupils on roll only. */
  misses: HomeworkMiss[];
  /** Late rows, always counted separately; also in `misses` when the school counts lates as misses. */
  lates: HomeworkMiss[];
  /** Later copies of an entry already counted, with the row of the first. */
  duplicates: Array<{ entry: HomeworkMiss; first: HomeworkMiss }>;
  /** Rows that cannot be counted, with the reason, for the coding/data check. */
  problems: Array<{ entry: HomeworkMiss; message: string }>;
}

/**
 * Splits the Homework Log once, in sheet order: the first of a UPN + subject + date counts and
 * later copies are reported. Leavers' rows are dropped silently (they are not a data problem);
 * rows for unknown UPNs, bad dates, future dates and unknown reasons are reported.
 */
export function sortLog(log: HomeworkMiss[], pupils: Pupil[], asOf: IsoDate, settings: Settings): SortedLog {
  const roll = rollIndex(pupils, asOf);
  const known = new Set(pupils.map((p) => normUpn(p.upn)));
  const firstByKey = new Map<string, HomeworkMiss>();
  const out: SortedLog = { misses: [], lates: [], duplicates: [], problems: [] };
  for (const e of log) {
    const at = e.row ? ` (Homework Log row ${e.row})` : '';
    if (!isIsoDate(e.date)) {
      out.problems.push({ entry: e, message: `Homework Log: date "${e.date}" is not a date${at}.` });
      continue;
    }
    if (e.date > asOf) {
      out.problems.push({ entry: e, message: `Homework Log: date ${toUk(e.date)} is in the future${at}.` });
      continue;
    }
    const upn = normUpn(e.upn);
    if (!roll.has(upn)) {
      if (!known.has(upn)) out.problems.push({ entry: e, message: `Homework Log: UPN "${e.upn}" is not on the Students tab${at}.` });
      continue;
    }
    const kind = classifyReason(e.reason, settings);
    if (kind === 'other') {
      out.problems.push({ entry: e, message: `Homework Log: reason "${e.reason}" is not a known reason${at}.` });
      continue;
    }
    const k = entryKey(e);
    const first = firstByKey.get(k);
    if (first) {
      out.duplicates.push({ entry: e, first });
      continue;
    }
    firstByKey.set(k, e);
    if (kind === 'late') out.lates.push(e);
    if (kind === 'miss' || settings.homework.countLateAsMiss) out.misses.push(e);
  }
  return out;
}
