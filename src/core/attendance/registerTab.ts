/**
 * The Register tab (issue 22): where the tracker keeps every session mark — a row per pupil (UPN,
 * Name, Reg Group) and a column per school week headed "w/c 08/01/2024", each cell the week's ten
 * marks (core/attendance/registerWeek.ts). Two academic years of a 2,000-pupil school are about
 * 160,000 cells, where the long form (a row per mark, four cells each) took 6 million.
 *
 * Columns exist only for weeks with marks, so a holiday week has no column and the columns are the
 * school weeks in order. Staff read a pupil's year along a row and may correct a mark in its cell;
 * imports (the long form, the MIS's wide grid, another tracker's Register) merge into it by pupil,
 * week and session, so re-importing changes nothing. Any other column staff add is kept.
 *
 * Pure: reading a grid of values into marks, and merging marks into a grid. gas/register.ts does
 * the reading and writing.
 */
import { Mark } from '../types';
import { IsoDate, addDays, weekStart } from '../dates';
import { REGISTER } from '../tabDefs/attendance';
import { columnLetter, mapHeaders } from '../records/headers';
import { ClassifyCode, cellText, isBlank, parseCode } from '../records/cells';
import { Refusal, shown } from '../records/refusal';
import { isDateValue } from '../records/ukDate';
import { checkUpn } from '../records/upn';
import { SESSIONS_A_WEEK, formatWeek, parseWeek, readWeekHeader, sessionAt, sessionIndex, sessionName, weekHeader } from './registerWeek';


export interface RegisterWeek { col: number; monday: IsoDate }

/**
 * The week columns (0-based, in column order) a copy of the Register made on `madeOn` may be behind
 * on (jobs/tabCopies.ts): the latest weeks, where marks are imported and typed — the week the copy
 * was made, the week before it (Friday's register typed on Monday) and every week after. A mark
 * corrected in an older week since is not among them: the letter run reads the Register whole and
 * stops when its letters differ from the preview's.
 */
export function recentWeekColumns(header: unknown[], madeOn: IsoDate): number[] {
  const from = addDays(weekStart(madeOn), -7);
  return registerLayout(header).weeks.filter((w) => w.monday >= from).map((w) => w.col);
}

export interface RegisterLayout {
  upnCol: number;
  nameCol: number;
  regGroupCol: number;
  /** Week columns in the order they stand. */
  weeks: RegisterWeek[];
  /** Header problems: when any, the tab cannot be read or written safely. */
  messages: string[];
}

/** Where the UPN, the names and each week stand in a header row. */
export function registerLayout(header: unknown[]): RegisterLayout {
  const weeks: RegisterWeek[] = [];
  const messages: string[] = [];
  const names: unknown[] = header.map((h, col) => {
    const w = readWeekHeader(h);
    if (w.kind === 'week') weeks.push({ col, monday: w.monday });
    if (w.kind === 'bad') messages.push(`Register column ${columnLetter(col)} "${shown(h)}": ${w.reason}`);
    return w.kind === 'other' ? h : '';
  });
  const map = mapHeaders(REGISTER, names);
  messages.push(...map.messages);
  const seen = new Map<IsoDate, number>();
  for (const w of weeks) {
    const first = seen.get(w.monday);
    if (first !== undefined) messages.push(`Register: the week ${weekHeader(w.monday)} appears twice (columns ${columnLetter(first)} and ${columnLetter(w.col)}). Keep one.`);
    else seen.set(w.monday, w.col);
  }
  const at = (f: string) => (map.columnIndex[f] === undefined ? -1 : map.columnIndex[f]);
  return { upnCol: at('upn'), nameCol: at('name'), regGroupCol: at('regGroup'), weeks, messages };
}

export interface RegisterRead {
  marks: Mark[];
  refusals: Refusal[];
}

export interface RegisterReadOptions {
  /** The code check: an import refuses withdrawn and unknown codes; the review lets them through to report them. */
  classify: ClassifyCode;
  /** Sheet row of each row of `rows` (default: row i is sheet row i + 2, under the header). */
  rowNumbers?: number[];
}

/**
 * The marks of the Register's rows (header row apart): one Mark per session with a mark, none for
 * "-". A row without a valid UPN, a second row for the same pupil, a week cell that cannot be read
 * and a code the classifier refuses are refusals naming the row, the week and the value.
 */
