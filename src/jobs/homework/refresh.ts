/**
 * Refresh homework (issue 4, SPEC §3): rebuild the Homework Tracker tab from the Homework Log, run
 * the ladder (new Interventions rows only), and write the "This Week" lists and the termly PP
 * report. Each tab is read once (Students, Staff, Homework Log, Homework Set, Interventions; the
 * register's Date column only when no term dates are set) and each generated tab written once, so
 * the service calls are the same for 200 pupils as for 2,000.
 */
import { interventionRecords, writeInterventions } from '../interventionRows';
import { HomeworkNow, homeworkClosures, isOpen } from '../../core/interventions/closing';
import { HomeworkWeeks } from '../../core/homework/weeks';
import { HomeworkMiss } from '../../core/types';
import { IsoDate, toUk, weekStart } from '../../core/dates';
import { Settings } from '../../core/settings';
import { ClassRef, sopReview, SopReview } from '../../core/homework/sop';
import { homeworkWeeks, Band } from '../../core/homework/weeks';
import { trackerGrid } from '../../core/homework/grid';
import { homeworkLadder, newInterventions } from '../../core/homework/ladder';
import { ppTermReport, PpTermReportRow, weeklyTracking, WeeklyTracking } from '../../core/homework/tracking';
import { toCell } from '../../gas/cells';
import { addRoomFor, GridCell, writeGeneratedTab } from '../../gas/generatedTab';
import { loadTabs } from '../load';
import { readHomeworkCalendar } from './calendar';
import { ppReportGrid, PP_REPORT_TAB, thisWeekGrid, THIS_WEEK_FIRST_COLUMN_PX, THIS_WEEK_TAB, THIS_WEEK_WIDTH } from './views';
import { normUpn } from '../../core/pupils/names';
import { rollIndex } from '../../core/pupils/roll';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TRACKER_TAB = 'Homework Tracker';

export interface HomeworkPupilResult {
  upn: string;
  weeks: Array<{ weekStart: IsoDate; misses: number; lates: number; band: Band }>;
  weeksPink: number;
  weeksRed: number;
  persistent: boolean;
}

export interface HomeworkRefreshResult {
  asOf: IsoDate;
  /** School weeks (ISO Mondays) in the tracker, oldest first. */
  weeks: IsoDate[];
  calendarSource: 'settings' | 'register' | 'none';
  /** Every pupil on roll. */
  pupils: HomeworkPupilResult[];
  counts: {
    onRoll: number; logRows: number; misses: number; lates: number; duplicates: number;
    pinkThisWeek: number; redThisWeek: number; persistent: number;
  };
  /** The weekly lists for the digests (FT, HoY, SLT, CL, cohorts). */
  tracking: WeeklyTracking;
  sop: SopReview;
  ppReport: { term: string; from: IsoDate; to: IsoDate; rows: PpTermReportRow[] };
  interventions: { proposed: number; added: number; closed: number; keys: string[] };
  /** Rows that could not be counted ("Homework Log row 12: …"). Not for logs: they may hold UPNs. */
  problems: string[];
  wrote: { tabs: string[]; trackerRows: number; trackerWeeks: number };
}

