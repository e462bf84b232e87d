/** Small trackers and whole-spreadsheet snapshots for the tables / set-up / import tests. */
import { createLocalGoogle, LocalGoogle } from '../../local/google';
import { makeUpn } from '../upn';
import { setUpTrackerJob } from '../../src/jobs/setupTracker';

export type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The local Google installed on an empty spreadsheet (nothing set up): `uninstall` in afterEach. */
export function emptySpreadsheet(now = new Date('2024-01-26T08:00:00Z')): { g: LocalGoogle; ss: Ss; uninstall: () => void } {
  const g = createLocalGoogle({ now });
  return { g, uninstall: g.install(), ss: g.spreadsheet as unknown as Ss };
}

export function freshTracker(now = new Date('2024-01-26T08:00:00Z')): { g: LocalGoogle; ss: Ss; uninstall: () => void } {
  const { g, ss, uninstall } = emptySpreadsheet(now);
  setUpTrackerJob(ss);
  g.env.resetCounts();
  return { g, ss, uninstall };
}

/** A valid UPN per small number (distinct, with leading-zero runs). */
export const upn = (n: number) => makeUpn(n);

/** Everything a person could see or a job could read, as plain JSON (to compare two states). */
export function snapshot(g: LocalGoogle): string {
  const ss = (g.spreadsheet as any)._raw ?? g.spreadsheet;
  const sheets = ((g.spreadsheet as any)._sheets ?? ss._sheets) as any[];
  return JSON.stringify(
    sheets.map((sh) => ({
      name: sh._name,
      rows: sh._maxRows,
      cols: sh._maxColumns,
      frozen: [sh._frozenRows, sh._frozenColumns],
      rules: sh._rules.length,
      protections: sh._protections.map((p: any) => [p._type, p._rect, p._description, p._warningOnly, p._removed]),
      cells: (sh._grid as any).rows.map((r: any[]) =>
        (r || []).map((c: any) => (c ? { ...c, v: c.v instanceof Date ? c.v.toISOString() : c.v, dv: c.dv ? c.dv._spec : undefined } : null)),
      ),
    })),
  );
}

/** Calls that change nothing: get*, is*, and the lookups Apps Script needs to reach a range. */
export function writeCalls(g: LocalGoogle): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(g.env.countsByName())) {
    const method = k.split('.')[1];
    if (/^(get|is|has)/.test(method)) continue;
    out[k] = v;
  }
  return out;
}

/** Values of a tab, header first. */
export function tabValues(ss: Ss, name: string): unknown[][] {
  return ss.getSheetByName(name)!.getDataRange().getValues();
}

export function setRows(ss: Ss, name: string, rows: unknown[][]): void {
  const sh = ss.getSheetByName(name)!;
  sh.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
}
