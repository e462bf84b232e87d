/**
 * A letter run's plan (its request is checked by core/letters/request.ts): per family, the one letter it gets, who it is addressed to and
 * why (SPEC §5 "The preview shows which letter each family gets and why"); who is skipped and why;
 * panel and EWO letters proposed for the Head of Year to confirm; for tier runs, the names included
 * and to be removed since the last tier letter run. Read-only.
 */
import { letterTitle, shortName } from '../../core/letters/defaultTemplates';
import { LetterRunPlan, RunKind, planLetterRun } from '../../core/letters/plan';
import { inCohort } from '../../core/letters/cohort';
import { lastAttendanceLetters, lastLetterText } from '../../core/letters/lastLetter';
import { mapHeaders } from '../../core/records/headers';
import { tabDef } from '../../core/tabs';
import { LetterLogEntry, LetterType, Pupil } from '../../core/types';
import { selectedVisibleRows } from '../../gas/selection';
import { episodeNotes } from '../../core/records/lettersLog';
import { UserError } from '../../core/errors';
import { cellText } from '../../gas/cells';
import { LetterSources, addresseeMap } from '../../core/letters/sources';
import { LetterRunRequest, cohortFilter, cohortLabel, runTitle } from '../../core/letters/request';
import { TIER_KINDS, TypeView, indexes, typeView } from '../../core/letters/candidates';
import { letterInputs } from '../../core/letters/letterInputs';
import { normUpn, listName } from '../../core/pupils/names';
import { textHash } from '../../core/hash';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;


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
  const upns = view.candidates.filter((c) => c.due.length).map((c) => c.upn).concat(req.cohort.upns || []);
  const plan = planLetterRun({
    type: req.type,
    asOf: s.asOf,
    pupils: s.pupils,
    candidates: view.candidates,
    log: s.log,
    cohort: cohortFilter(req),
    unticked: req.unticked,
    confirmed: req.confirmed,
    addressees: addresseeMap(s, upns),
    // The Head of Year's overrides the review honoured (HoY Override column).
    overrides: s.overrides.filter((o) => o.state === 'honoured').map((o) => o.upn),
  });
  return { plan, view };
}

/**
 * The letters a preview shows, as a short hash: each family's letter, what it covers, why (the
 * figures the preview shows), its wording (legal or support) and to whom; and the proposals.
 * Planned without the Head of Year's ticks, so unticking or confirming in the sidebar does not
 * change it. A run carries it and stops when its own fresh plan gives another (jobs/letters/run.ts):
 * the preview may start from the kept review and from copies of long tabs, and a mark typed by hand
 * since, or a Homework Log row corrected in the middle, would otherwise change the letters unseen.
 */
