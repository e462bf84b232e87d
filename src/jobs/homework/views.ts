/**
 * The homework views the refresh writes besides the tracker grid, as plain grids (no services):
 * - "This Week": the intervention team's weekly lists (seed 000) — form tutors (their reg group's
 *   pink and red), Heads of Year (their year), SLT (counts by year, trend over the term),
 *   curriculum leaders (misses by subject and class), the PP lead / EAL coordinator / SENCO (their
 *   cohort's pupils who missed), and classes setting less homework than the SOP expects (seed 001).
 *   Fixed sections, each always present ("None this week."), so headings are a fixed few ranges.
 * - "PP Homework Report": the termly PP missed-homework report.
 * Bands are written "Pink"/"Red" in one column (F) of This Week so two text rules colour them.
 */
import { IsoDate, toUk } from '../../core/dates';
import { Settings } from '../../core/settings';
import { HOMEWORK_COLOURS } from '../../core/homework/grid';
import { ownerLabel, resolveOwner } from '../../core/homework/owners';
import { SopReview } from '../../core/homework/sop';
import { PpTermReportRow, subjectsText, TrackedPupil, WeeklyTracking } from '../../core/homework/tracking';
import { Band } from '../../core/homework/weeks';
import { StaffMember } from '../../core/types';
import { CellRule, GridCell } from '../../gas/generatedTab';

export const THIS_WEEK_TAB = 'This Week';
export const PP_REPORT_TAB = 'PP Homework Report';
export const THIS_WEEK_WIDTH = 8;
/**
 * Column A of This Week holds short values (reg group, year, subject, cohort) under section titles
 * that run on into the empty cells beside them: it gets this width, and B to H are fitted to what
 * they hold (names and subject lists are never cut).
 */
export const THIS_WEEK_FIRST_COLUMN_PX = 130;
/** The Band column of This Week (1-based). */
const BAND_COL = 6;

export interface ViewGrid {
  values: GridCell[][];
  headingRows: number[];
  rules: CellRule[];
}

const bandText = (b: Band) => (b === 'pink' ? 'Pink' : b === 'red' ? 'Red' : '');
const yes = (b: boolean) => (b ? 'Yes' : '');

class Sections {
  values: GridCell[][] = [];
  headingRows: number[] = [];
  row(cells: GridCell[]): void {
    this.values.push(cells.concat(new Array(Math.max(0, THIS_WEEK_WIDTH - cells.length)).fill('')));
  }
  heading(cells: GridCell[]): void {
    this.row(cells);
    this.headingRows.push(this.values.length);
  }
  section(title: string, header: string[], rows: GridCell[][], none = 'None this week.'): void {
    if (this.values.length) this.row([]);
    this.heading([title]);
    this.heading(header);
    if (!rows.length) this.row([none]);
    for (const r of rows) this.row(r);
  }
}

