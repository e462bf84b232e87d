/**
 * Size (issue 3 §6): a year of marks imports with service calls that do not grow with the number of
 * pupils except for the append chunks (one setValues per 400,000 cells), and an import that runs
 * out of time stops with a checkpoint and carries on — by re-running or from a one-off trigger.
 */
import { importYearOfMarks } from '../../bench/import';
import { freshTracker, tabValues } from '../gas/tableHelpers';
import { importRows, importStaged, stagingTab, CHUNK_CELLS } from '../../src/jobs/importData';
import { readTab } from '../../src/gas/tables';
import { startClock } from '../../src/gas/clock';
import { loadBundle } from '../../local/loadBundle';
import { sampleSchool } from '../fixtures/trackerFixture';


describe('a year of marks', () => {
  // Whether 2,000 pupils fit in one 6-minute execution is a budget: npm run bench (docs/performance.md).
  it('150 vs 600 pupils: the same calls but for the append chunks', () => {
    // No time budget here (the run's clock includes this machine's time): one run each, always.
    const small = importYearOfMarks(150, Number.MAX_SAFE_INTEGER); // both past the 50,000 rows at which a tab is trimmed
    const large = importYearOfMarks(600, Number.MAX_SAFE_INTEGER);
    expect(large.marks).toBeGreaterThan(3 * small.marks);
    const chunks = (r: typeof small) => Math.ceil((r.marks * 4) / CHUNK_CELLS);
    expect([small.runs.length, large.runs.length, chunks(small), chunks(large) >= 2]).toEqual([1, 1, 1, true]);
    expect(small.counts['Range.setValues']).toBe(chunks(small));
    expect(large.counts['Range.setValues']).toBe(chunks(large));
    // Every other call is the same whatever the size.
    const fixed = (r: typeof small) => r.runs[0].calls - 2 * chunks(r);
    expect(fixed(large)).toBe(fixed(small));
    expect(large.counts['Range.getValues']).toBe(small.counts['Range.getValues']);
    expect(large.runs[0].added).toBe(large.marks - 2); // the sample's two withdrawn "H" marks are refused
  });
});

describe('chunks, checkpoint and resume', () => {
  const school = sampleSchool(30);
  const marks = school.tables['Attendance Marks'];

  it('stops when out of time, then carries on from where it stopped; the report counts the whole import', () => {
    const { g, ss, uninstall } = freshTracker();
    try {
      importRows(ss, 'Students', school.tables.Students);
      // A tiny budget and 1,000-row chunks: the first run writes one chunk, then stops.
      const opts = () => ({ elapsed: startClock(() => g.env.simulatedMs), budgetMs: 1, chunkCells: 4000 });
      const first = importRows(ss, 'Attendance Marks', marks, opts());
      const total = marks.length - 1 - first.refused;
      expect(first.added).toBe(1000);
      expect(first.remaining).toBe(total - 1000);
      expect(tabValues(ss, 'Attendance Marks').length - 1).toBe(1000);
      const cp = PropertiesService.getDocumentProperties().getProperty('pastoralTracker.import.Attendance Marks')!;
      expect(JSON.parse(cp)).toMatchObject({ added: 1000, runs: 1 });
      expect(cp).not.toMatch(/[A-Z]\d{12}/); // no UPNs in the checkpoint
      let last = first;
      while (last.remaining > 0) last = importRows(ss, 'Attendance Marks', marks, opts());
      expect(last.runs).toBe(Math.ceil(total / 1000));
      expect([last.added, last.updated, last.unchanged, last.refused]).toEqual([total, 0, 0, first.refused]);
      expect(PropertiesService.getDocumentProperties().getProperty('pastoralTracker.import.Attendance Marks')).toBeNull();
      // Nothing written twice; every mark there once.
      const keys = readTab(ss, 'Attendance Marks').records.map((m) => `${m.upn}|${m.date}|${m.session}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBe(total);
      // And the whole file again: all unchanged.
      const again = importRows(ss, 'Attendance Marks', marks);
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
      const staging = stagingTab(ss, 'Attendance Marks');
      staging.insertRowsAfter(staging.getMaxRows(), marks.length);
      staging.getRange(1, 1, marks.length, 4).setValues(marks);
      const paused = importStaged(ss, { elapsed: startClock(() => g.env.simulatedMs), budgetMs: 1, chunkCells: 4000 });
      const refused = paused.reports[0].refused;
      const total = marks.length - 1 - refused;
      expect(paused.paused).toEqual([{ tab: 'Attendance Marks', remaining: total - 1000 }]);
      expect(paused.continuationScheduled).toBe(true);
      expect(ss.getSheetByName('Import - Attendance Marks')).not.toBeNull();
      const triggers = () => ScriptApp.getUserTriggers(ss).map((t) => t.getHandlerFunction());
      expect(triggers()).toEqual(['continueImport']);
      // Pausing again replaces the trigger rather than adding one.
      importStaged(ss, { elapsed: startClock(() => g.env.simulatedMs), budgetMs: 1, chunkCells: 4000 });
      expect(triggers()).toEqual(['continueImport']);
      // The trigger fires: the bundle's continueImport removes itself and finishes.
      const gas = loadBundle(g);
      // A trigger answers with counts only; its outcome goes to the execution log.
      expect(gas.continueImport()).toEqual({ tabs: 1, rows: total, paused: 0 });
      expect(g.env.logs.map(String)).toContain(`Pastoral Tracker: Import: Attendance Marks: ${total} rows added, 0 updated, 0 unchanged, ${refused} refused.`);
      expect(triggers()).toEqual([]);
      expect(readTab(ss, 'Attendance Marks').records).toHaveLength(total);
      // The staging tab is removed once the import is complete, refusals or not (they are on Import Problems).
      expect(ss.getSheetByName('Import - Attendance Marks')).toBeNull();
    } finally {
      uninstall();
    }
  });
});
