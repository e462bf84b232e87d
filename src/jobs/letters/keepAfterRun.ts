/**
 * A letter run that has made its letters keeps the attendance review as it stands after them
 * (core/attendance/reviewMemory.ts), so the next preview — the next year group, the next letter
 * type — starts from it instead of reviewing the whole school afresh because the Letters Log
 * changed. The run wrote the Letters Log (its letters, and Out of date on letters whose reason
 * ended) and cleared the overrides it used: those two are read again (13,000 cells at 2,000
 * pupils); every other input is the one the run planned from, and the review is worked out again
 * in memory, as a fresh review would give it.
 */
import { Settings } from '../../core/settings';
import { LetterSources } from '../../core/letters/sources';
import { AttendanceReview, ReviewInput, reviewAttendance } from '../../core/attendance/review';
import { LadderOverride } from '../../core/attendance/ladder';
import { LetterLogEntry } from '../../core/types';
import { OVERRIDE_TAB } from '../../core/attendance/overrides';
import { keepReview } from '../attendance/keepReview';
import { readOverrideCells } from '../attendance/overrideCells';
import { loadTabs } from '../load';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function keepAfterRun(ss: Spreadsheet, settings: Settings, s: LetterSources): void {
  const input = s.reviewInput;
  if (!input || !s.keptFrom) return; // planned from a kept review: nothing fresh to keep
  const lettersLog = loadTabs(ss, ['Letters Log'], settings).data['Letters Log'] || [];
  const overrides = readOverrideCells(ss.getSheetByName(OVERRIDE_TAB)).overrides;
  keep(ss, settings, s, reviewAttendance({ ...input, letters: lettersLog, overrides }), lettersLog, overrides);
}

/**
 * A letter run that refused because the letters changed since the preview wrote nothing, and its
 * review is fresh: kept, so the next preview starts from it (and shows what changed) instead of
 * reviewing the whole school afresh.
 */
export function keepAfterRefusal(ss: Spreadsheet, settings: Settings, s: LetterSources): void {
  const input = s.reviewInput;
  if (!input || !s.keptFrom) return;
  keep(ss, settings, s, s.review, input.letters, input.overrides || []);
}

/** The run's review kept, with the Letters Log and overrides it was worked out from. */
function keep(ss: Spreadsheet, settings: Settings, s: LetterSources, review: AttendanceReview, lettersLog: LetterLogEntry[], overrides: LadderOverride[]): void {
  const input = s.reviewInput as ReviewInput;
  const from = s.keptFrom as NonNullable<LetterSources['keptFrom']>;
  keepReview(ss, settings, {
    review, generation: from.generation, keptProblems: from.problems, latest: from.latest,
    pupils: input.pupils, lettersLog, legal: input.legalSteps || [], overrides,
    wrote: { lettersLog: false, overrides: false },
  });
}
