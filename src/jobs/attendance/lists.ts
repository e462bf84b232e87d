/**
 * The QA calendar's attendance lists (SPEC §4.3, seed 002) as generated tabs: what each holds and
 * its rows, built from one review. Dates are shown dd/mm/yyyy for people. Held pupils stay on the
 * lists (staff must see them) with "Held" marked; the letters job leaves them out.
 */
import { AttendanceReview, PupilAttendanceReview } from '../../core/attendance/review';
import { CountEntry } from '../../core/attendance/lists';
import { CohortKey, byGroupName, cohortName, splitBy } from '../../core/attendance/cohorts';
import { schoolFigures } from '../../core/attendance/schoolRates';
import { toUk } from '../../core/dates';
import { Cell, cellText, toSheetDate } from '../../gas/cells';
import { IsoDate, londonMidnight } from '../../core/dates';
import { resolveOwner } from '../../core/homework/owners';
import { StaffMember } from '../../core/types';
import { ListTab } from './generatedTabs';

export const TIER_LISTS: ListTab = {
  name: 'Tier Lists',
  // Since the last tier LETTER run for the year group (SPEC §4.3), and what the family was last sent.
  header: ['Year', 'Tier', 'UPN', 'Name', 'Reg Group', '%', 'Since Last Tier Letters', 'Last Letter', 'Held'],
};
export const PUNCTUALITY: ListTab = {
  name: 'Punctuality',
  header: ['UPN', 'Name', 'Year', 'Reg Group', 'L This Half Term', 'Dates', 'Held'],
};
export const LATE_TO_LESSON_LIST: ListTab = {
  name: 'Late to Lesson List',
  header: ['UPN', 'Name', 'Year', 'Reg Group', 'Lates to Lesson This Half Term', 'Lessons', 'Held'],
};
export const G_CODES: ListTab = {
  name: 'G Codes',
  header: ['UPN', 'Name', 'Year', 'Reg Group', 'G Sessions This Term', 'Dates', 'Entered on Gateway'],
  staffColumns: ['Entered on Gateway'],
};
export const FAILURE_TO_RETURN: ListTab = {
  name: 'Failure to Return',
  header: ['Year', 'Reg Group', 'UPN', 'Name', 'Today'],
};
export const CODING_REVIEW: ListTab = {
  name: 'Coding Review',
  header: ['Issue', 'Date', 'Session', 'Reg Group', 'Teacher', 'Unmarked', 'Pupils in Group', 'UPN', 'Name', 'Code', 'What to do'],
  columnFormats: { 2: 'dd/mm/yyyy' },
};
export const COHORTS: ListTab = {
  name: 'Attendance by Cohort',
  header: ['Split', 'Group', 'Pupils', 'Possible', 'Attended', '%', 'Reward', 'Level 1', 'Level 2', 'PA', 'SA', 'Penalty Threshold', 'Held',
    'Too Few Sessions', 'Leavers Counted', 'PA Rate %', 'SA Rate %'],
};

/** Every tab the review writes, in the order the lists menu describes them. */
export const LIST_TABS: ListTab[] = [TIER_LISTS, PUNCTUALITY, LATE_TO_LESSON_LIST, G_CODES, FAILURE_TO_RETURN, CODING_REVIEW, COHORTS];

type ByUpn = Map<string, PupilAttendanceReview>;

function pct(p: PupilAttendanceReview | undefined): Cell {
  return p && p.figures.percent !== null ? p.figures.percent : '';
}
const heldCell = (p: PupilAttendanceReview | undefined): Cell => (p && p.held ? 'Held' : '');
const ukSession = (s: string): string => (/^\d{4}-\d{2}-\d{2}\b/.test(s) ? toUk(s.slice(0, 10)) + s.slice(10) : s);

export function tierRows(review: AttendanceReview, by: ByUpn, lastLetters: Map<string, string> = new Map()): Cell[][] {
  const rows: Cell[][] = [];
  for (const list of review.lists.tiers) {
    const included = new Set(list.included.map((e) => e.upn));
    const block: Cell[][] = [];
    ([1, 2, 3] as const).forEach((tier) => {
      for (const upn of tier === 1 ? list.tier1 : tier === 2 ? list.tier2 : list.tier3) {
        const p = by.get(upn);
        block.push([list.year, tier, upn, p ? p.name : '', p ? p.regGroup : '', pct(p), included.has(upn) ? 'Included' : '', lastLetters.get(upn) || '', heldCell(p)]);
      }
    });
    for (const e of list.removed) {
      const p = by.get(e.upn);
      block.push([list.year, e.tier, e.upn, p ? p.name : '', p ? p.regGroup : '', pct(p), 'To be removed', lastLetters.get(e.upn) || '', heldCell(p)]);
    }
    block.sort((a, b) => (a[1] as number) - (b[1] as number) || String(a[3]).localeCompare(String(b[3])));
    rows.push(...block);
  }
  return rows;
}

function countRows(list: CountEntry[], by: ByUpn, last: (p: PupilAttendanceReview | undefined, e: CountEntry) => Cell): Cell[][] {
  return list
    .map((e) => {
      const p = by.get(e.upn);
      return [e.upn, p ? p.name : '', p ? p.year : '', p ? p.regGroup : '', e.count, e.dates.map(ukSession).join(', '), last(p, e)] as Cell[];
    })
    .sort((a, b) => (Number(b[2]) - Number(a[2])) || String(a[3]).localeCompare(String(b[3])) || String(a[1]).localeCompare(String(b[1])));
}

export function punctualityRows(review: AttendanceReview, by: ByUpn): Cell[][] {
  return countRows(review.lists.punctuality, by, heldCell);
}

