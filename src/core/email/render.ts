/**
 * E-mail content as data (blocks), rendered twice: HTML that reads well in Gmail and a plain-text
 * part. Gmail drops <style> blocks and external CSS in many clients, so every style is inline;
 * tables carry their own borders; the body is at most 640px wide; charts are tables of coloured
 * cells (no images to block or leak). Every value passes through escapeHtml.
 */

export interface TableBlock {
  type: 'table';
  title?: string;
  columns: string[];
  rows: (string | number)[][];
  /** Background colour per row (e.g. pink/red bands), same length as rows or shorter. */
  rowColours?: (string | null)[];
  /** Shown instead of an empty table. */
  empty?: string;
}

export interface BarChartBlock {
  type: 'bars';
  title?: string;
  bars: { label: string; value: number; colour?: string }[];
  /** The value a full-width bar stands for (default: the largest value). */
  max?: number;
  unit?: string; // "%"
  /** Bars start here, so 90–100% is readable (default 0). */
  min?: number;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'link'; text: string; url: string }
  | TableBlock
  | BarChartBlock;

export const COLOURS = {
  pink: '#f8d7e3',
  red: '#f4b6b6',
  amber: '#fde8b0',
  green: '#d6efd6',
  bar: '#3b6ea5',
  border: '#b8c2cc',
  headerBg: '#eef2f6',
  text: '#1f2933',
  muted: '#5f6b7a',
};

const AMP = /&/g;
const LT = /</g;
const GT = />/g;
const QUOT = /"/g;
const APOS = /'/g;

/** Text into HTML: every value from a sheet goes through here (a pupil called "<script>" stays text). */
export function escapeHtml(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s.replace(AMP, '&amp;').replace(LT, '&lt;').replace(GT, '&gt;').replace(QUOT, '&quot;').replace(APOS, '&#39;');
}

const CELL = `border:1px solid ${COLOURS.border};padding:4px 8px;text-align:left;vertical-align:top;font-size:13px;`;

