/**
 * The services a letter run needs besides the sheet and Docs: its small state in the document's
 * properties (ids and counts only — never a pupil's name or UPN; the run's pupils are in the hidden
 * Letter Runs tab). Its continuation trigger is in gas/triggers.ts, who is running it in gas/session.ts.
 */
const KEY = 'pastoralTracker.letterRun';

export interface LetterRunState {
  runId: string;
  type: string;
  title: string;
  /** "Year 9", "9B", "12 selected on the Attendance tab" — never a pupil. */
  cohort: string;
  docId: string;
  docUrl: string;
  total: number;
  done: number;
  /** The letters document's body end index after the last letter recorded (see mergeLetters `keepEnd`). */
  keepEnd?: number;
  /** Runs started by an older version: the body's child count instead (mergeLetters `keepChildren`). */
  keepChildren?: number;
  /** Plan number (Letter Runs seq) of the last letter complete in the document (to repair a log row lost in a crash). */
  lastSeq?: number;
  /** Plan numbers of the letters the last Docs API call made (their log rows are repaired after a crash). */
  lastSeqs?: number[];
  /** Older runs: the Letters Log key instead (it holds the UPN, so it is no longer written). */
  lastKey?: string;
  /** With e-mail to parents on: the one scratch document each pupil's PDF is made from (gas/docs/letterCopy). */
  copyDocId?: string;
  status: 'running' | 'stopped' | 'done';
  startedOn: string;
  by: string;
  continuation?: 'trigger' | 'manual';
  /** The governors' attendance panel the run's panel letters invite to (the school's, not a pupil's). */
  panel?: { date?: string; time?: string; place?: string };
}

export interface RunStore {
  load(): LetterRunState | null;
  save(state: LetterRunState): void;
}

/** The run's state store for one execution: one getDocumentProperties, then one get/set per use. */
export function openRunStore(): RunStore {
  const props = PropertiesService.getDocumentProperties();
  return {
    load() {
      const raw = props.getProperty(KEY);
      if (!raw) return null;
      try {
        return JSON.parse(raw) as LetterRunState;
      } catch (e) {
        return null;
      }
    },
    save(state) {
      props.setProperty(KEY, JSON.stringify(state));
    },
  };
}
