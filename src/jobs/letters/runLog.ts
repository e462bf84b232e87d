/**
 * What a letter run writes besides the document: the Letters Log rows of each letter (one per rung
 * it covers — so the ladder's memory stays per rung — with the pupil's name, year, reg group and
 * who it was addressed to), Out of date marks, spent Head of Year overrides, and
 * "Mark as posted" (Produced → Sent).
 */
import { addresseesFor, narrowAddressee, studentsTabAddressee } from '../../core/letters/addressees';
import { PlannedLetter, parseLetterKey } from '../../core/letters/plan';
import { mapHeaders } from '../../core/records/headers';
import { tabDef } from '../../core/tabs';
import { LetterType, Pupil } from '../../core/types';
import { openTab, readValues, upsertByKey } from '../../gas/tables';
import { UserError } from '../../core/errors';
import { LetterRunState, openRunStore } from '../../gas/letterRunStore';
import { clearOverrideCells } from '../attendance/overrideCells';
import { staleKeys } from '../../core/letters/staleLetters';
import { LetterSources } from '../../core/letters/sources';
import { PlanRow } from '../../core/letters/runMemory';
import { normUpn, listName } from '../../core/pupils/names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NO_PUPIL: Pupil = { upn: '', adno: '', forename: '', surname: '', year: 0, regGroup: '', pp: false, eal: false, sen: false, parentName: '', parentEmail: '', address: '', mentor: '', leavingDate: '' };

const LOG_FIELDS = ['date', 'type', 'upn', 'pupilName', 'year', 'regGroup', 'addressee', 'link', 'by', 'status'];
/** The columns every Letters Log has had since the first version. */
const BASIC_FIELDS = ['date', 'type', 'upn', 'link', 'by', 'status'];

export interface LogWriter {
  /** The letter's rows, in one write, the moment it is complete (the commit point). */
  write(letter: PlannedLetter, status: 'Produced' | 'Sent'): void;
  /** Several letters' rows in one write (the letters one Docs API call made). */
  writeMany(entries: Array<{ letter: PlannedLetter; status: 'Produced' | 'Sent' }>): void;
}

/**
 * The letter's rows fill every column below. A tracker set up before the Pupil / Year / Reg Group
 * / Addressee columns existed refuses that write before writing anything (gas/tables checks
 * first); the rows then go without those columns, and Set up tracker adds them. No extra read on
 * an up-to-date tracker.
 */
export function openLogWriter(ss: Spreadsheet, s: LetterSources, state: LetterRunState): LogWriter {
  let fields = LOG_FIELDS;
  const pupils = new Map(s.pupils.map((p) => [normUpn(p.upn), p] as const));
  const writeMany = (entries: Array<{ letter: PlannedLetter; status: 'Produced' | 'Sent' }>): void => {
    const rows = entries.reduce<Array<Record<string, unknown>>>((all, { letter, status }) => all.concat(rowsOf(letter, status)), []);
    if (!rows.length) return;
    // A new key is appended; a key already there can only be a Cancelled letter being made
    // again (the plan skips every other), so that row is brought up to date.
    try {
      upsertByKey(ss, 'Letters Log', rows, { fields });
    } catch (e) {
      if (fields === BASIC_FIELDS || !(e instanceof UserError) || !/ no "(Pupil|Year|Reg Group|Addressee)" column/.test(e.message)) throw e;
      fields = BASIC_FIELDS;
      upsertByKey(ss, 'Letters Log', rows, { fields });
    }
  };
  const rowsOf = (letter: PlannedLetter, status: string) => {
    const p = pupils.get(normUpn(letter.upn));
    return letter.keys.map((key, i) => ({
      key, date: s.asOf, type: letter.covers[i], upn: letter.upn,
      pupilName: p ? listName(p) : '', year: p ? p.year : '', regGroup: p ? p.regGroup : '',
      addressee: letter.addressee.addressee, link: state.docUrl, by: state.by, status,
    }));
  };
  return {
    writeMany,
    write(letter, status) {
      writeMany([{ letter, status }]);
    },
  };
}

