/**
 * The Head of Year's override of the ladder order (SPEC §4.2: "no AT2 without an AT1 in the same
 * episode unless the HoY overrides"), read from the staff column "HoY Override" on the Attendance
 * tab (a drop-down: blank, AT2, panel, EWO).
 *
 * The rule, kept deliberately simple:
 *  - an override is honoured while the pupil is at level 2 and that rung has not yet been sent in
 *    the current episode: the rung is then due now, without the rung below or its monitoring wait
 *    (core `reviewLadder`, and `planLetterRun` lets the letter skip the rung below);
 *  - at level 1 (or with no figures) it is not honoured and is reported; it waits in the cell;
 *  - it belongs to the current episode only, so the cell is cleared by the add-on once it is used
 *    or the episode is over: the letter run clears it when the rung's letter is produced, and the
 *    attendance review clears it when the pupil is back in reward (the episode ends). A rung that
 *    is already sent in the episode makes the override moot (reported, "clear the cell").
 *
 * Pure: rows in, overrides and messages out. Messages name the tab, row and value — never a pupil.
 */
import { tabDef } from '../tabs';
import { HOY_OVERRIDE_OPTIONS } from '../tabDefs/columns';
import { mapHeaders } from '../records/headers';
import { Stage } from './stage';
import { LadderOverride, RUNGS, Rung } from './ladder';

export const OVERRIDE_TAB = 'Attendance';
export const OVERRIDE_HEADER = 'HoY Override';

/** An override as staff set it, with the sheet row it is on (1 = the header row). */
export interface OverrideCell extends LadderOverride {
  row: number;
}

export interface OverrideRead {
  overrides: OverrideCell[];
  /** Cells that are not an override the add-on can use (tab, row and value). */
  problems: string[];
}

function cellString(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).replace(/\u00a0/g, ' ').trim();
}

/** "at2", "Panel ", "ewo" → the rung; anything else → null. */
export function overrideRung(value: unknown): Rung | null {
  const t = cellString(value).toLowerCase();
  if (!t) return null;
  for (const o of HOY_OVERRIDE_OPTIONS) if (o && o.toLowerCase() === t) return o as Rung;
  return null;
}

const CHOICES = HOY_OVERRIDE_OPTIONS.filter((o) => o).join(', ');

/** Attendance tab values (header row first) → the overrides set, and the cells that cannot be used. */
export function readOverrides(values: unknown[][]): OverrideRead {
  const out: OverrideRead = { overrides: [], problems: [] };
  if (!values.length) return out;
  const cols = mapHeaders(tabDef(OVERRIDE_TAB), values[0]).columnIndex;
  const col = cols.hoyOverride;
  const upnCol = cols.upn;
  if (col === undefined || upnCol === undefined) return out; // a tracker set up before the column existed
  for (let r = 1; r < values.length; r++) {
    const raw = cellString(values[r][col]);
    if (!raw) continue;
    const where = `${OVERRIDE_TAB} row ${r + 1}, ${OVERRIDE_HEADER} "${raw.length > 20 ? `${raw.slice(0, 20)}…` : raw}"`;
    const rung = overrideRung(raw);
    if (!rung) {
      out.problems.push(`${where}: not a rung the Head of Year can allow — choose ${CHOICES} from the drop-down, or leave it blank.`);
      continue;
    }
    const upn = cellString(values[r][upnCol]).toUpperCase();
    if (!upn) {
      out.problems.push(`${where}: the row has no UPN, so the override belongs to no pupil.`);
      continue;
    }
    out.overrides.push({ upn, rung, row: r + 1 });
  }
  return out;
}

/** What the review made of one override. */
export type OverrideState = 'honoured' | 'notLevel2' | 'alreadySent' | 'notOnRoll' | 'episodeOver';

export interface OverrideOutcome extends OverrideCell {
  state: OverrideState;
  /** For the person running the job: tab, row, value and why (no pupil names). */
  message: string;
}

/** The parts of a pupil's review an override depends on. */
export interface OverridePupil {
  upn: string;
  stage: Stage | null;
  ladder: { rung: Rung | 'none'; lettersDue: string[] };
}

/**
 * Each override against the review it went into (the same rule as `reviewLadder`: honoured at
 * level 2 for a rung above the one reached in the episode).
 */
export function overrideOutcomes(overrides: OverrideCell[], pupils: OverridePupil[]): OverrideOutcome[] {
  const by = new Map<string, OverridePupil>();
  for (const p of pupils) by.set(p.upn.trim().toUpperCase(), p);
  return overrides.map((o) => {
    const p = by.get(o.upn);
    const where = `${OVERRIDE_TAB} row ${o.row}, ${OVERRIDE_HEADER} "${o.rung}"`;
    const at = (state: OverrideState, message: string): OverrideOutcome => ({ ...o, state, message: `${where}: ${message}` });
    if (!p) return at('notOnRoll', 'the UPN is not a pupil on roll, so it is not used.');
    if (p.stage === 'reward') return at('episodeOver', 'the pupil is back in reward, so the episode is over and the override no longer applies (Review attendance clears the cell).');
    const reached = p.ladder.rung === 'none' ? -1 : RUNGS.indexOf(p.ladder.rung);
    if (RUNGS.indexOf(o.rung) <= reached) return at('alreadySent', `not needed: ${p.ladder.rung} is already sent in this episode. Clear the cell.`);
    if (p.stage !== 'level2') {
      const now = p.stage === 'level1' ? 'level 1' : 'without attendance figures';
      return at('notLevel2', `not honoured: the pupil is ${now}, and an override applies at level 2 only. It waits in the cell.`);
    }
    return at('honoured', `honoured: ${o.rung} is due now.`);
  });
}
