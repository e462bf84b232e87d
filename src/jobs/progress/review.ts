/**
 * Progress review (issue 8, SPEC §7, seed 003): read Progress, Students, Staff and Interventions
 * once; decide with core/progress; write the Progress tab's owned columns (Status, Previous
 * Status, Movement) by key (UPN + subject), colour Status by conditional formatting, and append
 * the consequences to Interventions once (their keys carry the review round).
 *
 * A **review round** is a calendar month ("2024-01"): the seed's "monthly grade record". Re-running
 * in the same month recomputes Status but keeps the Previous Status the month began with, and adds
 * no intervention already logged; the first run in a new month takes the tab's Status as the
 * previous round's. The round last reviewed is kept in the document properties (no pupil data).
 */
import { interventionRecords, writeInterventions } from '../interventionRows';
import { ProgressNow, progressClosures } from '../../core/interventions/closing';
import { rollIndex } from '../../core/pupils/roll';
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { Intervention, ProgressEntry, Pupil } from '../../core/types';
import { progressReview as reviewProgress, ProgressStatus, ReviewRow, RaiseSuggestion } from '../../core/progress/review';
import { loadTabs } from '../load';
import { parseTab } from '../../core/records/parse';
import { formatRefusal } from '../../core/records/refusal';
import { openTab, readValues, upsertByKey } from '../../gas/tables';
import { mapHeaders } from '../../core/records/headers';
import { tabDef } from '../../core/tabs';
import { setStatusColours } from '../../gas/statusColours';
import { writeGeneratedTab, GeneratedTab } from '../../gas/generatedTab';
import { toCell } from '../../gas/cells';
import { UserError } from '../../core/errors';
import { StateStore, documentState } from '../../gas/properties';
import { PROGRESS_ROUND } from '../../core/state';
import { normUpn, listName } from '../../core/pupils/names';
import { FNV_OFFSET, fnvAdd } from '../../core/hash';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const STATUS_COLOURS = [
  { text: 'Above', background: '#b7e1cd' }, // green
  { text: 'Below', background: '#f4b6b6' }, // red
];

export interface ProgressReviewResult {
  asOf: IsoDate;
  round: string;
  /** Rows reviewed (pupils on roll), by status. */
  counts: { above: number; on: number; below: number; ungradeable: number };
  rows: ReviewRow[];
  /** "Progress: <UPN> <subject>: current grade U (ungraded)." — reported, not compared. */
  ungradeable: Array<{ upn: string; subject: string; message: string }>;
  /** Interventions added by this run (a re-run of the round adds none). */
  added: Intervention[];
  /** Pupils below target in belowSubjectsForRac or more subjects (this round). */
  racPupils: string[];
  suggestions: RaiseSuggestion[];
  written: { progressRowsUpdated: number; interventionsAdded: number; interventionsClosed: number };
  /** Rows staff typed wrongly (tab, row, reason). */
  problems: string[];
}

const LABEL: Record<ProgressStatus, string> = { above: 'Above', on: 'On', below: 'Below', ungradeable: 'Not graded' };

export function statusCell(r: ReviewRow): string {
  return r.status === 'ungradeable' ? `Not graded: ${r.reason}` : LABEL[r.status];
}

function movementCell(m: string): string {
  return m ? m.charAt(0).toUpperCase() + m.slice(1) : '';
}

/** The review round of a date: its month. */
export function roundOf(asOf: IsoDate): string {
  return asOf.slice(0, 7);
}

/** A raise-target suggestion as an Interventions row for the subject teacher. */
/**
 * "Above → suggest raising the target" (SPEC §7) is a suggestion for the subject teacher, not an
 * intervention: the suggestions of the latest round are a generated tab, rebuilt each review, so
 * Interventions keeps only the actions someone must follow up (Below, and Below in 3+ subjects).
 */
export const SUGGESTIONS_TAB = 'Target Suggestions';

