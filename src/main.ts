/**
 * The public surface of the add-on: every trigger, menu target and sidebar call, and nothing
 * else. scripts/build.mjs turns each export into a top-level function Apps Script can see.
 * Nothing here runs at module scope: onOpen must work in AuthMode.NONE.
 *
 * Each feature keeps its entry points in src/entry/<feature>.ts; this file only re-exports them.
 */
export * from './entry/general';
export * from './entry/attendance';
export * from './entry/homework';
export * from './entry/importFile';
export * from './entry/ui';
export * from './entry/qa';
export * from './entry/mentoring';
export * from './entry/letters';
export * from './entry/legal';
export * from './entry/check';
export * from './entry/interventions';
