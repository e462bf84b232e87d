/**
 * The figures every digest section is made of (issue 21): a group's attendance for the week, the
 * week before, the change and the year to date, with a comparison (PP and not PP, or a cohort and
 * the rest of the school) and the gap; the PA rate; a week-by-week chart over the term; homework
 * pink/red counts; the week's letters and legal steps; and pupil lists in surname order, which
 * layout.ts attaches as CSV when they are long. Pure.
 */
import { toUk } from '../dates';
import { Settings } from '../settings';
import { changeTenths, groupRates, GroupRates, ratePercent } from '../attendance/weekRates';
import { DigestInput, DigestPupil } from './digestData';
import { Block, COLOURS, TableBlock, csvFileName } from './render';
import { bySurname, listName } from '../pupils/names';
import { groupBy as groupItems } from '../collections';

export interface Group {
  label: string;
  pupils: DigestPupil[];
}

const STAGE_LABEL: Record<string, string> = { reward: 'Reward', level1: 'Level 1', level2: 'Level 2' };

export function pct(p: number | null): string {
  return p === null ? '–' : `${p.toFixed(1)}%`;
}

/** "+1.4", "−0.3", "0.0" (points), or "–". */
export function points(tenths: number | null): string {
  if (tenths === null) return '–';
  return tenths > 0 ? `+${(tenths / 10).toFixed(1)}` : tenths < 0 ? `−${(-tenths / 10).toFixed(1)}` : '0.0';
}

interface Shown {
  week: number | null;
  last: number | null;
  ytd: number | null;
  rates: GroupRates;
}

function shown(input: DigestInput, g: Group, settings: Settings): Shown {
  const rates = groupRates(input.rates, g.pupils.map((p) => p.upn), input.weekStarts.length, settings);
  const wi = input.weekStarts.indexOf(input.week.start);
  const li = input.week.last ? input.weekStarts.indexOf(input.week.last) : -1;
  return { week: wi >= 0 ? ratePercent(rates.weeks[wi]) : null, last: li >= 0 ? ratePercent(rates.weeks[li]) : null, ytd: ratePercent(rates.ytd), rates };
}

function diff(a: number | null, b: number | null): number | null {
  return changeTenths(a, b);
}

/**
 * The attendance table: the group (and, when given, two groups to compare and their gap — the
 * first minus the second, in points), then the PA line. Short by design: it is always printed.
 */
export function attendanceBlocks(input: DigestInput, main: Group, settings: Settings, compare?: [Group, Group], opts: { mainRow?: boolean; context?: Group[] } = {}): Block[] {
  const w = input.week;
  const cols = ['', `Week of ${toUk(w.start)}`, w.last ? `Week before (${toUk(w.last)})` : 'Week before', 'Change', 'Year to date'];
  const rowOf = (label: string, s: Shown) => [label, pct(s.week), pct(s.last), points(diff(s.week, s.last)), pct(s.ytd)];
  const m = shown(input, main, settings);
  const rows: (string | number)[][] = opts.mainRow === false ? [] : [rowOf(main.label, m)];
  let paLine = `Persistent absence this year: ${rateOf(m.rates.pa, m.rates.pupils)} of pupils (${m.rates.pa} of ${m.rates.pupils}); severe absence ${rateOf(m.rates.sa, m.rates.pupils)} (${m.rates.sa}).`;
  if (compare && compare[0].pupils.length && compare[1].pupils.length) {
    const a = shown(input, compare[0], settings);
    const b = shown(input, compare[1], settings);
    rows.push(rowOf(compare[0].label, a), rowOf(compare[1].label, b));
    const gw = diff(b.week, a.week);
    const gl = diff(b.last, a.last);
    const gy = diff(b.ytd, a.ytd);
    rows.push([`Gap (${lowerFirst(compare[1].label)} − ${lowerFirst(compare[0].label)})`, ptsOrDash(gw), ptsOrDash(gl), gw === null || gl === null ? '–' : points(gw - gl), ptsOrDash(gy)]);
    const parts = (compare[0] === main ? [] : [`${lowerFirst(compare[0].label)} ${rateOf(a.rates.pa, a.rates.pupils)} (${a.rates.pa} of ${a.rates.pupils})`]).concat([`${lowerFirst(compare[1].label)} ${rateOf(b.rates.pa, b.rates.pupils)} (${b.rates.pa} of ${b.rates.pupils})`]);
    paLine += ` Persistent absence of ${parts.join('; ')}.`;
  }
  // Context last (the year, the whole school), after the group and its own split.
  for (const c of opts.context || []) rows.push(rowOf(c.label, shown(input, c, settings)));
  return [{ type: 'table', title: 'Attendance', columns: cols, rows }, { type: 'paragraph', text: paLine }];
}

