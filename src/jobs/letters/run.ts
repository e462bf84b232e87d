/**
 * Generating a letter run (SPEC §5, issue 6): check the template, then make ONE merged Google Doc
 * and a Letters Log row per letter, written the moment each letter is complete. The log is the
 * commit point: a run that stops (time budget) or dies (a service error) is carried on by
 * `resumeLetterRunJob` in the same document, trimming any half-written letter, so every pupil
 * gets exactly one letter.
 *
 * Order per letter: state (body size + the letter's key) is saved, then the log row is appended
 * and flushed. A crash between the two is repaired on resume (the letter is in the document, so
 * its log row is written then); a crash before the state is saved leaves the letter past the kept
 * size, so it is trimmed and made again. Either way: one letter, one log row.
 *
 * Sheets buffers writes until SpreadsheetApp.flush() or the end of the execution (issue 15 §4),
 * while the run's state in the document's properties is saved at once. So every sheet write that
 * the saved state relies on is flushed before the state says so: the Letter Runs plan before the
 * state that points at it, each Letters Log row before the next letter's state, the cleared
 * overrides before "done". Otherwise a killed execution could leave the state ahead of the sheet.
 */
import { IsoDate, toUk } from '../../core/dates';
import { letterFields } from '../../core/letters/fields';
import { letterTitle } from '../../core/letters/defaultTemplates';
import { checkTemplate } from '../../core/letters/placeholders';
import { LetterRunPlan, PlannedLetter, SkippedPupil, normUpn } from '../../core/letters/plan';
import { Settings } from '../../core/settings';
import { LetterType, Pupil } from '../../core/types';
import { upsertByKey } from '../../gas/tables';
import { mergeLetters } from '../../gas/docs/mergeLetters';
import { readTemplate } from '../../gas/docs/templates';
import { LetterRunState, RunStore, openRunStore } from '../../gas/letterRunStore';
import { CONTINUE_LETTERS_HANDLER, clearContinuation, scheduleContinuation } from '../../gas/triggers';
import { currentUser } from '../../gas/session';
import { flushWrites } from '../../gas/spreadsheet';
import { letterStaff } from '../../core/letters/sharing';
import { loadTabs } from '../load';
import { LetterSources, loadLetterSources } from './sources';
import { TIER_TYPES, TypeView, indexes, letterContext, staleKeys } from './candidates';
import { LetterRunRequest, checkRequest, cohortLabel, planFor } from './preview';
import { TierRow, writeLetterRuns } from './runsTab';
import { clearOverrideCells } from '../attendance/overrideCells';
import { ParentMailOutcome, ParentMailer, describeParentMail, openParentMailer } from './parentMail';
import { UserError } from '../../core/errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RunOptions {
  /** Milliseconds now; the time budget is measured with it (Date.now by default; tests pass the simulated clock). */
  clock?: () => number;
  /** When this execution started (default: the clock when the job is called). */
  startedAt?: number;
  /** Minutes before the continuation trigger fires (default 1). */
  continueAfterMs?: number;
}

export interface LetterRunResult {
  type: LetterType;
  title: string;
  cohort: string;
  runId: string;
  /** Letters in the whole run, and made so far (across executions). */
  total: number;
  done: number;
  /** Letters made by this execution, in order. */
  letters: PlannedLetter[];
  docId: string;
  docUrl: string;
  /** True when the run stopped before the end (time budget) and is to be continued. */
  stopped: boolean;
  continuation: 'none' | 'trigger' | 'manual';
  /** HoY Override cells cleared because this run produced the rung they allowed. */
  overridesCleared: number;
  /** Letters Log keys marked Out of date by this execution. */
  markedOutOfDate: string[];
  skipped: SkippedPupil[];
  /** Letters e-mailed to parents (PDF) by this execution. */
  emailed: number;
  /** With Settings "e-mail letters to parents" on: what this execution e-mailed and what is printed only. */
  parentMail: ParentMailOutcome | null;
  notes: string[];
  problems: string[];
  /** What to tell the person, in one paragraph. */
  message: string;
}

/** The template's problems, checked before anything is written; throws naming each field and place. */
export function checkRunTemplate(settings: Settings, type: LetterType): string {
  const id = settings.letters.templateIds[type] || '';
  if (!id) throw new UserError(`There is no ${letterTitle(type)} template yet. Run Letters → Set up letter templates, then try again.`);
  let problems;
  try {
    problems = checkTemplate(readTemplate(id, type), letterTitle(type));
  } catch (e) {
    throw new UserError(e instanceof Error ? e.message : String(e));
  }
  if (problems.length) {
    throw new UserError(`No letters were made: fix the template first.\n${problems.map((p) => p.message).join('\n')}`);
  }
  return id;
}

