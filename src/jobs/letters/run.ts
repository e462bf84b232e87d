/**
 * Generating a letter run (SPEC §5, issues 6 and 18): check the templates, then make ONE merged
 * Google Doc — a page per copy, one letter per family a day, a copy for each household of parents,
 * in year / reg group / surname order with siblings at one address together — and the Letters Log
 * rows of each letter (one per rung it covers), written the moment the letter is in the document.
 * The log is the commit point: a run that stops (time budget) or dies (a service error) is carried
 * on by `resumeLetterRunJob` in the same document, removing any letter the log does not have, so
 * every pupil gets exactly one letter.
 *
 * The letters go into the document ten to a Docs API call (gas/docs/mergeLetters.ts), all of a
 * call's letters or none. Order per call: state (where the document ends + the letters' numbers
 * in the run's plan, never their keys: a key holds the UPN) is saved, then their log rows are
 * appended in one write and flushed. A crash between the two is repaired on resume (the letters
 * are in the document, so their log rows are written then); a crash before the state is saved
 * leaves the letters past the kept end, so they are removed and made again. Either way: one
 * letter, one log row.
 *
 * Sheets buffers writes until SpreadsheetApp.flush() or the end of the execution (issue 15 §4),
 * while the run's state in the document's properties is saved at once. So every sheet write that
 * the saved state relies on is flushed before the state says so: the Letter Runs plan before the
 * state that points at it, each Letters Log row before the next letter's state, the cleared
 * overrides before "done". Otherwise a killed execution could leave the state ahead of the sheet.
 */