/** "Pupil premium" → "pupil premium" mid-sentence; "EAL pupils" and "SEN pupils" keep their capitals. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function ptsOrDash(t: number | null): string {
  return t === null ? '–' : `${points(t)} pts`;
}

/** "18.5%" of a count, to 1 decimal place. */
export function rateOf(n: number, of: number): string {
  return of > 0 ? `${(Math.round((1000 * n) / of) / 10).toFixed(1)}%` : '–';
}

/** Attendance week by week over the term, each week's own sessions (a chart drawn as a table). */
export function chartBlock(input: DigestInput, g: Group, settings: Settings): Block | null {
  const s = shown(input, g, settings);
  const bars: { label: string; value: number; colour: string }[] = [];
  for (const wk of input.chartWeeks) {
    const i = input.weekStarts.indexOf(wk);
    const v = i >= 0 ? ratePercent(s.rates.weeks[i]) : null;
    if (v === null) continue;
    // One colour: a school-level week is not a pupil's stage, and red every week is noise.
    bars.push({ label: `w/c ${toUk(wk).slice(0, 5)}`, value: v, colour: wk === input.week.start ? COLOURS.bar : COLOURS.barPast });
  }
  if (bars.length < 2) return null;
  const lo = Math.max(0, Math.floor(Math.min(...bars.map((b) => b.value)) / 5) * 5 - 5);
  return { type: 'bars', title: `${input.chartTitle}: ${g.label}`, min: lo, max: 100, unit: '%', bars };
}

/** Per group (year, reg group): the week, the change, the year to date, PA, pink and red. */
export function groupsTable(input: DigestInput, groups: Group[], settings: Settings, title: string, first: string): TableBlock {
  return {
    type: 'table',
    title,
    columns: [first, 'This week', 'Change', 'Year to date', 'PA', 'Pink', 'Red'],
    rows: groups.map((g) => {
      const s = shown(input, g, settings);
      const hw = homeworkCounts(g.pupils);
      return [g.label, pct(s.week), points(diff(s.week, s.last)), pct(s.ytd), `${rateOf(s.rates.pa, s.rates.pupils)} (${s.rates.pa})`, hw.pink, hw.red];
    }),
  };
}

export function homeworkCounts(pupils: DigestPupil[]): { pink: number; red: number; lastPink: number; lastRed: number; persistent: number } {
  const c = { pink: 0, red: 0, lastPink: 0, lastRed: 0, persistent: 0 };
  for (const p of pupils) {
    const h = p.homework;
    if (!p.onRoll || !h) continue;
    if (h.band === 'pink') c.pink++;
    if (h.band === 'red') c.red++;
    if (h.lastBand === 'pink') c.lastPink++;
    if (h.lastBand === 'red') c.lastRed++;
    if (h.persistent) c.persistent++;
  }
  return c;
}

export function homeworkLine(pupils: DigestPupil[]): Block {
  const c = homeworkCounts(pupils);
  return { type: 'paragraph', text: `Homework this week: ${c.pink} pink, ${c.red} red (week before: ${c.lastPink} pink, ${c.lastRed} red); ${c.persistent} persistent (pink or red in 3 of the last 6 weeks).` };
}

function countsText(items: { type: string }[]): string {
  const by: { [t: string]: number } = {};
  for (const i of items) by[i.type] = (by[i.type] || 0) + 1;
  return Object.keys(by).sort().map((t) => `${t} ${by[t]}`).join(' · ');
}

/** The week's letters and legal steps for these pupils, one line each. */
export function lettersAndLegal(input: DigestInput, pupils: DigestPupil[] | null): Block[] {
  const mine = pupils ? new Set(pupils.map((p) => p.upn)) : null;
  const keep = (upn: string) => !mine || mine.has(upn);
  const letters = input.letters.filter((l) => keep(l.upn));
  const out: Block[] = [{ type: 'paragraph', text: letters.length ? `Letters produced this week: ${countsText(letters)}.` : 'No letters produced this week.' }];
  if (input.legal) {
    const legal = input.legal.filter((l) => keep(l.upn)).map((l) => ({ type: l.step }));
    out.push({ type: 'paragraph', text: legal.length ? `Legal steps recorded this week: ${countsText(legal)}.` : 'No legal steps recorded this week.' });
  }
  return out;
}

