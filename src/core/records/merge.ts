/**
 * Re-importing is safe: rows are matched by the tab's key (never by position), so the same file
 * twice changes nothing and an updated file updates only the rows whose values changed. Then the
 * importer's report: added, updated, unchanged, refused — each refusal with its row and reason.
 */
import { Refusal, formatRefusal } from './refusal';

export interface MergeResult<T> {
  added: T[];
  updated: T[];
  unchanged: T[];
  /** Existing records in their order (updated in place), then the added ones. */
  result: T[];
}

export interface MergeOptions {
  /**
   * Only these fields are compared and overwritten (parseTab's `fields`: the columns the file had).
   * A column missing from the file is not a column of blanks: existing values are kept.
   */
  fields?: string[];
}

type Rec = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return a === b;
}

function keyOf(r: Rec, keyFields: string[]): string {
  return keyFields.map((f) => String(r[f])).join('\u0001');
}

export function mergeByKey<T extends object>(
  existing: T[],
  incoming: T[],
  keyFields: string[],
  opts: MergeOptions = {},
): MergeResult<T> {
  const out: MergeResult<T> = { added: [], updated: [], unchanged: [], result: existing.slice() };
  const at = new Map<string, number>();
  existing.forEach((r, i) => {
    const k = keyOf(r as Rec, keyFields);
    if (!at.has(k)) at.set(k, i); // a duplicate already in the sheet: the first one is the record
  });
  for (const rec of incoming) {
    const k = keyOf(rec as Rec, keyFields);
    const i = at.get(k);
    if (i === undefined) {
      at.set(k, out.result.length);
      out.result.push(rec);
      out.added.push(rec);
      continue;
    }
    const old = out.result[i] as Rec;
    // `row` (where a record was read from) is not data: a sorted sheet has not changed its rows.
    const fields = (opts.fields || Object.keys(rec))
      .filter((f) => f !== 'row' && Object.prototype.hasOwnProperty.call(rec, f));
    const changed = fields.filter((f) => !same(old[f], (rec as Rec)[f]));
    if (!changed.length) {
      out.unchanged.push(out.result[i]);
      continue;
    }
    const next: Rec = { ...old };
    for (const f of changed) next[f] = (rec as Rec)[f];
    out.result[i] = next as T;
    out.updated.push(next as T);
  }
  return out;
}

export interface ImportReport {
  tab: string;
  added: number;
  updated: number;
  unchanged: number;
  /** Rows refused (a row with three problems is one refused row). */
  refused: number;
  refusals: Refusal[];
  unknownHeaders: string[];
  headerMessages: string[];
  /** What the person should know about how the file was read (e.g. "Targets: FFT20 …"). */
  notes?: string[];
}

export function importReport(
  tab: string,
  merge: { added: unknown[]; updated: unknown[]; unchanged: unknown[] },
  parsed: { refusals: Refusal[]; unknownHeaders: string[]; headerMessages?: string[] },
): ImportReport {
  const refusedRows: Record<number, true> = {};
  parsed.refusals.forEach((r) => { refusedRows[r.row] = true; });
  const headerMessages = parsed.headerMessages || [];
  return {
    tab,
    added: merge.added.length,
    updated: merge.updated.length,
    unchanged: merge.unchanged.length,
    refused: headerMessages.length ? 0 : Object.keys(refusedRows).length,
    refusals: parsed.refusals,
    unknownHeaders: parsed.unknownHeaders,
    headerMessages,
  };
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** The text a person reads after an import: one paragraph per tab, every refusal on its own line. */
export function formatImportReport(reports: ImportReport | ImportReport[]): string {
  const list = Array.isArray(reports) ? reports : [reports];
  return list.map((r) => {
    const lines: string[] = [];
    if (r.headerMessages.length) {
      lines.push(`${r.tab}: not imported — nothing was changed.`);
      r.headerMessages.forEach((m) => lines.push(`  ${m}`));
    } else {
      lines.push(`${r.tab}: ${plural(r.added, 'row')} added, ${r.updated} updated, ${r.unchanged} unchanged, ` +
        `${r.refused} refused.`);
      r.refusals.slice().sort((a, b) => a.row - b.row).forEach((f) => lines.push(`  ${formatRefusal(r.tab, f)}`));
    }
    for (const n of r.notes || []) lines.push(`  ${n}`);
    if (r.unknownHeaders.length) {
      lines.push(`  Columns kept as they are (the tracker does not use them): ${r.unknownHeaders.join(', ')}.`);
    }
    return lines.join('\n');
  }).join('\n\n');
}
