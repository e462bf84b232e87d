/**
 * The last attendance review, kept for the sidebars that show the whole school (issue 22: a sidebar
 * call reads at most 100,000 cells). A fresh review reads the Register, Lates to Lesson and the
 * Students tab — more than 100,000 cells at 2,000 pupils — so the letter preview and the legal
 * overview start from what the last review worked out instead, when nothing it read has changed:
 *
 *  - the same day (`asOf`), and no import since (the import count, core/state.ts DATA_GENERATION);
 *  - the same settings;
 *  - the same Students tab, Letters Log, Legal tab and Head of Year overrides. The sidebars read
 *    these tabs anyway, so they compare each tab's fingerprint with the one the review kept;
 *  - the same marks in the Register's latest weeks (the week of the review and the week before:
 *    `latestMarks`), where a day's marks are typed and corrected: the sidebars read those columns
 *    again (4,000 cells at 2,000 pupils) and compare their fingerprint.
 *
 * What cannot be checked without reading it is a mark corrected by hand in an older week of the
 * Register, or a late typed into Lates to Lesson, since the review: the next review (each morning,
 * or Review attendance) takes it in, and a letter run plans from a fresh review and stops when its
 * letters differ from the preview the Head of Year saw (jobs/letters/run.ts), so no family gets a
 * letter the preview did not show.
 *
 * Kept in the hidden Review Memory tab (gas/reviewMemoryTab.ts), never in properties: it holds
 * pupil data. The review here is the one the letters and the legal overview use; the lists only
 * the coding review and the QA need (coding issues, G codes, failure to return) and the leavers are
 * not kept.
 */
import { IsoDate } from '../dates';
import { Settings } from '../settings';
import { buildCalendar } from '../calendar/schoolWeeks';
import { academicYearOfDate } from '../calendar/academicYear';
import { textHash } from '../hash';
import { splitText } from '../text';
import { AttendanceReview } from './review';
import { PupilAttendanceReview } from './pupilReview';
import { CountEntry, TierList } from './lists';
import { LadderOverride } from './ladder';
import { normUpn } from '../pupils/names';
import { LetterLogEntry } from '../types';
import { recentWeekColumns } from './registerTab';

// 2: the Register's latest weeks' fingerprint (an earlier memory reads back as none: reviewed afresh once).
export const REVIEW_MEMORY_VERSION = 2;

/** Fingerprints of what the review read that the sidebars read again (text hashes: no pupil data). */
export interface ReviewPrints {
  settings: string;
  students: string;
  lettersLog: string;
  overrides: string;
  legal: string;
  /** The Register's latest weeks as the review read them (`latestMarks`). */
  latestMarks: string;
}

/** The Register's latest weeks: which columns (0-based), and their fingerprint, header cells included. */
export interface LatestMarks {
  columns: number[];
  print: string;
}

/**
 * The columns of the weeks a day's marks go into on `asOf` — its week and the week before
 * (core/attendance/registerTab.ts recentWeekColumns, as a copy made that day) — and a fingerprint
 * of those columns in `values`, the Register as read (header row first; undefined without one).
 */
export function latestMarks(values: unknown[][] | undefined, asOf: IsoDate): LatestMarks {
  const columns = values && values.length ? recentWeekColumns(values[0], asOf) : [];
  return { columns, print: latestPrint(columns.length ? (values as unknown[][]).map((row) => columns.map((c) => row[c])) : []) };
}

/** The fingerprint of the latest weeks' columns as read on their own (every row, header first). */
export function latestPrint(grid: unknown[][]): string {
  return printOf(grid);
}

export interface ReviewMemory {
  version: number;
  asOf: IsoDate;
  /** The import count the review read (core/state.ts DATA_GENERATION). */
  generation: number;
  prints: ReviewPrints;
  /** The Register columns `prints.latestMarks` is of, for the sidebar to read again. */
  latestColumns: number[];
  /** The school days the review's calendar was built from (the calendar is built again from them). */
  schoolDays: IsoDate[];
  pupils: PupilAttendanceReview[];
  tiers: TierList[];
  punctuality: CountEntry[];
  lateToLesson: CountEntry[];
  registerTakenToday: boolean;
  /**
   * Rows the rules could not use ("Lates to Lesson row 12, …"; no names) of the tabs a sidebar
   * using the memory does not read again: Lates to Lesson and Attendance Summary, and the Register.
   */
  problems: KeptProblems;
}

/** See jobs/attendance/review.ts KEPT_TABS: in reading order, tabs first, then the Register. */
export interface KeptProblems {
  tabs: string[];
  marks: string[];
}

/** A fingerprint of records as read: their count and a hash of their JSON. */
export function printOf(value: unknown[]): string {
  return `${value.length}:${textHash(JSON.stringify(value))}`;
}

/**
 * The overrides' fingerprint: which pupil, which rung, from when — not the row, because the
 * review rewrites the Attendance tab (a pupil's row can move) without changing an override.
 */
