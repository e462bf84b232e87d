/**
 * An import changed the tracker: count it (core/state.ts DATA_GENERATION), so a review can tell
 * whether it has seen every import — the coding review shows the last review only while no import
 * has come since (jobs/attendance/codingReview.ts). A count, no pupil data.
 */
import { DATA_GENERATION } from '../core/state';
import { StateStore, documentState } from '../gas/properties';

export function noteImported(state: StateStore = documentState()): void {
  state.set(DATA_GENERATION, state.get(DATA_GENERATION) + 1);
}
