/**
 * Legal steps and evidence packs (issue 19): Attendance → Evidence pack… and Attendance → Record a
 * legal step… open one sidebar; these are its server calls. The wrappers check the caller (letters
 * level: the Heads of Year, the attendance team and SLT); each call checks its input (the browser
 * is not trusted); writes take the document lock. What comes back is plain data the sidebar shows
 * as text.
 */
import { menuItem, sidebarCall } from './wrap';
import { loadSettings } from '../gas/settingsStore';
import { withDocumentLock } from '../gas/lock';
import { toast } from '../gas/ui';
import { todayIso } from '../gas/clock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showSidebar } from '../gas/sidebar';
import { UserError } from '../core/errors';
import { LEGAL_OUTCOMES, LEGAL_STEPS } from '../core/legal/steps';
import { legalCaseViewJob, legalOverviewJob, LegalCaseView, LegalOverview } from '../jobs/legal/view';
import { recordLegalStepJob } from '../jobs/legal/record';
import { makeEvidencePacksJob } from '../jobs/legal/packs';

function legalSidebar(mode: 'pack' | 'step'): void {
  showSidebar('legal', mode === 'pack' ? 'Evidence pack' : 'Legal steps', { mode, today: todayIso(), steps: LEGAL_STEPS, outcomes: LEGAL_OUTCOMES });
}

/** Menu: Attendance → Evidence pack… */
export const showEvidencePack = menuItem('Evidence pack', 'letters', () => legalSidebar('pack'));

/** Menu: Attendance → Record a legal step… */
export const showLegalSteps = menuItem('Legal steps', 'letters', () => legalSidebar('step'));

/** Sidebar start-up: how many cases are at the threshold stage, and any run that stopped. */
export const legalOverview = sidebarCall('letters', (): LegalOverview => legalOverviewJob(activeSpreadsheet(), loadSettings(), todayIso()));

/** One pupil's case: what is due next, the steps so far, their parents. */
export const legalCase = sidebarCall('letters', (_caller, upn: unknown): LegalCaseView => {
  if (typeof upn !== 'string' || !/^[A-Za-z0-9]{1,20}$/.test(upn.trim())) throw new UserError('Choose a pupil from the search results.');
  return legalCaseViewJob(activeSpreadsheet(), upn.trim(), loadSettings(), todayIso());
});

/** Records one step on the Legal tab. */
export const recordLegalStep = sidebarCall('letters', (_caller, req: unknown): { message: string; dueNext: string } => {
  if (JSON.stringify(req === undefined ? null : req).length > 4000) throw new UserError('The form sent too much. Reload the sidebar and try again.');
  const r = withDocumentLock('Record a legal step', () => recordLegalStepJob(activeSpreadsheet(), loadSettings(), todayIso(), req));
  return { message: r.message, dueNext: r.dueNext };
});

/**
 * Makes evidence packs: `{ upns: [...] }` for chosen pupils, `{ all: true }` for every pupil whose
 * threshold is met. Returns the links (the sidebar shows them) and what to tell the person.
 */
export const makeEvidencePacks = sidebarCall('letters', (_caller, req: unknown): { made: number; total: number; stopped: boolean; packs: Array<{ upn: string; url: string }>; message: string } => {
  if (JSON.stringify(req === undefined ? null : req).length > 20000) throw new UserError('Too many pupils in one request.');
  toast('Making evidence packs…');
  const r = withDocumentLock('Evidence pack', () => makeEvidencePacksJob(activeSpreadsheet(), loadSettings(), todayIso(), req));
  return { made: r.made, total: r.total, stopped: r.stopped, packs: r.packs, message: [r.message].concat(r.problems.length ? [`${r.problems.length} row(s) in the tracker could not be read and are left out.`] : []).join('\n') };
});
