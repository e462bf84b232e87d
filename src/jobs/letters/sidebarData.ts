/**
 * What the letter-run sidebar shows before anything is made: its start-up choices (letter types,
 * the year groups and reg groups on roll, any unfinished run) and the preview of a run (per family
 * the one letter, to whom and why; skipped and why; proposals; tier names included/removed), with
 * a template problem said beside the plan rather than refusing it.
 */
import { IsoDate } from '../../core/dates';
import { LETTER_TYPES, letterTitle } from '../../core/letters/defaultTemplates';
import { isLeaver } from '../../core/pupils/roll';
import { Settings } from '../../core/settings';
import { LetterType } from '../../core/types';
import { isUserError } from '../../core/errors';
import { readTab } from '../../gas/tables';
import { previewLetterSources } from './sources';
import { LetterRunPreview, planFor, previewDigest, previewOf, selectedUpns } from './preview';
import { checkRequest } from '../../core/letters/request';
import { letterRunProgressJob } from './run';
import { checkRunTemplates } from './templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function letterRunOptionsJob(ss: Spreadsheet, asOf: IsoDate) {
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
    // Attendance letters are planned together (one letter per family, SPEC §5); the single rungs
    // stay available to the bundle's callers but the sidebar offers the two ways staff work.
    types: [
      { type: 'attendance', title: 'Attendance letters due (AT1, AT2, panel, EWO, persistent absence)' },
      { type: 'tier', title: 'Tier letters (a year group\'s attendance letters, with names included / removed)' },
    ].concat(LETTER_TYPES.filter((t) => ['punctuality', 'lateToLesson', 'homework', 'reward'].indexOf(t) >= 0).map((type) => ({ type, title: letterTitle(type) }))),
    years: Array.from(years).sort((a, b) => a - b),
    regGroups: Array.from(groups).sort(),
    progress: letterRunProgressJob(),
  };
}

export interface PreviewAnswer extends LetterRunPreview {
  templateProblem: string;
  selection: string[];
  /** What the letters are planned from: "today's attendance review", or why it was reviewed afresh. */
  reviewNote: string;
  /** The letters shown (previewDigest): the run stops if its fresh plan differs. */
  previewed: string;
}

/**
 * The preview starts from the kept review (a sidebar call reads at most 100,000 cells, issue 22);
 * when that cannot stand for a fresh review (another day, an import, a changed Letters Log …) it
 * reviews afresh and keeps the review for the next preview (jobs/attendance/keptReview.ts).
 */
export function previewLetterRunJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, rawReq: unknown): PreviewAnswer {
  const req = checkRequest(rawReq);
  if (req.cohort.kind === 'selection' && !(req.cohort.upns || []).length) req.cohort.upns = selectedUpns(ss);
  const { s, note: reviewNote } = previewLetterSources(ss, settings, asOf, req.type);
  const { plan, view } = planFor(s, req);
  let templateProblem = '';
  const types = plan.toProduce.map((l) => l.type).concat(plan.proposals.map((p) => p.type as LetterType));
  if (types.length) {
    try {
      checkRunTemplates(settings, types, { trustRecent: true });
    } catch (e) {
      // A missing or broken template is said beside the plan; anything else is a fault.
      if (!isUserError(e)) throw e;
      templateProblem = e.message;
    }
  }
  return { ...previewOf(s, req, plan, view), templateProblem, selection: req.cohort.upns || [], reviewNote, previewed: previewDigest(s, req) };
}
