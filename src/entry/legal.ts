/**
 * Legal steps and evidence packs (issue 19): Attendance → Evidence pack… and Attendance → Record a
 * legal step… open one sidebar; these are its server calls. Each checks the caller is staff and
 * its input (the browser is not trusted); writes take the document lock. What comes back is plain
 * data the sidebar shows as text.
 */
import { checkStaff } from '../jobs/access';
import { todayIso } from '../jobs/load';
import { loadSettings } from '../gas/settingsStore';
import { withDocumentLock } from '../gas/lock';
import { errorMessage, tell, toast } from '../gas/ui';
import { LEGAL_OUTCOMES, LEGAL_STEPS } from '../core/legal/steps';
import { legalCaseViewJob, legalOverviewJob, LegalCaseView, LegalOverview } from '../jobs/legal/view';
import { recordLegalStepJob } from '../jobs/legal/record';
import { makeEvidencePacksJob } from '../jobs/legal/packs';
import { include } from './ui';

function ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** An error for the sidebar's failure handler, in words. */
function forSidebar(e: unknown): Error {
  return new Error(errorMessage(e));
}

function sidebar_(mode: 'pack' | 'step'): void {
  try {
    checkStaff(ss());
  } catch (e) {
    tell('Legal steps', errorMessage(e));
    return;
  }
  const t = HtmlService.createTemplateFromFile('legal');
  const data = t as unknown as { mode: string; today: string; steps: string[]; outcomes: string[] };
  data.mode = mode;
  data.today = todayIso();
  data.steps = LEGAL_STEPS;
  data.outcomes = LEGAL_OUTCOMES;
  (t as any).include = include;
  SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle(mode === 'pack' ? 'Evidence pack' : 'Legal steps'));
}

/** Menu: Attendance → Evidence pack… */
export function showEvidencePack(): void {
  sidebar_('pack');
}

/** Menu: Attendance → Record a legal step… */
export function showLegalSteps(): void {
  sidebar_('step');
}

/** Sidebar start-up: how many cases are at the threshold stage, and any run that stopped. */
export function legalOverview(): LegalOverview {
  try {
    checkStaff(ss());
    return legalOverviewJob(ss(), loadSettings(), todayIso());
  } catch (e) {
    throw forSidebar(e);
  }
}

/** One pupil's case: what is due next, the steps so far, their parents. */
export function legalCase(upn: unknown): LegalCaseView {
  if (typeof upn !== 'string' || !/^[A-Za-z0-9]{1,20}$/.test(upn.trim())) throw new Error('Choose a pupil from the search results.');
  try {
    checkStaff(ss());
    return legalCaseViewJob(ss(), upn.trim(), loadSettings(), todayIso());
  } catch (e) {
    throw forSidebar(e);
  }
}

export function recordLegalStep(req: unknown): { message: string; dueNext: string } {
  if (JSON.stringify(req === undefined ? null : req).length > 4000) throw new Error('The form sent too much. Reload the sidebar and try again.');
  try {
    checkStaff(ss());
    const r = withDocumentLock('Record a legal step', () => recordLegalStepJob(ss(), loadSettings(), todayIso(), req));
    return { message: r.message, dueNext: r.dueNext };
  } catch (e) {
    throw forSidebar(e);
  }
}

/**
 * Makes evidence packs: `{ upns: [...] }` for chosen pupils, `{ all: true }` for every pupil whose
 * threshold is met. Returns the links (the sidebar shows them) and what to tell the person.
 */
export function makeEvidencePacks(req: unknown): { made: number; total: number; stopped: boolean; packs: Array<{ upn: string; url: string }>; message: string } {
  if (JSON.stringify(req === undefined ? null : req).length > 20000) throw new Error('Too many pupils in one request.');
  try {
    checkStaff(ss());
    toast('Making evidence packs…');
    const r = withDocumentLock('Evidence pack', () => makeEvidencePacksJob(ss(), loadSettings(), todayIso(), req));
    return { made: r.made, total: r.total, stopped: r.stopped, packs: r.packs, message: [r.message].concat(r.problems.length ? [`${r.problems.length} row(s) in the tracker could not be read and are left out.`] : []).join('\n') };
  } catch (e) {
    throw forSidebar(e);
  }
}
