/**
 * Big runs (issue 6 §5): 300 letters make ONE document, the run stops cleanly at the time budget
 * (measured on the simulated Apps Script clock), the continuation trigger carries on in the same
 * document, and no letter is repeated. Calls to read and plan do not grow with the school.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { readTab } from '../../src/gas/tables';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { generateLetterRunJob, letterRunProgressJob, resumeLetterRunJob } from '../../src/jobs/letters/run';
import { loadLetterSources } from '../../src/jobs/letters/sources';
import { planFor } from '../../src/jobs/letters/preview';
import { docApp, letters as lettersOf } from '../gas/docs/helpers';

let t: TrackerFixture;
beforeAll(() => {
  t = makeTracker({ pupils: 1000 });
  setUpLetterTemplatesJob(loadSettings());
});
afterAll(() => t.uninstall());

test('300 reward letters: one document, stops at the budget, the continuation finishes with no repeats', () => {
  const settings = loadSettings();
  const asOf = t.school.asOf;
  const s = loadLetterSources(t.ss, settings, asOf, 'reward');
  const { plan } = planFor(s, { type: 'reward', cohort: { kind: 'all' } });
  expect(plan.toProduce.length).toBeGreaterThanOrEqual(300);
  const unticked = plan.toProduce.slice(300).map((l) => l.upn);
  const req = { type: 'reward', cohort: { kind: 'all' }, unticked };

  t.g.env.resetCounts();
  const clock = () => t.g.env.simulatedMs;
  const first = generateLetterRunJob(t.ss, settings, asOf, req, { clock });
  expect(first.total).toBe(300);
  expect(first.stopped).toBe(true);
  expect(first.done).toBeGreaterThan(0);
  expect(first.done).toBeLessThan(300);
  expect(t.g.env.simulatedMs).toBeLessThan(t.g.env.executionLimitMs); // stopped inside 6 minutes
  expect(first.continuation).toBe('trigger');
  const triggers = (ScriptApp.getProjectTriggers() as GoogleAppsScript.Script.Trigger[]).map((x) => x.getHandlerFunction());
  expect(triggers).toEqual(['continueLetterRun']);

  // The trigger fires: a new execution, a new clock.
  let rounds = 0;
  let last = first;
  while (last.stopped && rounds < 5) {
    t.g.env.resetCounts();
    last = resumeLetterRunJob(t.ss, settings, asOf, { clock })!;
    expect(t.g.env.countsByName()['DocumentApp.create'] || 0).toBe(0);
    rounds++;
  }
  expect(last.stopped).toBe(false);
  expect(last.done).toBe(300);
  expect(last.docUrl).toBe(first.docUrl);
  expect(letterRunProgressJob()!.status).toBe('done');
  expect(ScriptApp.getProjectTriggers()).toHaveLength(0);

  const runDocs = docApp(t.g)._documents().filter((d) => !d._name.startsWith('Pastoral Tracker template'));
  expect(runDocs).toHaveLength(1);
  expect(lettersOf(runDocs[0])).toHaveLength(300);
  const rows = readTab(t.ss, 'Letters Log').records.filter((e) => e.type === 'reward');
  expect(rows).toHaveLength(300);
  expect(new Set(rows.map((e) => e.key)).size).toBe(300);
  // The plan rows (pupil data) are cleared once the run is done.
  const runs = t.ss.getSheetByName('Letter Runs')!.getDataRange().getValues();
  expect(runs.filter((r) => r[1] === 'plan')).toHaveLength(0);
  // No pupil data in the document properties.
  const props = JSON.stringify(PropertiesService.getDocumentProperties().getProperties());
  for (const r of rows.slice(0, 20)) expect(props).not.toContain(r.upn);
});
