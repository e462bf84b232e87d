/**
 * Shared by the proof tests (issue 10): one small sample-school tracker per job, the jobs as the
 * menu/trigger would run them, and normalised snapshots of everything the add-on can change
 * (every tab's values, e-mails sent, letters in documents, properties, triggers).
 *
 * Reading a snapshot goes through the local services (counted calls): callers clear faults first.
 */
import { trackerSource, sampleSchool, TrackerFixture, TrackerSource } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { readTab } from '../../src/gas/tables';
import { TABS } from '../../src/core/tabs';
import { importStaged, stagingTab } from '../../src/jobs/importData';
import { refreshHomeworkJob } from '../../src/jobs/homework/refresh';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { setUpLetterTemplatesJob } from '../../src/jobs/letters/templates';
import { generateLetterRunJob } from '../../src/jobs/letters/run';
import { previewLetterRunJob } from '../../src/jobs/letters/sidebarData';
import { importQaCalendarJob, QA_GRID_TAB } from '../../src/jobs/qa/calendar';
import { dailyRunJob } from '../../src/jobs/daily';
import { weeklyDigestsJob } from '../../src/jobs/qa/digests';
import { progressReview } from '../../src/jobs/progress/review';
import { makeEvidencePacksJob } from '../../src/jobs/legal/packs';
import { PACK_LOG } from '../../src/jobs/legal/packLog';
import { renderText } from '../../local/services/document/document';
import { sharedState } from '../../local/services/shared';
import type { LocalDocumentApp } from '../../local/services/document/document-app';
import type { LocalDocument } from '../../local/services/document/document';
import { letters as lettersOf } from '../gas/docs/helpers';
import { readFileSync } from 'fs';
import { SAMPLE_QA_CALENDAR_FILE } from '../../local/sample/school';

export const PUPILS = 60;
export const SEED_002 = SAMPLE_QA_CALENDAR_FILE;

/** Jest's console, kept before the local services replace the global one. */
const out = (globalThis as any).console as Console;
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
  void out;
}

export interface ProofJob {
  name: string;
  /** Tabs the tracker starts with (default: every sample table). */
  tabs?: (all: string[]) => string[];
  /** Before the job: what a school would have done (templates, QA calendar, staging paste). */
  prepare?: (t: TrackerFixture) => void;
  /** One run of the job, as its entry point calls it (throws on a fault). */
  run: (t: TrackerFixture) => unknown;
  /** A run has finished the work (a letter run that paused for time is not finished). */
  finished?: (result: unknown, t: TrackerFixture) => boolean;
  /** Staff-entered cells must not change (false for the import: it writes staff tabs by design). */
  keepsStaffCells: boolean;
}

export function pasteQaGrid(t: TrackerFixture): void {
  const rows = readFileSync(SEED_002, 'utf8').split('\n').map((l) => l.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => r.concat(new Array(width - r.length).fill('')));
  const sheet = t.ss.insertSheet(QA_GRID_TAB);
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
  importQaCalendarJob(t.ss, loadSettings(), t.school.asOf); // removes the pasted grid
}

const settings = () => loadSettings();