export function readRegister(layout: RegisterLayout, rows: unknown[][], opts: RegisterReadOptions): RegisterRead {
  const out: RegisterRead = { marks: [], refusals: [] };
  const weeks = layout.weeks;
  // The ten dates and sessions of each week, worked out once (not once per pupil).
  const slots = weeks.map((w) => Array.from({ length: SESSIONS_A_WEEK }, (_, i) => sessionAt(w.monday, i)));
  const headers = weeks.map((w) => weekHeader(w.monday));
  const firstRowOf = new Map<string, number>();
  const codeOk = new Map<string, string | null>(); // code → refusal reason (null when accepted)
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] || [];
    const sheetRow = opts.rowNumbers ? opts.rowNumbers[r] : r + 2;
    const rawUpn = cells[layout.upnCol];
    if (isBlank(rawUpn)) {
      if (weeks.some((w) => !isBlank(cells[w.col]))) out.refusals.push({ row: sheetRow, column: 'UPN', value: '', reason: 'marks with no UPN: whose are they? Type the pupil\'s UPN.' });
      continue;
    }
    const u = checkUpn(rawUpn);
    if (!u.ok) {
      out.refusals.push({ row: sheetRow, column: 'UPN', value: shown(rawUpn), reason: u.reason });
      continue;
    }
    const first = firstRowOf.get(u.upn);
    if (first !== undefined) {
      out.refusals.push({ row: sheetRow, column: 'UPN', value: u.upn, reason: `this pupil is already on row ${first} — one row per pupil; move these marks there.` });
      continue;
    }
    firstRowOf.set(u.upn, sheetRow);
    for (let w = 0; w < weeks.length; w++) {
      const cell = cells[weeks[w].col];
      if (isBlank(cell)) continue;
      const week = parseWeek(cell);
      if (!week.ok) {
        out.refusals.push({ row: sheetRow, column: headers[w], value: shown(cell), reason: week.reason });
        continue;
      }
      for (let i = 0; i < SESSIONS_A_WEEK; i++) {
        const code = week.codes[i];
        if (!code) continue;
        let reason = codeOk.get(code);
        if (reason === undefined) {
          const c = parseCode(code, opts.classify);
          reason = c.ok ? null : c.reason;
          codeOk.set(code, reason);
        }
        if (reason !== null) {
          out.refusals.push({ row: sheetRow, column: headers[w], value: cellText(cell), reason: `${sessionName(i)}: ${reason}` });
          continue;
        }
        const s = slots[w][i];
        out.marks.push({ upn: u.upn, date: s.date, session: s.session, code });
      }
    }
  }
  return out;
}

export interface PupilNames { name: string; regGroup: string }

export interface RegisterMerge {
  /** The whole grid after the merge, header first (text cells as the Register holds them). */
  grid: string[][];
  /** The columns (0-based) whose cells changed in any row, the header included. */
  changedColumns: number[];
  /** True when the old columns kept their places (new weeks only added to the right). */
  sameColumns: boolean;
  added: number;
  updated: number;
  unchanged: number;
  /** Week cells staff typed that cannot be read: their marks in this import were not written. */
  blocked: string[];
}

/**
 * Merge marks into the Register's values (header first; [] for a new tab). A mark where the cell
 * has none is added, a different code is an update (a blank code clears the session), the same
 * code is unchanged — so re-importing a file changes nothing. New pupils get a row at the bottom,
 * new weeks a column in date order (a week older than the last column rebuilds the week columns in
 * order; the pupils' columns and staff's own keep their places). Names and reg groups are the
 * add-on's, refreshed from `names` (the Students tab). A cell staff typed that cannot be read is
 * never overwritten: its marks are left out and named in `blocked`.
 */
