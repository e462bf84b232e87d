/**
 * Issue 15 §7 / issue 14 "Triggers": an add-on's getProjectTriggers() returns the user's triggers
 * of EVERY document, so trigger code must look only at getUserTriggers(ss). Two trackers, one
 * person: finishing (or continuing) a letter run in tracker A must leave tracker B's continuation
 * alone. And all trigger code lives in src/gas/triggers.ts (the only file that calls ScriptApp's
 * trigger methods).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLocalGoogle } from '../../local/google';
import { createLocalSpreadsheet } from '../../local/services/spreadsheet';
import { sharedState } from '../../local/services/shared';
import { CONTINUE_LETTERS_HANDLER, MORNING_HANDLER, clearContinuation, countTriggers, installDailyTrigger, scheduleContinuation } from '../../src/gas/triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

test("clearing tracker A's continuation leaves tracker B's (same person, same handler)", () => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z'), user: 'hoy9@hillside.sch.uk' });
  const uninstall = g.install();
  try {
    const bRaw = createLocalSpreadsheet(g.env, 'Tracker B');
    bRaw._addSheet('Sheet1');
    // The add-on runs in B first: its long letter run schedules a continuation there.
    const b = g.app._setActive(bRaw) as unknown as Spreadsheet;
    expect(scheduleContinuation(b, CONTINUE_LETTERS_HANDLER)).toBe(true);
    // Then in A: a letter run there schedules and clears its own.
    g.app._setActive(g.app._create('Tracker A'));
    const a2 = g.app.getActiveSpreadsheet() as unknown as Spreadsheet;
    expect(scheduleContinuation(a2, CONTINUE_LETTERS_HANDLER)).toBe(true);
    expect(clearContinuation(a2, CONTINUE_LETTERS_HANDLER)).toBe(1);
    // B's is still there; getProjectTriggers would have listed (and the old code deleted) it.
    expect(countTriggers(b, CONTINUE_LETTERS_HANDLER)).toBe(1);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual([CONTINUE_LETTERS_HANDLER]);
    expect(sharedState(g.env).triggers.map((t) => t.documentId)).toEqual([bRaw._id]);
  } finally {
    uninstall();
  }
});

test('the morning trigger replaces only this tracker\'s one', () => {
  const g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
  const uninstall = g.install();
  try {
    const first = g.spreadsheet as unknown as Spreadsheet;
    installDailyTrigger(first, MORNING_HANDLER, 7);
    const second = g.app._create('Another tracker') as unknown as Spreadsheet;
    installDailyTrigger(second, MORNING_HANDLER, 6);
    expect(countTriggers(first, MORNING_HANDLER)).toBe(1);
    expect(countTriggers(second, MORNING_HANDLER)).toBe(1);
    expect(sharedState(g.env).triggers).toHaveLength(2);
  } finally {
    uninstall();
  }
});

/** Every .ts file under src/. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('all trigger code is in src/gas/triggers.ts, and nothing calls getProjectTriggers', () => {
  const src = path.resolve(__dirname, '../../src');
  const callers = sources(src)
    .filter((f) => /ScriptApp\.(newTrigger|deleteTrigger|getUserTriggers|getProjectTriggers)\b/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(src, f));
  expect(callers).toEqual([path.join('gas', 'triggers.ts')]);
  expect(fs.readFileSync(path.join(src, 'gas', 'triggers.ts'), 'utf8')).not.toMatch(/ScriptApp\.getProjectTriggers\(/);
  // One morning handler name: defined once.
  const defs = sources(src).filter((f) => /['"]morningRun['"]/.test(fs.readFileSync(f, 'utf8')));
  expect(defs.map((f) => path.relative(src, f))).toEqual([path.join('gas', 'triggers.ts')]);
});

test('one currentUser(): no other file asks Session who is using the add-on', () => {
  const src = path.resolve(__dirname, '../../src');
  const askers = sources(src)
    .filter((f) => /Session\.get(Active|Effective)User\(/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(src, f));
  // jobs/access.ts still reads the effective user for its owner rule (issue 13 replaces it with getOwner()).
  expect(askers.filter((f) => f !== path.join('jobs', 'access.ts'))).toEqual([path.join('gas', 'session.ts')]);
});
