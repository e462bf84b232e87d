/**
 * Everything a letter run decides from, read once by jobs/letters/sources.ts (the attendance
 * review's read path plus Staff, Contacts, the Homework Log when needed, and the Letter Runs memory).
 * The rules in core/letters take it as plain data.
 */
import { IsoDate } from '../dates';
import { Settings } from '../settings';
import { AttendanceReview, ReviewInput } from '../attendance/review';
import { OverrideOutcome } from '../attendance/overrides';
import { KeptProblems, LatestMarks } from '../attendance/reviewMemory';
import { HomeworkWeeks } from '../homework/weeks';
import { AddresseeResult, ContactLike, addresseesFor } from './addressees';
import { LetterLogEntry, Pupil, StaffMember } from '../types';
import { LetterRunsTab } from './runMemory';
import { normUpn } from '../pupils/names';

export interface LetterSources {
  asOf: IsoDate;
  settings: Settings;
  pupils: Pupil[];
  log: LetterLogEntry[];
  review: AttendanceReview;
  /**
   * What `review` was run on (the run reviews again with its own letters: Next Action after it).
   * Null when the review is the kept one (the preview: jobs/letters/sources.ts keptLetterSources).
   */
  reviewInput: ReviewInput | null;
  /** The Head of Year's overrides on the Attendance tab and whether each was honoured. */
  overrides: OverrideOutcome[];
  /**
   * For a fresh review, what keeping it needs (core/attendance/reviewMemory.ts): the import count
   * read before the tabs, the problems of the tabs a kept review stands for, and the Register's
   * latest weeks as read. A letter run keeps its review once it has made its letters, so the next
   * preview starts from it.
   */
  keptFrom?: { generation: number; problems: KeptProblems; latest: LatestMarks };
  /** Only for homework concern letters (the Homework Log is not read otherwise). */
  homework: HomeworkWeeks | null;
  /** Who signs: the Heads of Year and the attendance officer (Staff tab). */
  staff: StaffMember[];
  /** Contacts tab rows by UPN (empty when the tracker has no Contacts tab). */
  contacts: Map<string, ContactLike[]>;
  runs: LetterRunsTab;
  /** Rows the rules could not use, for the person running it (tab, row and value; no names). */
  problems: string[];
}

/** Who each pupil's letters go to (Contacts tab, else the Students tab), by UPN. */
export function addresseeMap(s: LetterSources, upns: string[]): Map<string, AddresseeResult> {
  const byUpn = new Map<string, Pupil>();
  for (const p of s.pupils) byUpn.set(normUpn(p.upn), p);
  const out = new Map<string, AddresseeResult>();
  for (const raw of upns) {
    const u = normUpn(raw);
    const p = byUpn.get(u);
    if (p && !out.has(u)) out.set(u, addresseesFor(p, s.contacts.get(u) || []));
  }
  return out;
}