export function thisWeekGrid(t: WeeklyTracking, sop: SopReview, asOf: IsoDate, staff: StaffMember[], settings: Settings): ViewGrid {
  const s = new Sections();
  // One cell: the title runs on to the right over empty cells instead of being cut by a second one.
  s.heading([`Homework this week: w/c ${t.weekStart ? toUk(t.weekStart) : '—'} (refreshed ${toUk(asOf)})`]);

  const pupilCells = (p: TrackedPupil): GridCell[] => [p.upn, p.name, p.misses, bandText(p.band), yes(p.persistent)];
  s.section('Form tutors: pink and red in your reg group',
    ['Reg Group', 'Form Tutor', 'UPN', 'Name', 'Misses', 'Band', 'Persistent', 'Subjects'],
    t.formTutors.flatMap((g) => g.pupils.map((p) => [g.regGroup, ownerLabel(g.tutor), ...pupilCells(p), subjectsText(p.subjects)])));
  s.section('Heads of Year: pink and red in your year',
    ['Year', 'Head of Year', 'UPN', 'Name', 'Misses', 'Band', 'Persistent', 'Reg Group'],
    t.headsOfYear.flatMap((y) => y.pupils.map((p) => [y.year, ownerLabel(y.hoy), ...pupilCells(p), p.regGroup])));
  s.section('SLT: this week by year',
    ['Year', 'On Roll', 'Misses', 'Pink', 'Red', 'Persistent'],
    t.slt.byYear.map((y) => [y.year, y.onRoll, y.misses, y.pink, y.red, y.persistent]));
  s.section('SLT: trend over the year',
    ['Week Commencing', 'Misses', 'Pink', 'Red'],
    t.slt.trend.map((w) => [toUk(w.weekStart), w.misses, w.pink, w.red]), 'No school weeks yet.');
  s.section('Curriculum leaders: misses by subject and class',
    ['Subject', 'Curriculum Leader', 'Class', 'Teacher', 'Misses'],
    t.curriculumLeaders.flatMap((c) => c.classes.map((k) => [c.subject, ownerLabel(c.cl), k.className, k.teacher, k.misses])));
  const cohort = (label: string, role: string, list: TrackedPupil[]): GridCell[][] => {
    const lead = ownerLabel(resolveOwner(role, {}, staff));
    return list.map((p) => [label, lead, p.upn, p.name, p.misses, bandText(p.band), p.regGroup, subjectsText(p.subjects)]);
  };
  s.section('PP, EAL and SEN pupils who missed homework this week',
    ['Cohort', 'Lead', 'UPN', 'Name', 'Misses', 'Band', 'Reg Group', 'Subjects'],
    [...cohort('PP', 'PP lead', t.cohorts.pp), ...cohort('EAL', 'EAL coordinator', t.cohorts.eal), ...cohort('SEN', 'SENCO', t.cohorts.sen)]);
  const window = sop.weeks.length ? `${toUk(sop.weeks[0])} to w/c ${toUk(sop.weeks[sop.weeks.length - 1])}` : 'no complete school weeks yet';
  s.section(`Homework set vs the SOP, last ${settings.homework.sopWindowWeeks} school weeks (${window}): classes setting less than expected`,
    ['Subject', 'Class', 'Year', 'Key Stage', 'Frequency', 'Expected', 'Set', 'Teachers'],
    sop.below.map((r) => [r.subject, r.className, r.year, r.keyStage, r.frequency, r.expected, r.set, r.teachers.join(', ')]),
    'Every class set what the SOP expects.');

  const range = { row: 2, col: BAND_COL, numRows: Math.max(1, s.values.length - 1), numCols: 1 };
  const rules: CellRule[] = [
    { range, kind: 'text', values: ['Pink'], ...HOMEWORK_COLOURS.pink },
    { range, kind: 'text', values: ['Red'], ...HOMEWORK_COLOURS.red },
  ];
  return { values: s.values, headingRows: s.headingRows, rules };
}

/** Rows 1–2 are the title and the header; one row per PP pupil; a column per school week of the term. */
export function ppReportGrid(rows: PpTermReportRow[], termName: string, from: IsoDate, to: IsoDate, settings: Settings): ViewGrid {
  const weeks = rows.length ? rows[0].weeks.map((w) => w.weekStart) : [];
  const fixed = ['UPN', 'Name', 'Year', 'Reg Group', 'Total Misses', 'Persistent', 'Misses By Subject', 'Homework Interventions'];
  const values: GridCell[][] = [
    [`Pupil Premium missed homework: ${termName} (${toUk(from)} to ${toUk(to)})`],
    fixed.concat(weeks.map(toUk)),
  ];
  for (const r of rows) {
    const bySubject: Record<string, number> = {};
    for (const w of r.weeks) for (const k of Object.keys(w.bySubject)) bySubject[k] = (bySubject[k] || 0) + w.bySubject[k];
    const subjects = Object.keys(bySubject).sort().map((k) => `${k} ${bySubject[k]}`).join(', ');
    const ints = r.interventions.map((i) => `${toUk(i.date)} ${i.action} (${i.status || 'Open'}${i.outcome ? `: ${i.outcome}` : ''})`).join('; ');
    values.push([r.upn, r.name, r.year, r.regGroup, r.totalMisses, yes(r.persistent), subjects, ints, ...r.weeks.map((w) => (w.misses ? w.misses : ''))]);
  }
  if (!rows.length) values.push(['No pupil premium pupils on roll.']);
  const range = { row: 3, col: fixed.length + 1, numRows: Math.max(1, rows.length), numCols: Math.max(1, weeks.length) };
  const { pinkAt, redAt } = settings.homework;
  const rules: CellRule[] = weeks.length ? [
    { range, kind: 'between', values: [pinkAt, redAt - 1], ...HOMEWORK_COLOURS.pink },
    { range, kind: 'gte', values: [redAt], ...HOMEWORK_COLOURS.red },
  ] : [];
  return { values, headingRows: [1, 2], rules };
}
