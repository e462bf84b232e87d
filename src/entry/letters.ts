/**
 * Letters entry points (issue 6): menu items, the letter-run sidebar's server calls
 * (google.script.run) and the continuation trigger. Anything that writes takes the document lock;
 * sidebar calls check their input (jobs/letters/preview.ts `checkRequest`) and return plain data:
 * counts, titles and the document's link — the pupils' names reach only the preview, which is for
 * letters staff.
 */
import { menuItem, sidebarCall } from './wrap';
import { LETTER_TYPES, letterTitle } from '../core/letters/defaultTemplates';
import { isLeaver } from '../core/pupils/roll';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';
import { todayIso } from '../gas/clock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';
import { loadSettings } from '../gas/settingsStore';
import { CONTINUE_LETTERS_HANDLER, clearContinuation } from '../gas/triggers';
import { readTab } from '../gas/tables';
import { setUpLetterTemplatesJob } from '../jobs/letters/templates';
import { loadLetterSources } from '../jobs/letters/sources';
import { LetterRunPreview, checkRequest, planFor, previewOf, selectedUpns } from '../jobs/letters/preview';
import { LetterRunResult, checkRunTemplate, generateLetterRunJob, letterRunProgressJob, resumeLetterRunJob } from '../jobs/letters/run';

/** Menu: Letters → Set up letter templates. */
export const setUpLetterTemplates = menuItem('Set up letter templates', 'letters', () =>
  withDocumentLock('Set up letter templates', () => setUpLetterTemplatesJob(loadSettings(), activeSpreadsheet()).message),
);

/** Menu: Letters → Letter run… */
export const showLetterRun = menuItem('Letter run', 'letters', () => showSidebar('letterRun', 'Letter run'));

/** Sidebar start-up: letter types, year groups and reg groups on roll, and any unfinished run. */
export const letterRunOptions = sidebarCall('letters', () => {
  const ss = activeSpreadsheet();
  const asOf = todayIso();
  const years = new Set<number>();
  const groups = new Set<string>();
  if (ss.getSheetByName('Students')) {
    for (const p of readTab(ss, 'Students').records) {
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
});

/** The plan for the sidebar: pupils due (with figures), skipped and why, tier names included/removed. */
export const previewLetterRun = sidebarCall('letters', (_caller, rawReq: unknown): LetterRunPreview & { templateProblem: string; selection: string[] } => {
  const ss = activeSpreadsheet();
  const req = checkRequest(rawReq);
  if (req.cohort.kind === 'selection' && !(req.cohort.upns || []).length) req.cohort.upns = selectedUpns(ss);
  const settings = loadSettings();
  const s = loadLetterSources(ss, settings, todayIso(), req.type);
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
});

/** What the sidebar's progress bar needs: counts, the document and the message. */
function progressOf(r: LetterRunResult): { done: number; total: number; docUrl: string; stopped: boolean; message: string } {
  toast(r.message.split('\n')[0], 'Letter run', 10);
  return { done: r.done, total: r.total, docUrl: r.docUrl, stopped: r.stopped, message: [r.message].concat(r.notes).join('\n') };
}

/** Makes the letters: ONE document, a Letters Log row per letter. Returns progress for the bar. */
export const generateLetterRun = sidebarCall('letters', (_caller, rawReq: unknown) => {
  const req = checkRequest(rawReq);
  toast(`Making ${letterTitle(req.type)}s…`);
  return progressOf(withDocumentLock('Letter run', () => generateLetterRunJob(activeSpreadsheet(), loadSettings(), todayIso(), req)));
});

/** Progress of the current (or last) run, polled by the sidebar while it generates. */
export const letterRunProgress = sidebarCall('letters', () => letterRunProgressJob());

/**
 * The one-off continuation trigger's handler, and the sidebar's Continue button: carries on the
 * stopped run in the same document. From the trigger nobody sees the answer; a failure goes to
 * the execution log (no pupil data) and Google's failure e-mail.
 */
export const continueLetterRun = sidebarCall('letters', () => {
  clearContinuation(activeSpreadsheet(), CONTINUE_LETTERS_HANDLER); // one-off: it has fired (or the person pressed Continue instead)
  const r = withDocumentLock('Letter run (continued)', () => resumeLetterRunJob(activeSpreadsheet(), loadSettings(), todayIso()));
  if (!r) return { done: 0, total: 0, docUrl: '', stopped: false, message: 'There is no unfinished letter run.' };
  return progressOf(r);
});
