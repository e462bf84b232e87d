/**
 * The hidden "Letter Runs" tab: a letter run's memory that holds pupil data, so it stays in the
 * spreadsheet (with the pupils' other data) and never in properties. Two kinds of row:
 *  - `plan`: the letters of the run in progress, in printing order (run id, seq, UPN, the letter
 *    type and the Letters Log key of every rung it covers, space-separated; the last key part
 *    names the addressee). A continuation reads them to know what is left; the Letters Log says
 *    what is done. They are cleared when the run finishes.
 *  - `tier`: who was in which tier at the last tier letter run for a year group (SPEC §4.3 "names
 *    included / to be removed since the last tier letter run"). Rows written before tier runs made
 *    the ladder's letters have Type tier1/tier2/tier3 and no Tier: the type says the tier.
 * Read once, written once per run start and once at its end (a fixed number of calls).
 */
import { cellDate, cellText, Cell, toCell } from '../../gas/cells';
import { readValues } from '../../gas/tables';
import { writeGeneratedTab } from '../../gas/generatedTab';
import { LetterRunsTab } from '../../core/letters/runMemory';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LETTER_RUNS = {
  name: 'Letter Runs',
  header: ['Run Id', 'Kind', 'Date', 'Type', 'Year', 'Seq', 'UPN', 'Key', 'Tier'],
};

export function readLetterRuns(ss: Spreadsheet): LetterRunsTab {
  const sheet = ss.getSheetByName(LETTER_RUNS.name);
  const values = sheet ? readValues(sheet) : [];
  const out: LetterRunsTab = { plans: [], tiers: [] };
  for (let r = 1; r < values.length; r++) {
    const v = values[r];
    const kind = cellText(v[1]);
    const upn = cellText(v[6]).toUpperCase();
    if (!upn) continue;
    if (kind === 'plan') {
      const keys = cellText(v[7]).split(/\s+/).filter((k) => k !== '');
      out.plans.push({ runId: cellText(v[0]), type: cellText(v[3]), seq: Number(v[5]) || 0, upn, key: keys[0] || '', keys, date: cellDate(v[2]) });
    } else if (kind === 'tier') {
      const tier = Number(v[8]) || Number((/^tier([123])$/.exec(cellText(v[3])) || [])[1]) || 0;
      if (tier === 1 || tier === 2 || tier === 3) out.tiers.push({ date: cellDate(v[2]), year: Number(v[4]) || 0, upn, tier });
    }
  }
  out.plans.sort((a, b) => a.seq - b.seq);
  return out;
}

/** One write: the tier memory and (while a run is in progress) its plan. */
export function writeLetterRuns(ss: Spreadsheet, tab: LetterRunsTab): void {
  const rows: Cell[][] = [];
  const t_ = (s: string) => toCell(s, 'text');
  for (const t of tab.tiers) rows.push(['', 'tier', t_(t.date), 'tier', t.year, '', t_(t.upn), '', t.tier]);
  for (const p of tab.plans) rows.push([t_(p.runId), 'plan', t_(p.date), t_(p.type), '', p.seq, t_(p.upn), t_(p.keys.join(' ')), '']);
  writeGeneratedTab(ss, { name: LETTER_RUNS.name, values: [LETTER_RUNS.header.slice() as Cell[]].concat(rows), frozenRows: 1, hidden: true });
}