export function mergeIntoRegister(values: unknown[][], marks: Mark[], names: Map<string, PupilNames>): RegisterMerge {
  const header = values.length ? values[0].slice() : REGISTER.columns.map((c) => c.header);
  const layout = registerLayout(header);
  if (layout.messages.length) throw new Error(layout.messages.join('\n')); // the callers check first, naming the column
  const oldWidth = header.length;
  const weekCol = new Map<IsoDate, number>(layout.weeks.map((w) => [w.monday, w.col]));
  const lastWeek = layout.weeks.reduce((m, w) => (w.monday > m ? w.monday : m), '');
  const newWeeks = Array.from(new Set(marks.map((m) => weekStart(m.date)))).filter((d) => !weekCol.has(d)).sort();
  const sameColumns = !newWeeks.length || newWeeks[0] > lastWeek;
  // Column order after the merge: the old columns (weeks rebuilt in date order if a new week falls
  // among them), then new weeks.
  let order: Array<{ from: number } | { week: IsoDate }>;
  if (sameColumns) {
    order = header.map((_, c) => ({ from: c }));
    for (const d of newWeeks) order.push({ week: d });
  } else {
    const weekSet = new Set(layout.weeks.map((w) => w.col));
    order = header.map((_, c) => ({ from: c })).filter((o) => !weekSet.has(o.from));
    const all = layout.weeks.map((w) => w.monday).concat(newWeeks).sort();
    for (const d of all) order.push(weekCol.has(d) ? { from: weekCol.get(d)! } : { week: d });
  }
  const width = order.length;
  const colOfWeek = new Map<IsoDate, number>();
  order.forEach((o, c) => colOfWeek.set('week' in o ? o.week : (layout.weeks.find((w) => w.col === o.from) || { monday: '' }).monday, c));
  colOfWeek.delete('');
  const newIndex = new Map<number, number>(); // old column → new column
  order.forEach((o, c) => { if ('from' in o) newIndex.set(o.from, c); });
  const at = (old: number) => newIndex.get(old)!;

  const text = (v: unknown) => (isDateValue(v) ? '' : cellText(v));
  const grid: string[][] = [];
  const oldRows = values.length ? values.slice(1) : [];
  grid.push(order.map((o) => ('week' in o ? weekHeader(o.week) : cellRaw(header[o.from]))));
  for (const row of oldRows) grid.push(order.map((o) => ('week' in o ? '' : cellRaw(row[o.from]))));
  const rowOf = new Map<string, number>();
  for (let r = 1; r < grid.length; r++) {
    const u = checkUpn(oldRows[r - 1][layout.upnCol]);
    if (u.ok && !rowOf.has(u.upn)) rowOf.set(u.upn, r);
  }
  const upnAt = at(layout.upnCol);
  const rowFor = (upn: string): number => {
    let r = rowOf.get(upn);
    if (r === undefined) {
      r = grid.length;
      const row = new Array(width).fill('');
      row[upnAt] = upn;
      grid.push(row);
      rowOf.set(upn, r);
    }
    return r;
  };

  const out: RegisterMerge = { grid, changedColumns: [], sameColumns, added: 0, updated: 0, unchanged: 0, blocked: [] };
  // Week cells being edited, as ten codes each ("row|col" → codes), parsed from the grid once.
  const open = new Map<string, string[] | null>();
  const blockedCount = new Map<string, number>();
  for (const m of marks) {
    const i = sessionIndex(m.date, m.session);
    if (i < 0) throw new Error(`Register: ${m.date} is a weekend day (the caller refuses these)`);
    const r = rowFor(m.upn);
    const c = colOfWeek.get(weekStart(m.date))!;
    const k = `${r}|${c}`;
    let codes = open.get(k);
    if (codes === undefined) {
      const w = parseWeek(grid[r][c]);
      codes = w.ok ? w.codes : null;
      open.set(k, codes);
    }
    if (codes === null) {
      blockedCount.set(k, (blockedCount.get(k) || 0) + 1);
      continue;
    }
    const code = m.code.toUpperCase();
    if (codes[i] === code) out.unchanged++;
    else {
      if (codes[i] === '') out.added++;
      else out.updated++;
      codes[i] = code;
    }
  }
  open.forEach((codes, k) => {
    if (!codes) return;
    const [r, c] = k.split('|').map(Number);
    grid[r][c] = formatWeek(codes);
  });
  blockedCount.forEach((n, k) => {
    const [r, c] = k.split('|').map(Number);
    out.blocked.push(`Register row ${r + 1}, ${grid[0][c]} "${grid[r][c]}": cannot be read, so the ${n} mark${n === 1 ? '' : 's'} for it in this import ${n === 1 ? 'was' : 'were'} not written. Correct the cell (ten marks, "-" where there is none), then import again.`);
  });
  // The add-on's own columns: each pupil's name and reg group as the Students tab has them.
  if (layout.nameCol >= 0 || layout.regGroupCol >= 0) {
    for (let r = 1; r < grid.length; r++) {
      const p = names.get(grid[r][upnAt].toUpperCase());
      if (!p) continue;
      if (layout.nameCol >= 0) grid[r][at(layout.nameCol)] = p.name;
      if (layout.regGroupCol >= 0) grid[r][at(layout.regGroupCol)] = p.regGroup;
    }
  }
  // Which columns changed: with the columns in their old places, compared cell by cell with what
  // the tab held; otherwise the week columns moved and the whole grid is written.
  for (let c = 0; c < width; c++) {
    let changed = !sameColumns || c >= oldWidth;
    for (let r = 0; !changed && r < grid.length; r++) {
      if (r === 0) changed = !sameHeader(header[c], grid[0][c]);
      else changed = r > oldRows.length ? grid[r][c] !== '' : text(oldRows[r - 1][c]) !== grid[r][c];
    }
    if (changed) out.changedColumns.push(c);
  }
  return out;
}

/** A header that is a date cell (staff typed the Monday) stays as it is when it reads the same. */
function sameHeader(old: unknown, now: string): boolean {
  const w = readWeekHeader(old);
  const n = readWeekHeader(now);
  return w.kind === 'week' && n.kind === 'week' ? w.monday === n.monday : cellText(old) === now;
}

/** A cell as the merged grid holds it: text; a header typed as a date becomes "w/c dd/mm/yyyy". */
function cellRaw(v: unknown): string {
  if (!isDateValue(v)) return cellText(v);
  const w = readWeekHeader(v);
  return w.kind === 'week' ? weekHeader(w.monday) : '';
}