export function refreshHomeworkJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate): HomeworkRefreshResult {
  const { data, problems } = loadTabs(ss, ['Students', 'Staff', 'Homework Log', 'Homework Set', 'Interventions'], settings);
  const pupils = data.Students || [];
  const staff = data.Staff || [];
  const existing = data.Interventions || [];
  const cal = readHomeworkCalendar(ss, settings, asOf);
  const log = (data['Homework Log'] || []).filter((e) => e.date >= cal.yearStart);

  const hw = homeworkWeeks({ log, pupils, asOf, settings, schoolWeeks: cal.weeks });
  const grid = trackerGrid(hw, pupils, asOf, settings);
  const tracking = weeklyTracking(hw, pupils, asOf, settings, staff);
  const sop = sopReview(data['Homework Set'] || [], hw.weeks, asOf, settings, classesFromLog(hw.sorted.misses.concat(hw.sorted.lates), pupils, asOf));

  // The ladder: only keys not yet on the Interventions tab (writeInterventions re-checks on fresh values).
  const proposed = homeworkLadder({ hw, pupils, asOf, settings, staff });
  const fresh = newInterventions(existing, proposed);
  // Rows this ladder opened whose reason has ended are closed (core/interventions/closing.ts).
  const closures = homeworkClosures(existing.concat(fresh), homeworkNow(hw, data['Homework Log'] || []), asOf);
  if (fresh.length) addRoomFor(ss, 'Interventions', fresh.length);
  const { added, closed } = writeInterventions(ss, interventionRecords(fresh, pupils), closures);

  const term = cal.calendar.termOf(asOf);
  const from = term ? term.start : hw.weeks[0] || weekStart(asOf);
  const to = term && term.end < asOf ? term.end : asOf;
  // The report shows each row as the tab now holds it: closed ones as closed.
  const closedNow = new Map(closures.map((c) => [c.key, c] as [string, (typeof closures)[number]]));
  const asWritten = existing.concat(fresh).map((i) => {
    const c = closedNow.get(i.key);
    return c && isOpen(i) ? { ...i, status: 'Done', outcome: c.outcome, exitValue: c.exitValue } : i;
  });
  const pp = ppTermReport(hw, pupils, asWritten, from, to, asOf);

  // Writes: three generated tabs, each in one go.
  writeGeneratedTab(ss, {
    name: TRACKER_TAB,
    values: grid.values.map((r) => r.map(cellOut)),
    headingRows: [1],
    frozenRows: 1,
    frozenColumns: 4, // UPN, Name, Year, Reg Group stay in view beside the weeks (issue 20)
    rules: grid.rules,
    columnFormats: { 1: '@' },
  });
  const tw = thisWeekGrid(tracking, sop, asOf, staff, settings);
  const thisWeek = writeGeneratedTab(ss, { name: THIS_WEEK_TAB, values: tw.values.map((r) => r.map(cellOut)), headingRows: tw.headingRows, frozenRows: 1, rules: tw.rules });
  thisWeek.setColumnWidth(1, THIS_WEEK_FIRST_COLUMN_PX);
  thisWeek.autoResizeColumns(2, THIS_WEEK_WIDTH - 1);
  const termName = term ? term.name : 'this year';
  const pg = ppReportGrid(pp, termName, from, to, settings);
  writeGeneratedTab(ss, { name: PP_REPORT_TAB, values: pg.values.map((r) => r.map(cellOut)), headingRows: pg.headingRows, frozenRows: 2, frozenColumns: 2, rules: pg.rules });

  const results: HomeworkPupilResult[] = [];
  hw.pupils.forEach((ph) => results.push({
    upn: ph.upn,
    weeks: ph.weeks.map((w) => ({ weekStart: w.weekStart, misses: w.misses, lates: w.lates, band: w.band })),
    weeksPink: ph.weeksPink, weeksRed: ph.weeksRed, persistent: ph.persistent,
  }));
  results.sort((a, b) => (a.upn < b.upn ? -1 : a.upn > b.upn ? 1 : 0));
  const allProblems = problems
    .concat(hw.sorted.problems.map((p) => p.message))
    .concat(hw.sorted.duplicates.map((d) => `Homework Log row ${d.entry.row ?? '?'}: same pupil, subject and date as row ${d.first.row ?? '?'} — counted once.`));

  return {
    asOf,
    weeks: hw.weeks,
    calendarSource: cal.source,
    pupils: results,
    counts: {
      onRoll: hw.pupils.size,
      logRows: log.length,
      misses: hw.sorted.misses.length,
      lates: hw.sorted.lates.length,
      duplicates: hw.sorted.duplicates.length,
      pinkThisWeek: results.filter((p) => p.weeks.length && p.weeks[p.weeks.length - 1].band === 'pink').length,
      redThisWeek: results.filter((p) => p.weeks.length && p.weeks[p.weeks.length - 1].band === 'red').length,
      persistent: results.filter((p) => p.persistent).length,
    },
    tracking,
    sop,
    ppReport: { term: termName, from, to, rows: pp },
    interventions: { proposed: proposed.length, added, closed, keys: fresh.map((f) => f.key) },
    problems: allProblems,
    wrote: { tabs: [TRACKER_TAB, 'Interventions', THIS_WEEK_TAB, PP_REPORT_TAB], trackerRows: grid.values.length - 1, trackerWeeks: hw.weeks.length },
  };
}

/** Text cells are written formula-safe and as text (a "22/01/2024" header stays text). */
function cellOut(v: GridCell): GridCell {
  return typeof v === 'string' ? toCell(v, 'text') : v;
}

/** Every class seen in the log, with the year of its pupils: a class that set nothing still shows. */
function classesFromLog(entries: HomeworkMiss[], pupils: Parameters<typeof rollIndex>[0], asOf: IsoDate): ClassRef[] {
  const roll = rollIndex(pupils, asOf);
  const out = new Map<string, ClassRef>();
  for (const e of entries) {
    const className = String(e.className || '').trim();
    if (!className) continue;
    const k = `${className.toLowerCase()}|${e.subject.trim().toLowerCase()}`;
    if (out.has(k)) continue;
    const p = roll.get(normUpn(e.upn));
    if (p) out.set(k, { className, subject: e.subject.trim(), year: p.year });
  }
  return Array.from(out.values());
}

/** One line for the person who clicked Refresh (no pupil data: it may go to the execution log). */
export function describeRefresh(r: HomeworkRefreshResult): string {
  const lines = [
    `Homework Tracker rebuilt: ${r.counts.onRoll} pupils on roll, ${r.weeks.length} school weeks, ${r.counts.misses} misses (${r.counts.lates} lates counted separately).`,
    r.weeks.length ? `This week (w/c ${toUk(r.weeks[r.weeks.length - 1])}): ${r.counts.pinkThisWeek} pink, ${r.counts.redThisWeek} red; ${r.counts.persistent} persistent.` : '',
    `Interventions: ${r.interventions.added} new, ${r.interventions.closed} closed (their reason has ended).`,
    r.sop.below.length ? `${r.sop.below.length} classes set less homework than the SOP expects (see "${THIS_WEEK_TAB}").` : '',
    r.problems.length ? `${r.problems.length} log rows need checking:\n${r.problems.slice(0, 5).join('\n')}${r.problems.length > 5 ? '\n…' : ''}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

/** What the homework rules say now, for closing the ladder's rows (pure: no reads). */
function homeworkNow(hw: HomeworkWeeks, log: HomeworkMiss[]): HomeworkNow {
  const now: HomeworkNow = { bands: new Map(), misses: new Map(), persistentSince: new Map(), detentions: new Map(), onRoll: new Set() };
  hw.pupils.forEach((ph, upn) => {
    now.onRoll.add(upn);
    now.bands.set(upn, new Map(ph.weeks.map((w) => [w.weekStart, w.band] as [string, 'none' | 'pink' | 'red'])));
    now.misses.set(upn, new Map(ph.weeks.map((w) => [w.weekStart, w.misses] as [string, number])));
    now.persistentSince.set(upn, ph.persistent ? ph.persistentSince : '');
  });
  for (const e of log) now.detentions.set(`${e.upn}|${e.subject}|${e.date}`.toUpperCase(), { attended: String(e.detentionAttended || ''), cl: String(e.clDetention || '') });
  return now;
}
