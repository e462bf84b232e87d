/**
 * An import changed the tracker: count it (core/state.ts DATA_GENERATION), so a review can tell
 * whether it has seen every import — the coding review shows the last review only while no import
 * has come since (jobs/attendance/codingReview.ts), and the letter preview and legal overview
 * start from the kept review only then (core/attendance/reviewMemory.ts). A letter run that finds
 * the tracker changed since its preview counts it too, so the next preview reviews afresh.
 * A count, no pupil data.
 */
import { DATA_GENERATION } from '../core/state';
import { StateStore, documentState } from '../gas/properties';

export function noteTrackerChanged(state: StateStore = documentState()): void {
  state.set(DATA_GENERATION, state.get(DATA_GENERATION) + 1);
}
