/**
 * Recording a legal step from the add-on (issue 19): the Legal tab gets the add-on's own row, with
 * what the rules work out filled in — a penalty notice's amount (first or second notice), a Notice
 * to Improve's Period End (the improvement period in school weeks), the return date of a pupil the
 * LA was told about. Everything is checked before anything is written; a step the framework does
 * not allow is refused with the reason:
 *   - a Notice to Improve once per threshold episode (not while one's period runs);
 *   - no third penalty notice to a parent for the child within 3 years: consider prosecution;
 *   - LA notified once per run of ten days — the second time, the return date is filled in.
 * Only for pupils of compulsory school age. Rows are appended by key (UPN, Date, Step, Parent), so
 * recording the same step twice adds nothing.
 */
import { IsoDate, isIsoDate, toUk } from '../../core/dates';
import { Settings } from '../../core/settings';
import { improvementPeriodEnd, returnDate } from '../../core/legal/improvement';
import { nextNotice } from '../../core/legal/notices';
import { LEGAL_STEPS, LegalRecord, STEP_NAMES, StepKind, parentKey, stepKind } from '../../core/legal/steps';
import { appendNewByKey, upsertByKey } from '../../gas/tables';
import { currentUser } from '../../gas/session';
import { loadPupilLegalSources } from './sources';
import { PupilCase, dueWith, legalCases } from './cases';
import { UserError } from '../../core/errors';
import { normUpn, proseName } from '../../core/pupils/names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface StepRequest {
  upn: string;
  step: string;
  /** yyyy-mm-dd; default today. */
  date: IsoDate;
  /** Who the step was given to (each parent gets their own penalty notice). */
  parents: string[];
  outcome: string;
}

export interface RecordResult {
  recorded: LegalRecord[];
  /** Rows already on the tab with the same UPN, Date, Step and Parent (nothing added for them). */
  alreadyThere: number;
  /** The LA-notified row whose Period End (the return date) was filled in. */
  returnDateRecorded: IsoDate | '';
  notes: string[];
  /** What is due next for the pupil now. */
  dueNext: string;
  message: string;
}

const text = (v: unknown, max: number) => String(v === undefined || v === null ? '' : v).trim().slice(0, max);

/** Checks a request from the sidebar (the browser is not trusted). */
export function checkStepRequest(raw: unknown, asOf: IsoDate): StepRequest {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError('Choose a pupil and a step.');
  const r = raw as Record<string, unknown>;
  const upn = text(r.upn, 20).toUpperCase();
  if (!/^[A-Z0-9]{1,20}$/.test(upn)) throw new UserError('Choose a pupil from the search results.');
  const step = text(r.step, 60);
  const kind = stepKind(step);
  if (!kind) throw new UserError(`Choose a step: ${LEGAL_STEPS.join(', ')}.`);
  const date = text(r.date, 10) || asOf;
  if (!isIsoDate(date)) throw new UserError(`"${date}" is not a date.`);
  if (date > asOf) throw new UserError(`The step is dated ${toUk(date)}, after today: record a step once it has been taken.`);
  const parents = (Array.isArray(r.parents) ? r.parents : []).map((p) => text(p, 120)).filter((p) => p !== '');
  if (parents.length > 6) throw new UserError('Name at most six parents or carers.');
  return { upn, step: STEP_NAMES[kind], date, parents, outcome: text(r.outcome, 200) };
}

