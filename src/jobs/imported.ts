/**
 * An import changed the tracker: count it (core/state.ts DATA_GENERATION), so a review can tell
 * whether it has seen every import — the coding review shows the last review only while no import
 * has come since (jobs/attendance/codingReview.ts), and the letter preview and legal overview
 * start from the kept review only then (core/attendance/reviewMemory.ts). (A letter run that finds
 * the tracker changed since its preview counts nothing: it keeps its fresh review and copies
 * instead, jobs/letters/run.ts.) A count, no pupil data.
 */
import { DATA_GENERATION, TAB_IMPORTS } from '../core/state';
import { StateStore, documentState } from '../gas/properties';

/** `tab`: the tab the import changed, counted on its own too (core/state.ts TAB_IMPORTS). */
export function noteTrackerChanged(state: StateStore = documentState(), tab: string): void {
  const counts = state.get(TAB_IMPORTS);
  counts[tab] = (counts[tab] || 0) + 1;
  // Both counts in one call: a failure between two would leave a copy or the kept review standing for a tab that changed.
  state.setAll([{ key: DATA_GENERATION, value: state.get(DATA_GENERATION) + 1 }, { key: TAB_IMPORTS, value: counts }]);
}

/**
 * The import counts of `tabs` ("3.0.1"): what a copy of a tab was read at (jobs/tabCopies.ts), and
 * what a review read, so the coding review can tell an import it must review for (marks, the roll)
 * from one it need not (the Homework Log).
 */
export function importCounts(tabs: string[], state: StateStore = documentState()): string {
  const counts = state.get(TAB_IMPORTS);
  return tabs.map((t) => counts[t] || 0).join('.');
}
