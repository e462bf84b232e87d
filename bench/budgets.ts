/**
 * Budgets (issue 10.6): every job on a 2,000-pupil school with a year of marks (as of 19 July
 * 2024: ~39 school weeks, ~760,000 marks), 20,000 Homework Log rows and 300 letters due, next to
 * a 200-pupil school (calls must not grow with pupils), and next to a straightforward
 * cell-by-cell implementation of the same job (bench/naive/), run on the small school and
 * extrapolated linearly to 2,000 pupils (said in the note).
 *
 * Then the weekly cycle — 5 mornings (the one daily trigger: QA e-mails, homework refresh,
 * attendance review, mentoring), the weekly digests and a 300-letter run — against Apps Script's
 * quota "Triggers total runtime: 90 min / day (consumer accounts), 6 h / day (Google Workspace
 * accounts)" (developers.google.com/apps-script/guides/services/quotas). Projected times use the
 * local env's documented per-call and per-cell estimates (local/services/env.ts).
 */
import { performance } from 'perf_hooks';
import { readFileSync } from 'fs';
import { createLocalGoogle, LocalGoogle } from '../local/google';
import { generateSampleSchool, SAMPLE_QA_CALENDAR_FILE } from '../local/sample/school';
import { setUpTrackerJob } from '../src/jobs/setupTracker';
import { importRows } from '../src/jobs/importData';
import { saveSettings, loadSettings } from '../src/gas/settingsStore';
import { startClock } from '../src/gas/clock';
import { refreshHomeworkJob } from '../src/jobs/homework/refresh';
import { reviewAttendanceJob } from '../src/jobs/attendance/job';
import { setUpLetterTemplatesJob } from '../src/jobs/letters/templates';
import { generateLetterRunJob, resumeLetterRunJob } from '../src/jobs/letters/run';
import { loadLetterSources } from '../src/jobs/letters/sources';
import { planFor } from '../src/jobs/letters/preview';
import { previewLetterRunJob } from '../src/jobs/letters/sidebarData';
import { codingReviewJob } from '../src/jobs/attendance/codingReview';
import { pupilProfileJob } from '../src/jobs/profile/profile';
import { noteTrackerChanged } from '../src/jobs/imported';
import { TAB_COPIES_TAB } from '../src/gas/tabCopiesTab';
import { REVIEW_MEMORY_TAB } from '../src/gas/reviewMemoryTab';
import { legalCaseViewJob, legalOverviewJob } from '../src/jobs/legal/view';
import { documentState } from '../src/gas/properties';
import { REGISTER_OPEN_WEEKS } from '../src/core/state';
import { dailyRunJob } from '../src/jobs/daily';
import { weeklyDigestsJob } from '../src/jobs/qa/digests';
import { progressReview } from '../src/jobs/progress/review';
import { importGridValues } from '../src/jobs/qa/calendar';
import { naiveAttendanceTab, naiveImportMarks, writeHomeworkGridNaively } from './naive/cellByCell';
import { SentMail, bodyBytes } from '../local/services/mail';
import type { BenchRow } from './run';

const AS_OF = '2024-07-19';
const SEED_002 = SAMPLE_QA_CALENDAR_FILE; // seed 002, shipped with the sample school
/** Quotas page: total trigger runtime a day. */
export const TRIGGER_RUNTIME_MS = { consumer: 90 * 60 * 1000, workspace: 6 * 60 * 60 * 1000 };

function thin(table: string[][], n: number): string[][] {
  const rows = table.length - 1;
  if (rows <= n) return table;
  const out = [table[0]];
  for (let i = 0; i < n; i++) out.push(table[1 + Math.floor((i * rows) / n)]);
  return out;
}

interface Tracker { g: LocalGoogle; ss: GoogleAppsScript.Spreadsheet.Spreadsheet; uninstall: () => void; marks: string[][]; firstUpn: string }