export function overridesPrint(overrides: LadderOverride[]): string {
  return printOf(overrides.map((o) => `${normUpn(o.upn)}|${o.rung}|${o.date || ''}`).sort());
}

/**
 * The settings the review decides by: the attendance rules, the calendar and the legal steps'
 * rules (core/attendance, core/calendar and core/legal read no others). Setting up the letter
 * templates or changing the e-mail options does not make the kept review out of date.
 */
export function settingsPrint(settings: Settings): string {
  return textHash(JSON.stringify([settings.attendance, settings.calendar, settings.legal]));
}

/**
 * The fingerprints of the tabs as read (records as the parsers give them). The Letters Log's is of
 * what the ladder reads — key, date, type, UPN, status — not the batch document's link or who made
 * it: a letter run carried on after a crash makes its letters in a new document, and the review is
 * the same.
 */
export function printsOf(settings: Settings, tabs: { pupils: unknown[]; lettersLog: LetterLogEntry[]; legal: unknown[]; overrides: LadderOverride[]; latest: LatestMarks }): ReviewPrints {
  return {
    latestMarks: tabs.latest.print,
    settings: settingsPrint(settings),
    students: printOf(tabs.pupils),
    lettersLog: printOf(tabs.lettersLog.map((e) => [e.key, e.date, e.type, e.upn, e.status])),
    overrides: overridesPrint(tabs.overrides),
    legal: printOf(tabs.legal),
  };
}

export function memoryOf(review: AttendanceReview, generation: number, prints: ReviewPrints, problems: KeptProblems, latestColumns: number[]): ReviewMemory {
  return {
    version: REVIEW_MEMORY_VERSION,
    asOf: review.asOf,
    generation,
    prints,
    latestColumns: latestColumns.slice(),
    schoolDays: review.calendar.schoolDays.slice(),
    pupils: review.pupils,
    tiers: review.lists.tiers,
    punctuality: review.lists.punctuality,
    lateToLesson: review.lists.lateToLesson,
    registerTakenToday: review.lists.registerTakenToday,
    problems: { tabs: problems.tabs.slice(0, 200), marks: problems.marks.slice(0, 200) },
  };
}

/** The review as it was: the calendar built again from the same school days, as the review built it. */
export function reviewOf(memory: ReviewMemory, settings: Settings): AttendanceReview {
  const cal = buildCalendar(memory.schoolDays, settings, memory.asOf);
  return {
    asOf: memory.asOf,
    academicYear: academicYearOfDate(memory.asOf, settings),
    calendar: cal,
    halfTerm: cal.halfTermOf(memory.asOf),
    term: cal.termOf(memory.asOf),
    pupils: memory.pupils,
    leavers: [],
    lists: {
      tiers: memory.tiers,
      punctuality: memory.punctuality,
      lateToLesson: memory.lateToLesson,
      holidays: [],
      failureToReturn: [],
      registerTakenToday: memory.registerTakenToday,
      coding: { pupils: [], registers: [] },
    },
  };
}

/** What the sidebar found now, to compare with the memory (a print left out is not compared). */
export interface CurrentFacts {
  asOf: IsoDate;
  generation: number;
  prints: Partial<ReviewPrints>;
}

const PRINT_WORDS: Record<keyof ReviewPrints, string> = {
  settings: 'the settings have changed',
  students: 'the Students tab has changed',
  lettersLog: 'the Letters Log has changed',
  overrides: 'a Head of Year override has changed',
  legal: 'the Legal tab has changed',
  latestMarks: 'marks have been typed into the Register (this week or last)',
};

/**
 * Why the kept review cannot stand for a fresh one ("the Letters Log has changed since the last
 * review"), or null when it can.
 */
export function staleReason(memory: ReviewMemory | null, now: CurrentFacts): string | null {
  if (!memory) return 'there is no earlier review to start from';
  if (memory.asOf !== now.asOf) return "today's review has not run yet";
  if (memory.generation !== now.generation) return 'an import has changed the tracker since the last review';
  for (const k of Object.keys(PRINT_WORDS) as Array<keyof ReviewPrints>) {
    const p = now.prints[k];
    if (p !== undefined && p !== memory.prints[k]) return `${PRINT_WORDS[k]} since the last review`;
  }
  return null;
}

/**
 * The memory as text in pieces of at most `size` characters (a Sheets cell holds 50,000), and
 * back. A memory that does not read back (edited by hand, or from another version) is null: the
 * sidebar then reviews afresh.
 */
export function memoryText(memory: ReviewMemory, size: number): string[] {
  return splitText(JSON.stringify(memory), size);
}

export function memoryFromText(pieces: string[]): ReviewMemory | null {
  if (!pieces.length) return null;
  try {
    const m = JSON.parse(pieces.join('')) as ReviewMemory;
    if (!m || m.version !== REVIEW_MEMORY_VERSION || !Array.isArray(m.pupils) || !Array.isArray(m.schoolDays) || !Array.isArray(m.latestColumns)) return null;
    return m;
  } catch (e) {
    return null;
  }
}
