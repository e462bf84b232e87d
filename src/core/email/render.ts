/**
 * E-mail content as data (blocks), rendered twice: HTML that reads well in Gmail and a plain-text
 * part. Gmail drops <style> blocks and external CSS in many clients, so every style is inline;
 * tables carry their own borders; the body is at most 640px wide. Charts are tables of coloured
 * cells: every client renders them, nothing is blocked as a remote image, and the plain-text part
 * can say the same thing (docs/emails.md, "Why the chart is a table"). Every value passes through
 * escapeHtml. Long tables leave the body for CSV attachments in layout.ts.
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
  /**
   * The CSV file this list becomes when it is longer than the school's `email.inlineRows`
   * (layout.ts): then the body says how many rows and the file name, never the rows too.
   * Without it, a table stays in the body unless the body would pass its size budget.
   */
  csv?: string;
  /** What one row is, for "42 pupils — attached as …" (default "rows"). */
  noun?: string;
  /** Columns holding ISO dates: shown dd/mm/yyyy, kept yyyy-mm-dd in the CSV (SPEC §2a). */
  dateColumns?: number[];
}

export interface BarChartBlock {
  type: 'bars';
  title?: string;
  bars: { label: string; value: number; colour?: string; note?: string }[];
  /** The value a full-width bar stands for (default: the largest value). */
  max?: number;
  unit?: string; // "%"
  /** Bars start here, so 90–100% is readable (default 0). */
  min?: number;
}

/** One task or item: a bold line, a few short facts under it, and links to where the work is. */
export interface ItemBlock {
  type: 'item';
  title: string;
  lines: string[];
  links?: { text: string; url: string }[];
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'note'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'link'; text: string; url: string }
  | ItemBlock
  | TableBlock
  | BarChartBlock;

