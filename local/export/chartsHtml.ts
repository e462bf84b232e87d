/**
 * The dry run's charts drawn for a person (issue 20 §6): Sheets would draw the embedded charts the
 * add-on inserts, but an .xlsx written by exceljs cannot hold them, so out/dashboard.html draws each
 * one as inline SVG from what the add-on asked for — its type (COLUMN, LINE, BAR), its source range
 * with one header row (the first column the categories, the others the series, blanks left out),
 * and its options title, colors, isStacked and vAxis.viewWindow.min — with the range's table beside it as the tab shows
 * it (display values, so 93.3% not 93.3). Nothing here is Google's renderer: it is a faithful
 * picture of the same data, not a pixel copy.
 */
import type { LocalSpreadsheet } from '../services/spreadsheet/spreadsheet';
import type { LocalSheet } from '../services/spreadsheet/sheet';
import type { LocalEmbeddedChart } from '../services/spreadsheet/charts';

// Google Charts' default series colours, for a chart that sets none.
const PALETTE = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6'];

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Series {
  name: string;
  values: (number | null)[];
}

interface ChartData {
  type: string;
  title: string;
  categories: string[];
  series: Series[];
  colors: string[];
  stacked: boolean;
  /** The option vAxis.viewWindow.min: where the value axis starts. */
  axisMin?: number;
  table: string[][];
}

function chartData(sheet: LocalSheet, chart: LocalEmbeddedChart): ChartData | null {
  const rect = chart._spec.ranges[0];
  if (!rect) return null;
  const range = sheet._rangeAt(rect);
  const values = range.getValues();
  const shown = range.getDisplayValues();
  const headers = Number(chart._spec.options.numHeaders ?? 1);
  const head = values.slice(0, headers);
  const body = values.slice(headers);
  const name = (c: number) => head.map((r) => String(r[c])).join(' ');
  const series: Series[] = [];
  for (let c = 1; c < rect.numCols; c++) series.push({ name: name(c), values: body.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : null)) });
  const o = chart._spec.options;
  return {
    type: chart._spec.type,
    title: String(o.title ?? ''),
    // As the tab shows them: a week's Monday is a date cell ("04/09/2023"), not a Date's toString.
    categories: shown.slice(headers).map((r) => String(r[0])),
    series,
    colors: Array.isArray(o.colors) ? (o.colors as string[]).concat(PALETTE) : PALETTE,
    stacked: o.isStacked === true,
    axisMin: typeof o['vAxis.viewWindow.min'] === 'number' ? (o['vAxis.viewWindow.min'] as number) : undefined,
    table: shown,
  };
}

/** A round axis: from below the smallest value to above the largest, in steps of 1, 2, 5 × 10ⁿ. */
function axis(lo: number, hi: number): { min: number; max: number; step: number } {
  if (lo === hi) {
    lo = Math.min(0, lo);
    hi = hi === 0 ? 1 : hi;
  }
  const raw = (hi - lo) / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) as number;
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, step };
}

const W = 620;
const H = 300;
const PAD = { left: 48, right: 16, top: 36, bottom: 64 };