import { IsoDate, toUk } from '../../core/dates';
import { letterFields } from '../../core/letters/fields';
import { PlannedLetter, RunKind } from '../../core/letters/plan';
import { Settings } from '../../core/settings';
import { LetterType, Pupil } from '../../core/types';
import { mergeLetters } from '../../gas/docs/mergeLetters';
import { LetterRunState, RunStore, openRunStore } from '../../gas/letterRunStore';
import { CONTINUE_LETTERS_HANDLER, clearContinuation, scheduleContinuation } from '../../gas/triggers';
import { currentUser } from '../../gas/session';
import { flushWrites } from '../../gas/spreadsheet';
import { letterStaff } from '../../core/letters/sharing';
import { loadTabs } from '../load';
import { loadLetterSources } from './sources';
import { LetterSources } from '../../core/letters/sources';
import { TIER_KINDS, indexes } from '../../core/letters/candidates';
import { letterInputs } from '../../core/letters/letterInputs';
import { planFor, previewDigest } from './preview';
import { keepAfterRefusal, keepAfterRun } from './keepAfterRun';
import { wholeReader } from '../tabCopies';
import { checkRequest, cohortFilter, cohortLabel } from '../../core/letters/request';
import { UserError } from '../../core/errors';
import { LetterRunResult, emptyResult, finishedMessage, reportParentMail, stoppedMessage } from './runResult';
import { checkRunTemplates } from './templates';
import { writeLetterRuns } from './runsTab';
import { PlanRow } from '../../core/letters/runMemory';
import { ParentMailer, catchUpParentMail, openParentMailer } from './parentMail';
import { LogWriter, clearSpentOverrides, markOutOfDate, openLogWriter, plannedFromRow } from './runLog';
import { nextTierMemory } from '../../core/letters/tierMemory';
import { writeLastLetters } from './attendanceCells';
import { normUpn } from '../../core/pupils/names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RunOptions {
  /** Milliseconds now; the time budget is measured with it (Date.now by default; tests pass the simulated clock). */
  clock?: () => number;
  /** When this execution started (default: the clock when the job is called). */
  startedAt?: number;
  /** Milliseconds before the continuation trigger fires (default 60,000: one minute). */
  continueAfterMs?: number;
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

  const whole = wholeReader(ss, asOf);
  const s = loadLetterSources(ss, settings, asOf, req.type, whole);
  if (req.previewed && previewDigest(s, req) !== req.previewed) {
    // The preview started from the kept review and copies of long tabs, and something they could
    // not see has changed since (a mark typed into the Register, a row corrected in the middle of
    // the Homework Log or Contacts). This run has just read every tab whole: it keeps copies of the
    // long tabs and its fresh review as they are now, so the next preview starts from them and sees
    // the change without reading every tab whole. Nothing is counted: what is kept is the tracker
    // as it is, and a crash part-way leaves a copy or the review a step behind, which the next
    // run's check catches again (and keeps afresh), as any edit the copies cannot see.
    whole.keep();
    keepAfterRefusal(ss, settings, s);
    flushWrites(); // the error below ends the execution: what was kept lands first, whatever Google does with an error's buffered writes
    throw new UserError('The letters due have changed since the preview (for example a mark typed into the Register since you previewed), so nothing was made. Press Preview again to see the letters as they are now, then make them.');
  }
  const result = emptyResult(req.type, cohortLabel(req));
  result.problems = s.problems;
  const { plan, view } = planFor(s, req);
  result.skipped = plan.skipped;
  const templateIds = checkRunTemplates(settings, plan.toProduce.map((l) => l.type));
  const tierRun = TIER_KINDS.indexOf(req.type) >= 0;

  // Out-of-date letters are marked whether or not this run makes any (only the Status cells).
  result.markedOutOfDate = markOutOfDate(ss, s);
  if (!plan.toProduce.length) {
    result.message = `No ${result.title.toLowerCase()} are due for ${result.cohort}.${result.markedOutOfDate.length ? ` ${result.markedOutOfDate.length} earlier letter(s) marked Out of date.` : ''}`;
    // No run is open here, so plan rows still on the tab are a finished run's that a stop between
    // "done" and clearing them left behind (finish() below): they go now.
    if (tierRun || s.runs.plans.length) writeLetterRuns(ss, { tiers: tierRun ? nextTierMemory(s, req.type, cohortFilter(req), plan, view) : s.runs.tiers, plans: [] });
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
  // The panel's date, time and place are the school's, not a pupil's: they may go in the state.
  if (req.panel) state.panel = req.panel;
  const memory = {
    tiers: tierRun ? nextTierMemory(s, req.type, cohortFilter(req), plan, view) : s.runs.tiers,
    plans: plan.toProduce.map((l, i): PlanRow => ({ runId: state.runId, seq: i + 1, upn: l.upn, key: l.key, keys: l.keys, type: l.type, date: asOf })),
  };
  writeLetterRuns(ss, memory);
  flushWrites(); // the plan lands before the state that points at it
  // What finish() keeps and clears is decided on s.runs: it must be what the tab now holds.
  s.runs.tiers = memory.tiers;
  s.runs.plans = memory.plans;
  store.save(state);
  return produce(ss, s, store, state, templateIds, plan.toProduce, result, { ...opts, clock, startedAt });
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
  const kind = state.type as RunKind;
  const s = loadLetterSources(ss, settings, asOf, kind);
  const result = emptyResult(kind, state.cohort);
  result.problems = s.problems;
  const planned = s.runs.plans.filter((p) => p.runId === state.runId);
  const logged = new Set<string>();
  for (const e of s.log) if (e.status.trim().toLowerCase() !== 'cancelled') logged.add(e.key);
  const letterOf = (p: PlanRow): PlannedLetter | null => plannedFromRow(p, s);
  const emailing = settings.letters.emailParents;
  let mailer: ParentMailer | null = null;
  const mailerFor = () => mailer || (mailer = openParentMailer(ss, s, state, store, checkRunTemplates(settings, planned.map((p) => p.type as LetterType))));
  const log = openLogWriter(ss, s, state);
  // Letters complete in the document whose log rows were lost to a crash: record them now.
  // (lastSeqs: the last call's letters' numbers in the run's plan; lastSeq / lastKey from runs
  // saved by an earlier version.)
  const seqs = state.lastSeqs && state.lastSeqs.length ? state.lastSeqs : state.lastSeq ? [state.lastSeq] : [];
  const lastRows = seqs.length ? planned.filter((x) => seqs.indexOf(x.seq) >= 0) : state.lastKey ? planned.filter((x) => x.key === state.lastKey) : [];
  const repair: Array<{ letter: PlannedLetter; status: 'Produced' | 'Sent' }> = [];
  for (const last of lastRows) {
    const lastLetter = letterOf(last);
    if (!lastLetter || logged.has(last.key)) continue;
    repair.push({ letter: lastLetter, status: emailing && mailerFor().wasSent(last.seq) ? 'Sent' : 'Produced' });
    logged.add(last.key);
  }
  log.writeMany(repair);
  // Letters of this run already made whose e-mail to the parent did not go (a crash between the
  // letter and its e-mail, or the quota): e-mailed now, once (the Mail Log decides).
  if (emailing) catchUpParentMail(ss, s, mailerFor(), planned.filter((p) => logged.has(p.key)), state, result);
  const todo: PlannedLetter[] = [];
  for (const p of planned) {
    if (logged.has(p.key)) continue;
    const l = letterOf(p);
    if (l) todo.push(l);
    else result.notes.push(`Letter ${p.seq} of the run could not be made: the contact it was addressed to is no longer on the Contacts tab. Run the letters again to write to the family's current contacts.`);
  }
  state.done = planned.length - todo.length;
  if (!todo.length) {
    finish(ss, s, store, state, result);
    if (mailer) reportParentMail(result, (mailer as ParentMailer).outcome);
    result.message = `The ${state.title} run (${state.cohort}) is complete: ${state.done} letter(s) in ${state.docUrl || 'the letters document'}.`;
    return result;
  }
  const templateIds = checkRunTemplates(settings, todo.map((l) => l.type));
  return produce(ss, s, store, state, templateIds, todo, result, opts, mailer);
}