function suggestionsTab(suggestions: RaiseSuggestion[], pupils: Pupil[], round: string): GeneratedTab {
  const byUpn = new Map<string, Pupil>();
  for (const p of pupils) byUpn.set(normUpn(p.upn), p);
  const header = ['Subject Teacher', 'UPN', 'Pupil', 'Year', 'Reg Group', 'Subject', 'Working At', 'Target', 'Suggested Target', 'Round'];
  const rows = suggestions
    .map((x) => ({ x, p: byUpn.get(normUpn(x.upn)) }))
    .sort((a, b) => (a.x.owner + a.x.subject).localeCompare(b.x.owner + b.x.subject) || ((a.p && a.p.surname) || '').localeCompare((b.p && b.p.surname) || ''))
    .map(({ x, p }) => [x.owner, x.upn, p ? listName(p) : '', p ? p.year : '', p ? p.regGroup : '', x.subject, x.current, x.target, x.suggestedTarget, round].map((v) => (typeof v === 'number' ? v : toCell(v, 'text'))));
  return { name: SUGGESTIONS_TAB, values: [header, ...rows], headingRows: [1], frozenRows: 1 };
}

export function progressReview(ss: Spreadsheet, settings: Settings, asOf: IsoDate, opts: { round?: string; state?: StateStore } = {}): ProgressReviewResult {
  const round = opts.round || roundOf(asOf);
  const { data, problems } = loadTabs(ss, ['Students', 'Staff', 'Interventions']);
  // Progress is read here (once) rather than through loadTabs: the rules also need the Previous
  // Status column, which is the add-on's memory rather than a field of the imported record.
  const sheet = openTab(ss, 'Progress');
  const values = readValues(sheet);
  const header = (values[0] || []) as unknown[];
  const map = mapHeaders(tabDef('Progress'), header);
  const statusIndex = map.columnIndex.status;
  const prevIndex = map.columnIndex.previousStatus;
  if (statusIndex === undefined || prevIndex === undefined) {
    throw new UserError('Progress: no "Status" or "Previous Status" column. Run Pastoral Tracker → Set up tracker to add them.');
  }
  const parsed = values.length ? parseTab('Progress', values) : { records: [] as ProgressEntry[], rows: [] as number[], refusals: [], headerMessages: [] };
  if (parsed.headerMessages.length) throw new UserError(parsed.headerMessages.join('\n'));
  parsed.refusals.forEach((r) => problems.push(formatRefusal('Progress', r)));
  const entries = parsed.records;
  const previousCells = parsed.rows.map((row) => String(values[row - 1][prevIndex] ?? '').trim());

  const state = opts.state || documentState();
  const last = state.get(PROGRESS_ROUND);
  // A new round is claimed before the Status column is written (with a hash of the Status column it
  // started from: core/state.ts), and confirmed after. A run stopped in between (Apps Script failed
  // a call) left either the old Status column (same hash: still a new round) or this round's (the
  // write happened: the same round), so a re-run never takes its own half-done work for last round.
  const statusHash = hashCells(parsed.rows.map((row) => String(values[row - 1][statusIndex] ?? '')));
  const sameRound = !!last && last.round === round && last.pendingFrom !== statusHash;
  const hasHistory = sameRound ? previousCells.some((c) => c !== '') : entries.some((e) => String(e.status || '').trim() !== '');
  const previous: ProgressEntry[] | undefined = hasHistory
    ? entries.map((e, i) => ({ upn: e.upn, subject: e.subject, target: '', current: '', predicted: '', status: sameRound ? previousCells[i] : e.status }))
    : undefined;

  const review = reviewProgress({ entries, pupils: data.Students || [], asOf, settings, round, previous, staff: data.Staff || [] });

  const counts = { above: 0, on: 0, below: 0, ungradeable: 0 };
  review.rows.forEach((r) => counts[r.status]++);
  const label = (s: string) => (s === 'above' || s === 'on' || s === 'below' ? LABEL[s as ProgressStatus] : s === 'ungradeable' ? 'Not graded' : '');
  const updates = review.rows.map((r) => ({
    upn: r.upn, subject: r.subject, status: statusCell(r), previousStatus: label(r.previousStatus), movement: movementCell(r.movement),
  }));

  const existingKeys = new Set((data.Interventions || []).map((i) => String(i.key).trim().toUpperCase()));
  const proposed = review.interventions;
  const fresh = proposed.filter((i) => !existingKeys.has(i.key.toUpperCase()));

  if (!sameRound) state.set(PROGRESS_ROUND, { round, pendingFrom: statusHash });
  const upsert = updates.length ? upsertByKey(ss, 'Progress', updates, { fields: ['status', 'previousStatus', 'movement'], addMissing: false }) : { updated: 0 };
  setStatusColours(sheet, statusIndex + 1, STATUS_COLOURS);
  // Rows an earlier review opened whose reason has ended (target met, or carried to this round).
  const closures = progressClosures((data.Interventions || []).concat(fresh), progressNow(review.rows, round, settings, data.Students || [], asOf), asOf);
  const { added, closed } = writeInterventions(ss, interventionRecords(fresh, data.Students || []), closures);
  writeGeneratedTab(ss, suggestionsTab(review.suggestions, data.Students || [], round));
  state.set(PROGRESS_ROUND, { round });

  const racPupils = review.interventions.filter((i) => i.key.indexOf('PR|rac|') === 0).map((i) => i.upn);
  return {
    asOf, round, counts, rows: review.rows, ungradeable: review.ungradeable, added: fresh, racPupils, suggestions: review.suggestions,
    written: { progressRowsUpdated: upsert.updated, interventionsAdded: added, interventionsClosed: closed }, problems,
  };
}

