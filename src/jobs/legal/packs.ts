/**
 * Attendance → Evidence pack… (issue 19): one Google Doc per pupil for the local authority —
 * for one pupil, or for every pupil whose case is at the threshold or penalty-notice stage, one
 * per pupil in one run. Each pack is shared with the staff who run letters and nobody else.
 *
 * Remembered like letters: the run's plan goes into the Evidence Packs tab before the first
 * document (packLog.ts), and each pack's row moves To make → Making → Made as its document is
 * created, filled and shared. A run that stops (the time budget) or dies (a service error) is
 * carried on by the next call: a pack with a document is rewritten in that same document, the
 * rest are made — no pupil gets two packs from one run, and none is left out.
 *
 * Reads: every tab once (loadLegalSources). Writes per pack: the document, and two row updates.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { isLeaver } from '../../core/pupils/roll';
import { certificate } from '../../core/legal/certificate';
import { PackDocument, buildPack } from '../../core/legal/pack';
import { otherPupilRedactor } from '../../core/legal/redact';
import { stepKind } from '../../core/legal/steps';
import { indexRegister } from '../../core/attendance/register';
import { createPackDocument, reopenPackDocument, writePackDocument } from '../../gas/docs/evidencePack';
import { currentUser } from '../../gas/session';
import { LegalSources, loadLegalSources } from './sources';
import { PupilCase, legalCases } from './cases';
import { PackRow, appendPlan, nextRunId, readPackLog, unfinishedRun, updatePackRow } from './packLog';
import { certificateYears, thresholdEpisodes } from './reviewFacts';
import { lettersStaffEmails } from './sharing';
import { returnDate } from '../../core/legal/improvement';
import { UserError } from '../../core/errors';
import { listName, normUpn } from '../../core/pupils/names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface PackRequest {
  /** Pupils asked for by UPN; absent or empty with `all` for every pupil whose threshold is met. */
  upns?: string[];
  all?: boolean;
}

export interface PackRunOptions {
  /** Milliseconds now, for the time budget (Date.now by default; tests pass the simulated clock). */
  clock?: () => number;
  startedAt?: number;
}

export interface PackRunResult {
  runId: string;
  /** Packs in the run and made so far (across executions). */
  total: number;
  made: number;
  /** Packs made by this execution: UPN and document link. */
  packs: Array<{ upn: string; url: string }>;
  /** True when the run stopped for time: choosing Evidence pack… again carries it on. */
  stopped: boolean;
  /** The call finished an earlier run that had stopped instead of starting the one asked for. */
  resumed: boolean;
  sharedWith: number;
  notes: string[];
  problems: string[];
  message: string;
}

/** Checks a request from the menu or a sidebar (the browser is not trusted). */
export function checkPackRequest(raw: unknown): PackRequest {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError('Choose a pupil, or every pupil whose threshold is met.');
  const r = raw as Record<string, unknown>;
  const all = r.all === true;
  const upns = Array.isArray(r.upns) ? r.upns : [];
  if (upns.length > 500) throw new UserError('Too many pupils in one request.');
  const clean = upns.map((u) => String(u || '').trim().toUpperCase());
  if (clean.some((u) => !/^[A-Z0-9]{1,20}$/.test(u))) throw new UserError('A pupil in the request is not a UPN. Choose pupils from the list.');
  if (!all && !clean.length) throw new UserError('Choose a pupil, or every pupil whose threshold is met.');
  return { all, upns: clean };
}