export function recordLegalStepJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, raw: unknown): RecordResult {
  const req = checkStepRequest(raw, asOf);
  // This pupil's rows only (issue 22: a sidebar call), reviewed as the whole review would.
  const s = loadPupilLegalSources(ss, settings, asOf, req.upn);
  if (!s.pupils.some((p) => normUpn(p.upn) === normUpn(req.upn))) throw new UserError('That pupil is not on the Students tab. Search again.');
  const c = legalCases(s, [req.upn])[0];
  if (!c.compulsory) throw new UserError(`${proseName(c.pupil)} is not of compulsory school age (${c.compulsoryBasis}): legal steps apply only to pupils of compulsory school age.`);

  const by = byName(s.staff);
  const kind = stepKind(req.step) as StepKind;
  const result: RecordResult = { recorded: [], alreadyThere: 0, returnDateRecorded: '', notes: [], dueNext: '', message: '' };
  const row = (parent: string, extra: Partial<LegalRecord> = {}): LegalRecord => ({
    date: req.date, upn: c.pupil.upn, step: req.step, parent, amount: '', periodEnd: '', outcome: req.outcome, by, ...extra,
  });
  let rows: LegalRecord[] = [];

  // The same step asked for again (a second click, or a retry after a failure that had already
  // written it) is "already there", never refused with a rule meant for a new step.
  const sameDay = (parent: string) => c.steps.some((x) => x.date === req.date && stepKind(x.step) === kind && (kind !== 'penaltyNotice' || parentKey(x.parent) === parentKey(parent)));
  const repeated = kind === 'penaltyNotice' ? req.parents.filter(sameDay) : sameDay('') ? ['(all)'] : [];
  if (kind === 'penaltyNotice' && repeated.length) req.parents = req.parents.filter((p) => !sameDay(p));
  result.alreadyThere = repeated.length;

  if (kind !== 'penaltyNotice' && repeated.length) rows = [];
  else if (kind === 'penaltyNotice' && repeated.length && !req.parents.length) rows = [];
  else if (kind === 'noticeToImprove') rows = [noticeToImprove(c, req, settings, s.review.calendar, row, result.notes)];
  else if (kind === 'penaltyNotice') rows = penaltyNotices(c, req, settings, row, result.notes);
  else if (kind === 'laNotified') {
    const la = laNotified(c, req, row, asOf);
    if (la.fill) {
      upsertByKey(ss, 'Legal', [{ ...la.fill.row, periodEnd: la.fill.back }], { fields: ['periodEnd'], addMissing: false });
      result.returnDateRecorded = la.fill.back;
    } else rows = [la.row as LegalRecord];
  } else rows = [row(req.parents.join(' and '))];

  // A step already on the tab (same pupil, date, step and parent) is not added again.
  const fresh = rows.filter((r) => !c.steps.some((x) => sameRow(x, r)));
  result.alreadyThere += rows.length - fresh.length;
  if (fresh.length) appendNewByKey(ss, 'Legal', fresh as unknown as Record<string, unknown>[]);
  result.recorded = fresh;
  const steps = c.steps.concat(result.recorded);
  if (result.returnDateRecorded) {
    for (const x of steps) if (stepKind(x.step) === 'laNotified' && !x.periodEnd && c.tenDays && x.date >= c.tenDays.from) x.periodEnd = result.returnDateRecorded;
  }
  result.dueNext = dueWith(c.pupil, c.pm, s.review.calendar, steps, settings, asOf, true).due.text;
  result.message = describe(c, result);
  return result;
}

function sameRow(a: LegalRecord, b: LegalRecord): boolean {
  return a.date === b.date && normUpn(a.upn) === normUpn(b.upn) && stepKind(a.step) === stepKind(b.step) && parentKey(a.parent) === parentKey(b.parent);
}

function byName(staff: { name: string; email: string }[]): string {
  const me = currentUser().toLowerCase();
  const m = staff.find((x) => x.email.toLowerCase() === me);
  return m ? m.name : me;
}

function noticeToImprove(c: PupilCase, req: StepRequest, settings: Settings, cal: { schoolWeeks: IsoDate[] }, row: (p: string, e?: Partial<LegalRecord>) => LegalRecord, notes: string[]): LegalRecord {
  const imp = c.due.improvement;
  if (imp && !imp.ended && req.date <= imp.periodEnd) {
    throw new UserError(`The Notice to Improve of ${toUk(imp.noticeDate)} is still in its improvement period (it ends ${toUk(imp.periodEnd)}): a second one is not the next step.`);
  }
  const earlier = c.steps.filter((x) => stepKind(x.step) === 'noticeToImprove' && x.date <= req.date).map((x) => x.date).sort().pop();
  if (!c.threshold) {
    throw new UserError(earlier
      ? `A Notice to Improve was recorded on ${toUk(earlier)}, and the threshold has not been met again since: a Notice to Improve is recorded once per threshold episode.`
      : 'The penalty notice threshold is not met for this pupil (or a legal step has already answered it): a Notice to Improve answers the threshold.');
  }
  if (req.date < c.threshold.firstMet) throw new UserError(`The threshold was first met on ${toUk(c.threshold.firstMet)}: a Notice to Improve for it is dated on or after that day.`);
  if (c.due.items.some((i) => i.kind === 'threshold' && /holiday/.test(i.text))) notes.push('The threshold was met by a holiday in term time alone: a Notice to Improve is not expected for a holiday (it is recorded as asked).');
  const end = improvementPeriodEnd(req.date, settings.legal.improvementWeeks, cal);
  if (!settings.calendar.halfTerms.length) notes.push(`The improvement period (${settings.legal.improvementWeeks} school weeks) ends ${toUk(end)}. Term dates are not set in Settings, so a holiday still to come is not counted: change Period End on the Legal tab if one falls inside it.`);
  return row(req.parents.join(' and '), { periodEnd: end });
}

