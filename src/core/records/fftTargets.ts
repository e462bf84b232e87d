/**
 * Which column of a marksheet export becomes the Progress tab's Target (issue 8 §1, SPEC §7).
 * Exports often carry one target column per FFT benchmark ("FFT50", "FFT20", "FFT5", "FFT50
 * Target", "Target (FFT20)", or per subject "Maths FFT20" in a marksheet with a column per
 * subject). The school chooses the benchmark in the settings:
 *  - a plain Target column ("Target", "Target Grade", "FFT Target"; per subject in the wide form)
 *    wins: it is what the school set, and the benchmark columns are not used;
 *  - otherwise the chosen benchmark's column becomes the Target column;
 *  - the other benchmarks' columns are never written (the long form keeps them as columns the
 *    tracker does not use; the wide form drops them, since there every other column is a grade);
 *  - a file with benchmark columns but not the chosen one imports no targets (existing ones are
 *    kept) and says so — another benchmark is never used instead.
 * Pure: rows in, rows out and a note for the import report.
 */
import { FftBenchmark } from '../settings';
import { normaliseHeader, tabDef } from '../tabs';
import { readWideHeader } from './progressWide';

export type FftLayout = 'long' | 'wide';

export interface FftChoice {
  /** The rows to import (header first): the chosen column renamed Target, unused wide columns removed. */
  rows: unknown[][];
  /** Where the targets come from: the chosen benchmark, the file's own Target column, nowhere. */
  source: 'benchmark' | 'targetColumn' | 'missing' | 'none';
  benchmark: FftBenchmark;
  /** Header text of the benchmark columns not used (as in the file). */
  unused: string[];
  /** One sentence for the import report ('' when the file has no benchmark columns). */
  note: string;
}

const BENCH = /^(.*?)\s*(?:\btarget\s+)?\bfft\s*(50|20|5)(?:\s+(?:target grade|target|estimates?|est))?$/i;

/** "Maths - FFT20 Target" → { subject: 'Maths', benchmark: 'FFT20' }; null when not a benchmark column. */
export function benchmarkColumn(header: unknown): { subject: string; benchmark: FftBenchmark } | null {
  const text = String(header ?? '').replace(/\u00a0/g, ' ').replace(/[()\-–:_/]/g, ' ').replace(/\s+/g, ' ').trim();
  const m = BENCH.exec(text);
  if (!m) return null;
  return { subject: m[1].trim(), benchmark: `FFT${m[2]}` as FftBenchmark };
}

function targetHeaders(): string[] {
  const col = tabDef('Progress').columns.find((c) => c.field === 'target');
  return col ? [col.header, ...(col.aliases || [])].map(normaliseHeader) : ['target'];
}

const list = (xs: string[]) => xs.join(', ');

/**
 * Decide the Target column. `layout` is 'long' for one row per pupil and subject (Progress) and
 * 'wide' for one column per subject (Progress Wide).
 */
export function chooseFftTargets(rows: unknown[][], benchmark: FftBenchmark, layout: FftLayout): FftChoice {
  const header = (rows[0] || []).slice();
  const found = header.map((h, i) => ({ i, text: String(h ?? '').trim(), col: benchmarkColumn(h) })).filter((x) => x.col);
  if (!found.length) return { rows, source: 'none', benchmark, unused: [], note: '' };
  return layout === 'long' ? chooseLong(rows, header, found as Found[], benchmark) : chooseWide(rows, header, found as Found[], benchmark);
}

interface Found {
  i: number;
  text: string;
  col: { subject: string; benchmark: FftBenchmark };
}

