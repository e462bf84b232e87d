/**
 * Big runs (issue 6 §5, issue 22): 300 letters make ONE document in ONE execution (a letter is one
 * Docs API call); with a smaller budget the run stops cleanly at the time budget
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

/** The 300 reward letters due (of the sample school's), as a run request. */
function request300(settings: ReturnType<typeof loadSettings>) {
  const s = loadLetterSources(t.ss, settings, t.school.asOf, 'reward');
  const { plan } = planFor(s, { type: 'reward', cohort: { kind: 'all' } });
  expect(plan.toProduce.length).toBeGreaterThanOrEqual(300);
  return { type: 'reward', cohort: { kind: 'all' }, unticked: plan.toProduce.slice(300).map((l) => l.upn) };
}

test('300 reward letters with a run budget of 20 seconds: one document, stops at the budget, the continuation finishes with no repeats', () => {
  // A smaller budget than the default, so the run must stop and carry on (as a slower template would).
  const base = loadSettings();
  const settings = { ...base, letters: { ...base.letters, maxRunMillis: 20 * 1000 } };
  const asOf = t.school.asOf;
  const req = request300(settings);

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

test('300 reward letters in ONE execution, inside the run budget on the simulated Apps Script clock (issue 22)', () => {
  // The run above made them: cancel them, so the same 300 are planned again.
  const sheet = t.ss.getSheetByName('Letters Log')!;
  const v = sheet.getDataRange().getValues();
  const typeCol = v[0].indexOf('Type');
  const statusCol = v[0].indexOf('Status');
  v.forEach((row, i) => { if (i && row[typeCol] === 'reward') sheet.getRange(i + 1, statusCol + 1).setValue('Cancelled'); });
  const settings = loadSettings();
  t.g.env.resetCounts();
  const r = generateLetterRunJob(t.ss, settings, t.school.asOf, request300(settings), { clock: () => t.g.env.simulatedMs });
  expect(r.stopped).toBe(false);
  expect(r.done).toBe(300);
  expect(t.g.env.simulatedMs).toBeLessThan(settings.letters.maxRunMillis);
  // Ten letters a Docs API call; no DocumentApp call per letter.
  expect(t.g.env.countsByName()['Documents.batchUpdate']).toBe(30);
  expect(t.g.env.countsByName()['Body.appendParagraph'] || 0).toBe(0);
});
