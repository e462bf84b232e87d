/**
 * Letters entry points (issue 6): menu items, the letter-run sidebar's server calls
 * (google.script.run) and the continuation trigger. Anything that writes takes the document lock;
 * sidebar calls check their input (jobs/letters/preview.ts `checkRequest`) and return plain data:
 * counts, titles and the document's link — the pupils' names reach only the preview, which is for
 * letters staff.
 */
import { menuItem, sidebarCall } from './wrap';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';
import { todayIso } from '../gas/clock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';
import { loadSettings } from '../gas/settingsStore';
import { CONTINUE_LETTERS_HANDLER, clearContinuation } from '../gas/triggers';
import { setUpLetterTemplatesJob } from '../jobs/letters/templates';
import { checkRequest, runTitle } from '../core/letters/request';
import { generateLetterRunJob, letterRunProgressJob, resumeLetterRunJob } from '../jobs/letters/run';
import { LetterRunResult } from '../jobs/letters/runResult';
import { markRunPostedJob } from '../jobs/letters/runLog';
import { letterRunOptionsJob, previewLetterRunJob } from '../jobs/letters/sidebarData';

/** Menu: Letters → Set up letter templates. */
export const setUpLetterTemplates = menuItem('Set up letter templates', 'letters', () =>
  withDocumentLock('Set up letter templates', () => setUpLetterTemplatesJob(loadSettings(), activeSpreadsheet()).message),
);

/** Menu: Letters → Letter run… */
export const showLetterRun = menuItem('Letter run', 'letters', () => showSidebar('letterRun', 'Letter run'));

/** Sidebar start-up: letter types, year groups and reg groups on roll, and any unfinished run. */
export const letterRunOptions = sidebarCall('letters', () => letterRunOptionsJob(activeSpreadsheet(), todayIso()));

/** The plan for the sidebar: per family the one letter, to whom and why; skipped and why; proposals; tier names included/removed. */
export const previewLetterRun = sidebarCall('letters', (_caller, rawReq: unknown) => previewLetterRunJob(activeSpreadsheet(), loadSettings(), todayIso(), rawReq));

/** What the sidebar's progress bar needs: counts, the document and the message. */
function progressOf(r: LetterRunResult): { done: number; total: number; docUrl: string; stopped: boolean; message: string } {
  toast(r.message.split('\n')[0], 'Letter run', 10);
  return { done: r.done, total: r.total, docUrl: r.docUrl, stopped: r.stopped, message: [r.message].concat(r.notes).join('\n') };
}

/** Makes the letters: ONE document, the Letters Log rows of each letter. Returns progress for the bar. */
export const generateLetterRun = sidebarCall('letters', (_caller, rawReq: unknown) => {
  const req = checkRequest(rawReq);
  toast(`Making ${runTitle(req.type).toLowerCase()}…`);
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

/** "Mark as posted" in the letter run sidebar: the last run's letters move from Produced to Sent. */
export const markLetterRunPosted = sidebarCall('letters', () => {
  const r = withDocumentLock('Mark letters as posted', () => markRunPostedJob(activeSpreadsheet()));
  toast(r.message, 'Letters', 10);
  return r;
});