/** 32-bit FNV-1a of a column's cells: whether it changed, without storing pupil data. */
function hashCells(cells: string[]): string {
  let h = FNV_OFFSET;
  for (const c of cells) h = fnvAdd(h, c, 0x1f);
  return `${cells.length}:${(h >>> 0).toString(16)}`;
}

/** The message for the person who ran it: counts only (pupil data stays in the sheet). */
export function describeProgressReview(r: ProgressReviewResult): string {
  const lines = [
    `Review round ${r.round}: ${r.rows.length} grades reviewed — ${r.counts.above} above, ${r.counts.on} on, ${r.counts.below} below target.`,
    `${r.written.interventionsAdded} new Interventions rows, ${r.written.interventionsClosed} closed (target met, or carried to this round); ${r.suggestions.length} "raise the target" suggestions on the ${SUGGESTIONS_TAB} tab; ${r.racPupils.length} pupils are below target in several subjects (Raising Achievement Coordinator).`,
  ];
  if (r.ungradeable.length) {
    lines.push(`${r.ungradeable.length} grades could not be compared (U, X, blank or not a grade) — marked "Not graded" in the Status column:`);
    for (const u of r.ungradeable.slice(0, 10)) lines.push(`• ${u.message}`);
    if (r.ungradeable.length > 10) lines.push(`… and ${r.ungradeable.length - 10} more.`);
  }
  if (r.problems.length) lines.push(`${r.problems.length} rows were not read: ${r.problems.slice(0, 3).join('; ')}`);
  return lines.join('\n');
}

/** What this review says now, for closing earlier rounds' rows (pure: no reads). */
function progressNow(rows: ReviewRow[], round: string, settings: Settings, pupils: Pupil[], asOf: IsoDate): ProgressNow {
  const now: ProgressNow = { round, status: new Map(), belowSubjects: new Map(), belowForRac: settings.progress.belowSubjectsForRac, onRoll: new Set() };
  rollIndex(pupils, asOf).forEach((_p, upn) => now.onRoll.add(upn));
  for (const r of rows) {
    const upn = r.upn.trim().toUpperCase();
    now.status.set(`${upn}|${r.subject.trim().toUpperCase()}`, { status: r.status, current: r.current, target: r.target });
    if (r.status === 'below') now.belowSubjects.set(upn, (now.belowSubjects.get(upn) || 0) + 1);
  }
  return now;
}
