/**
 * Letters entry points (issue 6): menu items, the letter-run sidebar's server calls
 * (google.script.run) and the continuation trigger. Each takes the document lock for anything that
 * writes, calls a job with today's date, and tells the person the outcome; sidebar calls check their
 * input (jobs/letters/preview.ts `checkRequest`) and return plain data.
 */
import { checkStaff } from '../jobs/access';
import { LETTER_TYPES, letterTitle } from '../core/letters/defaultTemplates';
import { withDocumentLock } from '../gas/lock';
import { tell, toast } from '../gas/ui';
import { loadSettings } from '../gas/settingsStore';
import { removeContinuation } from '../gas/letterRunStore';
import { readTab } from '../gas/tables';
import { todayIso } from '../jobs/load';
import { setUpLetterTemplatesJob } from '../jobs/letters/templates';
import { loadLetterSources } from '../jobs/letters/sources';
import { LetterRunError, LetterRunPreview, checkRequest, planFor, previewOf, selectedUpns } from '../jobs/letters/preview';
import { checkRunTemplate, generateLetterRunJob, letterRunProgressJob, resumeLetterRunJob } from '../jobs/letters/run';
import { isLeaver } from '../core/pupils/roll';

function ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** An error for the sidebar's failure handler: our own messages as they are, anything else plainly. */
function forSidebar(e: unknown): Error {
  const m = e instanceof Error ? e.message : String(e);
  return new Error(m);
}

export function setUpLetterTemplates(): string {
  try {
    const text = withDocumentLock('Set up letter templates', () => setUpLetterTemplatesJob(loadSettings()).message);
    tell('Set up letter templates', text);
    return text;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    tell('Set up letter templates', text);
    return text;
  }
}

export function showLetterRun(): void {
  const html = HtmlService.createHtmlOutputFromFile('letterRun').setTitle('Letter run');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Sidebar start-up: letter types, year groups and reg groups on roll, and any unfinished run. */
export function letterRunOptions(): { types: Array<{ type: string; title: string }>; years: number[]; regGroups: string[]; progress: ReturnType<typeof letterRunProgressJob> } {
  const asOf = todayIso();
  const years = new Set<number>();
  const groups = new Set<string>();
  if (ss().getSheetByName('Students')) {
    for (const p of readTab(ss(), 'Students').records) {
      if (isLeaver(p, asOf)) continue;
      years.add(p.year);
      if (p.regGroup.trim()) groups.add(p.regGroup.trim());
    }
  }
  return {
    types: LETTER_TYPES.map((type) => ({ type, title: letterTitle(type) })),
    years: Array.from(years).sort((a, b) => a - b),
    regGroups: Array.from(groups).sort(),
    progress: letterRunProgressJob(),
  };
}

/** The plan for the sidebar: pupils due (with figures), skipped and why, tier names included/removed. */
export function previewLetterRun(rawReq: unknown): LetterRunPreview & { templateProblem: string; selection: string[] } {
  try {
    checkStaff(ss());
    const req = checkRequest(rawReq);
    if (req.cohort.kind === 'selection' && !(req.cohort.upns || []).length) req.cohort.upns = selectedUpns(ss());
    const settings = loadSettings();
    const s = loadLetterSources(ss(), settings, todayIso(), req.type);
    const { plan, view } = planFor(s, req);
    let templateProblem = '';
    if (plan.toProduce.length) {
      try {
        checkRunTemplate(settings, req.type);
      } catch (e) {
        templateProblem = e instanceof Error ? e.message : String(e);
      }
    }
    return { ...previewOf(s, req, plan, view), templateProblem, selection: req.cohort.upns || [] };
  } catch (e) {
    throw forSidebar(e);
  }
}

/** Makes the letters: ONE document, a Letters Log row per letter. Returns progress for the bar. */
export function generateLetterRun(rawReq: unknown): { done: number; total: number; docUrl: string; stopped: boolean; message: string } {
  try {
    checkStaff(ss());
    const req = checkRequest(rawReq);
    toast(`Making ${letterTitle(req.type)}s…`);
    const r = withDocumentLock('Letter run', () => generateLetterRunJob(ss(), loadSettings(), todayIso(), req));
    toast(r.message.split('\n')[0], 'Letter run', 10);
    return { done: r.done, total: r.total, docUrl: r.docUrl, stopped: r.stopped, message: [r.message].concat(r.notes).join('\n') };
  } catch (e) {
    throw forSidebar(e);
  }
}

/** Progress of the current (or last) run, polled by the sidebar while it generates. */
export function letterRunProgress(): ReturnType<typeof letterRunProgressJob> {
  return letterRunProgressJob();
}

/**
 * The one-off continuation trigger's handler, and the sidebar's Continue button: carries on the
 * stopped run in the same document.
 */
export function continueLetterRun(): { done: number; total: number; docUrl: string; stopped: boolean; message: string } {
  removeContinuation(); // one-off: it has fired (or the person pressed Continue instead)
  try {
    const r = withDocumentLock('Letter run (continued)', () => resumeLetterRunJob(ss(), loadSettings(), todayIso()));
    if (!r) return { done: 0, total: 0, docUrl: '', stopped: false, message: 'There is no unfinished letter run.' };
    toast(r.message.split('\n')[0], 'Letter run', 10);
    return { done: r.done, total: r.total, docUrl: r.docUrl, stopped: r.stopped, message: [r.message].concat(r.notes).join('\n') };
  } catch (e) {
    // From a trigger nobody sees the sidebar: the message (no pupil data) goes to the execution log.
    if (!(e instanceof LetterRunError)) console.log(`Letter run continuation failed: ${e instanceof Error ? e.message : String(e)}`);
    throw forSidebar(e);
  }
}