/** The pupils a request means: those named (of compulsory school age), or every case at the threshold stage. */
export function pupilsFor(s: LegalSources, req: PackRequest, log?: PackRow[]): { cases: PupilCase[]; notes: string[] } {
  const notes: string[] = [];
  if (req.upns && req.upns.length) {
    const known = new Set(s.pupils.map((p) => normUpn(p.upn)));
    const missing = req.upns.filter((u) => !known.has(normUpn(u)));
    if (missing.length) throw new UserError(`${missing.length === 1 ? 'A pupil asked for is' : `${missing.length} pupils asked for are`} not on the Students tab. Search again.`);
    const cases = legalCases(s, req.upns);
    const older = cases.filter((c) => !c.compulsory);
    if (older.length) notes.push(`${older.length} ${older.length === 1 ? 'pupil is' : 'pupils are'} not of compulsory school age: no evidence pack (legal steps apply only to pupils of compulsory school age).`);
    return { cases: cases.filter((c) => c.compulsory), notes };
  }
  // A pack made today is today's evidence: "every pupil" does not make it again (a pupil asked
  // for by name does get a fresh one, e.g. after a step recorded this afternoon).
  const madeToday = new Set((log || []).filter((r) => r.status === 'Made' && r.date === s.asOf).map((r) => normUpn(r.upn)));
  const due = legalCases(s).filter((c) => c.compulsory && c.due.packWanted && !isLeaver(c.pupil, s.asOf));
  const cases = due.filter((c) => !madeToday.has(normUpn(c.pupil.upn)));
  if (cases.length < due.length) notes.push(`${due.length - cases.length} of these ${due.length === 1 ? 'pupil already has' : 'pupils already have'} today's pack (see the Evidence Packs tab).`);
  return { cases: sortCases(cases), notes };
}

function sortCases(cases: PupilCase[]): PupilCase[] {
  return cases.slice().sort((a, b) => a.pupil.year - b.pupil.year || a.pupil.regGroup.localeCompare(b.pupil.regGroup) || a.pupil.surname.localeCompare(b.pupil.surname) || a.pupil.forename.localeCompare(b.pupil.forename));
}

export function makeEvidencePacksJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, rawReq: unknown, opts: PackRunOptions = {}): PackRunResult {
  const clock = opts.clock || (() => Date.now());
  const startedAt = opts.startedAt !== undefined ? opts.startedAt : clock();
  const req = checkPackRequest(rawReq);
  const log = readPackLog(ss);
  const open = unfinishedRun(log);
  const s = loadLegalSources(ss, settings, asOf);
  const result: PackRunResult = { runId: '', total: 0, made: 0, packs: [], stopped: false, resumed: open.length > 0, sharedWith: 0, notes: [], problems: s.problems.slice(), message: '' };

  let plan: PackRow[];
  if (open.length) {
    plan = open;
  } else {
    const { cases, notes } = pupilsFor(s, req, log);
    result.notes.push(...notes);
    if (!cases.length) {
      result.message = ['No evidence pack was made.'].concat(req.all && !notes.length ? ['No pupil of compulsory school age has met the penalty notice threshold or reached the penalty-notice stage.'] : notes).join(' ');
      return result;
    }
    const runId = nextRunId(log, asOf);
    const by = currentUser();
    plan = cases.map((c, i) => ({ run: runId, seq: i + 1, date: '', upn: c.pupil.upn, pupil: listName(c.pupil), url: '', status: 'To make' as const, by }));
    appendPlan(ss, plan);
  }
  result.runId = plan[0].run;
  result.total = plan.length;
  const todo = plan.filter((r) => r.status !== 'Made');
  result.made = plan.length - todo.length;

  const cases = new Map<string, PupilCase>();
  for (const c of legalCases(s, todo.map((r) => r.upn))) cases.set(normUpn(c.pupil.upn), c);
  const share = lettersStaffEmails(s.staff, settings);
  result.sharedWith = share.length;
  const ctx = packContext(s);
  const budget = settings.letters.maxRunMillis;

  for (const row of todo) {
    if (result.packs.length > 0 && clock() - startedAt >= budget) {
      result.stopped = true;
      break;
    }
    const c = cases.get(normUpn(row.upn));
    if (!c) {
      // Gone from the Students tab since the plan: the row is closed without a document.
      result.notes.push(`Pack ${row.seq} of the run: the pupil is no longer on the Students tab, so no pack was made.`);
      updatePackRow(ss, { ...row, status: 'Made', date: asOf, url: '' });
      result.made++;
      continue;
    }
    const pack = packFor(c, ctx);
    let doc = row.url ? reopenPackDocument(docIdOf(row.url)) : null;
    if (!doc) {
      const made = createPackDocument();
      doc = made.doc;
      row.url = made.url;
      row.status = 'Making';
      updatePackRow(ss, row);
    }
    writePackDocument(doc, pack, share);
    row.status = 'Made';
    row.date = asOf;
    updatePackRow(ss, row);
    result.made++;
    result.packs.push({ upn: row.upn, url: row.url });
  }
  result.message = describe(result);
  return result;
}