export const JOBS: ProofJob[] = [
  {
    name: 'import (Homework Log + Lates to Lesson pasted into staging tabs)',
    tabs: (all) => all.filter((x) => x !== 'Homework Log' && x !== 'Lates to Lesson'),
    prepare: (t) => {
      for (const tab of ['Homework Log', 'Lates to Lesson']) {
        const rows = t.school.tables[tab];
        const width = Math.max(...rows.map((r) => r.length));
        stagingTab(t.ss, tab).getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.concat(new Array(width - r.length).fill(''))));
      }
    },
    run: (t) => importStaged(t.ss),
    finished: (r: any) => r.paused.length === 0,
    keepsStaffCells: false,
  },
  { name: 'homework refresh', run: (t) => refreshHomeworkJob(t.ss, settings(), t.school.asOf), keepsStaffCells: true },
  { name: 'attendance review', run: (t) => reviewAttendanceJob(t.ss, settings(), t.school.asOf), keepsStaffCells: true },
  {
    name: 'letter run (AT1, whole school)',
    prepare: () => {
      setUpLetterTemplatesJob(loadSettings());
    },
    run: (t) => generateLetterRunJob(t.ss, settings(), t.school.asOf, { type: 'AT1', cohort: { kind: 'all' } }, { clock: () => t.g.env.simulatedMs }),
    finished: (r: any) => !r.stopped,
    keepsStaffCells: true,
  },
  // Issue 22: the preview keeps the review and the copies of Contacts and the Homework Log (hidden
  // tabs); a second preview starts from them, and the run checks its letters against it.
  {
    name: 'letter preview twice, then the run (homework concern)',
    prepare: () => {
      setUpLetterTemplatesJob(loadSettings());
    },
    run: (t) => {
      const req = { type: 'homework', cohort: { kind: 'all' } };
      previewLetterRunJob(t.ss, settings(), t.school.asOf, req);
      const pv = previewLetterRunJob(t.ss, settings(), t.school.asOf, req);
      return generateLetterRunJob(t.ss, settings(), t.school.asOf, { ...req, previewed: pv.previewed }, { clock: () => t.g.env.simulatedMs });
    },
    finished: (r: any) => !r.stopped,
    keepsStaffCells: true,
  },
  // A run whose letters changed since its preview refuses and keeps its review and its whole reads
  // of the long tabs (hidden tabs); the next preview starts from them and its run makes the letters.
  {
    name: 'a run refused (letters changed since the preview), then the preview and the run (AT1)',
    prepare: () => {
      setUpLetterTemplatesJob(loadSettings());
    },
    run: (t) => {
      const req = { type: 'AT1', cohort: { kind: 'all' } };
      try {
        generateLetterRunJob(t.ss, settings(), t.school.asOf, { ...req, previewed: 'before0a0change' }, { clock: () => t.g.env.simulatedMs });
      } catch (e) {
        if (!/changed since the preview/.test((e as Error).message)) throw e;
      }
      const pv = previewLetterRunJob(t.ss, settings(), t.school.asOf, req);
      return generateLetterRunJob(t.ss, settings(), t.school.asOf, { ...req, previewed: pv.previewed }, { clock: () => t.g.env.simulatedMs });
    },
    finished: (r: any) => !r.stopped,
    keepsStaffCells: true,
  },
  // The one daily trigger's job: QA mornings, homework refresh, attendance review, mentoring (src/jobs/daily.ts).
  { name: 'morning trigger (daily run)', prepare: pasteQaGrid, run: (t) => dailyRunJob(t.ss, settings(), t.school.asOf), keepsStaffCells: true },
  { name: 'weekly digests', prepare: pasteQaGrid, run: (t) => weeklyDigestsJob(t.ss, settings(), t.school.asOf), keepsStaffCells: true },
  { name: 'progress review', run: (t) => progressReview(t.ss, settings(), t.school.asOf), keepsStaffCells: true },
  // Attendance → Evidence pack… for every pupil whose threshold is met (issue 19): a document per pupil.
  {
    name: 'evidence packs (every pupil whose threshold is met)',
    run: (t) => makeEvidencePacksJob(t.ss, settings(), t.school.asOf, { all: true }, { clock: () => t.g.env.simulatedMs }),
    finished: (r: any) => !r.stopped,
    keepsStaffCells: true,
  },
];

/**
 * One built tracker per kind of tracker (the job's tabs and preparation) and school size, handed
 * out again exactly as built (local/snapshot.ts): the jobs that need neither share one.
 */
const sources = new Map<string, TrackerSource>();
const fnIds = new Map<unknown, number>();
const fnId = (f: unknown) => (f === undefined ? 0 : fnIds.get(f) ?? (fnIds.set(f, fnIds.size + 1), fnIds.size));

/**
 * A fresh tracker ready for `job` (counts reset, so call 1 is the job's first call): the job's
 * tracker is built and prepared once per test file, and each call gives it back exactly as it was
 * then — every tab, property, trigger, document and e-mail — rather than building it again.
 * Uninstall it before asking for the next one.
 */