export const COLOURS = {
  pink: '#f8d7e3',
  red: '#f4b6b6',
  amber: '#fde8b0',
  green: '#d6efd6',
  bar: '#3b6ea5',
  barPast: '#9db7d5',
  track: '#e8ecf0',
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

/** dd/mm/yyyy for an ISO date; anything else as it is. */
function ukDate(v: string | number): string | number {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
}

/** A table's rows as people read them (date columns dd/mm/yyyy). */
export function shownRows(t: TableBlock): (string | number)[][] {
  const dc = t.dateColumns || [];
  if (dc.length === 0) return t.rows;
  return t.rows.map((r) => r.map((c, i) => (dc.indexOf(i) >= 0 ? ukDate(c) : c)));
}

const CELL = `border:1px solid ${COLOURS.border};padding:4px 8px;text-align:left;vertical-align:top;font-size:13px;`;
const P = `margin:6px 0;font-size:14px;color:${COLOURS.text};`;

export function blocksToHtml(blocks: Block[]): string {
  return blocks.map(blockHtml).join('\n');
}

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `<h2 style="font-size:16px;margin:20px 0 6px 0;color:${COLOURS.text};border-bottom:1px solid ${COLOURS.border};padding-bottom:2px;">${escapeHtml(b.text)}</h2>`;
    case 'paragraph':
      return `<p style="${P}">${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p style="margin:4px 0;font-size:13px;color:${COLOURS.muted};">${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul style="margin:6px 0 6px 20px;padding:0;font-size:14px;">${b.items.map((i) => `<li style="margin:2px 0;">${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'link':
      return `<p style="${P}">${linkHtml(b)}</p>`;
    case 'item':
      return itemHtml(b);
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

function linkHtml(l: { text: string; url: string }): string {
  return `<a href="${escapeHtml(safeUrl(l.url))}" style="color:${COLOURS.bar};">${escapeHtml(l.text)}</a>`;
}

function itemHtml(b: ItemBlock): string {
  const lines = b.lines.map((l) => `<div style="font-size:13px;color:${COLOURS.muted};margin:1px 0;">${escapeHtml(l)}</div>`).join('');
  const links = b.links && b.links.length ? `<div style="font-size:13px;margin:3px 0 0 0;">${b.links.map(linkHtml).join(' &nbsp;·&nbsp; ')}</div>` : '';
  return `<div style="margin:8px 0 10px 0;padding:0 0 0 10px;border-left:3px solid ${COLOURS.border};"><div style="font-size:14px;font-weight:bold;color:${COLOURS.text};">${escapeHtml(b.title)}</div>${lines}${links}</div>`;
}

function tableHtml(t: TableBlock): string {
  const title = t.title ? `<p style="margin:12px 0 4px 0;font-size:14px;font-weight:bold;">${escapeHtml(t.title)}</p>` : '';
  if (t.rows.length === 0) {
    const what = t.title ? `<b style="color:${COLOURS.text};">${escapeHtml(t.title)}:</b> ` : '';
    return `<p style="margin:10px 0 4px 0;font-size:13px;color:${COLOURS.muted};">${what}${escapeHtml(t.empty || 'None.')}</p>`;
  }
  const head = `<tr>${t.columns.map((c) => `<th style="${CELL}background:${COLOURS.headerBg};">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = shownRows(t)
    .map((r, i) => {
      const bg = t.rowColours && t.rowColours[i] ? `background:${escapeHtml(t.rowColours[i])};` : '';
      return `<tr>${r.map((c) => `<td style="${CELL}${bg}">${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `${title}<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;max-width:640px;margin:4px 0 10px 0;">${head}${body}</table>`;
}

const BAR_WIDTH = 300; // px: the track every bar is drawn in

/** A bar chart as a table: each bar a row with a coloured cell and the rest of its track. */
function barsHtml(c: BarChartBlock): string {
  const { min, max } = barRange(c);
  const unit = c.unit || '';
  const title = c.title ? `<p style="margin:12px 0 4px 0;font-size:14px;font-weight:bold;">${escapeHtml(c.title)}</p>` : '';
  const rows = c.bars
    .map((b) => {
      const filled = Math.round(barFraction(b.value, min, max) * BAR_WIDTH);
      const colour = escapeHtml(b.colour || COLOURS.bar);
      const fill = filled > 0 ? `<td width="${filled}" style="width:${filled}px;height:14px;padding:0;background:${colour};"></td>` : '';
      const rest = BAR_WIDTH - filled > 0 ? `<td width="${BAR_WIDTH - filled}" style="width:${BAR_WIDTH - filled}px;height:14px;padding:0;background:${COLOURS.track};"></td>` : '';
      const track = `<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:${BAR_WIDTH}px;"><tr>${fill}${rest}</tr></table>`;
      const note = b.note ? ` <span style="color:${COLOURS.muted};">${escapeHtml(b.note)}</span>` : '';
      return `<tr><td style="font-size:12px;padding:2px 8px 2px 0;white-space:nowrap;">${escapeHtml(b.label)}</td><td style="padding:2px 0;">${track}</td><td style="font-size:12px;padding:2px 0 2px 8px;white-space:nowrap;">${escapeHtml(formatValue(b.value))}${escapeHtml(unit)}${note}</td></tr>`;
    })
    .join('');
  const scale = `<tr><td></td><td style="font-size:11px;color:${COLOURS.muted};padding:0;"><table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:${BAR_WIDTH}px;"><tr><td style="font-size:11px;color:${COLOURS.muted};padding:0;">${escapeHtml(String(min))}${escapeHtml(unit)}</td><td style="font-size:11px;color:${COLOURS.muted};padding:0;text-align:right;">${escapeHtml(String(max))}${escapeHtml(unit)}</td></tr></table></td><td></td></tr>`;
  return `${title}<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:4px 0 10px 0;">${rows}${scale}</table>`;
}

function barRange(c: BarChartBlock): { min: number; max: number } {
  const min = c.min || 0;
  const max = c.max !== undefined ? c.max : Math.max(min + 1, ...c.bars.map((b) => b.value));
  return { min, max };
}

/** How much of the track a value fills: 0 at or below `min`, 1 at or above `max`. */
export function barFraction(value: number, min: number, max: number): number {
  if (!(max > min) || !isFinite(value)) return 0;
  return Math.max(0, Math.min(1, (value - min) / (max - min)));
}

/** One decimal place, as percentages are shown everywhere (SPEC §4.1): 93 → "93.0". */
function formatValue(v: number): string {
  return (Math.round(v * 10) / 10).toFixed(1);
}

/** The whole HTML body: one centred column, max 640px, system fonts. */
export function wrapHtml(title: string, inner: string, footer: string): string {
  return (
    `<div style="max-width:640px;margin:0 auto;font-family:Arial,Helvetica,sans-serif;color:${COLOURS.text};">` +
    `<h1 style="font-size:19px;margin:0 0 10px 0;">${escapeHtml(title)}</h1>` +
    inner +
    `<p style="margin:22px 0 0 0;font-size:12px;color:${COLOURS.muted};">${escapeHtml(footer)}</p>` +
    `</div>`
  );
}

export function blocksToText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'heading') out.push('', b.text.toUpperCase(), '');
    else if (b.type === 'paragraph' || b.type === 'note') out.push(b.text);
    else if (b.type === 'list') for (const i of b.items) out.push(`- ${i}`);
    else if (b.type === 'link') out.push(`${b.text}: ${b.url}`);
    else if (b.type === 'item') {
      out.push(`* ${b.title}`);
      for (const l of b.lines) out.push(`  ${l}`);
      for (const l of b.links || []) out.push(`  ${l.text}: ${l.url}`);
      out.push('');
    } else if (b.type === 'table') {
      if (b.rows.length === 0) out.push(`${b.title ? `${b.title}: ` : ''}${b.empty || 'None.'}`);
      else {
        if (b.title) out.push(b.title);
        out.push(b.columns.join(' | '));
        for (const r of shownRows(b)) out.push(r.map((c) => String(c)).join(' | '));
      }
      out.push('');
    } else if (b.type === 'bars') {
      if (b.title) out.push(b.title);
      const { min, max } = barRange(b);
      for (const x of b.bars) out.push(`${x.label}  ${'#'.repeat(Math.round(barFraction(x.value, min, max) * 20))} ${formatValue(x.value)}${b.unit || ''}${x.note ? ` ${x.note}` : ''}`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/**
 * A table as CSV, for an attachment: UTF-8 with a byte-order mark (so Excel shows "Wiśniewski",
 * not mojibake), quotes doubled, a leading =,+,-,@ defused (never a formula in Sheets or Excel),
 * dates yyyy-mm-dd as files keep them (SPEC §2a).
 */
export function tableToCsv(t: { columns: string[]; rows: (string | number)[][] }): string {
  const cell = (v: string | number) => {
    let s = String(v === null || v === undefined ? '' : v);
    if (/^[=+\-@]/.test(s) && typeof v !== 'number') s = "'" + s;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\ufeff' + [t.columns].concat(t.rows as any).map((r: (string | number)[]) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Bytes of a string in UTF-8 (what Google's body limit counts), without Node's Buffer. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** "year-10-level-2-2024-01-15.csv": a file name from words (letters, digits and hyphens only). */
export function csvFileName(words: string, date: string): string {
  const base = String(words).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return `${base || 'list'}-${date}.csv`;
}