function tracker(pupils: number): Tracker {
  const school = generateSampleSchool({ pupils, asOf: AS_OF });
  const g = createLocalGoogle({ now: new Date(`${AS_OF}T07:00:00Z`) });
  const uninstall = g.install();
  const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  setUpTrackerJob(ss);
  saveSettings(school.settings);
  const order = (t: string) => (t === 'Students' ? 0 : t === 'Staff' ? 1 : 2);
  for (const tab of Object.keys(school.tables).sort((a, b) => order(a) - order(b))) {
    // 10 log rows a pupil: 20,000 for 2,000 pupils, as the issue asks.
    const rows = tab === 'Homework Log' ? thin(school.tables[tab], pupils * 10) : school.tables[tab];
    let r;
    do r = importRows(ss, tab, rows, { budgetMs: Infinity });
    while (r.remaining > 0);
  }
  const grid = readFileSync(SEED_002, 'utf8').split('\n').map((l) => l.split('\t'));
  const width = Math.max(...grid.map((r) => r.length));
  importGridValues(ss, grid.map((r) => r.concat(new Array(width - r.length).fill(''))), AS_OF);
  setUpLetterTemplatesJob(loadSettings());
  g.env.resetCounts();
  return { g, ss, uninstall, marks: school.tables['Attendance Marks'], firstUpn: String(school.tables.Students[1][0]) };
}

/** A Letters Log row typed by hand (an AT1 letter today for the first pupil); undone by the function returned. */
function typeLettersLogRow(t: Tracker): () => void {
  const log = t.ss.getSheetByName('Letters Log')!;
  const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0].map(String);
  const uk = AS_OF.split('-').reverse().join('/');
  const row = header.map((h) => (/^key$/i.test(h) ? `AT1|${t.firstUpn}|episode-${AS_OF}` : /^date$/i.test(h) ? uk : /^type$/i.test(h) ? 'AT1' : /^upn$/i.test(h) ? t.firstUpn : /status/i.test(h) ? 'Produced' : ''));
  const at = log.getLastRow() + 1;
  if (log.getMaxRows() < at) log.insertRowAfter(log.getMaxRows());
  log.getRange(at, 1, 1, row.length).setValues([row]);
  return () => log.deleteRow(at);
}

/** `n` misses typed at the foot of the Homework Log, as teachers log them during the day. */
function logMisses(t: Tracker, n: number): void {
  const log = t.ss.getSheetByName('Homework Log')!;
  const width = log.getLastColumn();
  const last = log.getRange(log.getLastRow(), 1, 1, width).getValues()[0];
  const header = log.getRange(1, 1, 1, width).getValues()[0].map(String);
  const subject = header.indexOf('Subject');
  const rows = Array.from({ length: n }, (_, i) => last.map((v, c) => (c === subject ? `Subject ${i + 1}` : v)));
  log.insertRowsAfter(log.getMaxRows(), n);
  log.getRange(log.getLastRow() + 1, 1, n, width).setValues(rows);
}

/** The tracker as it was before issue 22: the marks in a long-form tab, no Register. */
function longFormOnly(t: Tracker): void {
  const rows = t.marks.map((r) => r.slice(0, 4));
  const sheet = t.ss.insertSheet('Attendance Marks');
  sheet.deleteColumns(5, sheet.getMaxColumns() - 4); // 760,000 rows × a new tab's 26 columns would pass Google's 10 million cells
  sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(0, rows.length - sheet.getMaxRows()));
  sheet.getRange(1, 1, rows.length, 4).setNumberFormat('@');
  sheet.getRange(1, 1, rows.length, 4).setValues(rows);
  t.ss.deleteSheet(t.ss.getSheetByName('Register')!);
}

type Measured = { calls: number; projectedMs: number; computeMs: number; cellsRead?: number; cellsWritten?: number; largestEmailBytes?: number; note?: string };