function emptyResult(type: LetterType, cohort: string): LetterRunResult {
  return {
    type, title: letterTitle(type), cohort, runId: '', total: 0, done: 0, letters: [], docId: '', docUrl: '',
    stopped: false, continuation: 'none', overridesCleared: 0, markedOutOfDate: [], skipped: [], emailed: 0, parentMail: null, notes: [], problems: [], message: '',
  };
}

export function generateLetterRunJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, rawReq: unknown, opts: RunOptions = {}): LetterRunResult {
  const clock = opts.clock || (() => Date.now());
  const startedAt = opts.startedAt !== undefined ? opts.startedAt : clock();
  const req = checkRequest(rawReq);
  const store = openRunStore();
  const open = store.load();
  if (open && open.status !== 'done') {
    if (open.type === req.type) return resumeWith(ss, settings, asOf, store, open, { ...opts, clock, startedAt });
    throw new UserError(`The ${open.title} run (${open.cohort}) stopped after ${open.done} of ${open.total} letters. Press Continue in the letter run sidebar to finish it before starting another.`);
  }

  const s = loadLetterSources(ss, settings, asOf, req.type);
  const result = emptyResult(req.type, cohortLabel(req));
  result.problems = s.problems;
  const { plan, view } = planFor(s, req);
  result.skipped = plan.skipped;
  const templateId = plan.toProduce.length ? checkRunTemplate(settings, req.type) : '';

  // Out-of-date letters are marked whether or not this run makes any (only the Status cells).
  result.markedOutOfDate = markOutOfDate(ss, s);
  if (!plan.toProduce.length) {
    result.message = `No ${result.title}s are due for ${result.cohort}.${result.markedOutOfDate.length ? ` ${result.markedOutOfDate.length} earlier letter(s) marked Out of date.` : ''}`;
    if (TIER_TYPES.indexOf(req.type) >= 0) writeLetterRuns(ss, { tiers: nextTierMemory(s, req, plan, view), plans: [] });
    return result;
  }

  const state: LetterRunState = {
    runId: `${req.type}-${asOf}-${Math.floor(clock()) % 1000000000}`,
    type: req.type,
    title: result.title,
    cohort: result.cohort,
    docId: '',
    docUrl: '',
    total: plan.toProduce.length,
    done: 0,
    status: 'running',
    startedOn: asOf,
    by: currentUser(),
  };
  const memory = {
    tiers: TIER_TYPES.indexOf(req.type) >= 0 ? nextTierMemory(s, req, plan, view) : s.runs.tiers,
    plans: plan.toProduce.map((l, i) => ({ runId: state.runId, seq: i + 1, upn: l.upn, key: l.key, type: l.type, date: asOf })),
  };
  writeLetterRuns(ss, memory);
  flushWrites(); // the plan lands before the state that points at it
  // What finish() keeps and clears is decided on s.runs: it must be what the tab now holds.
  s.runs.tiers = memory.tiers;
  s.runs.plans = memory.plans;
  store.save(state);
  return produce(ss, s, store, state, templateId, plan.toProduce, result, { ...opts, clock, startedAt });
}

/** Carry on the unfinished run (continuation trigger, Continue button, or Generate again after a crash). */
export function resumeLetterRunJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, opts: RunOptions = {}): LetterRunResult | null {
  const clock = opts.clock || (() => Date.now());
  const startedAt = opts.startedAt !== undefined ? opts.startedAt : clock();
  const store = openRunStore();
  const open = store.load();
  if (!open || open.status === 'done') return null;
  return resumeWith(ss, settings, asOf, store, open, { ...opts, clock, startedAt });
}

