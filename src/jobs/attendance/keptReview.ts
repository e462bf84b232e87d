/**
 * A whole-school sidebar's read that starts from the kept review (core/attendance/reviewMemory.ts)
 * instead of reviewing afresh: the Review Memory tab, then the tabs the review read that are small
 * enough to read again — Students, Letters Log, Legal, the Head of Year overrides — and the
 * caller's own tabs, in the order runAttendanceReview reads them, so the problems come out in the
 * same order too. Their fingerprints are compared with the kept ones: any difference (or another
 * day, an import since, other settings) and the caller is told why, and reviews afresh.
 *
 * At 2,000 pupils this is about 45,000 cells plus the caller's tabs, where the fresh review reads
 * about 190,000 (the Register alone is 84,000 a year).
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { AttendanceReview } from '../../core/attendance/review';
import { ImportableTab } from '../../core/records/parse';
import { OVERRIDE_TAB, OverrideOutcome, overrideOutcomes } from '../../core/attendance/overrides';
import { latestPrint, printsOf, reviewOf, staleReason, settingsPrint } from '../../core/attendance/reviewMemory';
import { REGISTER } from '../../core/tabDefs/attendance';
import { DATA_GENERATION } from '../../core/state';
import { documentState } from '../../gas/properties';
import { readReviewMemory } from '../../gas/reviewMemoryTab';
import { Loaded } from '../load';
import { readOverrideCells } from './overrideCells';
import { loadReviewTabs, runAttendanceReview } from './review';
import { ReviewInput } from '../../core/attendance/review';
import { ifDocumentUnlocked } from '../../gas/lock';
import { keepReview, keptOf } from './keepReview';
import { COPIED_TABS, CopyReader, copyReader } from '../tabCopies';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface KeptReviewRead {
  review: AttendanceReview;
  /** Students, Letters Log, Legal and the caller's tabs, read now. */
  data: Loaded;
  /** As runAttendanceReview gives them: the tabs', the Register's, the override cells', then overrides not honoured. */
  problems: string[];
  overrides: OverrideOutcome[];
}

/** The kept review with today's small tabs, or why it cannot stand for a fresh review. */
export function readKeptReview(ss: Spreadsheet, settings: Settings, asOf: IsoDate, extra: ImportableTab[], copies: CopyReader): { kept: KeptReviewRead } | { stale: string } {
  const generation = documentState().get(DATA_GENERATION);
  const memory = readReviewMemory(ss);
  // Nothing else is read when the day, the imports or the settings already say no.
  const early = staleReason(memory, { asOf, generation, prints: { settings: settingsPrint(settings) } });
  if (early !== null || !memory) return { stale: early as string }; // no memory is itself a reason

  const { data, problems } = loadReviewTabs(ss, settings, extra, memory.problems.tabs, copies);
  problems.push(...memory.problems.marks);
  const cells = readOverrideCells(ss.getSheetByName(OVERRIDE_TAB));
  problems.push(...cells.problems);
  // This week's and last week's marks, where a day's marks are typed: a mark typed since the review
  // makes it review afresh (through the Register's copy, which uses these columns as read here).
  const register = ss.getSheetByName(REGISTER.name);
  const latest = { columns: memory.latestColumns, print: latestPrint(register ? copies.columnsOf(REGISTER.name, register, memory.latestColumns) : []) };

  const stale = staleReason(memory, {
    asOf,
    generation,
    prints: printsOf(settings, { pupils: data.Students || [], lettersLog: data['Letters Log'] || [], legal: data.Legal || [], overrides: cells.overrides, latest }),
  });
  if (stale) return { stale };
  const review = reviewOf(memory, settings);
  const overrides = overrideOutcomes(cells.overrides, review.pupils);
  problems.push(...overrides.filter((o) => o.state !== 'honoured').map((o) => o.message));
  return { kept: { review, data, problems, overrides } };
}

/** A whole-school sidebar's review: the kept one, or a fresh one (then kept for the next call). */
export interface SidebarReview extends KeptReviewRead {
  /** What the fresh review was run on; null when it is the kept review. */
  input: ReviewInput | null;
  /** For the person: what the figures come from. */
  note: string;
}

/**
 * The kept review when it stands for a fresh one; otherwise a fresh review (as runAttendanceReview,
 * without the tier history), kept for the next sidebar call if no job is writing right now (a
 * sidebar's write is better skipped than made to wait).
 */
export function reviewForSidebar(ss: Spreadsheet, settings: Settings, asOf: IsoDate, extra: ImportableTab[] = []): SidebarReview {
  // Long tabs through their kept copies (jobs/tabCopies.ts): Contacts and the Homework Log in
  // either case; the Register and Lates to Lesson when it reviews afresh.
  const copies = copyReader(ss, COPIED_TABS, asOf);
  const read = readKeptReview(ss, settings, asOf, extra, copies);
  if ('kept' in read) {
    copies.keep();
    return { ...read.kept, input: null, note: 'From today\'s attendance review: nothing it read has changed since.' };
  }
  // Before the reads: an import landing during them leaves the kept review out of date, never the other way round.
  const generation = documentState().get(DATA_GENERATION);
  const run = runAttendanceReview(ss, settings, asOf, { extra, tierHistory: false, copies });
  ifDocumentUnlocked(() => keepReview(ss, settings, keptOf(run, generation)));
  copies.keep();
  return { review: run.review, data: run.data, problems: run.problems, overrides: run.overrides, input: run.input, note: `Attendance reviewed afresh: ${read.stale}.` };
}
