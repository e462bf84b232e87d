/**
 * Size (issue 3 §6): a year of marks imports with service calls that do not grow with the number of
 * pupils except for the append chunks (one setValues per 400,000 cells), and an import that runs
 * out of time stops with a checkpoint and carries on — by re-running or from a one-off trigger.
 */
import { importYearOfMarks } from '../../bench/import';
import { freshTracker, tabValues } from '../gas/tableHelpers';
import { describePause, importRows, importStaged, stagingTab } from '../../src/jobs/importData';
import { readTab } from '../../src/gas/tables';
import { startClock } from '../../src/gas/clock';
import { loadBundle } from '../../local/loadBundle';
import { sampleSchool } from '../fixtures/trackerFixture';


describe('a year of marks', () => {
  // Whether 2,000 pupils fit in one 6-minute execution is a budget: npm run bench (docs/performance.md).
  it('150 vs 600 pupils: one run and the same calls whatever the size; the Register is a cell per pupil-week', () => {
    const small = importYearOfMarks(150, Number.MAX_SAFE_INTEGER);
    const large = importYearOfMarks(600, Number.MAX_SAFE_INTEGER);
    expect(large.marks).toBeGreaterThan(3 * small.marks);
    expect([small.runs.length, large.runs.length]).toEqual([1, 1]);
    expect(large.runs[0].calls).toBe(small.runs[0].calls);
    expect(large.counts['Range.setValues']).toBe(small.counts['Range.setValues']);
    expect(large.counts['Range.getValues']).toBe(small.counts['Range.getValues']);
    // The sample's two withdrawn "H" marks are refused; its blank marks (gaps) are no mark in the
    // Register, where the session already has none: unchanged, not added.
    expect(large.runs[0].added).toBe(large.marks - 2 - large.blankMarks);
    expect(large.blankMarks).toBeGreaterThan(0);
    // UPN, Name, Reg Group and a column per school week; a row per pupil with marks, under the header.
    for (const r of [small, large]) expect(r.register).toEqual({ rows: r.pupilsWithMarks + 1, columns: 3 + r.weeks });
  });
});

// The chunked append and its checkpoint serve every long-form tab (the Homework Log here; marks go
// to the Register in one write).
describe('chunks, checkpoint and resume', () => {
  const school = sampleSchool(30);
  const marks = school.tables['Homework Log'];
  const TAB = 'Homework Log';
  /** Cells per chunk for 100 rows of the tab as Set up tracker makes it. */
  const hundredRows = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => 100 * ss.getSheetByName(TAB)!.getLastColumn();

  it('stops when out of time, then carries on from where it stopped; the report counts the whole import', () => {
    const { g, ss, uninstall } = freshTracker();
    try {
      importRows(ss, 'Students', school.tables.Students);
      // A tiny budget and 100-row chunks: the first run writes one chunk, then stops.
      const opts = () => ({ elapsed: startClock(() => g.env.simulatedMs), budgetMs: 1, chunkCells: hundredRows(ss) });
      const first = importRows(ss, TAB, marks, opts());
      const total = marks.length - 1 - first.refused;
      expect(total).toBeGreaterThan(200); // three chunks at least
      expect(first.added).toBe(100);
      expect(first.remaining).toBe(total - 100);
      expect(tabValues(ss, TAB).length - 1).toBe(100);
      const cp = PropertiesService.getDocumentProperties().getProperty(`pastoralTracker.import.${TAB}`)!;
      expect(JSON.parse(cp)).toMatchObject({ added: 100, runs: 1 });
      expect(cp).not.toMatch(/[A-Z]\d{12}/); // no UPNs in the checkpoint
      let last = first;
      while (last.remaining > 0) last = importRows(ss, TAB, marks, opts());
      expect(last.runs).toBe(Math.ceil(total / 100));
      expect([last.added, last.updated, last.unchanged, last.refused]).toEqual([total, 0, 0, first.refused]);
      expect(PropertiesService.getDocumentProperties().getProperty(`pastoralTracker.import.${TAB}`)).toBeNull();
      // Nothing written twice; every row there once.
      const keys = readTab(ss, TAB).records.map((m) => `${m.upn}|${m.date}|${m.subject}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBe(total);
      // And the whole file again: all unchanged.
      const again = importRows(ss, TAB, marks);
      expect([again.added, again.unchanged]).toEqual([0, total]);
    } finally {
      uninstall();
    }
  });

  it('the menu path keeps the staging tab and sets a one-off continueImport trigger, which finishes the job', () => {
    const { g, ss, uninstall } = freshTracker();
    try {
      (g.services.ScriptApp as any)._setActiveDocumentId(ss.getId()); // triggers are made "in" this tracker
      importRows(ss, 'Students', school.tables.Students);
      const staging = stagingTab(ss, TAB);
      const width = Math.max(...marks.map((r) => r.length));
      staging.insertRowsAfter(staging.getMaxRows(), marks.length);
      staging.getRange(1, 1, marks.length, width).setValues(marks.map((r) => r.concat(new Array(width - r.length).fill(''))));
      const paused = importStaged(ss, { elapsed: startClock(() => g.env.simulatedMs), budgetMs: 1, chunkCells: hundredRows(ss) });
      const refused = paused.reports[0].refused;
      const total = marks.length - 1 - refused;
      expect(paused.paused).toEqual([{ tab: TAB, remaining: total - 100 }]);
      expect(paused.continuationScheduled).toBe(true);
      expect(describePause(paused)).toBe(`Still importing ${TAB} (${total - 100} rows to go): Apps Script allows 6 minutes a run, so the import carries on by itself in a minute. Leave the "Import - " tabs as they are.`);
      expect(ss.getSheetByName(`Import - ${TAB}`)).not.toBeNull();
      const triggers = () => ScriptApp.getUserTriggers(ss).map((t) => t.getHandlerFunction());
      expect(triggers()).toEqual(['continueImport']);
      // Pausing again replaces the trigger rather than adding one.
      importStaged(ss, { elapsed: startClock(() => g.env.simulatedMs), budgetMs: 1, chunkCells: hundredRows(ss) });
      expect(triggers()).toEqual(['continueImport']);
      // The trigger fires: the bundle's continueImport removes itself and finishes.
      const gas = loadBundle(g);
      // A trigger answers with counts only; its outcome goes to the execution log.
      expect(gas.continueImport()).toEqual({ tabs: 1, rows: total, paused: 0 });
      expect(g.env.logs.map(String)).toContain(`Pastoral Tracker: Import: ${TAB}: ${total} rows added, 0 updated, 0 unchanged, ${refused} refused.`);
      expect(triggers()).toEqual([]);
      expect(readTab(ss, TAB).records).toHaveLength(total);
      // The staging tab is removed once the import is complete, refusals or not (they are on Import Problems).
      expect(ss.getSheetByName(`Import - ${TAB}`)).toBeNull();
    } finally {
      uninstall();
    }
  });
});