function stageColour(p: DigestPupil): string | null {
  const a = p.attendance;
  if (!a) return null;
  return a.stage === 'level2' || a.pa ? COLOURS.red : a.stage === 'level1' ? COLOURS.amber : null;
}

/** A week's own attendance for one pupil. */
function pupilWeek(input: DigestInput, upn: string): string {
  const r = input.rates.get(upn);
  const i = input.weekStarts.indexOf(input.week.start);
  return r && i >= 0 ? pct(ratePercent(r.weeks[i])) : '–';
}

/** Pupils on roll in the group whose position matches, surname order; attached when long. */
/** Which of Year and Reg group a list needs: a Head of Year's list has one year, a tutor's one group. */
export type Where = 'year+group' | 'group' | 'none';

function whereCols(where: Where): string[] {
  return where === 'year+group' ? ['Year', 'Reg group'] : where === 'group' ? ['Reg group'] : [];
}

function whereCells(p: { year: number; regGroup: string }, where: Where): (string | number)[] {
  return where === 'year+group' ? [p.year, p.regGroup] : where === 'group' ? [p.regGroup] : [];
}

export function attendanceList(input: DigestInput, pupils: DigestPupil[], title: string, file: string, keep: (p: DigestPupil) => boolean, where: Where = 'year+group'): TableBlock {
  const list = pupils.filter((p) => p.onRoll && p.attendance && p.attendance.stage && keep(p)).sort(bySurname);
  return {
    type: 'table',
    title,
    columns: ['Pupil'].concat(whereCols(where), ['This week', 'Year to date', 'Stage', 'Flags']),
    rows: list.map((p) => {
      const a = p.attendance!;
      const flags = [a.sa ? 'SA' : a.pa ? 'PA' : '', a.penalty ? 'penalty threshold' : ''].filter((x) => x).join(', ');
      return ([listName(p)] as (string | number)[]).concat(whereCells(p, where), [pupilWeek(input, p.upn), pct(a.percent), STAGE_LABEL[a.stage!] || '', flags]);
    }),
    rowColours: list.map(stageColour),
    empty: 'No pupils.',
    csv: csvFileName(file, input.week.start),
    noun: list.length === 1 ? 'pupil' : 'pupils',
  };
}

/** Pink, red and persistent pupils on roll, surname order, with the form tutor's action. */
export function homeworkList(input: DigestInput, pupils: DigestPupil[], title: string, file: string, settings: Settings, where: Where = 'year+group'): TableBlock {
  const list = pupils.filter((p) => p.onRoll && p.homework && (p.homework.band !== 'none' || p.homework.persistent)).sort(bySurname);
  const action = (p: DigestPupil) => {
    const h = p.homework!;
    const a = h.band === 'red' ? 'FT detention, daily planner check, parent contact' : h.band === 'pink' ? 'Check planner daily next week' : '';
    return h.persistent ? (a ? `${a}; HoY meeting (persistent)` : 'HoY meeting (persistent)') : a;
  };
  return {
    type: 'table',
    title,
    columns: ['Pupil'].concat(whereCols(where), ['Misses this week', 'Band', 'Action']),
    rows: list.map((p) => ([listName(p)] as (string | number)[]).concat(whereCells(p, where), [p.homework!.misses, p.homework!.band === 'none' ? '' : p.homework!.band, action(p)])),
    rowColours: list.map((p) => (p.homework!.band === 'red' ? COLOURS.red : p.homework!.band === 'pink' ? COLOURS.pink : null)),
    empty: `No pupils on pink or red (pink at ${settings.homework.pinkAt} misses, red at ${settings.homework.redAt}).`,
    csv: csvFileName(file, input.week.start),
    noun: list.length === 1 ? 'pupil' : 'pupils',
  };
}

/** Groups of pupils by a key, in the key's natural order (years numerically, reg groups as text). */
export function groupBy(pupils: DigestPupil[], key: (p: DigestPupil) => string, label: (k: string) => string): Group[] {
  const by = groupItems(pupils, key);
  const keys = Array.from(by.keys()).sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? +a - +b : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => ({ label: label(k), pupils: by.get(k)! }));
}