export function blocksToHtml(blocks: Block[]): string {
  return blocks.map(blockHtml).join('\n');
}

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `<h2 style="font-size:16px;margin:18px 0 6px 0;color:${COLOURS.text};">${escapeHtml(b.text)}</h2>`;
    case 'paragraph':
      return `<p style="margin:6px 0;font-size:14px;color:${COLOURS.text};">${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul style="margin:6px 0 6px 20px;padding:0;font-size:14px;">${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'link':
      return `<p style="margin:6px 0;font-size:14px;"><a href="${escapeHtml(safeUrl(b.url))}" style="color:${COLOURS.bar};">${escapeHtml(b.text)}</a></p>`;
    case 'table':
      return tableHtml(b);
    case 'bars':
      return barsHtml(b);
  }
  return '';
}

/** Only http(s) links: a "javascript:" URL from a sheet cell never reaches an inbox. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(String(url || '').trim()) ? String(url).trim() : '#';
}

function tableHtml(t: TableBlock): string {
  const title = t.title ? `<p style="margin:10px 0 4px 0;font-size:14px;font-weight:bold;">${escapeHtml(t.title)}</p>` : '';
  if (t.rows.length === 0) return `${title}<p style="margin:4px 0;font-size:13px;color:${COLOURS.muted};">${escapeHtml(t.empty || 'None.')}</p>`;
  const head = `<tr>${t.columns.map((c) => `<th style="${CELL}background:${COLOURS.headerBg};">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r, i) => {
      const bg = t.rowColours && t.rowColours[i] ? `background:${escapeHtml(t.rowColours[i])};` : '';
      return `<tr>${r.map((c) => `<td style="${CELL}${bg}">${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `${title}<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;max-width:640px;margin:4px 0 10px 0;">${head}${body}</table>`;
}

const BAR_CELLS = 30;

/** A bar chart as a table: each bar is a row of up to 30 cells, the filled ones coloured. */
function barsHtml(c: BarChartBlock): string {
  const min = c.min || 0;
  const max = c.max !== undefined ? c.max : Math.max(min + 1, ...c.bars.map((b) => b.value));
  const unit = c.unit || '';
  const title = c.title ? `<p style="margin:10px 0 4px 0;font-size:14px;font-weight:bold;">${escapeHtml(c.title)}</p>` : '';
  const rows = c.bars
    .map((b) => {
      const filled = barCells(b.value, min, max);
      const colour = b.colour || COLOURS.bar;
      const cells = [];
      for (let i = 0; i < BAR_CELLS; i++) {
        cells.push(`<td style="width:8px;height:12px;padding:0;${i < filled ? `background:${escapeHtml(colour)};` : ''}"></td>`);
      }
      return `<tr><td style="font-size:12px;padding:1px 6px 1px 0;white-space:nowrap;">${escapeHtml(b.label)}</td>${cells.join('')}<td style="font-size:12px;padding:1px 0 1px 6px;white-space:nowrap;">${escapeHtml(formatValue(b.value))}${escapeHtml(unit)}</td></tr>`;
    })
    .join('');
  return `${title}<table cellpadding="0" cellspacing="1" style="border-collapse:separate;max-width:640px;margin:4px 0 10px 0;">${rows}</table>`;
}

/** How many of the 30 cells a value fills (0 at or below `min`, all at or above `max`). */
export function barCells(value: number, min: number, max: number): number {
  if (!(max > min) || !isFinite(value)) return 0;
  const f = (value - min) / (max - min);
  return Math.max(0, Math.min(BAR_CELLS, Math.round(f * BAR_CELLS)));
}

function formatValue(v: number): string {
  return Math.round(v * 10) / 10 === Math.round(v) ? String(Math.round(v)) : (Math.round(v * 10) / 10).toFixed(1);
}

/** The whole HTML body: one centred column, max 640px, system fonts. */
export function wrapHtml(title: string, inner: string, footer: string): string {
  return (
    `<div style="max-width:640px;margin:0 auto;font-family:Arial,Helvetica,sans-serif;color:${COLOURS.text};">` +
    `<h1 style="font-size:18px;margin:0 0 10px 0;">${escapeHtml(title)}</h1>` +
    inner +
    `<p style="margin:18px 0 0 0;font-size:12px;color:${COLOURS.muted};">${escapeHtml(footer)}</p>` +
    `</div>`
  );
}

export function blocksToText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'heading') out.push('', b.text.toUpperCase(), '');
    else if (b.type === 'paragraph') out.push(b.text);
    else if (b.type === 'list') for (const i of b.items) out.push(`- ${i}`);
    else if (b.type === 'link') out.push(`${b.text}: ${b.url}`);
    else if (b.type === 'table') {
      if (b.title) out.push(b.title);
      if (b.rows.length === 0) out.push(b.empty || 'None.');
      else {
        out.push(b.columns.join(' | '));
        for (const r of b.rows) out.push(r.map((c) => String(c)).join(' | '));
      }
      out.push('');
    } else if (b.type === 'bars') {
      if (b.title) out.push(b.title);
      const min = b.min || 0;
      const max = b.max !== undefined ? b.max : Math.max(min + 1, ...b.bars.map((x) => x.value));
      for (const x of b.bars) out.push(`${x.label}  ${'#'.repeat(barCells(x.value, min, max))} ${formatValue(x.value)}${b.unit || ''}`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** A table block as CSV, for an attachment (quotes doubled; a leading =,+,-,@ is defused). */
export function tableToCsv(t: { columns: string[]; rows: (string | number)[][] }): string {
  const cell = (v: string | number) => {
    let s = String(v === null || v === undefined ? '' : v);
    if (/^[=+\-@]/.test(s) && typeof v !== 'number') s = "'" + s; // never a formula in Sheets/Excel
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [t.columns].concat(t.rows as any).map((r: (string | number)[]) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
