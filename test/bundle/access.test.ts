/**
 * Every entry point of the built bundle says who may call it, and a stranger gets nothing
 * (issue 13). Apps Script lets anyone who can open the spreadsheet call ANY top-level function of
 * build/Code.js from a sidebar's browser console (google.script.run), with any arguments. So every
 * top-level function found in the built file is called here as a stranger — signed in, not on the
 * Staff tab, not the tracker's owner — with the arguments a real page would send, on a tracker full
 * of sample pupils whose reviews and trackers have been run. For each:
 *   - nothing it returns, throws, shows or logs holds a sample pupil's UPN or name;
 *   - nothing changed: tabs, properties, e-mail, documents, triggers;
 *   - unless its level is `anyone`, the stranger was told they are not on the Staff tab.
 * The same detector finds the pupils when the owner makes the same calls, so it can fail.
 */
import * as fs from 'fs';
import * as path from 'path';
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { loadBundle, Bundle, BUILD_DIR } from '../../local/loadBundle';
import { sharedState } from '../../local/services/shared';
import { loadSettings } from '../../src/gas/settingsStore';
import { refreshHomeworkJob } from '../../src/jobs/homework/refresh';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { progressReview } from '../../src/jobs/progress/review';
import { snapshotTabs, sentMail, runDocuments, properties, triggers } from '../proof/harness';
import type { EntryAccess } from '../../src/entry/wrap';

const STRANGER = 'stranger@gmail.com';
const OWNER = 'attendance.officer@hillside.sch.uk'; // made the spreadsheet (local/google.ts)

const code = fs.readFileSync(path.join(BUILD_DIR, 'Code.js'), 'utf8');
/** Every function Apps Script can see: the top-level `function` declarations of the built file. */
const ENTRY_POINTS = Array.from(code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm), (m) => m[1]).sort();

let t: TrackerFixture;
let bundle: Bundle;
let upn = '';
let pupilWords: string[] = [];

/** What a real page or trigger would pass (the rest take no arguments). */
function argsFor(name: string): unknown[] {
  const cohort = { kind: 'all' };
  const table: Record<string, unknown[]> = {
    include: ['styles'],
    onOpen: [{ authMode: 'FULL' }],
    onInstall: [{ authMode: 'FULL' }],
    searchPupils: [upn.slice(0, 6)],
    profileSearch: [upn.slice(0, 6)],
    getPupilProfile: [upn],
    recordMiss: [{ upn, subject: 'Maths', reason: 'Not completed', date: '2024-01-26' }],
    previewLetterRun: [{ type: 'AT1', cohort }],
    generateLetterRun: [{ type: 'AT1', cohort }],
    markTaskDone: ['2024-01-26', 'Coding review'],
    recordMentoringSlip: [{ upn, kind: 'Concern', comment: 'x', target: 'y' }],
    requestSession: [{ upn, slot: 'After school', subject: 'Maths', date: '2024-01-29', time: '15:30', teacher: 'T' }],
    saveSettingsForm: [{ 'school.name': 'Hacked' }],
    importFileCheck: [{ target: 'Students', rows: t.school.tables.Students.slice(0, 3) }],
    importFilePart: [{ target: 'Students', file: 'students.csv', header: t.school.tables.Students.slice(0, 1), rows: t.school.tables.Students.slice(1, 3), rowNumbers: [2, 3], first: true }],
    legalCase: [upn],
    recordLegalStep: [{ upn, step: 'Notice to Improve', date: '2024-01-26' }],
    makeEvidencePacks: [{ upns: [upn] }],
  };
  return table[name] ?? [];
}

function accessOf(name: string): EntryAccess | undefined {
  const inside = (bundle as unknown as { __PastoralTracker: Record<string, { access?: EntryAccess }> }).__PastoralTracker;
  return inside[name] && inside[name].access;
}

interface Outcome {
  returned: unknown;
  thrown: string;
  alerts: string[];
  logs: string[];
  sidebars: string[];
}

