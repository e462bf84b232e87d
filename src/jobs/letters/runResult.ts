/**
 * What a letter run tells the person and the sidebar: one result per execution (counts, the
 * document, what was skipped, what went to parents by e-mail), and how a parent-mail outcome is
 * reported in it.
 */
import { PlannedLetter, RunKind, SkippedPupil } from '../../core/letters/plan';
import { ParentMailOutcome, describeParentMail } from './parentMail';
import { runTitle } from '../../core/letters/request';

export interface LetterRunResult {
  type: RunKind;
  title: string;
  cohort: string;
  runId: string;
  /** Letters (copies) in the whole run, and made so far (across executions). */
  total: number;
  done: number;
  /** Letters made by this execution, in order. */
  letters: PlannedLetter[];
  docId: string;
  docUrl: string;
  /** True when the run stopped before the end (time budget) and is to be continued. */
  stopped: boolean;
  continuation: 'none' | 'trigger' | 'manual';
  /** HoY Override cells cleared because this run produced the rung they allowed. */
  overridesCleared: number;
  /** Letters Log keys marked Out of date by this execution. */
  markedOutOfDate: string[];
  skipped: SkippedPupil[];
  /** Letters e-mailed to parents (PDF) by this execution. */
  emailed: number;
  /** With Settings "e-mail letters to parents" on: what this execution e-mailed and what is printed only. */
  parentMail: ParentMailOutcome | null;
  notes: string[];
  problems: string[];
  /** What to tell the person, in one paragraph. */
  message: string;
}

export function emptyResult(type: RunKind, cohort: string): LetterRunResult {
  return {
    type, title: runTitle(type), cohort, runId: '', total: 0, done: 0, letters: [], docId: '', docUrl: '',
    stopped: false, continuation: 'none', overridesCleared: 0, markedOutOfDate: [], skipped: [], emailed: 0, parentMail: null, notes: [], problems: [], message: '',
  };
}

export function reportParentMail(result: LetterRunResult, outcome: ParentMailOutcome): void {
  result.parentMail = outcome;
  result.emailed = outcome.emailed.length;
  result.notes.push(...describeParentMail(outcome));
  for (const p of outcome.problems) if (result.problems.indexOf(p) < 0) result.problems.push(p);
}

/** A run that stopped before Apps Script's time limit: how far it got and how it carries on. */
export function stoppedMessage(result: LetterRunResult): string {
  return `${result.title} (${result.cohort}): ${result.done} of ${result.total} letters made so far. The run stopped before Apps Script's time limit and ` +
    (result.continuation === 'trigger'
      ? 'carries on by itself in a minute in the same document.'
      : 'will carry on when you press Continue in the letter run sidebar (the morning e-mail trigger is using the add-on\'s one timed trigger).');
}

/** A finished run: its letters and families, the document, and what else it changed. */
export function finishedMessage(result: LetterRunResult, families: number): string {
  return `${result.title} (${result.cohort}): ${result.done} letter(s) to ${families} famil${families === 1 ? 'y' : 'ies'} in one document: ${result.docUrl}` +
    (result.markedOutOfDate.length ? `\n${result.markedOutOfDate.length} earlier letter(s) marked Out of date in the Letters Log.` : '') +
    (result.overridesCleared ? `\n${result.overridesCleared} Head of Year override(s) used and cleared on the Attendance tab.` : '') +
    '\nWhen they are posted, mark them Sent (Letters Log Status, or "Mark as posted" in the letter run sidebar).';
}