export function trackerFor(job: ProofJob, pupils = PUPILS): TrackerFixture {
  const key = `${fnId(job.tabs)}|${fnId(job.prepare)}|${pupils}`;
  let source = sources.get(key);
  if (!source) {
    const school = sampleSchool(pupils);
    source = trackerSource({ pupils, school, tabs: job.tabs ? job.tabs(Object.keys(school.tables)) : undefined }, job.prepare);
    sources.set(key, source);
  }
  return source.next();
}

/** Entry points read "today" from Date (the bundle's Date is the local env's clock; here it is jest's). */
export function fixDate(at: Date): () => void {
  jest.useFakeTimers({ now: at, doNotFake: ['performance', 'nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'hrtime'] });
  return () => jest.useRealTimers();
}

// ---------------------------------------------------------------------------------------------
// Snapshots

/** What every pattern of `normalise` contains (a URL, a local document id, a run id's date). */
const MAY_VARY = /docs\.google\.com|1DocLocal|-\d{4}-\d\d-\d\d-\d/;

/** Run ids, document ids and URLs differ between executions; everything else must not. */
export function normalise(v: unknown): string {
  let s = v instanceof Date ? v.toISOString() : String(v);
  // Most cells hold none of the four patterns below: one test that each needs finds them quicker.
  if (!MAY_VARY.test(s)) return s;
  s = s.replace(/https:\/\/docs\.google\.com\/document\/d\/[\w-]+(\/edit)?/g, '<doc>');
  s = s.replace(/1DocLocal\d+/g, '<doc>');
  // E-mails link to the tracker's tabs: another tracker (the clean run's) has another id.
  s = s.replace(/https:\/\/docs\.google\.com\/spreadsheets\/d\/[\w-]+\/edit(#gid=\d+)?/g, '<tab link>');
  s = s.replace(/\b(AT1|AT2|panel|EWO|PA|tier[123]|punctuality|lateToLesson|homework|reward)-(\d{4}-\d\d-\d\d)-\d+/g, '$1-$2-<run>');
  return s;
}

export type TabsSnapshot = Record<string, string[][]>;

export function snapshotTabs(t: TrackerFixture, opts: { mailLogSent?: boolean } = {}): TabsSnapshot {
  const snap: TabsSnapshot = {};
  for (const sheet of t.ss.getSheets()) {
    const name = sheet.getName();
    const values = sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
    let rows = values.map((r) => r.map(normalise));
    // Mail Log: "Sending" is the claim before the send, "Sent" after it: a crash between the two
    // leaves "Sending" for a message that went (reported as "check it arrived", never resent).
    if (name === 'Mail Log' && opts.mailLogSent) rows = rows.map((r) => r.map((c) => (c === 'Sending' ? 'Sent' : c)));
    snap[name] = rows;
  }
  return snap;
}

/** The staff cells of `before` whose value is different (or gone) in `after`: rows the job added are not compared. */
export function changedStaffCells(before: StaffCells, after: StaffCells): string[] {
  const out: string[] = [];
  for (const [rowKey, b] of before) {
    const a = after.get(rowKey);
    for (let i = 0; i < b.headers.length; i++) {
      const j = a ? a.headers.indexOf(b.headers[i]) : -1;
      const now = j >= 0 ? a!.values[j] : undefined;
      if (now !== b.values[i]) out.push(`${rowKey}|${b.headers[i]}: ${b.values[i]} → ${now}`);
    }
  }
  return out;
}

/**
 * Staff cells by "tab|row key": the headers of the tab's staff columns and the row's values under
 * them (one entry a row, not a cell: a 60-pupil tracker has tens of thousands of staff cells).
 */
export type StaffCells = Map<string, { headers: string[]; values: string[] }>;

/** Every cell of every column staff own (not `owned` by the add-on), by tab, row key and header. */
export function snapshotStaffCells(t: TrackerFixture): StaffCells {
  const cells: StaffCells = new Map();
  for (const def of TABS) {
    const sheet = t.ss.getSheetByName(def.name);
    if (!sheet || sheet.getLastRow() < 2) continue;
    const values = sheet.getDataRange().getValues();
    const header = values[0].map((h) => String(h).trim().toLowerCase());
    const staffCols = def.columns.filter((c) => !c.owned).map((c) => ({ c, i: header.indexOf(c.header.toLowerCase()) })).filter((x) => x.i >= 0);
    const headers = staffCols.map(({ c }) => c.header);
    const keyCols = def.key.map((k) => def.columns.find((c) => c.field === k)).filter(Boolean).map((c) => header.indexOf(c!.header.toLowerCase()));
    const seen = new Map<string, number>();
    for (let r = 1; r < values.length; r++) {
      const base = keyCols.map((i) => (i >= 0 ? normalise(values[r][i]) : '')).join('|') || `row${r}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = n > 1 ? `${base}#${n}` : base;
      cells.set(`${def.name}|${key}`, { headers, values: staffCols.map(({ i }) => normalise(values[r][i])) });
    }
  }
  return cells;
}

export function sentMail(t: TrackerFixture): Array<{ to: string; subject: string; body: string }> {
  return ((t.g.services.MailApp as any)._sent as any[]).map((m) => ({ to: [...m.to, ...m.cc, ...m.bcc].join(','), subject: m.subject, body: normalise(m.body) }));
}

export function runDocuments(t: TrackerFixture): LocalDocument[] {
  return (t.g.services.DocumentApp as unknown as LocalDocumentApp)._documents().filter((d) => !d._name.startsWith('Pastoral Tracker template'));
}

/** Letters in every run document, by the Re: line (pupil name and reg group). */
export function letterLines(t: TrackerFixture, onlyLinked = false): string[] {
  const linked = new Set<string>();
  if (onlyLinked) {
    const log = readTab(t.ss, 'Letters Log').records as any[];
    for (const e of log) for (const m of String(e.link ?? e.batchDocumentLink ?? JSON.stringify(e)).matchAll(/document\/d\/([\w-]+)/g)) linked.add(m[1]);
  }
  const out: string[] = [];
  for (const d of runDocuments(t)) {
    if (onlyLinked && !linked.has(d._id)) continue;
    for (const l of lettersOf(d)) {
      // Everything down to "Re: Callum Reid (9X)": a family at two addresses gets two copies, so
      // the addressee and address above the pupil's name say which letter this is.
      const lines = l.split('\n');
      const i = lines.findIndex((x) => x.startsWith('Re: '));
      if (i >= 0) out.push(lines.slice(0, i + 1).filter((x) => x.trim()).join(' | '));
    }
  }
  return out;
}

/** The text of every evidence pack linked from the Evidence Packs tab, one entry per link (a pupil twice shows as a duplicate). */
export function packTexts(t: TrackerFixture): string[] {
  const sheet = t.ss.getSheetByName(PACK_LOG.name);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const col = PACK_LOG.header.indexOf('Document');
  const byId = new Map(runDocuments(t).map((d) => [d._id, d]));
  const out: string[] = [];
  for (const row of sheet.getDataRange().getValues().slice(1)) {
    const m = /document\/d\/([\w-]+)/.exec(String(row[col]));
    const d = m ? byId.get(m[1]) : undefined;
    out.push(d ? `${d._name}\n${renderText(d)}` : `(no document: ${normalise(row[col])})`);
  }
  return out;
}

export function properties(t: TrackerFixture): { doc: Record<string, string>; script: Record<string, string> } {
  const s = sharedState(t.g.env);
  return { doc: Object.fromEntries(s.documentProperties), script: Object.fromEntries(s.scriptProperties) };
}

export function triggers(t: TrackerFixture): string[] {
  return sharedState(t.g.env).triggers.map((x: any) => `${x.handler}:${x.eventType}`).sort();
}

export function duplicates(xs: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const x of xs) (seen.has(x) ? dup : seen).add(x);
  return [...dup];
}

/** Deterministic sample of `k` points from 1..n (mulberry32), always including 1 and n. */
export function samplePoints(n: number, k: number, seed = 10): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i + 1);
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const set = new Set<number>([1, n]);
  while (set.size < k) set.add(1 + Math.floor(rnd() * n));
  return [...set].sort((x, y) => x - y);
}