function callAs(email: string, name: string): Outcome {
  (t.g.services.Session as unknown as { _setUser(e: string): void })._setUser(email);
  const rec = t.g.app._record;
  const before = { alerts: rec.alerts.length, logs: t.g.env.logs.length, sidebars: rec.sidebars.length };
  let returned: unknown;
  let thrown = '';
  try {
    returned = bundle[name](...argsFor(name));
  } catch (e) {
    thrown = e instanceof Error ? e.message : String(e);
  }
  return {
    returned,
    thrown,
    alerts: rec.alerts.slice(before.alerts).map((a) => `${a.title ?? ''}: ${a.prompt}`),
    logs: t.g.env.logs.slice(before.logs).map(String),
    sidebars: rec.sidebars.slice(before.sidebars).map((s) => String(s.content)),
  };
}

/** The sample pupils' UPNs and names found anywhere in what the caller got back. */
function pupilDataIn(o: Outcome): string[] {
  const text = JSON.stringify(o);
  return pupilWords.filter((w) => text.includes(w));
}

function state() {
  return {
    tabs: snapshotTabs(t),
    props: properties(t),
    userProps: JSON.stringify(Array.from(sharedState(t.g.env).userProperties.entries(), ([k, v]) => [k, Array.from(v.entries())])),
    mail: sentMail(t).length,
    documents: runDocuments(t).length,
    triggers: triggers(t),
  };
}

beforeAll(() => {
  t = makeTracker({ pupils: 60 });
  // A tracker in use: every output tab holds pupil data a leak could return.
  const settings = loadSettings();
  refreshHomeworkJob(t.ss, settings, t.school.asOf);
  reviewAttendanceJob(t.ss, settings, t.school.asOf);
  progressReview(t.ss, settings, t.school.asOf);
  bundle = loadBundle(t.g);
  const students = t.school.tables.Students;
  const col = (re: RegExp) => students[0].findIndex((h) => re.test(h));
  const [u, f, s] = [col(/^upn$/i), col(/forename/i), col(/surname/i)];
  upn = students[1][u];
  for (const r of students.slice(1)) pupilWords.push(r[u], `${r[f]} ${r[s]}`, `${r[s]}, ${r[f]}`);
  pupilWords = pupilWords.filter((w) => w.trim().length > 3);
});

afterAll(() => t.uninstall());

test('every top-level function of build/Code.js is an entry point with a kind and an access level', () => {
  expect(ENTRY_POINTS.length).toBeGreaterThan(30);
  const undeclared = ENTRY_POINTS.filter((n) => !accessOf(n));
  expect(undeclared).toEqual([]);
  for (const n of ENTRY_POINTS) {
    const a = accessOf(n)!;
    expect([n, ['menu', 'sidebar', 'trigger', 'simple'].includes(a.kind), ['anyone', 'staff', 'letters', 'settings'].includes(a.level)]).toEqual([n, true, true]);
  }
});

test('docs/access.md lists every entry point with its kind and level', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'access.md'), 'utf8');
  const rows = Array.from(doc.matchAll(/^\| `(\w+)` \| (\w+) \| (\w+) \|/gm), (m) => `${m[1]} ${m[2]} ${m[3]}`).sort();
  expect(rows).toEqual(ENTRY_POINTS.map((n) => `${n} ${accessOf(n)!.kind} ${accessOf(n)!.level}`).sort());
});

test('a stranger calling each entry point gets no pupil data, changes nothing, and is refused', () => {
  const before = state();
  const report: string[] = [];
  for (const name of ENTRY_POINTS) {
    const o = callAs(STRANGER, name);
    const level = accessOf(name)!.level;
    const leaked = pupilDataIn(o);
    if (leaked.length) report.push(`${name} returned pupil data: ${leaked.slice(0, 3).join(', ')}`);
    const refused = [o.thrown, ...o.alerts, ...o.logs].some((m) => m.includes(`${STRANGER} is not on the Staff tab`));
    if (level !== 'anyone' && !refused) report.push(`${name} (${level}) did not refuse the stranger: ${JSON.stringify(o).slice(0, 300)}`);
    if (level === 'anyone' && refused) report.push(`${name} is for anyone but refused`);
    if (accessOf(name)!.kind === 'menu' && o.returned !== undefined) report.push(`${name} is a menu item but returned ${JSON.stringify(o.returned).slice(0, 100)}`);
  }
  expect(report).toEqual([]);
  expect(state()).toEqual(before);
});

test('the same calls by the owner do reach the pupils (the detector above can fail)', () => {
  for (const name of ['getPupilProfile', 'previewLetterRun', 'showCodingReview', 'legalCase']) {
    expect([name, pupilDataIn(callAs(OWNER, name)).length > 0]).toEqual([name, true]);
  }
});
