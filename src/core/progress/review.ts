/**
 * A progress review round (SPEC §7, seed 003): each pupil × subject is Above / On / Below target,
 * or ungradeable (reported, not compared). Consequences, with stable keys so a re-run of the same
 * round adds nothing:
 *   Above  → suggestion to the subject teacher to raise the target     PR|raise|<upn>|<subject>|<round>
 *   Below  → Interventions row for the head of subject                  PR|below|<upn>|<subject>|<round>
 *   Below in ≥ belowSubjectsForRac subjects → Raising Achievement Coordinator   PR|rac|<upn>|<round>
 * `round` names the data drop (e.g. "2024-01 review"); it is what makes the next round's Below a
 * new intervention. Movement compares with the previous round's status for the same subject.
 */
import { IsoDate } from '../dates';
import { Settings } from '../settings';
import { Intervention, ProgressEntry, Pupil, StaffMember } from '../types';
import { Owner, ownerLabel, resolveOwner } from '../homework/owners';
import { compareToTarget, isUngradeable } from './grades';
import { normUpn } from '../pupils/names';
import { rollIndex } from '../pupils/roll';
import { normText } from '../text';

export const PROGRESS_AREA = 'Progress';

export type ProgressStatus = 'above' | 'on' | 'below' | 'ungradeable';
export type Movement = 'up' | 'down' | 'same' | 'new' | '';

export interface ReviewRow {
  upn: string;
  subject: string;
  target: string;
  current: string;
  predicted: string;
  status: ProgressStatus;
  /** Why it could not be compared ('' when it could). */
  reason: string;
  previousStatus: ProgressStatus | '';
  movement: Movement;
}

export interface RaiseSuggestion {
  key: string;
  upn: string;
  subject: string;
  current: string;
  target: string;
  /** Raise the target at least to the grade the pupil is working at. */
  suggestedTarget: string;
  owner: string;
}

export interface ProgressReview {
  rows: ReviewRow[];
  ungradeable: Array<{ upn: string; subject: string; message: string }>;
  suggestions: RaiseSuggestion[];
  interventions: Intervention[];
}

export interface ReviewInput {
  entries: ProgressEntry[];
  pupils: Pupil[];
  asOf: IsoDate;
  settings: Settings;
  round: string;
  /** The previous round's entries (their target/current, or their Status when those are blank). */
  previous?: ProgressEntry[];
  staff?: StaffMember[];
}

const ORDER: Record<string, number> = { below: 0, on: 1, above: 2 };

export function statusOf(current: string, target: string, settings?: Settings): { status: ProgressStatus; reason: string } {
  const c = compareToTarget(current, target, settings);
  return isUngradeable(c) ? { status: 'ungradeable', reason: c.ungradeable } : { status: c, reason: '' };
}

/** Up / down / same between two rounds; '' when either could not be compared, 'new' with no previous. */
export function movement(previous: ProgressStatus | '', now: ProgressStatus): Movement {
  if (previous === '') return 'new';
  if (previous === 'ungradeable' || now === 'ungradeable') return '';
  const d = ORDER[now] - ORDER[previous];
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

function previousStatusOf(p: ProgressEntry, settings: Settings): ProgressStatus | '' {
  if (String(p.current || '').trim() || String(p.target || '').trim()) return statusOf(p.current, p.target, settings).status;
  const s = normText(p.status);
  return s === 'above' || s === 'on' || s === 'below' ? s : s ? 'ungradeable' : '';
}

export function progressReview(input: ReviewInput): ProgressReview {
  const { settings, asOf, staff, round } = input;
  const roll = rollIndex(input.pupils, asOf);
  const prev = new Map<string, ProgressStatus | ''>();
  for (const p of input.previous || []) prev.set(`${normUpn(p.upn)}|${normText(p.subject)}`, previousStatusOf(p, settings));

  const out: ProgressReview = { rows: [], ungradeable: [], suggestions: [], interventions: [] };
  const belowByPupil = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const e of input.entries) {
    const upn = normUpn(e.upn);
    const pupil = roll.get(upn);
    const k = `${upn}|${normText(e.subject)}`;
    if (!pupil || seen.has(k)) continue; // leavers and repeated rows are out
    seen.add(k);
    const { status, reason } = statusOf(e.current, e.target, settings);
    const previousStatus = input.previous ? (prev.has(k) ? (prev.get(k) as ProgressStatus | '') : '') : '';
    out.rows.push({
      upn: pupil.upn, subject: e.subject, target: String(e.target), current: String(e.current), predicted: String(e.predicted || ''),
      status, reason, previousStatus, movement: input.previous ? movement(previousStatus, status) : '',
    });
    if (status === 'ungradeable') {
      out.ungradeable.push({ upn: pupil.upn, subject: e.subject, message: `Progress: ${pupil.upn} ${e.subject}: ${reason}.` });
    } else if (status === 'above') {
      out.suggestions.push({
        key: `PR|raise|${pupil.upn}|${e.subject}|${round}`, upn: pupil.upn, subject: e.subject,
        current: String(e.current), target: String(e.target), suggestedTarget: String(e.current).trim(),
        owner: `Subject teacher (${e.subject})`,
      });
    } else if (status === 'below') {
      const hos: Owner = resolveOwner('Head of subject', { subject: e.subject }, staff);
      out.interventions.push(intervention(`PR|below|${pupil.upn}|${e.subject}|${round}`, asOf, pupil.upn,
        `Below target in ${e.subject}: subject intervention`, ownerLabel(hos), `${e.subject}: working at ${e.current}, target ${e.target}`));
      const list = belowByPupil.get(upn) || [];
      list.push(e.subject);
      belowByPupil.set(upn, list);
    }
  }
  belowByPupil.forEach((subjects, upn) => {
    if (subjects.length < settings.progress.belowSubjectsForRac) return;
    const p = roll.get(upn) as Pupil;
    const rac = ownerLabel(resolveOwner('Raising Achievement Coordinator', {}, staff));
    out.interventions.push(intervention(`PR|rac|${p.upn}|${round}`, asOf, p.upn,
      `Below target in ${subjects.length} subjects: Raising Achievement Coordinator`, rac, `Below in ${subjects.join(', ')}`));
  });
  return out;
}

function intervention(key: string, date: IsoDate, upn: string, action: string, owner: string, entryValue: string): Intervention {
  return { key, date, upn, area: PROGRESS_AREA, action, owner, due: '', status: 'Open', outcome: '', entryValue, exitValue: '' };
}
