/**
 * Which built-in check a QA calendar task is, so its e-mail can arrive with the evidence
 * (SPEC §6): the task text is free text, so we look for the words schools use.
 */
import { parseYearList } from './roles';

export type QaCheck =
  | 'codingReview'
  | 'tierLetters'
  | 'gCodes'
  | 'punctuality'
  | 'lateToLesson'
  | 'failureToReturn'
  | 'ewoOnSite'
  | 'contractMeetings'
  | 'none';

// First match wins; more specific phrases first ("late to lesson letters" before "punctuality").
const PATTERNS: { kind: QaCheck; re: RegExp }[] = [
  { kind: 'tierLetters', re: /\btier\s*letters?\b/i },
  { kind: 'codingReview', re: /\bcoding\s+review\b/i },
  { kind: 'gCodes', re: /\bg[\s-]*codes?\b/i },
  { kind: 'lateToLesson', re: /\blate(?:s)?\s+to\s+lessons?\b/i },
  { kind: 'punctuality', re: /\bpunctuality\s+letters?\b/i },
  { kind: 'failureToReturn', re: /\bfailure\s+to\s+return\b/i },
  { kind: 'ewoOnSite', re: /\bewo\s+on\s+site\b/i },
  { kind: 'contractMeetings', re: /\battendance\s+contract\s+meetings?\b/i },
];

/**
 * A calendar cell that marks the day rather than setting work ("STAFF TRAINING DAY", "INSET",
 * "Bank holiday"): kept as a dated row so the calendar reads as the school wrote it, but it has no
 * owner chain and no one is reminded about it.
 */
export function isNonTaskDay(task: string): boolean {
  // The whole cell names the day (optionally with a note after a dash or bracket): "Half term
  // attendance review" is a task, "HALF TERM" is not.
  return /^(?:staff\s+training(?:\s+day)?|training\s+day|inset(?:\s+day)?|teacher\s+(?:training\s+)?day|school\s+closed|bank\s+holiday|half[\s-]*term(?:\s+holiday)?|no\s+school|closed)(?:\s*[-–(:].*)?$/i.test(String(task || '').trim());
}

export interface TaskCheck {
  kind: QaCheck;
  /** Year groups named in the task ("Year 7, 8 and 9 Tier letters" → [7, 8, 9]); [] = all. */
  years: number[];
}

export function checkForTask(task: string): TaskCheck {
  const text = String(task || '');
  let kind: QaCheck = 'none';
  for (const p of PATTERNS) {
    if (p.re.test(text)) {
      kind = p.kind;
      break;
    }
  }
  return { kind, years: taskYears(text) };
}

/** "Year 10 and 11 Tier Letters" → [10, 11]; "year 11 priority" → [11]; no year → []. */
export function taskYears(text: string): number[] {
  const m = /\b(?:years?|yr|y)\s*(\d{1,2}(?:\s*(?:,|&|and|\/|-|to)\s*\d{1,2})*)(?![0-9])/i.exec(text);
  return m ? parseYearList(m[1]).filter((y) => y >= 1 && y <= 14) : [];
}
