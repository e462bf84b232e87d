/**
 * The Legal tab's rows (SPEC §4.4): one statutory step for a pupil — Notice to Improve, penalty
 * notice, "LA notified" of ten school days absent without permission, attendance contract,
 * referral for prosecution — plus the school's record that it considered the threshold and chose
 * support instead. Staff type rows with drop-downs; the add-on appends its own when it records a
 * step (jobs/legal/record.ts). Rows are never edited by the add-on.
 *
 * A step's words are read leniently ("NTI", "fixed penalty", "10 day notification"), because the
 * tab is typed by hand and imported from other systems (legal.csv): the rules work on `StepKind`,
 * never on the spelling.
 */
import { IsoDate } from '../dates';

export type StepKind = 'noticeToImprove' | 'penaltyNotice' | 'laNotified' | 'contract' | 'referral' | 'considered';

/** The Step drop-down, in the order a case goes (the spelling the add-on writes). */
export const STEP_NAMES: Record<StepKind, string> = {
  noticeToImprove: 'Notice to Improve',
  penaltyNotice: 'Penalty notice',
  laNotified: 'LA notified (10 days)',
  contract: 'Attendance contract',
  referral: 'Referral for prosecution',
  considered: 'Considered: no notice',
};

export const LEGAL_STEPS: string[] = [
  STEP_NAMES.noticeToImprove,
  STEP_NAMES.penaltyNotice,
  STEP_NAMES.laNotified,
  STEP_NAMES.contract,
  STEP_NAMES.referral,
  STEP_NAMES.considered,
];

/**
 * The Outcome drop-down. "Withdrawn" matters to the rules: a withdrawn penalty notice does not
 * count towards the two-in-three-years limit (national framework). The rest are for people.
 */
export const LEGAL_OUTCOMES: string[] = [
  'Paid within 21 days',
  'Paid within 28 days',
  'Not paid',
  'Withdrawn',
  'Improved',
  'Not improved',
  'Returned to school',
  'Prosecuted',
];

/** One row of the Legal tab. Dates are ISO ('' when blank); text as typed. */
export interface LegalRecord {
  date: IsoDate;
  upn: string;
  step: string;
  parent: string;
  amount: string;
  /** Notice to Improve: the end of the improvement period. LA notified: the date the pupil came back. */
  periodEnd: IsoDate | '';
  outcome: string;
  by: string;
}

const PATTERNS: Array<[StepKind, RegExp]> = [
  // Most specific first: "notice to improve" before "notice", "LA notified" before "penalty".
  ['noticeToImprove', /\bnotice\s+to\s+improve\b|^\s*nti\s*$|\bimprovement\s+notice\b/i],
  ['laNotified', /\b(la|local\s+authority)\b.*\bnotif|\bnotif\w*\b.*\b(la|local\s+authority)\b|\b10\s*(school\s+)?days?\b|\bten\s+(school\s+)?days?\b|\bcontinuous\s+absence\b/i],
  ['considered', /\bconsidered\b|\bno\s+notice\b|\bnot\s+issued\b|\bsupport\s+instead\b/i],
  ['referral', /\breferr?al\b|\bprosecut/i],
  ['contract', /\bcontract\b|\bparenting\s+agreement\b/i],
  ['penaltyNotice', /\bpenalty\b|\bfixed\s+penalty\b|\bfine\b|^\s*pn\s*$|^\s*fpn\s*$/i],
];

/** What a step is, from its words; null when the words are not a step the rules know. */
export function stepKind(step: string): StepKind | null {
  const s = String(step || '').trim();
  if (!s) return null;
  for (const [kind, re] of PATTERNS) if (re.test(s)) return kind;
  return null;
}

/** A withdrawn penalty notice does not count (national framework: "not those which were withdrawn"). */
export function isWithdrawn(r: Pick<LegalRecord, 'outcome'>): boolean {
  return /\bwithdrawn\b|\bcancel+ed\b|\brescinded\b/i.test(String(r.outcome || ''));
}

/** The pupil's steps in date order (stable for equal dates: the tab's order). */
export function sortSteps<T extends Pick<LegalRecord, 'date'>>(steps: T[]): T[] {
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.date < b.s.date ? -1 : a.s.date > b.s.date ? 1 : a.i - b.i))
    .map((x) => x.s);
}

/**
 * A parent as written on the Legal tab, for matching one notice to the next: case, spacing and
 * full stops ignored, so "Mrs J. Smith" and "mrs j smith" are one parent. The title is kept (Mrs J
 * Smith and Mr J Smith are two people). Different spellings ("Jane Smith" / "Mrs J Smith") are
 * different parents: the record form offers the names already used, so a parent is written the
 * same way each time.
 */
export function parentKey(name: string): string {
  return String(name || '')
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
