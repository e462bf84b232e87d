/**
 * `npm run demo`: a whole school week of the add-on on this computer (SPEC §8). The real bundle
 * (build/Code.js) runs on the local Google services against the built-in sample school — or a
 * school's own CSV / .xlsx exports (--data) — and what Google would have held is written to out/:
 * tracker.xlsx, letters/*.docx, mail/*.eml and report.json.
 *
 * Who is at the keyboard (issue 16): the tracker's owner — the person who set it up, who may
 * always use every job — `owner@<school domain>` (the first of settings.json's
 * school.allowedDomains, else the domain most staff e-mails in the Staff file share, else
 * school.example). The owner sets up the tracker and imports every file through the Import a
 * file sidebar's own calls; `--as EMAIL` then does the week as that person instead (they must be
 * on the Staff tab, as Google would require). With no domain in settings.json the school's domain
 * is the owner's, so a first run shows the e-mails.
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
import { generateSampleSchool, SampleSchool } from '../sample/school';
import { SAMPLE_QA_CALENDAR_FILE } from '../sample/school';
import { addDays, weekStart, londonMidnight, IsoDate, isWeekend } from '../../src/core/dates';
import { withDefaults, withOwnerDomain, SettingsOverrides } from '../../src/core/settings';
import { londonDate } from '../../src/core/dates';
import { STAGING_PREFIX } from '../../src/jobs/importData';
import { CHUNK_CHARS } from '../../src/jobs/importFile';
import { PROBLEMS_TAB } from '../../src/jobs/importProblems';
import { formatRefusal } from '../../src/core/records/refusal';
import { planChunks, ChunkCell } from '../../src/ui/lib/chunks';
import { csvNameFor } from '../../src/core/tabs';
import { parseTab } from '../../src/core/records/parse';
import { checkForTask } from '../../src/core/qa/checks';
import { LocalGoogle } from '../google';
import { bodyBytes } from '../services/mail';

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
 * on their days), plus the rest of the ladder's letters (AT1, AT2, panel, EWO, PA — one letter per
 * family) and homework concern letters, which Heads of Year send as they fall due. Each run goes
 * through the Letter run sidebar's calls: preview, Generate, and Continue while a long run stops
 * at the time limit. Reward letters are left to the menu.
 */
