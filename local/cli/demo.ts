/**
 * `npm run demo`: a whole school week of the add-on on this computer (SPEC §8). The real bundle
 * (build/Code.js) runs on the local Google services against the built-in sample school — or a
 * school's own CSV exports (--data) — and what Google would have held is written to out/:
 * tracker.xlsx, letters/*.docx, mail/*.eml and report.json.
 *
 * The week: Monday to Friday of the as-of week. Each school morning the time-driven trigger runs
 * (QA reminders with evidence; Monday also the weekly digests); on the as-of day the Head of
 * Year's work is done from the menu: refresh homework, review attendance, the letter runs that are
 * due, and the progress review. Everything goes through the bundle's own entry points, exactly as
 * the menu, the sidebars and the trigger call them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from './args';
import { readDataDir } from './dataDir';
import { writeOutputs } from './outputs';
import { buildReport } from './report';
import { createLocalGoogle } from '../google';
import { loadBundle, Bundle } from '../loadBundle';
import { loadXlsx } from '../export/xlsx';
import { generateSampleSchool, SampleSchool, keyboardUser } from '../sample/school';
import { QA_CALENDAR_GRID_NAME } from '../sample/writeCsv';
import { SAMPLE_QA_CALENDAR_FILE } from '../sample/school';
import { addDays, weekStart, londonMidnight, IsoDate, isWeekend } from '../../src/core/dates';
import { withDefaults, SettingsOverrides } from '../../src/core/settings';
import { londonDate } from '../../src/core/dates';
import { STAGING_PREFIX } from '../../src/jobs/importData';
import { qaReportPart } from '../../src/jobs/qa/report';
import { parseTab } from '../../src/core/records/parse';
import { checkForTask } from '../../src/core/qa/checks';
import { LocalGoogle } from '../google';

/** The week's QA reminders: one entry per task, everyone reminded of it on any morning. */
function mergeQa(parts: { date: string; task: string; reminded: string[] }[][]): { date: string; task: string; reminded: string[] }[] {
  const byKey = new Map<string, { date: string; task: string; reminded: string[] }>();
  for (const part of parts) {
    for (const q of part) {
      const k = `${q.date}|${q.task}`;
      const e = byKey.get(k) ?? { date: q.date, task: q.task, reminded: [] };
      for (const r of q.reminded) if (e.reminded.indexOf(r) < 0) e.reminded.push(r);
      byKey.set(k, e);
    }
  }
  return Array.from(byKey.values()).sort((a, b) => (a.date + a.task).localeCompare(b.date + b.task));
}

const SETTINGS_KEY = 'pastoralTracker.settings';

/** 07:00 Europe/London on a date: the morning trigger's hour. */
function morningOf(d: IsoDate, hour = 7): Date {
  return new Date(londonMidnight(d).getTime() + hour * 3600 * 1000);
}

