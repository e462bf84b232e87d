/**
 * The attendance review keeps what it worked out for the whole-school sidebars (the letter preview,
 * the legal overview): core/attendance/reviewMemory.ts says what and why, gas/reviewMemoryTab.ts
 * where. The fingerprints are of the tabs as this review leaves them: when it has appended episode
 * ends to the Letters Log or cleared spent overrides, those are read again after the write, so a
 * sidebar reading them next finds the same.
 */
import { Settings } from '../../core/settings';
import { AttendanceReview } from '../../core/attendance/review';
import { KeptProblems, LatestMarks, memoryOf, printsOf } from '../../core/attendance/reviewMemory';
import { OVERRIDE_TAB } from '../../core/attendance/overrides';
import { LadderOverride } from '../../core/attendance/ladder';
import { LetterLogEntry, Pupil } from '../../core/types';
import { writeReviewMemory } from '../../gas/reviewMemoryTab';
import { readOverrideCells } from './overrideCells';
import { loadTabs } from '../load';
import { AttendanceReviewRun } from './review';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ReviewKept {
  review: AttendanceReview;
  /** The import count the review read. */
  generation: number;
  pupils: Pupil[];
  lettersLog: LetterLogEntry[];
  /** The Legal tab as read (only its fingerprint is kept). */
  legal: unknown[];
  overrides: LadderOverride[];
  keptProblems: KeptProblems;
  /** The Register's latest weeks as the review read them (no review writes the Register). */
  latest: LatestMarks;
  /** What the review wrote into the tabs it fingerprints. */
  wrote: { lettersLog: boolean; overrides: boolean };
}

export function keepReview(ss: Spreadsheet, settings: Settings, k: ReviewKept): void {
  const lettersLog = k.wrote.lettersLog ? loadTabs(ss, ['Letters Log'], settings).data['Letters Log'] || [] : k.lettersLog;
  const overrides = k.wrote.overrides ? readOverrideCells(ss.getSheetByName(OVERRIDE_TAB)).overrides : k.overrides;
  const prints = printsOf(settings, { pupils: k.pupils, lettersLog, legal: k.legal, overrides, latest: k.latest });
  writeReviewMemory(ss, memoryOf(k.review, k.generation, prints, k.keptProblems, k.latest.columns));
}

/** What a review read, to keep (`wrote`: what the caller has written since into the tabs fingerprinted). */
export function keptOf(run: AttendanceReviewRun, generation: number, wrote = { lettersLog: false, overrides: false }): ReviewKept {
  return {
    review: run.review, generation, keptProblems: run.keptProblems, latest: run.latest,
    pupils: run.input.pupils, lettersLog: run.input.letters, legal: run.data.Legal || [], overrides: run.input.overrides || [],
    wrote,
  };
}