function penaltyNotices(c: PupilCase, req: StepRequest, settings: Settings, row: (p: string, e?: Partial<LegalRecord>) => LegalRecord, notes: string[]): LegalRecord[] {
  if (!req.parents.length) throw new UserError('Name the parent the penalty notice was issued to: each parent gets their own notice.');
  const out: LegalRecord[] = [];
  const refused: string[] = [];
  for (const parent of req.parents) {
    const n = nextNotice(c.steps.concat(out), parent, req.date, settings);
    if (n.kind === 'prosecution') {
      refused.push(`${parent} has had ${n.counted.length} penalty notices for this child in ${settings.legal.noticeYears} years (${n.counted.map((x) => x.date).sort().map(toUk).join(', ')}): a further notice cannot be issued — consider prosecution, and record a Referral for prosecution.`);
      continue;
    }
    out.push(row(parent, { amount: n.amount }));
  }
  if (refused.length) throw new UserError(`Nothing was recorded. ${refused.join(' ')}`);
  if (!c.threshold && !(c.due.improvement && c.due.improvement.ended && c.due.improvement.sessionsSince > 0)) {
    notes.push('Note: the threshold is not met now and no improvement period has ended with absence — check the case before the notice goes to the local authority.');
  }
  return out;
}

function laNotified(c: PupilCase, req: StepRequest, row: (p: string, e?: Partial<LegalRecord>) => LegalRecord, asOf: IsoDate): { row?: LegalRecord; fill?: { row: LegalRecord; back: IsoDate } } {
  const run = c.tenDays;
  if (!run) throw new UserError('This pupil has not been absent without permission for ten school days in a row: there is nothing to notify.');
  const back = returnDate(c.pm, run.to, asOf);
  const done = c.steps.filter((x) => stepKind(x.step) === 'laNotified' && x.date >= run.from);
  if (done.length) {
    const open = done.find((x) => !x.periodEnd);
    if (back && open) return { fill: { row: open, back } };
    throw new UserError(`The LA was notified on ${toUk(done[0].date)} about the ${run.days} school days from ${toUk(run.from)}${back ? ` and the return date (${toUk(back)}) is recorded` : '; the pupil is not back yet'}: once per run of absence.`);
  }
  if (req.date < run.from) throw new UserError(`The absence began on ${toUk(run.from)}: the notification is dated on or after that day.`);
  return { row: row('', { periodEnd: back }) };
}

function describe(c: PupilCase, r: RecordResult): string {
  const who = proseName(c.pupil);
  const lines: string[] = [];
  if (r.returnDateRecorded) lines.push(`Return date ${toUk(r.returnDateRecorded)} recorded for ${who} (LA notified row, Period End).`);
  for (const x of r.recorded) {
    lines.push(`${x.step} for ${who}${x.parent ? ` to ${x.parent}` : ''}, ${toUk(x.date)}${x.amount ? `: ${x.amount}` : ''}${x.periodEnd && stepKind(x.step) === 'noticeToImprove' ? `; improvement period ends ${toUk(x.periodEnd)}` : ''}.`);
  }
  if (r.alreadyThere) lines.push(`${r.alreadyThere} of the rows asked for ${r.alreadyThere === 1 ? 'was' : 'were'} already on the Legal tab: nothing added for ${r.alreadyThere === 1 ? 'it' : 'them'}.`);
  lines.push(...r.notes);
  lines.push(r.dueNext ? `Due next: ${r.dueNext}.` : 'Nothing else is due now.');
  return lines.join('\n');
}