function svg(d: ChartData): string {
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(d.title)}">`];
  out.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(d.title)}</text>`);
  const n = d.categories.length;
  if (!n || !d.series.length) return out.concat(['<text x="20" y="80">(no data yet)</text></svg>']).join('');
  const horizontal = d.type === 'BAR';
  // Stacked bars reach the sum of their series; other charts the largest value.
  const tops = d.stacked ? d.categories.map((_, i) => d.series.reduce((s, x) => s + (x.values[i] ?? 0), 0)) : d.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lows = d.axisMin !== undefined ? [d.axisMin] : d.type === 'LINE' ? d.series.flatMap((s) => s.values.filter((v): v is number => v !== null)) : [0];
  const ax = axis(Math.min(...lows), Math.max(...tops, 0));
  if (d.axisMin !== undefined) ax.min = Math.max(ax.min, d.axisMin);
  const left = horizontal ? 250 : PAD.left;
  const plotW = W - left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const scale = (v: number) => ((v - ax.min) / (ax.max - ax.min)) * (horizontal ? plotW : plotH);
  // Grid lines and value labels.
  for (let v = ax.min; v <= ax.max + 1e-9; v += ax.step) {
    const label = Number(v.toFixed(6));
    if (horizontal) {
      const x = left + scale(v);
      out.push(`<line x1="${x}" y1="${PAD.top}" x2="${x}" y2="${PAD.top + plotH}" stroke="#e0e0e0"/><text x="${x}" y="${PAD.top + plotH + 14}" text-anchor="middle" font-size="10">${label}</text>`);
    } else {
      const y = PAD.top + plotH - scale(v);
      out.push(`<line x1="${left}" y1="${y}" x2="${left + plotW}" y2="${y}" stroke="#e0e0e0"/><text x="${left - 6}" y="${y + 3}" text-anchor="end" font-size="10">${label}</text>`);
    }
  }
  const slot = (horizontal ? plotH : plotW) / n;
  const every = Math.max(1, Math.ceil(n / 12)); // at most 12 category labels
  d.categories.forEach((c, i) => {
    if (i % every) return;
    const label = esc(/^\d\d\/\d\d\/\d{4}$/.test(c) ? c.slice(0, 5) : c.length > 40 ? `${c.slice(0, 39)}…` : c);
    if (horizontal) out.push(`<text x="${left - 6}" y="${PAD.top + slot * (i + 0.5) + 3}" text-anchor="end" font-size="10">${label}</text>`);
    else {
      const x = left + slot * (i + 0.5);
      out.push(`<text x="${x}" y="${PAD.top + plotH + 14}" text-anchor="end" font-size="10" transform="rotate(-35 ${x} ${PAD.top + plotH + 14})">${label}</text>`);
    }
  });
  if (d.type === 'LINE') {
    d.series.forEach((s, k) => {
      const pts = s.values.map((v, i) => (v === null ? null : `${left + slot * (i + 0.5)},${PAD.top + plotH - scale(v)}`));
      const path = pts.filter(Boolean).join(' ');
      out.push(`<polyline fill="none" stroke="${d.colors[k]}" stroke-width="2" points="${path}"/>`);
      for (const p of pts) if (p) out.push(`<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2.5" fill="${d.colors[k]}"/>`);
    });
  } else {
    d.categories.forEach((_, i) => {
      let base = 0;
      const groups = d.stacked ? 1 : d.series.length;
      const width = (slot * 0.7) / groups;
      d.series.forEach((s, k) => {
        const v = s.values[i];
        if (v === null) return;
        // A bar starts at the axis when the axis does not start at 0.
        const from = Math.max(d.stacked ? base : 0, ax.min);
        const to = (d.stacked ? base : 0) + v;
        const at = slot * i + slot * 0.15 + (d.stacked ? 0 : k * width);
        const len = Math.max(0, scale(to) - scale(from));
        if (horizontal) out.push(`<rect x="${left + scale(from)}" y="${PAD.top + at}" width="${len}" height="${width}" fill="${d.colors[k]}"/>`);
        else out.push(`<rect x="${left + at}" y="${PAD.top + plotH - scale(to)}" width="${width}" height="${len}" fill="${d.colors[k]}"/>`);
        base += v;
      });
    });
  }
  out.push(`<line x1="${left}" y1="${PAD.top + plotH}" x2="${left + plotW}" y2="${PAD.top + plotH}" stroke="#5f6368"/>`);
  // Legend along the bottom.
  let x = left;
  d.series.forEach((s, k) => {
    out.push(`<rect x="${x}" y="${H - 14}" width="10" height="10" fill="${d.colors[k]}"/><text x="${x + 14}" y="${H - 5}" font-size="11">${esc(s.name)}</text>`);
    x += 24 + s.name.length * 6;
  });
  out.push('</svg>');
  return out.join('');
}

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body
    .map((r) => `<tr>${r.map((c, i) => `<td${i ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The page, or null when no tab has a chart. `intro` lines are printed under the title. */
export function chartsHtml(ss: LocalSpreadsheet, intro: string[] = []): string | null {
  const parts: string[] = [];
  for (const sheet of ss._sheets) {
    if (!sheet._charts.length) continue;
    parts.push(`<h2>${esc(sheet._name)} tab</h2>`);
    const charts = [...sheet._charts].sort((a, b) => a._spec.position.row - b._spec.position.row || a._spec.position.col - b._spec.position.col);
    for (const c of charts) {
      const d = chartData(sheet, c);
      if (d) parts.push(`<section>${svg(d)}<div class="t">${table(d.table)}</div></section>`);
    }
  }
  if (!parts.length) return null;
  const title = `${ss._name}: charts`;
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font-family:Arial,Helvetica,sans-serif;margin:16px;color:#202124}h1{font-size:20px}h2{font-size:16px;margin-top:24px}
section{display:flex;gap:16px;align-items:flex-start;margin:12px 0;border-top:1px solid #e0e0e0;padding-top:8px}
table{border-collapse:collapse;font-size:11px}th{background:#e8eaed;text-align:left}th,td{border:1px solid #dadce0;padding:2px 6px}td.n{text-align:right}
.t{max-height:300px;overflow:auto}p{margin:2px 0;font-size:12px;color:#5f6368}
</style></head><body><h1>${esc(title)}</h1>${intro.map((l) => `<p>${esc(l)}</p>`).join('')}${parts.join('')}</body></html>`;
}