function measure(t: Tracker, fn: () => unknown): Measured {
  const outbox = (t.g.services.MailApp as unknown as { _sent: SentMail[] })._sent;
  const before = outbox.length;
  t.g.env.resetCounts();
  const t0 = performance.now();
  fn();
  const computeMs = performance.now() - t0;
  const sizes = outbox.slice(before).map((m) => bodyBytes(m.body, m.htmlBody));
  return {
    calls: t.g.env.total, projectedMs: t.g.env.simulatedMs, computeMs, cellsRead: t.g.env.cellsRead, cellsWritten: t.g.env.cellsWritten,
    largestEmailBytes: sizes.length ? Math.max(...sizes) : undefined,
  };
}

/** Our jobs on one school. Letters: `letters` reward letters, continued until done (executions summed). */
function ours(t: Tracker, pupils: number, letters: number): Record<string, Measured> {
  const s = () => loadSettings();
  const out: Record<string, Measured> = {};
  // The import: the year of marks again into a tracker that has it (the weekly re-import of the
  // register: read once, merge by key, write only what changed).
  out['import: year of marks (re-import)'] = { ...measure(t, () => importRows(t.ss, 'Attendance Marks', t.marks, { elapsed: startClock(() => t.g.env.simulatedMs) })), note: `${(t.marks.length - 1).toLocaleString('en-GB')} marks, already there: read once to merge and once to check the sidebars' copy, nothing to write (first import: bench/import.ts)` };
  out['homework refresh'] = measure(t, () => refreshHomeworkJob(t.ss, s(), AS_OF));
  out['attendance review'] = measure(t, () => reviewAttendanceJob(t.ss, s(), AS_OF));
  // Sidebar calls (issue 22: a sidebar should answer in about a second): what each reads.
  // A whole-school sidebar's first call on a tracker with no copies and no kept review (made before
  // them, or their hidden tabs deleted by hand).
  const afterChange = (fn: () => unknown, note: string): Measured => ({
    ...measure(t, () => {
      for (const name of [TAB_COPIES_TAB, REVIEW_MEMORY_TAB]) t.ss.deleteSheet(t.ss.getSheetByName(name)!);
      fn();
    }),
    note,
  });
  const preview = () => previewLetterRunJob(t.ss, s(), AS_OF, { type: 'AT1', cohort: { kind: 'all' } });
  out['sidebar: letter preview (AT1, whole school), first'] = { ...measure(t, preview), note: 'today\'s review kept; Contacts from the copy its import kept; the templates checked' };
  out['sidebar: letter preview (AT1, whole school)'] = { ...measure(t, preview), note: 'the kept review, Students, Letters Log, Legal, Staff, the overrides and the copy of Contacts (its header and last row checked)' };
  const homework = () => previewLetterRunJob(t.ss, s(), AS_OF, { type: 'homework', cohort: { kind: 'all' } });
  out['sidebar: homework concern letter preview'] = { ...measure(t, homework), note: `as the letter preview, with the copy of the Homework Log (${(t.ss.getSheetByName('Homework Log')!.getLastRow() - 1).toLocaleString('en-GB')} rows) its import kept` };
  logMisses(t, 20);
  out['sidebar: homework concern letter preview, 20 misses logged since'] = { ...measure(t, homework), note: 'the copy, and the 20 rows added below it read' };
  // Attendance → Coding review is a menu item: it reviews first when it must (a menu job, as Review
  // attendance, with that job's 10 s), then opens a sidebar with what it read (no sidebar call).
  out['coding review (menu, opens a sidebar)'] = { ...measure(t, () => codingReviewJob(t.ss, s(), AS_OF)), note: 'today\'s review, no import since: its Coding Review tab and the Held column' };
  out['coding review (menu), marks imported since: Review attendance first'] = {
    ...measure(t, () => {
      noteTrackerChanged(documentState(), 'Register');
      codingReviewJob(t.ss, s(), AS_OF);
    }),
    note: 'the attendance review job, then the same read',
  };
  out['coding review (menu), the Homework Log imported since'] = {
    ...measure(t, () => {
      noteTrackerChanged(documentState(), 'Homework Log');
      codingReviewJob(t.ss, s(), AS_OF);
    }),
    note: 'a tab the review does not read: today\'s review still stands',
  };
  // A letter run that finds the letters changed since its preview (a cell edited in the middle of a
  // long tab, which the copies cannot see) refuses, and keeps its review and its whole reads.
  const refused = (type: string): Measured => ({
    ...measure(t, () => {
      try {
        generateLetterRunJob(t.ss, s(), AS_OF, { type, cohort: { kind: 'all' }, previewed: 'before0a0change' });
      } catch (e) {
        if (!/changed since the preview/.test(String(e))) throw e;
        return;
      }
      throw new Error('the run did not refuse');
    }),
    note: 'every tab read whole, as a run does; its review and copies of the long tabs it read kept',
  });
  out['letter run refused: the letters changed since the preview (AT1)'] = refused('AT1');
  out['sidebar: letter preview, after a run refused'] = { ...measure(t, preview), note: 'the review and the copies the refused run kept' };
  out['letter run refused: the letters changed since the preview (homework concern)'] = refused('homework');
  out['sidebar: homework concern letter preview, after a run refused'] = { ...measure(t, homework), note: 'the review and the copies the refused run kept' };
  out['sidebar: letter preview, no copy stands (reviews afresh, reads everything whole)'] = afterChange(preview, 'no copy and no review kept (a tracker from before copies, or the Tab Copies tab deleted): the whole review, every tab read whole, then kept');
  out['sidebar: homework concern letter preview, no copy stands (reads everything whole)'] = afterChange(homework, 'the same: every tab read whole, the review afresh, the copies kept again');
  // A hand edit the kept review cannot stand for, with no import since: the review afresh, from the copies made today.
  const afterLogRow = (fn: () => unknown, note: string): Measured => {
    const undo = typeLettersLogRow(t);
    try {
      return { ...measure(t, fn), note };
    } finally {
      undo();
    }
  };
  out['sidebar: letter preview, a Letters Log row typed since (reviews afresh)'] = afterLogRow(preview, 'the whole review, the Register and Lates to Lesson from the copies the call above made today');
  // A real import of marks (one mark changed): it keeps the Register's copy itself.
  const mark = t.marks.findIndex((r, i) => i > 0 && String(r[3]) === '/');
  importRows(t.ss, 'Attendance Marks', [t.marks[0], t.marks[mark].map((v, i) => (i === 3 ? 'I' : v))], { today: AS_OF });
  out['sidebar: letter preview, after an import of marks (reviews afresh)'] = { ...measure(t, preview), note: 'the whole review, the Register from the copy the import kept' };
  importRows(t.ss, 'Attendance Marks', [t.marks[0], t.marks[mark]], { today: AS_OF });
  out['sidebar: pupil profile'] = { ...measure(t, () => pupilProfileJob(t.ss, t.firstUpn, s(), AS_OF)), note: 'one pupil\'s rows (found by UPN) and the open sessions remembered' };
  out['sidebar: pupil profile, no memory of open sessions (whole Register)'] = {
    ...measure(t, () => {
      documentState().set(REGISTER_OPEN_WEEKS, null);
      pupilProfileJob(t.ss, t.firstUpn, s(), AS_OF);
    }),
    note: 'the memory missing, or a week column added by hand since: the whole Register is read',
  };
  // The next school day, before (or without) its morning run: the kept review is Friday's, so the
  // sidebar reviews afresh, the Register from Friday's copy with its latest weeks read again.
  out['sidebar: letter preview, the next school day, no morning run (reviews afresh)'] = {
    ...measure(t, () => previewLetterRunJob(t.ss, s(), '2024-07-22', { type: 'AT1', cohort: { kind: 'all' } })),
    note: 'the whole review; the Register from the copy with the week it was made and the week before read again',
  };
  // The next review puts the memory back.
  reviewAttendanceJob(t.ss, s(), AS_OF);
  out['sidebar: legal case (one pupil)'] = { ...measure(t, () => legalCaseViewJob(t.ss, t.firstUpn, s(), AS_OF)), note: 'one pupil\'s rows, as the profile' };
  out['sidebar: legal overview (whole school)'] = { ...measure(t, () => legalOverviewJob(t.ss, s(), AS_OF)), note: 'today\'s review kept, as the letter preview' };
  refused('AT1');
  out['sidebar: legal overview, after a run refused'] = { ...measure(t, () => legalOverviewJob(t.ss, s(), AS_OF)), note: 'the review and the copies the refused run kept' };
  out['sidebar: legal overview, no copy stands (reviews afresh, reads everything whole)'] = afterChange(() => legalOverviewJob(t.ss, s(), AS_OF), 'no copy and no review kept: the whole review, every tab read whole, then kept');
  out['sidebar: legal overview, a Letters Log row typed since (reviews afresh)'] = afterLogRow(() => legalOverviewJob(t.ss, s(), AS_OF), 'the whole review, the Register and Lates to Lesson from the copies made today');
  out['progress review'] = measure(t, () => progressReview(t.ss, s(), AS_OF));
  const sent = () => ((t.g.services.MailApp as any)._sent as unknown[]).length;
  let before = sent();
  out['morning trigger (daily run)'] = measure(t, () => dailyRunJob(t.ss, s(), AS_OF));
  out['morning trigger (daily run)'].note = `${sent() - before} e-mails (~4 calls each: claim, send, mark sent)`;
  before = sent();
  out['weekly digests'] = measure(t, () => weeklyDigestsJob(t.ss, s(), AS_OF));
  out['weekly digests'].note = `${sent() - before} e-mails, one per member of staff with a role (more staff in a bigger school)`;
  const { plan } = planFor(loadLetterSources(t.ss, s(), AS_OF, 'reward'), { type: 'reward', cohort: { kind: 'all' } });
  const n = Math.min(letters, plan.toProduce.length);
  const req = { type: 'reward', cohort: { kind: 'all' }, unticked: plan.toProduce.slice(n).map((l) => l.upn) };
  let executions = 0;
  const run = measure(t, () => {
    const clock = () => t.g.env.simulatedMs;
    let r = generateLetterRunJob(t.ss, s(), AS_OF, req, { clock });
    executions++;
    while (r && r.stopped && executions < 20) {
      r = resumeLetterRunJob(t.ss, s(), AS_OF, { clock, startedAt: clock() })!;
      executions++;
    }
  });
  out[`letter run`] = { ...run, note: `${n} letters in ${executions} execution(s) of ≤ 4.5 min; calls grow with letters (a page each), not with pupils` };
  const after = previewLetterRunJob(t.ss, s(), AS_OF, { type: 'attendance', cohort: { kind: 'all' } });
  out['sidebar: letter preview after a letter run'] = {
    ...measure(t, () => previewLetterRunJob(t.ss, s(), AS_OF, { type: 'attendance', cohort: { kind: 'all' } })),
    note: `the review the run kept (${/^From today/.test(after.reviewNote) ? 'used' : 'NOT used'}); attendance letters; the templates, checked by the preview before it, trusted for ten minutes`,
  };
  // Issue 22, side by side: the same review again on the Register, then on the same marks kept in
  // the long form (a row per mark, as before the Register) — an older tracker's tab.
  out['attendance review again, marks in the Register'] = { ...measure(t, () => reviewAttendanceJob(t.ss, s(), AS_OF)), note: 'a cell per pupil-week' };
  longFormOnly(t);
  out['attendance review again, marks in the long form (before issue 22)'] = { ...measure(t, () => reviewAttendanceJob(t.ss, s(), AS_OF)), note: 'a row per mark: an older tracker\'s Attendance Marks tab' };
  return out;
}