function chooseLong(rows: unknown[][], header: unknown[], found: Found[], benchmark: FftBenchmark): FftChoice {
  // In the long form a benchmark column has no subject before it ("FFT50", "FFT50 Target").
  const bench = found.filter((f) => f.col.subject === '');
  if (!bench.length) return { rows, source: 'none', benchmark, unused: [], note: '' };
  const plain = targetHeaders();
  const hasTarget = header.some((h, i) => plain.indexOf(normaliseHeader(h)) >= 0 && !bench.some((f) => f.i === i));
  const names = bench.map((f) => f.text);
  if (hasTarget) {
    return {
      rows, source: 'targetColumn', benchmark, unused: names,
      note: `Targets: from the file's own Target column (it wins over benchmark columns); ${list(names)} not used.`,
    };
  }
  const chosen = bench.filter((f) => f.col.benchmark === benchmark);
  if (!chosen.length) {
    return {
      rows, source: 'missing', benchmark, unused: names,
      note: `Targets: none imported — Settings choose ${benchmark}, but the file's benchmark columns are ${list(names)}. ` +
        `Targets already on the Progress tab are kept; export the ${benchmark} column, or change the FFT benchmark in Settings.`,
    };
  }
  if (chosen.length > 1) {
    return {
      rows, source: 'missing', benchmark, unused: names,
      note: `Targets: none imported — the file has ${chosen.length} ${benchmark} columns (${list(chosen.map((f) => f.text))}). Delete one and import again.`,
    };
  }
  const out = rows.map((r, ri) => (ri === 0 ? header.map((h, i) => (i === chosen[0].i ? 'Target' : h)) : r));
  const others = names.filter((n) => n !== chosen[0].text);
  return {
    rows: out, source: 'benchmark', benchmark, unused: others,
    note: `Targets: ${benchmark} (the benchmark chosen in Settings), from the "${chosen[0].text}" column.` + (others.length ? ` Not used: ${list(others)}.` : ''),
  };
}

function chooseWide(rows: unknown[][], header: unknown[], found: Found[], benchmark: FftBenchmark): FftChoice {
  const benchIdx = new Set(found.map((f) => f.i));
  // Subjects with a plain target column, read the way the wide import reads them.
  const rest = header.map((h, i) => (benchIdx.has(i) ? '' : h));
  const plainTarget = new Set(readWideHeader(rest).columns.filter((c) => c.kind === 'target').map((c) => c.subject.toLowerCase()));
  const rename = new Map<number, string>();
  const drop = new Set<number>();
  const usedSubjects: string[] = [];
  const plainWins: string[] = [];
  const missing: string[] = [];
  const bySubject = new Map<string, Found[]>();
  for (const f of found) {
    const k = f.col.subject.toLowerCase();
    bySubject.set(k, (bySubject.get(k) || []).concat(f));
  }
  for (const [k, cols] of Array.from(bySubject.entries())) {
    const chosen = cols.filter((f) => f.col.benchmark === benchmark);
    if (!k || plainTarget.has(k) || chosen.length !== 1) {
      for (const f of cols) drop.add(f.i);
      if (k && plainTarget.has(k)) plainWins.push(cols[0].col.subject);
      else if (k) missing.push(cols[0].col.subject);
      continue;
    }
    rename.set(chosen[0].i, `${chosen[0].col.subject} Target`);
    usedSubjects.push(chosen[0].col.subject);
    for (const f of cols) if (f !== chosen[0]) drop.add(f.i);
  }
  const keep = header.map((_, i) => i).filter((i) => !drop.has(i));
  const out = rows.map((r, ri) => keep.map((i) => (ri === 0 && rename.has(i) ? rename.get(i) : (r || [])[i] ?? '')));
  const unused = found.filter((f) => drop.has(f.i)).map((f) => f.text);
  const parts: string[] = [];
  if (usedSubjects.length) parts.push(`${benchmark} (the benchmark chosen in Settings) for ${list(usedSubjects)}`);
  if (plainWins.length) parts.push(`the file's own Target column for ${list(plainWins)}`);
  if (missing.length) parts.push(`none for ${list(missing)} (no single ${benchmark} column; targets already there are kept)`);
  const source: FftChoice['source'] = usedSubjects.length ? 'benchmark' : plainWins.length ? 'targetColumn' : 'missing';
  return {
    rows: out, source, benchmark, unused,
    note: `Targets: ${parts.join('; ') || `none — Settings choose ${benchmark}`}.` + (unused.length ? ` Not used: ${list(unused)}.` : ''),
  };
}