function produce(
  ss: Spreadsheet, s: LetterSources, store: RunStore, state: LetterRunState, templateIds: Record<string, string>,
  todo: PlannedLetter[], result: LetterRunResult, opts: RunOptions, openMailer: ParentMailer | null = null,
): LetterRunResult {
  const clock = opts.clock as () => number;
  const startedAt = opts.startedAt as number;
  const budget = s.settings.letters.maxRunMillis;
  const idx = indexes(s);
  const ready: Array<{ letter: PlannedLetter; pupil: Pupil }> = [];
  for (const l of todo) {
    const pupil = idx.pupils.get(normUpn(l.upn));
    if (pupil) ready.push({ letter: l, pupil });
    else result.notes.push(`A planned pupil is no longer on the Students tab, so their letter was not made (Letter Runs seq for key ${l.key.split('|')[0]}).`);
  }
  result.runId = state.runId;
  result.total = state.total;
  const inputs = ready.map((r) => letterInputs(r.letter, r.pupil, s, idx, state.panel));
  const values = inputs.map((x) => letterFields(x.ctx));
  // E-mail to parents (Settings, off by default): each letter as its own PDF, right after it is made.
  const firstTemplate = templateIds[ready.length ? ready[0].letter.type : ''] || Object.keys(templateIds).map((k) => templateIds[k])[0];
  const mailer = s.settings.letters.emailParents ? openMailer || openParentMailer(ss, s, state, store, templateIds) : null;
  const log: LogWriter = openLogWriter(ss, s, state);
  const seqOf = new Map<string, number>();
  for (const p of s.runs.plans) if (p.runId === state.runId) seqOf.set(p.key, p.seq);
  const reuse = !!(state.docId && (state.keepEnd || state.keepChildren));
  // A new document is shared with the staff who run letters, so anyone of them can continue the
  // run or open it from the Letters Log (a Doc is private to whoever made it: issue 15 §1).
  const sharing = reuse ? null : letterStaff(loadTabs(ss, ['Staff']).data.Staff || [], s.settings);
  const merged = mergeLetters({
    templateId: firstTemplate,
    type: ready.length ? ready[0].letter.type : undefined,
    title: `${state.title} – ${state.cohort} – ${toUk(state.startedOn)}`,
    letters: values.map((v, i) => ({ values: v, conditions: inputs[i].conditions, templateId: templateIds[ready[i].letter.type], type: ready[i].letter.type })),
    // A document with no finished letter yet (a crash while making the first) is not reused: what
    // it holds is half a letter, so the run starts a fresh one (the first is linked nowhere).
    existingDocId: reuse ? state.docId : undefined,
    keepEnd: reuse ? state.keepEnd : undefined,
    keepChildren: reuse && !state.keepEnd ? state.keepChildren : undefined,
    shareWith: sharing ? sharing.emails.filter((e) => e !== currentUser().toLowerCase()) : undefined,
    startedBy: state.by,
    onDocument: (id, url) => {
      if (state.docId === id) return;
      state.docId = id;
      state.docUrl = url;
      store.save(state);
    },
    shouldStop: () => clock() - startedAt >= budget,
    onLettersDone: (from, ends) => {
      // The letters one Docs API call made, committed together: the state (where the document
      // ends, which letters it holds), then each parent's e-mail, then their Letters Log rows in
      // one write. A crash before the state is saved leaves them in the document unrecorded, and
      // the resume removes them (mergeLetters keepEnd); a crash after it loses at most these
      // rows, and the resume writes them (lastSeqs).
      const group = ends.map((_, k) => ready[from + k].letter);
      state.done += group.length;
      state.keepEnd = ends[ends.length - 1];
      delete state.keepChildren;
      // The letters' numbers in the run, not their log keys: a key holds the UPN, and the state is
      // kept in the document's properties, which hold no pupil data.
      state.lastSeqs = group.map((l) => seqOf.get(l.key) || 0).filter((n) => n > 0);
      state.lastSeq = state.lastSeqs[state.lastSeqs.length - 1];
      delete state.lastKey;
      store.save(state);
      // The e-mails go before the log rows, so they can say Sent. A crash in between is repaired
      // on resume (the rows are written then; the Mail Log stops a second e-mail).
      log.writeMany(group.map((l, k) => {
        const i = from + k;
        const emailed = mailer ? mailer.send(l, seqOf.get(l.key) || 0, ready[i].pupil, values[i], inputs[i].conditions) : false;
        return { letter: l, status: emailed ? 'Sent' : 'Produced' };
      }));
      // The commit point: only these letters' rows can be lost to a crash, and resume repairs them.
      flushWrites();
      result.letters.push(...group);
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
    result.message = stoppedMessage(result);
    return result;
  }
  finish(ss, s, store, state, result);
  const families = new Set(s.runs.plans.filter((p) => p.runId === state.runId).map((p) => p.upn)).size;
  result.message = finishedMessage(result, families);
  return result;
}

function finish(ss: Spreadsheet, s: LetterSources, store: RunStore, state: LetterRunState, result: LetterRunResult): void {
  // Overrides this run used are spent: cleared before the run is marked done, so a crash here is
  // repaired by the resume (one write for the run; core/attendance/overrides.ts has the rule).
  result.overridesCleared = clearSpentOverrides(ss, s, state);
  // The Attendance tab says what went ("AT1 + PA produced 26/01/2024") for the run's pupils.
  writeLastLetters(ss, s, state);
  // The next preview starts from the review as it stands after these letters. Before "done", so a
  // crash here is carried on by the resume, which keeps it again (the same review).
  keepAfterRun(ss, s.settings, s);
  flushWrites(); // spent overrides, Last Letter and the kept review are on the sheet before the run says done
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

/** The run's progress for the sidebar's bar (no pupil data). */
export function letterRunProgressJob(): { status: string; title: string; cohort: string; done: number; total: number; docUrl: string; continuation: string } | null {
  const st = openRunStore().load();
  if (!st) return null;
  return { status: st.status, title: st.title, cohort: st.cohort, done: st.done, total: st.total, docUrl: st.docUrl, continuation: st.continuation || '' };
}