function weeksLetterRuns(g: LocalGoogle, call: (fn: string, ...a: unknown[]) => any, from: IsoDate, to: IsoDate): LetterRunSummary[] {
  const runs: { type: string; cohort: { kind: string; year?: number } }[] = [];
  const later: { type: string; cohort: { kind: string; year?: number } }[] = [];
  const qa = g.spreadsheet.getSheetByName('QA Calendar');
  const tasks = qa ? parseTab('QA Calendar', qa.getDataRange().getValues()).records : [];
  for (const t of tasks.filter((x) => x.date >= from && x.date <= to)) {
    const check = checkForTask(t.task);
    if (check.kind === 'tierLetters') {
      // A tier run is the ladder's letters for that year group, one per family (SPEC §4.3).
      for (const year of check.years) runs.push({ type: 'tier', cohort: { kind: 'year', year } });
    } else if (check.kind === 'punctuality' || check.kind === 'lateToLesson') {
      later.push({ type: check.kind, cohort: { kind: 'all' } });
    }
  }
  // Then every other attendance letter due (one letter per family a day: nobody written to by a
  // tier run gets a second), and homework concern letters.
  runs.push({ type: 'attendance', cohort: { kind: 'all' } }, { type: 'homework', cohort: { kind: 'all' } }, ...later);
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

/** The domain most e-mails in a Staff file share ('' when there is no Staff file). */
function commonStaffDomain(staff: unknown[][] | undefined): string {
  if (!staff || staff.length < 2) return '';
  const counts = new Map<string, number>();
  for (const row of staff.slice(1)) {
    for (const cell of row) {
      const m = /^[^@\s]+@([a-z0-9.-]+\.[a-z]{2,})$/i.exec(String(cell ?? '').trim());
      if (m) counts.set(m[1].toLowerCase(), (counts.get(m[1].toLowerCase()) ?? 0) + 1);
    }
  }
  let best = '';
  counts.forEach((n, d) => { if (!best || n > (counts.get(best) as number) || (n === counts.get(best) && d < best)) best = d; });
  return best;
}

/** The tracker's owner for a dry run (see the file comment). */
export function ownerFor(settings: SettingsOverrides, tables: Record<string, unknown[][]>): string {
  const domain = (settings.school?.allowedDomains ?? [])[0] || commonStaffDomain(tables.Staff) || 'school.example';
  return `owner@${String(domain).trim().toLowerCase().replace(/^@/, '')}`;
}

/** Students first (other tabs are checked against the roll), then Staff, then the rest. */
function importOrder(tabs: string[]): string[] {
  const rank = (t: string) => (t === 'Students' ? 0 : t === 'Staff' ? 1 : 2);
  return tabs.slice().sort((a, b) => rank(a) - rank(b));
}

/**
 * Import each file as a person would with Data → Import a file: the header checked, then the rows
 * sent in chunks (grouped by pupil, as the sidebar sends them), a chunk sent again while the add-on
 * says it ran out of time. Returns the add-on's notes.
 */
function importFiles(call: (fn: string, ...a: unknown[]) => any, tables: Record<string, ChunkCell[][]>, files: Record<string, string>, log: (m: string) => void): string[] {
  const notes: string[] = [];
  for (const tab of importOrder(Object.keys(tables))) {
    const rows = tables[tab];
    if (!rows.length) continue;
    const file = files[tab] ?? csvNameFor(tab);
    const check = call('importFileCheck', { target: tab, rows: rows.slice(0, 3) });
    if (check.messages.length) throw new Error(`${file}: ${check.messages.join(' ')} Nothing was imported from this file.`);
    const header = rows.slice(0, check.headerRows);
    const chunks = planChunks(rows.slice(check.headerRows), check.headerRows + 1, check.groupColumns, CHUNK_CHARS);
    if (!chunks.length) chunks.push({ rows: [], rowNumbers: [] });
    let added = 0, updated = 0, refused = 0;
    chunks.forEach((c, i) => {
      let r = call('importFilePart', { target: tab, file, header, rows: c.rows, rowNumbers: c.rowNumbers, first: i === 0 });
      while (r.remaining > 0) r = call('importFilePart', { target: tab, file, header, rows: c.rows, rowNumbers: c.rowNumbers, first: false, again: true });
      added += r.added; updated += r.updated; refused += r.refused;
      for (const n of r.notes as string[]) if (notes.indexOf(n) < 0) notes.push(n);
    });
    log(`  ${file} → ${tab}: ${added} added, ${updated} updated, ${refused} refused`);
  }
  return notes;
}

/** report.json's problems: the Import Problems tab, one line per refused row (no file names, so a folder of .xlsx reports as its .csv twin). */
function problemLines(g: LocalGoogle): string[] {
  const sheet = g.spreadsheet.getSheetByName(PROBLEMS_TAB);
  if (!sheet || sheet.getLastRow() < 2) return [];
  return sheet.getDataRange().getValues().slice(1).filter((r) => r[2] !== '').map((r) => formatRefusal(String(r[1]), { row: Number(r[2]), column: String(r[3]), value: String(r[4]), reason: String(r[5]) }));
}

export async function runDemo(argv: string[], log: (msg: string) => void = (m) => process.stdout.write(`${m}\n`)): Promise<DemoResult> {
  const args = parseArgs(argv);
  let school: { tables: Record<string, ChunkCell[][]>; files: Record<string, string>; settings: SettingsOverrides; qaGrid?: string; asOf?: IsoDate };
  if (args.data) {
    const d = await readDataDir(args.data);
    school = { ...d };
  } else {
    const s: SampleSchool = generateSampleSchool({ pupils: args.pupils, asOf: args.asOf });
    school = { tables: s.tables, files: {}, settings: s.settings, asOf: s.asOf, qaGrid: fs.readFileSync(SAMPLE_QA_CALENDAR_FILE, 'utf8') };
  }
  const asOf: IsoDate = args.asOf ?? school.asOf ?? londonDate(new Date());
  const owner = ownerFor(school.settings, school.tables);
  const settings = withOwnerDomain(withDefaults(school.settings), owner);

  const g = createLocalGoogle({ now: morningOf(asOf), user: owner });
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

  // The owner sets up the add-on: Set up tracker, then Settings (what the Settings sidebar stores).
  call('setUpTracker');
  g.services.PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(school.settings));

  // Imports: each export chosen in Data → Import a file, in the sidebar's own calls.
  log(`Importing ${Object.keys(school.tables).length} exports as ${owner} (the tracker's owner)…`);
  const notes = importFiles(call, school.tables, school.files, log);
  for (const n of notes) log(`  note: ${n}`);
  const problems = problemLines(g);

  if (school.qaGrid) {
    // The QA calendar's Word grid is pasted into its plain-text staging tab (the paste path).
    const sheet = freshTab(g, STAGING_PREFIX + 'QA Calendar Grid');
    const rows = school.qaGrid.split(/\r?\n/).map((l) => l.split('\t'));
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, rows.length, width).setNumberFormat('@');
    sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => r.concat(new Array(width - r.length).fill(''))));
    call('importQaCalendar');
  }

  // --as: the rest of the week is done by that person, as Google would let them (Staff tab).
  const actor = args.as ?? owner;
  if (args.as && args.as !== owner) {
    const staff = parseTab('Staff', g.spreadsheet.getSheetByName('Staff')!.getDataRange().getValues()).records;
    if (!staff.some((m) => m.email === args.as)) {
      throw new Error(`--as ${args.as}: not on the Staff tab${school.files.Staff ? ` (${school.files.Staff})` : ''}, so the add-on would refuse them, as Google would. Use an e-mail from the Staff file, or leave --as out to act as the owner (${owner}).`);
    }
    (g.services.Session as any)._setUser(args.as);
  }

  // Letters already in the Letters Log (imported history, or an earlier run's on --workbook):
  // report.json's letters[] lists only the ones this run made.
  const lettersBefore = new Set<string>();
  const logSheet = g.spreadsheet.getSheetByName('Letters Log');
  if (logSheet && logSheet.getLastRow() > 1) {
    // By header: the Key is the last column of a tracker set up since issue 20 (the first before).
    const [header, ...rows] = logSheet.getDataRange().getValues();
    const keyCol = header.findIndex((h: unknown) => /^(letter )?key$/i.test(String(h).trim()));
    if (keyCol >= 0) for (const r of rows) lettersBefore.add(String(r[keyCol]));
  }

  // The school week: mornings Monday to Friday (trigger), the Head of Year's day on as-of.
  const letterRuns: LetterRunSummary[] = [];
  const mornings: any[] = [];
  const monday = weekStart(asOf);
  // The morning trigger belongs to whoever turned it on — the owner here — and runs as them, even
  // when --as names someone else for the day's own work.
  const actAs = (email: string) => (g.services.Session as any)._setUser(email);
  actAs(owner);
  call('installMorningTrigger');
  for (let i = 0; i < 5; i++) {
    const day = addDays(monday, i);
    if (day > asOf || isWeekend(day)) break;
    g.env.now = morningOf(day, settings.triggers.morningHour);
    log(`${day}: morning trigger (QA reminders, homework, attendance, mentoring${day === monday ? ', weekly digests' : ''})…`);
    actAs(owner);
    mornings.push(call('morningRun', { authMode: 'FULL', triggerUid: 'demo' }));
    if (day === asOf) {
      actAs(actor);
      g.env.now = morningOf(day, 9);
      log(`${day}: the Head of Year's day — refresh, review, letter runs, progress review, dashboard…`);
      call('refreshHomework');
      call('reviewAttendanceNow');
      call('setUpLetterTemplates');
      letterRuns.push(...weeksLetterRuns(g, call, monday, asOf));
      // Attendance → Evidence pack…: every pupil whose threshold is met, carried on while it stops for time.
      let packs = call('makeEvidencePacks', { all: true });
      while (packs.stopped) packs = call('makeEvidencePacks', { all: true });
      call('runProgressReview');
      call('refreshDashboard');
    }
  }

  const ssRaw = g.app.getActiveSpreadsheet() as unknown as { _cells(): number; _peakCells: number };
  log(`Spreadsheet size: ${ssRaw._cells().toLocaleString('en-GB')} cells (most at any time ${ssRaw._peakCells.toLocaleString('en-GB')}) of Google's 10,000,000`);
  const sentMail = (g.services.MailApp as unknown as { _sent: Array<{ body: string; htmlBody: string | null }> })._sent;
  const largest = sentMail.reduce((m, x) => Math.max(m, bodyBytes(x.body, x.htmlBody)), 0);
  const mailLogTab = g.spreadsheet.getSheetByName('Mail Log');
  const failedMail = mailLogTab && mailLogTab.getLastRow() > 1 ? mailLogTab.getDataRange().getValues().slice(1).filter((r) => r[4] === 'Failed').length : 0;
  if (failedMail) log(`${failedMail} e-mail(s) not sent: Google would refuse them (Mail Log, Status Failed)`);
  if (largest) log(`Largest e-mail body: ${Math.round(largest / 1000)} KB (the local MailApp refuses more than ${Math.round((g.services.MailApp as any)._bodyLimit() / 1000)} KB)`);
  log('Writing out/ …');
  const report = buildReport(g, { asOf, settings, problems, lettersBefore });
  report.qa = mergeQa(mornings.map((m) => m.reminders));
  fs.mkdirSync(args.out, { recursive: true });
  const files = await writeOutputs(g, args.out, log);
  fs.writeFileSync(path.join(args.out, 'report.json'), JSON.stringify(report, null, 2));

  const pupils = report.pupils as any[];
  const stages: Record<string, number> = {};
  for (const p of pupils) stages[p.attendance.stage ?? 'none'] = (stages[p.attendance.stage ?? 'none'] ?? 0) + 1;
  log(`\n${settings.school.name}, week of ${monday} (as of ${asOf}); acting as ${actor}${actor === owner ? " (the tracker's owner)" : ''}`);
  log(`  pupils on roll: ${pupils.length}; stages: ${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  log(`  PA: ${pupils.filter((p) => p.attendance.persistentAbsence).length}, held by coding review: ${pupils.filter((p) => p.attendance.held).length}`);
  log(`  homework persistent: ${pupils.filter((p) => p.homework.persistent).length}`);
  // A letter is one page to one household; one letter may record several rungs (AT1 + PA).
  const copies = letterRuns.reduce((n, r) => n + r.done, 0);
  const families = new Set((report.letters as any[]).map((l) => l.upn)).size;
  log(`  letters produced: ${copies} to the families of ${families} pupils in ${files.letters.length} document(s): ${letterRuns.map((r) => `${r.type}${r.year ? ` Y${r.year}` : ''} ${r.done}`).join(', ') || 'none due'}; ${(report.letters as any[]).length} rungs in the Letters Log`);
  log(`  evidence packs for the local authority: ${files.evidence.length} in ${path.join(args.out, 'evidence')}/`);
  log(`  e-mails sent: ${files.mail.length} (morning reminders with evidence, Monday digests, mentoring)` +
    (settings.school.allowedDomains.length ? ` to ${settings.school.allowedDomains.join(', ')} only` : ' — none can be sent until the school\'s e-mail domain is set (settings.json: school.allowedDomains)'));
  log(`  service calls: ${g.env.total}`);
  log(`  wrote ${files.workbook}, ${path.join(args.out, 'letters')}/, ${path.join(args.out, 'mail')}/, ${path.join(args.out, 'report.json')}`);
  if (problems.length) log(`  ${problems.length} problem(s) in the data: see report.json "problems"`);
  return { report, files };
}

if (require.main === module) runDemo(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`demo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