function resumeWith(ss: Spreadsheet, settings: Settings, asOf: IsoDate, store: RunStore, state: LetterRunState, opts: RunOptions): LetterRunResult {
  const type = state.type as LetterType;
  const s = loadLetterSources(ss, settings, asOf, type);
  const result = emptyResult(type, state.cohort);
  result.problems = s.problems;
  const planned = s.runs.plans.filter((p) => p.runId === state.runId);
  const logged = new Set<string>();
  for (const e of s.log) if (e.status.trim().toLowerCase() !== 'cancelled') logged.add(e.key);
  const emailing = settings.letters.emailParents;
  let mailer: ParentMailer | null = null;
  const mailerFor = () => mailer || (mailer = openParentMailer(ss, s, state, store, checkRunTemplate(settings, type)));
  // A letter complete in the document whose log row was lost to a crash: record it now.
  // (lastSeq: the letter's number in the run's plan; lastKey from runs saved by an earlier version.)
  const last = state.lastSeq ? planned.find((x) => x.seq === state.lastSeq) : state.lastKey ? planned.find((x) => x.key === state.lastKey) : undefined;
  if (last && !logged.has(last.key)) {
    writeLogRow(ss, logRow(last.key, last.type, last.upn, asOf, state, emailing && mailerFor().wasSent(last.seq) ? 'Sent' : 'Produced'));
    logged.add(last.key);
  }
  // Letters of this run already made whose e-mail to the parent did not go (a crash between the
  // letter and its e-mail, or the quota): e-mailed now, once (the Mail Log decides).
  if (emailing) catchUpParentMail(ss, s, mailerFor(), planned.filter((p) => logged.has(p.key)), result);
  const todo: PlannedLetter[] = planned.filter((p) => !logged.has(p.key)).map((p) => ({ upn: p.upn, key: p.key, type: p.type as LetterType }));
  state.done = planned.length - todo.length;
  if (!todo.length) {
    finish(ss, s, store, state, result);
    if (mailer) reportParentMail(result, (mailer as ParentMailer).outcome);
    result.message = `The ${state.title} run (${state.cohort}) is complete: ${state.done} letter(s) in ${state.docUrl || 'the letters document'}.`;
    return result;
  }
  const templateId = checkRunTemplate(settings, type);
  return produce(ss, s, store, state, templateId, todo, result, opts, mailer);
}

/** E-mails the parent letters an earlier execution of the run made but did not send. */
function catchUpParentMail(ss: Spreadsheet, s: LetterSources, mailer: ParentMailer, made: Array<{ key: string; seq: number; upn: string; type: string }>, result: LetterRunResult): void {
  const idx = indexes(s);
  const withAddress = made.filter((p) => {
    const pupil = idx.pupils.get(normUpn(p.upn));
    return pupil && String(pupil.parentEmail || '').trim();
  });
  if (!withAddress.length) return;
  const todo = mailer.pending(withAddress);
  const sent: string[] = [];
  for (const p of todo) {
    const pupil = idx.pupils.get(normUpn(p.upn)) as Pupil;
    const letter: PlannedLetter = { upn: p.upn, key: p.key, type: p.type as LetterType };
    const values = letterFields(letterContext(letter.type, pupil, s, idx.review, idx.lists));
    if (mailer.send(letter, p.seq, pupil, values)) sent.push(p.key);
  }
  // The Letters Log says Sent for letters that went to the parent (one write for them all).
  if (sent.length) upsertByKey(ss, 'Letters Log', sent.map((key) => ({ key, status: 'Sent' })), { fields: ['status'], addMissing: false });
  result.parentMail = mailer.outcome;
}

/**
 * One Letters Log row, written at once. A new key is appended; a key already there can only be a
 * Cancelled letter being made again (the plan skips every other), so that row is brought up to date.
 */
function writeLogRow(ss: Spreadsheet, row: Record<string, unknown>): void {
  upsertByKey(ss, 'Letters Log', [row], { fields: ['date', 'type', 'upn', 'link', 'by', 'status'] });
}

/** Status 'Sent' when the letter was e-mailed to the parent before its row was written. */
function logRow(key: string, type: string, upn: string, asOf: IsoDate, state: LetterRunState, status: 'Produced' | 'Sent' = 'Produced'): Record<string, unknown> {
  return { key, date: asOf, type, upn, link: state.docUrl, by: state.by, status };
}

