/**
 * A letter run's request as the sidebar sends it (through google.script.run, so untrusted input),
 * checked with a plain message for anything odd; its title, its cohort in words and as a filter.
 */
import { LETTER_TYPES, letterTitle } from './defaultTemplates';
import { RunKind } from './plan';
import { CohortFilter } from './cohort';
import { TIER_KINDS } from './candidates';
import { LetterType } from '../types';
import { UserError } from '../errors';
import { normUpn } from '../pupils/names';

export type CohortKind = 'all' | 'year' | 'regGroup' | 'selection';

export interface PanelDetails {
  date?: string;
  time?: string;
  place?: string;
}

export interface LetterRunRequest {
  /** A letter type, 'attendance' (every ladder and PA letter due) or 'tier' (a year group's tier letters). */
  type: RunKind;
  cohort: { kind: CohortKind; year?: number; regGroup?: string; upns?: string[] };
  /** UPNs the Head of Year unticked in the preview. */
  unticked?: string[];
  /** UPNs whose proposed panel / EWO letter the Head of Year confirmed. */
  confirmed?: string[];
  /** The governors' attendance panel the panel letters invite to. */
  panel?: PanelDetails;
  /**
   * The letters the Head of Year saw in the preview (jobs/letters/preview.ts previewDigest). The run
   * makes nothing when its fresh plan differs; without it (a caller with no preview) it is not checked.
   */
  previewed?: string;
}

const UPN_RE = /^[A-Z0-9]{1,20}$/;
const KINDS: string[] = (LETTER_TYPES as string[]).concat(['attendance'], TIER_KINDS);

/** The name of a run for menus, the preview and the document title. */
export function runTitle(kind: RunKind): string {
  if (kind === 'attendance') return 'Attendance letters';
  if (TIER_KINDS.indexOf(kind) >= 0) return 'Tier letters';
  return letterTitle(kind as LetterType);
}

/** The request as the sidebar sent it, checked: anything odd is refused with a plain message. */
export function checkRequest(raw: unknown): LetterRunRequest {
  const r = (raw || {}) as Record<string, unknown>;
  const type = String(r.type || '') as RunKind;
  if (KINDS.indexOf(type) < 0) throw new UserError(`Choose a letter type (${['attendance', 'tier'].concat(LETTER_TYPES).map((k) => runTitle(k as RunKind)).join(', ')}).`);
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
  const req: LetterRunRequest = { type, cohort, unticked: upnList(r.unticked), confirmed: upnList(r.confirmed) };
  if (r.previewed !== undefined && r.previewed !== null && r.previewed !== '') {
    const d = String(r.previewed);
    if (!/^[0-9a-z]{1,16}$/.test(d)) throw new UserError('The letter run sidebar sent a preview it cannot have made. Close the sidebar, open it again and preview the letters.');
    req.previewed = d;
  }
  if (r.panel !== undefined && r.panel !== null) {
    const p = r.panel as Record<string, unknown>;
    const text = (v: unknown, what: string): string => {
      const t = String(v === undefined || v === null ? '' : v).replace(/\s+/g, ' ').trim();
      if (t.length > 80) throw new UserError(`The panel's ${what} is too long (80 characters at most).`);
      return t;
    };
    req.panel = { date: text(p.date, 'date'), time: text(p.time, 'time'), place: text(p.place, 'place') };
  }
  return req;
}

export function cohortLabel(req: LetterRunRequest): string {
  const c = req.cohort;
  if (c.kind === 'year') return `Year ${c.year}`;
  if (c.kind === 'regGroup') return `${c.regGroup}`;
  if (c.kind === 'selection') return `${(c.upns || []).length} selected on the Attendance tab`;
  return 'whole school';
}

export function cohortFilter(req: LetterRunRequest): CohortFilter {
  const c = req.cohort;
  if (c.kind === 'year') return { years: [c.year as number] };
  if (c.kind === 'regGroup') return { regGroups: [c.regGroup as string] };
  if (c.kind === 'selection') return { upns: c.upns || [] };
  return {};
}
