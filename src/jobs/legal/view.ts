/**
 * What the legal sidebar shows (issue 19), as plain data: the school's overview (cases at the
 * threshold stage, a pack run that stopped) and one pupil's case (what is due next, the steps so
 * far, their parents, what a penalty notice to each would be). Read-only.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { nextNotice } from '../../core/legal/notices';
import { LegalDueItem } from '../../core/legal/dueNext';
import { parentKey, sortSteps } from '../../core/legal/steps';
import { LegalSources, loadPupilLegalSources } from './sources';
import { legalCases } from './cases';
import { compulsoryOf } from './reviewFacts';
import { reviewForSidebar } from '../attendance/keptReview';
import { PupilAttendanceReview } from '../../core/attendance/review';
import { Pupil } from '../../core/types';
import { readPackLog, unfinishedRun } from './packLog';
import { UserError } from '../../core/errors';
import { listName, normUpn, proseName } from '../../core/pupils/names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LegalOverview {
  asOf: IsoDate;
  /** Pupils of compulsory school age at the threshold or penalty-notice stage (a pack run makes theirs). */
  cases: Array<{ upn: string; name: string; year: number; regGroup: string; dueNext: string }>;
  /** A pack run that stopped before the end: made and total. */
  unfinished: { made: number; total: number } | null;
  /** What the list comes from: today's attendance review, or why it was reviewed afresh. */
  reviewNote: string;
}

export interface LegalCaseView {
  asOf: IsoDate;
  pupil: { upn: string; name: string; year: number; regGroup: string };
  compulsory: boolean;
  compulsoryText: string;
  due: LegalDueItem[];
  steps: Array<{ date: IsoDate; step: string; parent: string; amount: string; periodEnd: IsoDate | ''; outcome: string; by: string }>;
  /** The pupil's parents, and what a penalty notice to each would be today. */
  parents: Array<{ name: string; nextNotice: string }>;
  /** Latest evidence pack made for the pupil ('' when none). */
  lastPack: { date: IsoDate | ''; url: string } | null;
}

/** The Students tab's parents, then the names already used on this pupil's Legal rows (so a parent is written the same way each time). */
function parentChoices(parents: string[], used: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const n of parents.concat(used)) {
    for (const one of String(n || '').split(/\s+and\s+/)) {
      const k = parentKey(one);
      if (k && !seen.has(k)) {
        seen.add(k);
        out.push(one.trim());
      }
    }
  }
  return out;
}

/**
 * Pupils of compulsory school age whose review says a pack is wanted, from the kept review when it
 * stands for a fresh one (a sidebar call reads at most 100,000 cells, issue 22): what is due next is
 * the review's own Legal Next (core/attendance/pupilReview.ts), as legalCases gives it.
 */
export function legalOverviewJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate): LegalOverview {
  const { review, data, note } = reviewForSidebar(ss, settings, asOf);
  const reviewBy = new Map<string, PupilAttendanceReview>();
  for (const r of review.pupils) reviewBy.set(normUpn(r.upn), r);
  const cases: Array<{ pupil: Pupil; dueNext: string }> = [];
  for (const pupil of data.Students || []) {
    const r = reviewBy.get(normUpn(pupil.upn));
    if (r && r.legal.packWanted && compulsoryOf(pupil, asOf).compulsory) cases.push({ pupil, dueNext: r.legal.text });
  }
  const open = unfinishedRun(readPackLog(ss));
  return {
    asOf,
    cases: cases
      .sort((a, b) => a.pupil.year - b.pupil.year || a.pupil.surname.localeCompare(b.pupil.surname))
      .map((c) => ({ upn: c.pupil.upn, name: listName(c.pupil), year: c.pupil.year, regGroup: c.pupil.regGroup, dueNext: c.dueNext })),
    unfinished: open.length ? { made: open.filter((r) => r.status === 'Made').length, total: open.length } : null,
    reviewNote: note,
  };
}

/** One pupil's case, from that pupil's rows (loadPupilLegalSources); `s`: sources already read (a test's whole read). */
export function legalCaseViewJob(ss: Spreadsheet, upn: string, settings: Settings, asOf: IsoDate, s: LegalSources = loadPupilLegalSources(ss, settings, asOf, upn)): LegalCaseView {
  if (!s.pupils.some((p) => normUpn(p.upn) === normUpn(upn))) throw new UserError('That pupil is not on the Students tab (they may have been removed since you searched). Search again.');
  const c = legalCases(s, [upn])[0];
  const packs = readPackLog(ss).filter((r) => normUpn(r.upn) === normUpn(upn) && r.status === 'Made' && r.url);
  const last = packs.length ? packs[packs.length - 1] : null;
  return {
    asOf,
    pupil: { upn: c.pupil.upn, name: proseName(c.pupil), year: c.pupil.year, regGroup: c.pupil.regGroup },
    compulsory: c.compulsory,
    compulsoryText: c.compulsoryText,
    due: c.due.items,
    steps: sortSteps(c.steps).map((x) => ({ date: x.date, step: x.step, parent: x.parent, amount: x.amount, periodEnd: x.periodEnd, outcome: x.outcome, by: x.by })),
    parents: parentChoices(c.parents, c.steps.map((x) => x.parent)).map((name) => {
      const n = nextNotice(c.steps, name, asOf, settings);
      return { name, nextNotice: n.kind === 'prosecution' ? 'limit reached: consider prosecution' : n.amount };
    }),
    lastPack: last ? { date: last.date, url: last.url } : null,
  };
}
