/**
 * A letter run's request, checked (it arrives from the sidebar through google.script.run, so it is
 * untrusted input), and its plan: who gets the letter and who is skipped and why, with names for
 * the Head of Year's preview. Read-only.
 */
import { LETTER_TYPES, letterTitle } from '../../core/letters/defaultTemplates';
import { CohortFilter, LetterRunPlan, normUpn, planLetterRun } from '../../core/letters/plan';
import { mapHeaders } from '../../core/records/headers';
import { tabDef } from '../../core/tabs';
import { LetterType, Pupil } from '../../core/types';
import { cellText } from '../../gas/cells';
import { selectedVisibleRows } from '../../gas/selection';
import { LetterSources } from './sources';
import { LADDER_TYPES, TIER_TYPES, TypeView, typeView } from './candidates';
import { episodeNotes } from '../../core/records/lettersLog';
import { LetterLogEntry } from '../../core/types';
import { UserError } from '../../core/errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A problem the person running the letters can fix; the message says how. */

export type CohortKind = 'all' | 'year' | 'regGroup' | 'selection';

export interface LetterRunRequest {
  type: LetterType;
  cohort: { kind: CohortKind; year?: number; regGroup?: string; upns?: string[] };
  /** UPNs the Head of Year unticked in the preview. */
  unticked?: string[];
}

const UPN_RE = /^[A-Z0-9]{1,20}$/;

/** The request as the sidebar sent it, checked: anything odd is refused with a plain message. */
export function checkRequest(raw: unknown): LetterRunRequest {
  const r = (raw || {}) as Record<string, unknown>;
  const type = String(r.type || '') as LetterType;
  if (LETTER_TYPES.indexOf(type) < 0) throw new UserError(`Choose a letter type (${LETTER_TYPES.map(letterTitle).join(', ')}).`);
  const c = (r.cohort || {}) as Record<string, unknown>;
  const kind = String(c.kind || 'all') as CohortKind;
  const upnList = (v: unknown): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.length > 5000) throw new UserError('The list of pupils sent from the sidebar is not a list of UPNs.');
    const out = v.map((x) => normUpn(String(x)));
    if (out.some((u) => !UPN_RE.test(u))) throw new UserError('The list of pupils sent from the sidebar holds something that is not a UPN.');
    return out;
  };
  const cohort: LetterRunRequest['cohort'] = { kind };
  if (kind === 'year') {
    const y = Number(c.year);
    if (!Number.isInteger(y) || y < 1 || y > 14) throw new UserError('Choose a year group.');
    cohort.year = y;
  } else if (kind === 'regGroup') {
    const g = String(c.regGroup || '').trim();
    if (!g || g.length > 20) throw new UserError('Choose a reg group.');
    cohort.regGroup = g;
  } else if (kind === 'selection') {
    cohort.upns = upnList(c.upns);
  } else if (kind !== 'all') {
    throw new UserError('Choose who the letters are for: a year group, a reg group, or the rows selected on the Attendance tab.');
  }
  return { type, cohort, unticked: upnList(r.unticked) };
}

export function cohortLabel(req: LetterRunRequest): string {
  const c = req.cohort;
  if (c.kind === 'year') return `Year ${c.year}`;
  if (c.kind === 'regGroup') return `${c.regGroup}`;
  if (c.kind === 'selection') return `${(c.upns || []).length} selected on the Attendance tab`;
  return 'whole school';
}

function cohortFilter(req: LetterRunRequest): CohortFilter {
  const c = req.cohort;
  if (c.kind === 'year') return { years: [c.year as number] };
  if (c.kind === 'regGroup') return { regGroups: [c.regGroup as string] };
  if (c.kind === 'selection') return { upns: c.upns || [] };
  return {};
}

/**
 * The UPNs of the rows selected on the Attendance tab: the header row and the UPN cells of the
 * selected rows, two reads whatever the size of the selection.
 */
export function selectedUpns(ss: Spreadsheet): string[] {
  const sheet = ss.getActiveSheet();
  if (!sheet || sheet.getName() !== 'Attendance') {
    throw new UserError('Select the pupils\' rows on the Attendance tab first (click the row numbers), then choose "Rows selected on the Attendance tab" again.');
  }
  const lastCol = sheet.getLastColumn();
  if (lastCol < 1) return [];
  const col = mapHeaders(tabDef('Attendance'), sheet.getRange(1, 1, 1, lastCol).getValues()[0]).columnIndex.upn;
  if (col === undefined) throw new UserError('The Attendance tab has no UPN column. Run Pastoral Tracker → Review attendance first.');
  // Every range of a Ctrl-click selection, without rows a filter or a person has hidden (gas/selection.ts).
  const rows = selectedVisibleRows(ss, sheet);
  if (!rows.length) return [];
  const first = rows[0];
  const values = sheet.getRange(first, col + 1, rows[rows.length - 1] - first + 1, 1).getValues();
  const out: string[] = [];
  for (const row of rows) {
    const u = normUpn(cellText(values[row - first][0]));
    if (u && out.indexOf(u) < 0) out.push(u);
  }
  return out;
}

export function planFor(s: LetterSources, req: LetterRunRequest): { plan: LetterRunPlan; view: TypeView } {
  const view = typeView(req.type, s);
  const plan = planLetterRun({
    type: req.type,
    asOf: s.asOf,
    pupils: s.pupils,
    candidates: view.candidates,
    log: s.log,
    cohort: cohortFilter(req),
    unticked: req.unticked,
    // The Head of Year's overrides the review honoured for this rung (HoY Override column).
    overrides: s.overrides.filter((o) => o.state === 'honoured' && o.rung === req.type).map((o) => o.upn),
  });
  return { plan, view };
}