export async function benchBudgets(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const results: Record<number, ReturnType<typeof ours>> = {};
  let naive: { job: string; calls: number; projectedMs: number; computeMs: number; note: string }[] = [];
  for (const pupils of [200, 2000]) {
    const t = tracker(pupils);
    try {
      results[pupils] = ours(t, pupils, pupils === 2000 ? 300 : 30);
      if (pupils === 200) {
        // Cell by cell, on the small school, extrapolated ×10 to 2,000 pupils.
        const x = 10;
        const att = measure(t, () => naiveAttendanceTab(t.ss, loadSettings(), AS_OF));
        const hw = refreshHomeworkJob(t.ss, loadSettings(), AS_OF);
        const grid = measure(t, () => writeHomeworkGridNaively(t.ss, hw.pupils));
        const slice = t.marks.slice(0, 5001);
        const imp = measure(t, () => naiveImportMarks(t.ss, slice));
        const perMark = (v: number) => (v / 5000) * (t.marks.length - 1) * x;
        naive = [
          { job: 'attendance review', calls: att.calls * x, projectedMs: att.projectedMs * x, computeMs: att.computeMs * x, note: 'NAIVE: getRange(r,c).setValue per cell + setBackground per row; 200 pupils ×10' },
          { job: 'homework refresh', calls: grid.calls * x, projectedMs: grid.projectedMs * x, computeMs: grid.computeMs * x, note: 'NAIVE: grid only, setValue + setBackground per pupil-week cell; 200 pupils ×10' },
          { job: 'import: year of marks (re-import)', calls: Math.round(perMark(imp.calls)), projectedMs: perMark(imp.projectedMs), computeMs: perMark(imp.computeMs), note: `NAIVE: appendRow per mark; 5,000 measured, scaled to ${((t.marks.length - 1) * x).toLocaleString('en-GB')} marks` },
        ];
      }
    } finally {
      t.uninstall();
    }
  }
  for (const job of Object.keys(results[2000])) {
    for (const pupils of [200, 2000]) {
      const r = results[pupils][job];
      const grows = pupils === 2000 && results[200][job].calls !== r.calls ? ` (calls ${results[200][job].calls} at 200)` : '';
      rows.push({ job: `budget: ${job}`, pupils, calls: r.calls, projectedMs: r.projectedMs, computeMs: r.computeMs, cellsRead: r.cellsRead, cellsWritten: r.cellsWritten, largestEmailBytes: r.largestEmailBytes, note: `${r.note ?? ''}${grows}`.trim() || undefined });
    }
    const n = naive.find((x) => x.job === job);
    if (n) rows.push({ job: `budget: ${job} — cell by cell`, pupils: 2000, calls: n.calls, projectedMs: n.projectedMs, computeMs: n.computeMs, note: n.note });
  }
  // The weekly cycle at 2,000 pupils.
  const big = results[2000];
  const daily = big['morning trigger (daily run)'];
  const digests = big['weekly digests'];
  const letters = big['letter run'];
  const week = 5 * daily.projectedMs + digests.projectedMs + letters.projectedMs;
  const busiestDay = daily.projectedMs + digests.projectedMs;
  rows.push({
    job: 'budget: weekly cycle (5 mornings + digests + 300 letters)',
    pupils: 2000,
    calls: 5 * daily.calls + digests.calls + letters.calls,
    projectedMs: week,
    computeMs: 5 * daily.computeMs + digests.computeMs + letters.computeMs,
    note: `busiest trigger day ${(busiestDay / 60000).toFixed(1)} min of the 90 min/day trigger quota (consumer; 6 h Workspace); the letter run is started from the menu, not a trigger`,
  });
  return rows;
}