function docIdOf(url: string): string {
  const m = /\/document\/d\/([\w-]+)/.exec(url);
  return m ? m[1] : '';
}

interface PackContext {
  s: LegalSources;
  openSessions: Set<string>;
  preparedBy: string;
}

function packContext(s: LegalSources): PackContext {
  const reg = indexRegister(s.marks, s.asOf);
  const me = currentUser().toLowerCase();
  const staff = s.staff.find((m) => m.email.toLowerCase() === me);
  return { s, openSessions: reg.openSessions, preparedBy: staff ? staff.name : me };
}

/** One pupil's pack as plain data (core/legal/pack.ts). */
export function packFor(c: PupilCase, ctx: PackContext): PackDocument {
  const { s } = ctx;
  const settings = s.settings;
  const cal = s.review.calendar;
  const episodes = thresholdEpisodes(c.pupil, c.pm, cal, settings, c.steps);
  const windows = episodes.map((e) => ({ from: e.from, to: e.to }));
  const certificates = certificateYears(s.asOf, settings).map((year) =>
    certificate({ pm: c.pm, openSessions: ctx.openSessions, schoolWeeks: cal.schoolWeeks, year, windows, penaltyCodes: settings.attendance.penaltyCodes }));
  const upn = normUpn(c.pupil.upn);
  const run = c.tenDays;
  const notified = run ? c.steps.filter((st) => stepKind(st.step) === 'laNotified' && st.date >= run.from).map((st) => st.date).sort()[0] || '' : '';
  return buildPack({
    schoolName: settings.school.name,
    pupil: c.pupil,
    dateOfBirth: (c.pupil as { dateOfBirth?: IsoDate }).dateOfBirth || '',
    compulsoryText: c.compulsoryText,
    parents: c.parents,
    asOf: s.asOf,
    preparedBy: ctx.preparedBy,
    figures: c.review ? c.review.figures : certificates[0].figures,
    yearLabel: certificates[0].year.label,
    episodes,
    tenDays: run ? { ...run, back: returnDate(c.pm, run.to, s.asOf), notified } : null,
    due: c.due,
    steps: c.steps,
    letters: s.letters.filter((l) => normUpn(l.upn) === upn),
    interventions: s.interventions.filter((i) => normUpn(i.upn) === upn),
    certificates,
    redact: otherPupilRedactor(s.pupils, c.pupil),
    settings,
  });
}

function describe(r: PackRunResult): string {
  const lines: string[] = [];
  if (r.resumed) lines.push('An evidence pack run had stopped before the end: it has been carried on first.');
  if (r.stopped) {
    lines.push(`${r.made} of ${r.total} evidence packs made so far. The run stopped before Apps Script's time limit: choose Attendance → Evidence pack… again to carry on (nothing is made twice).`);
  } else {
    lines.push(`${r.total} evidence ${r.total === 1 ? 'pack' : 'packs'} made: one Google Doc per pupil, listed on the Evidence Packs tab.`);
  }
  lines.push(r.sharedWith
    ? `Each pack is shared with the ${r.sharedWith} ${r.sharedWith === 1 ? 'member' : 'members'} of staff who run letters, and nobody else.`
    : 'No one else on the Staff tab runs letters: the packs are private to you.');
  return lines.concat(r.notes).join('\n');
}