export function lateToLessonRows(review: AttendanceReview, by: ByUpn): Cell[][] {
  return countRows(review.lists.lateToLesson, by, heldCell);
}

/** G codes list; "Entered on Gateway" is staff's, carried across runs by UPN from `previous` (the tab's values). */
export function gCodeRows(review: AttendanceReview, by: ByUpn, previous: unknown[][]): Cell[][] {
  const entered = new Map<string, Cell>();
  if (previous.length) {
    const h = previous[0].map((x) => cellText(x).toLowerCase());
    const u = h.indexOf('upn');
    const e = h.indexOf('entered on gateway');
    if (u >= 0 && e >= 0) {
      for (let r = 1; r < previous.length; r++) {
        const v = previous[r][e];
        if (v !== '' && v !== null && v !== undefined) entered.set(cellText(previous[r][u]).toUpperCase(), v as Cell);
      }
    }
  }
  return countRows(review.lists.holidays, by, (_p, e) => entered.get(e.upn) ?? '');
}

export function failureRows(review: AttendanceReview): Cell[][] {
  return review.lists.failureToReturn.map((f) => [f.year, f.regGroup, f.upn, f.name, f.sessions.join(', ')]);
}

/** The Issue column's words for each kind (the coding review sidebar shows the same). */
export const ISSUE_LABEL: Record<string, string> = {
  gap: 'Gap',
  oldN: 'Old N',
  withdrawn: 'Withdrawn code',
  unknown: 'Unknown code',
  incomplete: 'Incomplete register',
  missing: 'Register not taken',
};

/** A calendar date as a real date cell (London midnight, in the spreadsheet's zone). */
const dateCell = (d: IsoDate): Cell => toSheetDate(londonMidnight(d));

/**
 * The Coding Review (issue 20): one row per register — reg group, date and session, the form
 * tutor from the Staff tab (who takes it) and how many pupils it has unmarked — and one row per
 * pupil only for what is the pupil's own (a withdrawn or unknown code, an N past its limit). A
 * pupil's blank mark is part of its register's row, not a row of its own. Dates are dates.
 */
export function codingRows(review: AttendanceReview, by: ByUpn, staff: StaffMember[] = []): Cell[][] {
  const rows: Cell[][] = [];
  for (const r of review.lists.coding.registers) {
    const tutor = resolveOwner('Form tutor', { regGroup: r.regGroup }, staff).name || 'no form tutor on the Staff tab';
    rows.push([ISSUE_LABEL[r.kind], dateCell(r.date), r.session, r.regGroup, tutor, r.unmarked.length, r.groupSize, '', '', '', r.message]);
  }
  const pupils = review.lists.coding.pupils
    .filter((i) => i.kind !== 'gap')
    .map((i) => ({ i, p: by.get(i.upn) }))
    .sort((a, b) => (a.i.date < b.i.date ? -1 : a.i.date > b.i.date ? 1 : 0) || String(a.p ? a.p.regGroup : '').localeCompare(String(b.p ? b.p.regGroup : '')) || String(a.p ? a.p.name : '').localeCompare(String(b.p ? b.p.name : '')));
  for (const { i, p } of pupils) {
    const tutor = p ? resolveOwner('Form tutor', { regGroup: p.regGroup }, staff).name : '';
    rows.push([ISSUE_LABEL[i.kind], dateCell(i.date), i.session, p ? p.regGroup : '', tutor, '', '', i.upn, p ? p.name : '', i.code, i.message]);
  }
  return rows;
}

const SPLITS: Array<[CohortKey, string]> = [['year', 'Year'], ['regGroup', 'Reg Group'], ['pp', 'PP'], ['eal', 'EAL'], ['sen', 'SEN']];

/**
 * One cohort's row. As the DfE counts (schoolRates.ts): Possible, Attended and % include this
 * year's leavers up to their leaving date ("Leavers Counted"), and PA Rate % / SA Rate % are the
 * share of all those enrolments. Pupils, the stage counts, PA, SA, Penalty Threshold, Held and Too
 * Few Sessions are the pupils on roll now — the ones staff act on.
 */
function cohortRow(split: string, group: string, review: AttendanceReview, include: (p: { year: number; regGroup: string; pp: boolean; eal: boolean; sen: boolean }) => boolean): Cell[] {
  const list = review.pupils.filter(include);
  const f = schoolFigures(review, include);
  const n = (ok: (p: PupilAttendanceReview) => boolean) => list.filter(ok).length;
  const rate = (v: number | null): Cell => (v === null ? '' : v);
  return [
    split, group, list.length, f.possible, f.attended, rate(f.percent),
    n((p) => p.stage === 'reward'), n((p) => p.stage === 'level1'), n((p) => p.stage === 'level2'),
    n((p) => p.pa), n((p) => p.sa), n((p) => p.penalty !== null), n((p) => p.held),
    n((p) => p.tooFewSessions), f.leavers, rate(f.paRate), rate(f.saRate),
  ];
}

export function cohortRows(review: AttendanceReview): Cell[][] {
  const rows: Cell[][] = [cohortRow('Whole school', 'All', review, () => true)];
  for (const [key, label] of SPLITS) {
    // Groups of pupils on roll and of this year's leavers (a year group may be all leavers in July).
    const groups = splitBy([...review.pupils, ...review.leavers], key);
    const names = Object.keys(groups).sort((a, b) => (key === 'year' ? Number(a) - Number(b) : byGroupName(a, b)));
    for (const g of names) rows.push(cohortRow(label, g, review, (p) => cohortName(p, key) === g));
  }
  return rows;
}