export function previewDigest(s: LetterSources, req: LetterRunRequest): string {
  const { plan, view } = planFor(s, { ...req, unticked: [], confirmed: [] });
  const idx = indexes(s);
  const lines = plan.toProduce.map((l) => {
    const { conditions } = letterInputs(l, idx.pupils.get(l.upn) as Pupil, s, idx, req.panel);
    return [l.upn, l.type, l.covers.join('+'), view.reasons.get(l.upn) || '', conditions.IfLegal ? 'legal' : 'support', l.addressee.addressee, l.addressee.address].join('|');
  }).concat(plan.proposals.map((p) => `${p.upn}|proposed|${p.type}`));
  return textHash(lines.sort().join('\n'));
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

/** One copy of a letter: the family (pupil), the letter, who it is addressed to, and why. */
export interface PreviewLetter extends PreviewPupil {
  /** "AT2 letter, with the persistent absence paragraph". */
  letter: string;
  /** "Mr J Jones and Ms K Smith". */
  to: string;
  /** "Legal wording (s.444): 14 unauthorised sessions" / "Support wording (asks for medical evidence)". */
  wording: string;
  /** "Mrs A Shah, Head of Year 9" (and a warning when the Settings signatory stands in). */
  signedBy: string;
}

export interface LetterRunPreview {
  type: RunKind;
  title: string;
  cohort: string;
  /** Every copy to be made, in printing order. */
  due: PreviewLetter[];
  /** How many pupils' families the copies go to. */
  families: number;
  skipped: PreviewPupil[];
  /** Panel / EWO letters the rules propose but the Head of Year must confirm (tick to send). */
  proposals: Array<PreviewPupil & { type: string }>;
  /** Whether the run holds (or may hold, once confirmed) panel letters: the sidebar asks for the date, time and place. */
  needsPanel: boolean;
  /** Tier runs: by year group in the cohort, names included / to be removed since the last tier letter run. */
  tiers?: Array<{ year: number; included: PreviewPupil[]; removed: PreviewPupil[]; continuing: number }>;
  /** Rows of the tracker the rules could not use (tab, row, value). */
  problems: string[];
}

/** "AT2 letter, with the persistent absence paragraph" for a letter covering AT2 and PA. */
export function letterWords(type: LetterType, covers: LetterType[]): string {
  const main = `${shortName(type)} letter`;
  const also = covers.filter((t) => t !== type);
  if (!also.length) return main;
  return `${main}, with the ${also.map((t) => (t === 'PA' ? 'persistent absence' : shortName(t))).join(' and ')} paragraph${also.length > 1 ? 's' : ''} (one letter for ${covers.map(shortName).join(' + ')})`;
}

export function previewOf(s: LetterSources, req: LetterRunRequest, plan: LetterRunPlan, view: TypeView): LetterRunPreview {
  const idx = indexes(s);
  const byUpn = idx.pupils;
  const last = lastAttendanceLetters(s.log);
  // A skipped pupil with an override on the Attendance tab: say what became of it (ladder letters).
  const overrideOf = new Map<string, string>();
  for (const o of s.overrides) if (o.state !== 'honoured') overrideOf.set(normUpn(o.upn), o.message);
  const withOverride = (upn: string, reason: string) => (overrideOf.has(upn) ? `${reason} ${overrideOf.get(upn)}` : reason);
  const row = (upn: string, reason: string, code?: string): PreviewPupil => {
    const p = byUpn.get(upn);
    const out: PreviewPupil = { upn, name: p ? listName(p) : upn, year: p ? p.year : null, regGroup: p ? p.regGroup : '', reason };
    if (code) out.code = code;
    return out;
  };
  const notes = new Map<string, string[]>();
  for (const n of plan.notes) (notes.get(n.upn) || notes.set(n.upn, []).get(n.upn) as string[]).push(n.note);
  const due: PreviewLetter[] = plan.toProduce.map((l) => {
    const pupil = byUpn.get(l.upn) as Pupil;
    const { ctx, conditions } = letterInputs(l, pupil, s, idx, req.panel);
    const sig = ctx.signedBy as { name: string; role: string; fallback?: boolean };
    const why = [view.reasons.get(l.upn) || ''].concat(notes.get(l.upn) || []).filter((x) => x !== '').join('; ');
    const attendance = ['AT1', 'AT2', 'panel', 'EWO', 'PA'].indexOf(l.type) >= 0;
    const unauth = ctx.attendance ? ctx.attendance.unauthorised : 0;
    return {
      ...row(l.upn, why),
      letter: letterWords(l.type, l.covers) + (conditions.IfRepeat ? ' — a repeat this school year ("again")' : ''),
      to: l.addressee.addressee + (l.addressee.address ? `, ${l.addressee.address.split('\n')[0]}` : ', no address on file'),
      wording: !attendance ? '' : conditions.IfLegal
        ? `Legal wording (s.444, penalty notices): compulsory school age, ${unauth} unauthorised sessions`
        : `Support wording, asking for medical evidence (${unauth} unauthorised sessions; legal wording from ${s.settings.letters.legalWordingFromUnauthorised}${view.facts.get(l.upn) && !(view.facts.get(l.upn) as { compulsorySchoolAge: boolean }).compulsorySchoolAge ? ', and not of compulsory school age' : ''})`,
      signedBy: `${sig.name}, ${sig.role}${sig.fallback ? ' (from Settings: nobody in that role on the Staff tab)' : ''}`,
    };
  });
  const families = new Set(plan.toProduce.map((l) => l.upn)).size;
  const preview: LetterRunPreview = {
    type: req.type,
    title: runTitle(req.type),
    cohort: cohortLabel(req),
    due,
    families,
    skipped: plan.skipped.filter((k) => k.code !== 'proposed').map((k) => row(k.upn, withOverride(k.upn, k.reason), k.code)),
    proposals: plan.proposals.map((p) => ({
      ...row(p.upn, `${view.reasons.get(p.upn) || ''}. Most of the absence is authorised, so the ${shortName(p.type as LetterType)} letter is proposed, not sent: tick to confirm it.`),
      type: p.type,
    })),
    needsPanel: plan.toProduce.some((l) => l.type === 'panel') || plan.proposals.some((p) => p.type === 'panel'),
    problems: s.problems.slice(0, 50),
  };
  addHistoryNotes(s, req, preview, row);
  if (TIER_KINDS.indexOf(req.type) >= 0 && view.tiers) {
    const years = req.cohort.kind === 'year' ? [req.cohort.year] : null;
    const cohort = cohortFilter(req);
    const inThisCohort = (u: string) => inCohort(u, byUpn.get(u), cohort);
    const lastWritten = (u: string) => {
      const t = lastLetterText(last.get(u));
      return t ? `last written to: ${t}` : 'not written to about attendance this year';
    };
    preview.tiers = view.tiers
      .filter((t) => !years || years.indexOf(t.year) >= 0)
      .map((t) => ({
        year: t.year,
        included: t.included.filter((m) => inThisCohort(m.upn)).map((m) => row(m.upn, `Tier ${m.tier}: ${view.reasons.get(m.upn) || ''}; ${lastWritten(m.upn)}`)),
        removed: t.removed.filter((m) => inThisCohort(m.upn)).map((m) => row(m.upn, `No longer in tier ${m.tier}; ${lastWritten(m.upn)}`)),
        continuing: t.continuing.filter((m) => inThisCohort(m.upn)).length,
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
  const ladder = ['AT1', 'AT2', 'panel', 'EWO'].indexOf(req.type) >= 0;
  if (!ladder && req.type !== 'attendance' && TIER_KINDS.indexOf(req.type) < 0) return;
  const logOf = new Map<string, LetterLogEntry[]>();
  for (const e of s.log) {
    const u = normUpn(e.upn);
    logOf.set(u, (logOf.get(u) || []).concat(e));
  }
  const listed = new Set<string>(preview.due.map((p) => p.upn).concat(preview.skipped.map((p) => p.upn)));
  for (const r of s.review.pupils) {
    const u = normUpn(r.upn);
    const notes = episodeNotes(logOf.get(u) || [], r.ladder.episodeStart, s.asOf);
    if (!notes.length) continue;
    const said = `Letters Log: ${notes.join('; ')}.`;
    const mine = (preview.due as PreviewPupil[]).concat(preview.skipped).filter((p) => p.upn === u);
    if (mine.length) {
      for (const m of mine) m.reason = m.reason ? `${m.reason}${/[.!?)]$/.test(m.reason) ? '' : '.'} ${said}` : said;
      continue;
    }
    const eligible = req.type === 'AT1' || !ladder ? r.stage === 'level1' || r.stage === 'level2' : r.stage === 'level2';
    if (!eligible || listed.has(u) || !matchesCohort(s, req, u)) continue;
    const next = r.ladder.lettersDue.length ? `the ladder has ${r.ladder.lettersDue.join(', ')} due instead` : r.ladder.nextAction || 'nothing is due on the ladder';
    preview.skipped.push(row(u, `No ${ladder ? letterTitle(req.type as LetterType) : 'attendance letter'} is due: ${next}. ${said}`, 'notDue'));
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