export interface PreviewPupil {
  upn: string;
  name: string;
  year: number | null;
  regGroup: string;
  /** Why the letter is due (figures), or why the pupil is skipped. */
  reason: string;
  code?: string;
}

export interface LetterRunPreview {
  type: LetterType;
  title: string;
  cohort: string;
  due: PreviewPupil[];
  skipped: PreviewPupil[];
  /** Tier runs: by year group in the cohort, names included / to be removed since the last tier run. */
  tiers?: Array<{ year: number; included: PreviewPupil[]; removed: PreviewPupil[]; continuing: number }>;
  /** Rows of the tracker the rules could not use (tab, row, value). */
  problems: string[];
}

export function previewOf(s: LetterSources, req: LetterRunRequest, plan: LetterRunPlan, view: TypeView): LetterRunPreview {
  const byUpn = new Map<string, Pupil>();
  for (const p of s.pupils) byUpn.set(normUpn(p.upn), p);
  // A skipped pupil with an override on the Attendance tab: say what became of it (ladder letters).
  const overrideOf = new Map<string, string>();
  if (LADDER_TYPES.indexOf(req.type) >= 0) for (const o of s.overrides) if (o.state !== 'honoured') overrideOf.set(normUpn(o.upn), o.message);
  const withOverride = (upn: string, reason: string) => (overrideOf.has(upn) ? `${reason} ${overrideOf.get(upn)}` : reason);
  const row = (upn: string, reason: string, code?: string): PreviewPupil => {
    const p = byUpn.get(upn);
    const out: PreviewPupil = { upn, name: p ? `${p.forename} ${p.surname}`.trim() : upn, year: p ? p.year : null, regGroup: p ? p.regGroup : '', reason };
    if (code) out.code = code;
    return out;
  };
  const preview: LetterRunPreview = {
    type: req.type,
    title: letterTitle(req.type),
    cohort: cohortLabel(req),
    due: plan.toProduce.map((l) => row(l.upn, view.reasons.get(l.upn) || '')),
    skipped: plan.skipped.map((k) => row(k.upn, withOverride(k.upn, k.reason), k.code)),
    problems: s.problems.slice(0, 50),
  };
  addHistoryNotes(s, req, preview, row);
  if (TIER_TYPES.indexOf(req.type) >= 0 && view.tiers) {
    const years = req.cohort.kind === 'year' ? [req.cohort.year] : null;
    const inCohort = (u: string) => {
      if (req.cohort.kind === 'regGroup') {
        const p = byUpn.get(u);
        return !!p && p.regGroup.trim().toLowerCase() === String(req.cohort.regGroup).trim().toLowerCase();
      }
      if (req.cohort.kind === 'selection') return (req.cohort.upns || []).indexOf(u) >= 0;
      return true;
    };
    preview.tiers = view.tiers
      .filter((t) => !years || years.indexOf(t.year) >= 0)
      .map((t) => ({
        year: t.year,
        included: t.included.filter(inCohort).map((u) => row(u, view.reasons.get(u) || '')),
        removed: t.removed.filter(inCohort).map((u) => row(u, `No longer in tier ${req.type.slice(4)}`)),
        continuing: t.continuing.filter(inCohort).length,
      }));
  }
  return preview;
}

/**
 * Issue 16: a Letters Log history that reads more than one way (a rung sent again with no episode
 * end, an episode that starts above AT1 — typical of history imported from a school's own log) is
 * said beside the pupil, and a pupil at level 1 or 2 whom it leaves without this ladder letter is
 * listed among the skipped with the ladder's next step and why — never silently left out.
 */
function addHistoryNotes(s: LetterSources, req: LetterRunRequest, preview: LetterRunPreview, row: (upn: string, reason: string, code?: string) => PreviewPupil): void {
  if (['AT1', 'AT2', 'panel', 'EWO'].indexOf(req.type) < 0) return;
  const logOf = new Map<string, LetterLogEntry[]>();
  for (const e of s.log) {
    const u = normUpn(e.upn);
    logOf.set(u, (logOf.get(u) || []).concat(e));
  }
  const listed = new Set(preview.due.concat(preview.skipped).map((p) => p.upn));
  for (const r of s.review.pupils) {
    const u = normUpn(r.upn);
    const notes = episodeNotes(logOf.get(u) || [], r.ladder.episodeStart, s.asOf);
    if (!notes.length) continue;
    const said = `Letters Log: ${notes.join('; ')}.`;
    const mine = preview.due.concat(preview.skipped).find((p) => p.upn === u);
    if (mine) {
      mine.reason = mine.reason ? `${mine.reason}${/[.!?)]$/.test(mine.reason) ? '' : '.'} ${said}` : said;
      continue;
    }
    const eligible = req.type === 'AT1' ? r.stage === 'level1' || r.stage === 'level2' : r.stage === 'level2';
    if (!eligible || listed.has(u) || !matchesCohort(s, req, u)) continue;
    const next = r.ladder.lettersDue.length ? `the ladder has ${r.ladder.lettersDue.join(', ')} due instead` : r.ladder.nextAction || 'nothing is due on the ladder';
    preview.skipped.push(row(u, `No ${letterTitle(req.type)} is due: ${next}. ${said}`, 'notDue'));
  }
}

function matchesCohort(s: LetterSources, req: LetterRunRequest, upn: string): boolean {
  const p = s.pupils.find((x) => normUpn(x.upn) === upn);
  if (!p) return false;
  const c = req.cohort;
  if (c.kind === 'year') return p.year === c.year;
  if (c.kind === 'regGroup') return p.regGroup.trim().toLowerCase() === String(c.regGroup).trim().toLowerCase();
  if (c.kind === 'selection') return (c.upns || []).indexOf(upn) >= 0;
  return true;
}