/** A letter of the run in progress, rebuilt from its Letter Runs row (addressee from the Contacts tab). */
export function plannedFromRow(p: PlanRow, s: LetterSources): PlannedLetter | null {
  const pupil = s.pupils.find((x) => normUpn(x.upn) === normUpn(p.upn));
  const keys = p.keys.length ? p.keys : [p.key];
  const parts = keys.map(parseLetterKey);
  // A pupil no longer on the Students tab: the letter is reported, not made (produce() says so).
  if (!pupil) return { upn: p.upn, type: p.type as LetterType, key: keys[0], keys, covers: parts.map((k) => k.type as LetterType), addressee: studentsTabAddressee({ ...NO_PUPIL, upn: p.upn }) };
  const to = parts[0].to;
  let addressee = studentsTabAddressee(pupil);
  if (to) {
    const all = addresseesFor(pupil, s.contacts.get(normUpn(pupil.upn)) || []).addressees;
    const match = all.map((a) => narrowAddressee(a, to, pupil)).find((a) => !!a && a.people.slice().sort().join('+') === to.slice().sort().join('+'));
    if (!match) return null;
    addressee = match;
  }
  return { upn: p.upn, type: p.type as LetterType, key: keys[0], keys, covers: parts.map((k) => k.type as LetterType), addressee };
}

/** Marks the Status cell of stale letters Out of date (one write, only when there are any). */
export function markOutOfDate(ss: Spreadsheet, s: LetterSources): string[] {
  const keys = staleKeys(s);
  if (!keys.length) return [];
  upsertByKey(ss, 'Letters Log', keys.map((key) => ({ key, status: 'Out of date' })), { fields: ['status'], addMissing: false });
  const set = new Set(keys);
  for (const e of s.log) if (set.has(e.key)) e.status = 'Out of date';
  return keys;
}

/** The HoY Override cells of the pupils who got the rung they allowed in this run: that override is used. */
export function clearSpentOverrides(ss: Spreadsheet, s: LetterSources, state: LetterRunState): number {
  if (!s.overrides.length) return 0;
  const planned = new Set<string>();
  for (const p of s.runs.plans) {
    if (p.runId !== state.runId) continue;
    for (const k of (p.keys.length ? p.keys : [p.key]).map(parseLetterKey)) planned.add(`${normUpn(p.upn)}|${k.type}`);
  }
  const spent = s.overrides.filter((o) => planned.has(`${normUpn(o.upn)}|${o.rung}`));
  return clearOverrideCells(ss, spent);
}

/**
 * "Mark as posted" (the letter run sidebar): the last run's letters still Produced become Sent.
 * Staff may also pick Sent in the Letters Log's Status drop-down, row by row.
 */
export function markRunPostedJob(ss: Spreadsheet): { marked: number; message: string } {
  const st = openRunStore().load();
  if (!st || !st.docUrl) return { marked: 0, message: 'There is no letter run to mark as posted yet.' };
  const sheet = openTab(ss, 'Letters Log');
  const values = readValues(sheet);
  const map = values.length ? mapHeaders(tabDef('Letters Log'), values[0]).columnIndex : {};
  const [k, l, st_] = [map.key, map.link, map.status];
  if (k === undefined || l === undefined || st_ === undefined) return { marked: 0, message: 'The Letters Log has no Key, Batch Document or Status column. Run Pastoral Tracker → Set up tracker.' };
  const keys: string[] = [];
  for (let r = 1; r < values.length; r++) {
    if (String(values[r][l]) === st.docUrl && /^\s*produced\s*$/i.test(String(values[r][st_]))) keys.push(String(values[r][k]));
  }
  if (keys.length) upsertByKey(ss, 'Letters Log', keys.map((key) => ({ key, status: 'Sent' })), { fields: ['status'], addMissing: false });
  return {
    marked: keys.length,
    message: keys.length
      ? `${st.title} (${st.cohort}): ${keys.length} Letters Log row(s) marked Sent.`
      : `${st.title} (${st.cohort}): nothing left to mark — every letter of that run is already Sent (or was cancelled).`,
  };
}