/** An empty staging tab (a rerun on --workbook may still have one left from a refused import). */
function freshTab(g: ReturnType<typeof createLocalGoogle>, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const old = g.spreadsheet.getSheetByName(name);
  if (old) g.spreadsheet.deleteSheet(old);
  return g.spreadsheet.insertSheet(name) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

interface LetterRunSummary {
  type: string;
  year: number;
  due: number;
  done: number;
  docUrl: string;
}

/**
 * The letter runs of the week, as the QA calendar schedules them (seed 002: "Year 7, 8 and 9 Tier
 * letters" on Wednesday, "Year 10 Tier Letters" on Friday, punctuality and late-to-lesson letters
 * on their days), plus the ladder's letters (AT1, AT2, panel, EWO, PA) and homework concern
 * letters, which the attendance officer and Heads of Year send as they fall due. Each run goes
 * through the Letter run sidebar's calls: preview, Generate, and Continue while a long run stops
 * at the time limit. Reward letters are left to the menu.
 */
function weeksLetterRuns(g: LocalGoogle, call: (fn: string, ...a: unknown[]) => any, from: IsoDate, to: IsoDate): LetterRunSummary[] {
  const runs: { type: string; cohort: { kind: string; year?: number } }[] = [];
  for (const type of ['AT1', 'AT2', 'panel', 'EWO', 'PA', 'homework']) runs.push({ type, cohort: { kind: 'all' } });
  const qa = g.spreadsheet.getSheetByName('QA Calendar');
  const tasks = qa ? parseTab('QA Calendar', qa.getDataRange().getValues()).records : [];
  for (const t of tasks.filter((x) => x.date >= from && x.date <= to)) {
    const check = checkForTask(t.task);
    if (check.kind === 'tierLetters') {
      for (const year of check.years) for (const type of ['tier1', 'tier2', 'tier3']) runs.push({ type, cohort: { kind: 'year', year } });
    } else if (check.kind === 'punctuality' || check.kind === 'lateToLesson') {
      runs.push({ type: check.kind, cohort: { kind: 'all' } });
    }
  }
  const out: LetterRunSummary[] = [];
  for (const req of runs) {
    const preview = call('previewLetterRun', req);
    if (preview.templateProblem) throw new Error(preview.templateProblem);
    if (!preview.due.length) continue;
    let r = call('generateLetterRun', req);
    while (r.stopped) r = call('continueLetterRun');
    out.push({ type: req.type, year: req.cohort.year ?? 0, due: preview.due.length, done: r.done, docUrl: r.docUrl });
  }
  return out;
}

export interface DemoResult {
  report: Record<string, unknown>;
  files: Awaited<ReturnType<typeof writeOutputs>>;
}

export async function runDemo(argv: string[], log: (msg: string) => void = (m) => process.stdout.write(`${m}\n`)): Promise<DemoResult> {
  const args = parseArgs(argv);
  let school: { tables: Record<string, string[][]>; settings: SettingsOverrides; qaGrid?: string; asOf?: IsoDate };
  if (args.data) {
    const d = readDataDir(args.data);
    school = { ...d };
  } else {
    const s: SampleSchool = generateSampleSchool({ pupils: args.pupils, asOf: args.asOf });
    school = { tables: s.tables, settings: s.settings, asOf: s.asOf, qaGrid: fs.readFileSync(SAMPLE_QA_CALENDAR_FILE, 'utf8') };
  }
  const asOf: IsoDate = args.asOf ?? school.asOf ?? londonDate(new Date());
  const settings = withDefaults(school.settings);

  const g = createLocalGoogle({ now: morningOf(asOf), user: keyboardUser(school.tables) ?? 'attendance.officer@' + (settings.school.allowedDomains[0] ?? 'school.example') });
  if (args.workbook) {
    const ss = await loadXlsx(args.workbook, g.env, 'Pastoral Tracker');
    g.app._setActive(ss);
    (g as any).spreadsheet = g.app.getActiveSpreadsheet();
  }
  const bundle: Bundle = loadBundle(g);
  const call = (fn: string, ...a: unknown[]) => {
    if (typeof bundle[fn] !== 'function') throw new Error(`build/Code.js has no function ${fn}`);
    return bundle[fn](...a);
  };

  // The person setting up the add-on: Set up tracker, then Settings (what the Settings sidebar stores).
  call('setUpTracker');
  g.services.PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(school.settings));

  // Imports: each export pasted into its "Import - <Tab>" tab, then Data → Import pasted data.
  log(`Importing ${Object.keys(school.tables).length} exports…`);
  for (const [tab, rows] of Object.entries(school.tables)) {
    if (!rows.length) continue;
    const sheet = freshTab(g, STAGING_PREFIX + tab);
    if (sheet.getMaxRows() < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    const range = sheet.getRange(1, 1, rows.length, width);
    range.setNumberFormat('@'); // the staging tab is plain text, as prepareImportTab makes it
    range.setValues(rows.map((r) => (r.length < width ? r.concat(new Array(width - r.length).fill('')) : r)));
  }
  const importText = call('importPastedData');
  const problems: string[] = [];
  if (typeof importText === 'string') problems.push(...importText.split('\n').map((l: string) => l.trim()).filter((l: string) => / row \d+/.test(l)));

  if (school.qaGrid) {
    const sheet = freshTab(g, STAGING_PREFIX + 'QA Calendar Grid');
    const rows = school.qaGrid.split(/\r?\n/).map((l) => l.split('\t'));
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, rows.length, width).setNumberFormat('@');
    sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.concat(new Array(width - r.length).fill(''))));
    call('importQaCalendar');
  }

  // Letters already in the Letters Log (imported history, or an earlier run's on --workbook):
  // report.json's letters[] lists only the ones this run made.
  const lettersBefore = new Set<string>();
  const logSheet = g.spreadsheet.getSheetByName('Letters Log');
  if (logSheet && logSheet.getLastRow() > 1) {
    for (const r of logSheet.getDataRange().getValues().slice(1)) lettersBefore.add(String(r[0]));
  }

  // The school week: mornings Monday to Friday (trigger), the Head of Year's day on as-of.
  const letterRuns: LetterRunSummary[] = [];
  const mornings: any[] = [];
  const monday = weekStart(asOf);
  call('installMorningTrigger');
  for (let i = 0; i < 5; i++) {
    const day = addDays(monday, i);
    if (day > asOf || isWeekend(day)) break;
    g.env.now = morningOf(day, settings.triggers.morningHour);
    log(`${day}: morning trigger (QA reminders, homework, attendance, mentoring${day === monday ? ', weekly digests' : ''})…`);
    mornings.push(call('morningRun', { authMode: 'FULL', triggerUid: 'demo' }));
    if (day === asOf) {
      g.env.now = morningOf(day, 9);
      log(`${day}: the Head of Year's day — refresh, review, letter runs, progress review, dashboard…`);
      call('refreshHomework');
      call('reviewAttendanceNow');
      call('setUpLetterTemplates');
      letterRuns.push(...weeksLetterRuns(g, call, monday, asOf));
      call('runProgressReview');
      call('refreshDashboard');
    }
  }

  log('Writing out/ …');
  const report = buildReport(g, { asOf, settings, problems, lettersBefore });
  report.qa = mergeQa(mornings.map((m) => qaReportPart(m.qa).qa));
  fs.mkdirSync(args.out, { recursive: true });
  const files = await writeOutputs(g, args.out);
  fs.writeFileSync(path.join(args.out, 'report.json'), JSON.stringify(report, null, 2));

  const pupils = report.pupils as any[];
  const stages: Record<string, number> = {};
  for (const p of pupils) stages[p.attendance.stage ?? 'none'] = (stages[p.attendance.stage ?? 'none'] ?? 0) + 1;
  log(`\n${settings.school.name}, week of ${monday} (as of ${asOf})`);
  log(`  pupils on roll: ${pupils.length}; stages: ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  log(`  PA: ${pupils.filter((p) => p.attendance.persistentAbsence).length}, held by coding review: ${pupils.filter((p) => p.attendance.held).length}`);
  log(`  homework persistent: ${pupils.filter((p) => p.homework.persistent).length}`);
  log(`  letters produced: ${(report.letters as any[]).length} in ${files.letters.length} document(s): ${letterRuns.map((r) => `${r.type}${r.year ? ` Y${r.year}` : ''} ${r.done}`).join(', ') || 'none due'}`);
  log(`  e-mails sent: ${files.mail.length} (morning reminders with evidence, Monday digests, mentoring)` +
    (settings.school.allowedDomains.length ? '' : ' — none can be sent until the school\'s e-mail domain is set (settings.json: school.allowedDomains)'));
  log(`  service calls: ${g.env.total}`);
  log(`  wrote ${files.workbook}, ${path.join(args.out, 'letters')}/, ${path.join(args.out, 'mail')}/, ${path.join(args.out, 'report.json')}`);
  if (problems.length) log(`  ${problems.length} problem(s) in the data: see report.json "problems"`);
  return { report, files };
}

if (require.main === module) runDemo(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
