/**
 * An Interventions row as staff read it (issue 20): the pupil's name ("Surname, Forename", as
 * every list shows it), year and reg group beside the UPN, filled in when the row is made so the
 * tab reads without a look-up. A pupil not on the Students tab keeps blank cells, not a guess.
 */
import { Intervention, Pupil } from '../core/types';
import { listName, normUpn } from '../core/pupils/names';
import { Closure, isOpen } from '../core/interventions/closing';
import { tabDef } from '../core/tabs';
import { mapHeaders } from '../core/records/headers';
import { openTab, readValues, writeByKey } from '../gas/tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The identity fields, written only where the tab has the column (appendNewByKey's `optional`). */
export const IDENTITY_FIELDS = ['pupilName', 'year', 'regGroup'];

export function interventionRecords(rows: Intervention[], pupils: Pupil[]): Record<string, unknown>[] {
  const by = new Map<string, Pupil>();
  for (const p of pupils) by.set(normUpn(p.upn), p);
  return rows.map((r) => {
    const p = by.get(normUpn(r.upn));
    return { ...r, pupilName: p ? listName(p) : '', year: p ? p.year : '', regGroup: p ? p.regGroup : '' };
  });
}

/**
 * New rows and closures in one pass over the Interventions tab (`closures` decided on the rows
 * already there AND the new ones): one read (just before writing, so
 * a row staff closed since the job's first read is left alone — a closure is written only where
 * the row is still Open with no Outcome), then one write for the changed rows' Status, Outcome
 * and Exit Value and one append for the new rows. `fields` of the new rows as appendNewByKey.
 */
export function writeInterventions(ss: Spreadsheet, fresh: Record<string, unknown>[], closures: Closure[]): { added: number; closed: number } {
  if (!fresh.length && !closures.length) return { added: 0, closed: 0 };
  const def = tabDef('Interventions');
  const sheet = openTab(ss, 'Interventions');
  const values = readValues(sheet);
  const present = values.length ? mapHeaders(def, values[0]).columnIndex : {};
  const col = (f: string) => present[f];
  const stillOpen = new Set<string>();
  if (col('key') !== undefined && col('status') !== undefined && col('outcome') !== undefined) {
    for (let r = 1; r < values.length; r++) {
      const row = values[r];
      if (isOpen({ status: String(row[col('status') as number] ?? ''), outcome: String(row[col('outcome') as number] ?? '') })) stillOpen.add(String(row[col('key') as number]).trim().toUpperCase());
    }
  }
  const closing = closures
    .filter((c) => stillOpen.has(c.key.trim().toUpperCase()))
    .map((c) => ({ key: c.key, status: 'Done', outcome: c.outcome, exitValue: c.exitValue }));
  // A new row whose reason has already ended (a detention attended before the ladder saw it) is
  // written closed: the same rows as when it had been written open and closed by a later run, so
  // a run stopped between the two and run again ends where an uninterrupted run does.
  const byKey = new Map(closures.map((c) => [c.key.trim().toUpperCase(), c] as [string, Closure]));
  fresh = fresh.map((r) => {
    const c = byKey.get(String(r.key).trim().toUpperCase());
    return c ? { ...r, status: 'Done', outcome: c.outcome, exitValue: c.exitValue } : r;
  });
  // Closures first (only those three columns of existing rows), then the append on the same values.
  if (closing.length) writeByKey(sheet, def, values, closing, { fields: ['status', 'outcome', 'exitValue'], addMissing: false });
  const fields = Array.from(new Set(fresh.flatMap((r) => Object.keys(r))))
    .filter((f) => def.columns.some((c) => c.field === f) && !def.key.includes(f))
    .filter((f) => IDENTITY_FIELDS.indexOf(f) < 0 || present[f] !== undefined);
  const added = fresh.length ? writeByKey(sheet, def, values, fresh, { fields, updateExisting: false }).added : 0;
  return { added, closed: closing.length };
}