function produce(
  ss: Spreadsheet, s: LetterSources, store: RunStore, state: LetterRunState, templateId: string,
  todo: PlannedLetter[], result: LetterRunResult, opts: RunOptions, openMailer: ParentMailer | null = null,
): LetterRunResult {
  const clock = opts.clock as () => number;
  const startedAt = opts.startedAt as number;
  const budget = s.settings.letters.maxRunMillis;
  const type = state.type as LetterType;
  const idx = indexes(s);
  const ready: Array<{ letter: PlannedLetter; pupil: Pupil }> = [];
  for (const l of todo) {
    const pupil = idx.pupils.get(normUpn(l.upn));
    if (pupil) ready.push({ letter: l, pupil });
    else result.notes.push(`A planned pupil is no longer on the Students tab, so their letter was not made (Letter Runs seq for key ${l.key.split('|')[0]}).`);
  }
  result.runId = state.runId;
  result.total = state.total;
  const values = ready.map((r) => letterFields(letterContext(type, r.pupil, s, idx.review, idx.lists)));
  // E-mail to parents (Settings, off by default): each letter as its own PDF, right after it is made.
  const mailer = s.settings.letters.emailParents ? openMailer || openParentMailer(ss, s, state, store, templateId) : null;
  const seqOf = new Map<string, number>();
  for (const p of s.runs.plans) if (p.runId === state.runId) seqOf.set(p.key, p.seq);
  const reuse = !!(state.docId && state.keepChildren);
  // A new document is shared with the staff who run letters, so anyone of them can continue the
  // run or open it from the Letters Log (a Doc is private to whoever made it: issue 15 §1).
  const sharing = reuse ? null : letterStaff(loadTabs(ss, ['Staff']).data.Staff || [], s.settings);
  const merged = mergeLetters({
    templateId,
    type,
    title: `${state.title} – ${state.cohort} – ${toUk(state.startedOn)}`,
    letters: values.map((v) => ({ values: v })),
    // A document with no finished letter yet (a crash while making the first) is not reused: what
    // it holds is half a letter, so the run starts a fresh one (the first is linked nowhere).
    existingDocId: reuse ? state.docId : undefined,
    keepChildren: reuse ? state.keepChildren : undefined,
    shareWith: sharing ? sharing.emails.filter((e) => e !== currentUser().toLowerCase()) : undefined,
    startedBy: state.by,
    onDocument: (id, url) => {
      if (state.docId === id) return;
      state.docId = id;
      state.docUrl = url;
      store.save(state);
    },
    shouldStop: () => clock() - startedAt >= budget,
    onLetterDone: (i, bodyChildren) => {
      const l = ready[i].letter;
      state.done += 1;
      state.keepChildren = bodyChildren;
      // The letter's number in the run, not its log key: the key holds the UPN, and the state is
      // kept in the document's properties, which hold no pupil data.
      state.lastSeq = seqOf.get(l.key);
      delete state.lastKey;
      store.save(state);
      // The e-mail goes before the log row, so the row can say Sent. A crash in between is
      // repaired on resume (the row is written then; the Mail Log stops a second e-mail).
      const emailed = mailer ? mailer.send(l, seqOf.get(l.key) || 0, ready[i].pupil, values[i]) : false;
      writeLogRow(ss, logRow(l.key, l.type, l.upn, s.asOf, state, emailed ? 'Sent' : 'Produced'));
      // The commit point: only the last letter's row can be lost to a crash, and resume repairs it.
      flushWrites();
      result.letters.push(l);
    },
  });
  result.docId = merged.docId;
  result.docUrl = merged.url;
  for (const p of (sharing ? sharing.problems : []).concat(merged.problems)) if (result.problems.indexOf(p) < 0) result.problems.push(p);
  if (mailer) reportParentMail(result, mailer.outcome);
  if (merged.done < ready.length) {
    state.status = 'stopped';
    state.continuation = scheduleContinuation(ss, CONTINUE_LETTERS_HANDLER, opts.continueAfterMs || 60 * 1000) ? 'trigger' : 'manual';
    store.save(state);
    result.stopped = true;
    result.continuation = state.continuation;
    result.done = state.done;
    result.message = `${result.title} (${result.cohort}): ${state.done} of ${state.total} letters made so far. The run stopped before Apps Script's time limit and ` +
      (state.continuation === 'trigger'
        ? 'carries on by itself in a minute in the same document.'
        : 'will carry on when you press Continue in the letter run sidebar (the morning e-mail trigger is using the add-on\'s one timed trigger).');
    return result;
  }
  finish(ss, s, store, state, result);
  result.message = `${result.title} (${result.cohort}): ${state.done} letter(s) in one document: ${state.docUrl}` +
    (result.markedOutOfDate.length ? `\n${result.markedOutOfDate.length} earlier letter(s) marked Out of date in the Letters Log.` : '') +
    (result.overridesCleared ? `\n${result.overridesCleared} Head of Year override(s) used and cleared on the Attendance tab.` : '');
  return result;
}

function reportParentMail(result: LetterRunResult, outcome: ParentMailOutcome): void {
  result.parentMail = outcome;
  result.emailed = outcome.emailed.length;
  result.notes.push(...describeParentMail(outcome));
  for (const p of outcome.problems) if (result.problems.indexOf(p) < 0) result.problems.push(p);
}

function finish(ss: Spreadsheet, s: LetterSources, store: RunStore, state: LetterRunState, result: LetterRunResult): void {
  // Overrides this run used are spent: cleared before the run is marked done, so a crash here is
  // repaired by the resume (one write for the run; core/attendance/overrides.ts has the rule).
  result.overridesCleared = clearSpentOverrides(ss, s, state);
  if (result.overridesCleared) flushWrites(); // spent overrides are gone before the run says done
  state.status = 'done';
  state.continuation = undefined;
  store.save(state);
  // The plan's rows are pupil data with no further use: keep only the tier memory.
  if (s.runs.plans.length) writeLetterRuns(ss, { tiers: s.runs.tiers, plans: [] });
  if (result.stopped === false) clearContinuation(ss, CONTINUE_LETTERS_HANDLER);
  result.done = state.done;
  result.total = state.total;
  result.docId = state.docId;
  result.docUrl = state.docUrl;
  result.runId = state.runId;
}

/** The HoY Override cells of the pupils who got this run's rung: that override is used. */
function clearSpentOverrides(ss: Spreadsheet, s: LetterSources, state: LetterRunState): number {
  if (!s.overrides.length) return 0;
  const planned = new Set<string>();
  for (const p of s.runs.plans) if (p.runId === state.runId) planned.add(`${normUpn(p.upn)}|${p.type}`);
  const spent = s.overrides.filter((o) => planned.has(`${normUpn(o.upn)}|${o.rung}`));
  return clearOverrideCells(ss, spent);
}

/** Marks the Status cell of stale letters Out of date (one write, only when there are any). */
function markOutOfDate(ss: Spreadsheet, s: LetterSources): string[] {
  const keys = staleKeys(s);
  if (!keys.length) return [];
  upsertByKey(ss, 'Letters Log', keys.map((key) => ({ key, status: 'Out of date' })), { fields: ['status'], addMissing: false });
  const set = new Set(keys);
  for (const e of s.log) if (set.has(e.key)) e.status = 'Out of date';
  return keys;
}

/**
 * The tier memory after this run: for each year group in the run, the pupils of the cohort now in
 * the tier who are continuing or have their letter (made now or before); pupils held or unticked
 * stay out, so they are "included" again next time. Pupils outside the cohort keep their rows.
 */
function nextTierMemory(s: LetterSources, req: LetterRunRequest, plan: LetterRunPlan, view: TypeView): TierRow[] {
  const inCohort = cohortTest(s, req);
  const lettered = new Set<string>(plan.toProduce.map((l) => l.upn));
  for (const k of plan.skipped) if (k.code === 'alreadyProduced') lettered.add(k.upn);
  const keep = s.runs.tiers.filter((t) => t.type !== req.type || !inCohort(t.upn));
  for (const t of view.tiers || []) {
    for (const u of t.continuing.concat(t.included)) {
      if (!inCohort(u)) continue;
      if (t.continuing.indexOf(u) >= 0 || lettered.has(u)) keep.push({ date: s.asOf, type: req.type, year: t.year, upn: u });
    }
  }
  return keep;
}

function cohortTest(s: LetterSources, req: LetterRunRequest): (upn: string) => boolean {
  const byUpn = indexes(s).pupils;
  const c = req.cohort;
  return (upn) => {
    const p = byUpn.get(normUpn(upn));
    if (c.kind === 'selection') return (c.upns || []).indexOf(normUpn(upn)) >= 0;
    if (!p) return c.kind === 'all';
    if (c.kind === 'year') return p.year === c.year;
    if (c.kind === 'regGroup') return p.regGroup.trim().toLowerCase() === String(c.regGroup).trim().toLowerCase();
    return true;
  };
}

/** The run's progress for the sidebar's bar (no pupil data). */
export function letterRunProgressJob(): { status: string; title: string; cohort: string; done: number; total: number; docUrl: string; continuation: string } | null {
  const st = openRunStore().load();
  if (!st) return null;
  return { status: st.status, title: st.title, cohort: st.cohort, done: st.done, total: st.total, docUrl: st.docUrl, continuation: st.continuation || '' };
}
