/**
 * The sections of the weekly digests, one builder per audience (SPEC §6): SLT sees the whole
 * school, a form tutor their reg group, a Head of Year their year, a curriculum leader their
 * department's homework, the PP lead / SENCO / EAL coordinator their cohort. Names appear only in
 * bodies, never in subjects.
 */
import { toUk } from '../dates';
import { Settings } from '../settings';
import { QaTask } from '../types';
import { DigestInput, DigestPupil, emptyCounts, rate, snapshotOf, withChange, YearCounts } from './digestData';
import { Block, COLOURS, TableBlock } from './render';

const STAGE_LABEL: Record<string, string> = { reward: 'Reward', level1: 'Level 1', level2: 'Level 2' };

function stageColour(p: DigestPupil): string | null {
  const a = p.attendance;
  if (!a) return null;
  return a.stage === 'level2' || a.pa ? COLOURS.red : a.stage === 'level1' ? COLOURS.amber : null;
}

function bandColour(p: DigestPupil): string | null {
  const h = p.homework;
  return h && h.band === 'red' ? COLOURS.red : h && h.band === 'pink' ? COLOURS.pink : null;
}

const byName = (a: DigestPupil, b: DigestPupil) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Attendance by stage per year, with the change since last week. */
function stageTable(input: DigestInput, years: string[], title: string): TableBlock {
  const now = snapshotOf(input.pupils, input.weekStart).byYear;
  const before = input.previous ? input.previous.byYear : {};
  const rows = years.map((y) => {
    const c = now[y] || emptyCounts();
    const p: Partial<YearCounts> = before[y] || {};
    return [y === 'all' ? 'Whole school' : `Year ${y}`, c.pupils, withChange(c.reward, p.reward), withChange(c.level1, p.level1), withChange(c.level2, p.level2), `${rate(c.pa, c.pupils)} (${c.pa})`, `${rate(c.sa, c.pupils)} (${c.sa})`, c.penalty];
  });
  const since = input.previous ? ` (change since ${toUk(input.previous.weekStart)})` : '';
  return { type: 'table', title: title + since, columns: ['Year', 'Pupils', 'Reward', 'Level 1', 'Level 2', 'PA', 'SA', 'Penalty threshold'], rows };
}

function homeworkByYearTable(input: DigestInput, years: string[]): TableBlock {
  const now = snapshotOf(input.pupils, input.weekStart).byYear;
  const before = input.previous ? input.previous.byYear : {};
  return {
    type: 'table',
    title: 'Homework this week: pink and red by year',
    columns: ['Year', 'Pink', 'Red', 'Persistent'],
    rows: years.map((y) => {
      const c = now[y] || emptyCounts();
      const p: Partial<YearCounts> = before[y] || {};
      return [y === 'all' ? 'Whole school' : `Year ${y}`, withChange(c.pink, p.pink), withChange(c.red, p.red), withChange(c.persistent, p.persistent)];
    }),
  };
}

function attendanceCases(pupils: DigestPupil[], title: string, keep: (p: DigestPupil) => boolean): TableBlock {
  const list = pupils.filter((p) => p.attendance && keep(p)).sort(byName);
  return {
    type: 'table',
    title,
    columns: ['Pupil', 'Year', 'Reg group', '%', 'Stage', 'PA', 'SA', 'Letters due'],
    rows: list.map((p) => {
      const a = p.attendance!;
      return [p.name, p.year, p.regGroup, a.percent.toFixed(1), STAGE_LABEL[a.stage] || a.stage, a.pa ? 'Yes' : '', a.sa ? 'Yes' : '', a.lettersDue.join(', ')];
    }),
    rowColours: list.map(stageColour),
    empty: 'No pupils.',
  };
}

function homeworkCases(pupils: DigestPupil[], title: string): TableBlock {
  const list = pupils.filter((p) => p.homework && (p.homework.band !== 'none' || p.homework.persistent)).sort(byName);
  return {
    type: 'table',
    title,
    columns: ['Pupil', 'Year', 'Reg group', 'Misses this week', 'Band', 'Persistent'],
    rows: list.map((p) => [p.name, p.year, p.regGroup, p.homework!.misses, p.homework!.band === 'none' ? '' : p.homework!.band, p.homework!.persistent ? 'Yes' : '']),
    rowColours: list.map(bandColour),
    empty: 'No pupils on pink or red.',
  };
}

function qaTable(tasks: QaTask[], title: string): TableBlock {
  return { type: 'table', title, columns: ['Date', 'Task', 'Owner chain', 'Status'], rows: tasks.map((t) => [toUk(t.date), t.task, t.ownerChain.join(' > '), t.status || 'Not done']), empty: 'None.' };
}

function yearsOf(input: DigestInput): string[] {
  const ys: number[] = [];
  for (const p of input.pupils) if (ys.indexOf(p.year) < 0) ys.push(p.year);
  return ys.sort((a, b) => a - b).map(String);
}

export function sltSection(input: DigestInput, settings: Settings): Block[] {
  const a = settings.attendance;
  const lettersByType: { [t: string]: number } = {};
  for (const l of input.letters) lettersByType[l.type] = (lettersByType[l.type] || 0) + 1;
  const lo = input.trend.length ? Math.max(0, Math.floor(Math.min(...input.trend.map((t) => t.percent)) / 5) * 5 - 5) : 0;
  return [
    { type: 'heading', text: 'Whole school (SLT)' },
    {
      type: 'bars',
      title: 'Whole-school attendance by week',
      min: lo,
      max: 100,
      unit: '%',
      bars: input.trend.map((t) => ({
        label: `w/c ${toUk(t.weekStart)}`,
        value: t.percent,
        colour: t.percent > a.rewardAbove ? '#4f9a4f' : t.percent >= a.level1From ? '#d9a300' : '#c0392b',
      })),
    },
    stageTable(input, yearsOf(input).concat(['all']), 'Attendance by stage and year'),
    attendanceCases(input.pupils, 'Penalty notice threshold reached (consider Notice to Improve / penalty notice)', (p) => p.attendance!.penalty),
    homeworkByYearTable(input, yearsOf(input).concat(['all'])),
    { type: 'table', title: 'Letters produced this week', columns: ['Letter', 'Number'], rows: Object.keys(lettersByType).sort().map((t) => [t, lettersByType[t]]), empty: 'No letters this week.' },
    { type: 'paragraph', text: `QA calendar: ${input.qa.done.length} task(s) done, ${input.qa.overdue.length} overdue.` },
    qaTable(input.qa.overdue, 'QA tasks overdue'),
  ];
}

export function formTutorSection(input: DigestInput, regGroup: string): Block[] {
  const mine = input.pupils.filter((p) => p.regGroup.toLowerCase() === regGroup.toLowerCase());
  return [
    { type: 'heading', text: `Reg group ${regGroup}` },
    homeworkCases(mine, 'Homework: pink (check planner daily next week) and red (FT detention, planner check, parent contact)'),
    attendanceCases(mine, 'Attendance: level 1, level 2 and persistent absence', (p) => p.attendance!.stage !== 'reward' || p.attendance!.pa),
  ];
}

export function headOfYearSection(input: DigestInput, year: number): Block[] {
  const mine = input.pupils.filter((p) => p.year === year);
  return [
    { type: 'heading', text: `Year ${year}` },
    stageTable(input, [String(year)], 'Attendance by stage'),
    attendanceCases(mine, 'Level 2, persistent and severe absence, penalty threshold', (p) => p.attendance!.stage === 'level2' || p.attendance!.pa || p.attendance!.sa || p.attendance!.penalty),
    homeworkCases(mine, 'Homework: pink, red and persistent'),
  ];
}

export function curriculumLeaderSection(input: DigestInput, department: string): Block[] {
  const dep = department.toLowerCase();
  const inDept = (subject: string) => subject.toLowerCase() === dep || subject.toLowerCase().indexOf(dep) >= 0 || dep.indexOf(subject.toLowerCase()) >= 0;
  const misses = input.misses.filter((m) => inDept(m.subject));
  const byClass: { [k: string]: { className: string; teacher: string; subject: string; n: number } } = {};
  for (const m of misses) {
    const k = `${m.className}|${m.subject}`;
    if (!byClass[k]) byClass[k] = { className: m.className, teacher: m.teacher, subject: m.subject, n: 0 };
    byClass[k].n++;
  }
  const missedDetention = misses.filter((m) => /^no$/i.test(m.detentionAttended.trim()));
  return [
    { type: 'heading', text: `${department}: homework` },
    { type: 'table', title: 'Missed homework this week by class', columns: ['Class', 'Subject', 'Teacher', 'Misses'], rows: Object.keys(byClass).sort().map((k) => [byClass[k].className, byClass[k].subject, byClass[k].teacher, byClass[k].n]), empty: 'No missed homework recorded.' },
    { type: 'table', title: 'Subject detention not attended: after-school CL detention', columns: ['Pupil', 'Year', 'Class', 'Date'], rows: missedDetention.map((m) => [m.name, m.year, m.className, toUk(m.date)]), empty: 'None.' },
    { type: 'table', title: 'Classes setting less homework than the statement of practice expects', columns: ['Class', 'Subject', 'Year', 'Teacher', 'Expected', 'Set'], rows: input.setShortfalls.filter((s) => inDept(s.subject)).map((s) => [s.className, s.subject, s.year, s.teacher, s.expected, s.set]), empty: 'None.' },
  ];
}

export type Cohort = 'pp' | 'sen' | 'eal';
const COHORT_NAME: Record<Cohort, string> = { pp: 'Pupil Premium', sen: 'SEN', eal: 'EAL' };

/** The cohort lead's list: cohort pupils who missed homework this week, and cohort attendance. */
export function cohortSection(input: DigestInput, cohort: Cohort, settings: Settings): Block[] {
  const hw = settings.homework;
  const mine = input.pupils.filter((p) => p[cohort]);
  const missesBy: { [upn: string]: string[] } = {};
  for (const m of input.misses) (missesBy[m.upn] = missesBy[m.upn] || []).push(m.subject);
  // The Homework Log rows give the subjects; the tracker's weekly count covers pupils whose rows
  // were not passed in.
  const count = (p: DigestPupil) => Math.max(missesBy[p.upn] ? missesBy[p.upn].length : 0, p.homework ? p.homework.misses : 0);
  const missed = mine.filter((p) => count(p) > 0).sort(byName);
  const withAtt = mine.filter((p) => p.attendance);
  const pa = withAtt.filter((p) => p.attendance!.pa).length;
  const all = input.pupils.filter((p) => p.attendance);
  const allPa = all.filter((p) => p.attendance!.pa).length;
  return [
    { type: 'heading', text: `${COHORT_NAME[cohort]} cohort` },
    { type: 'table', title: 'Missed homework this week', columns: ['Pupil', 'Year', 'Reg group', 'Misses', 'Subjects'], rows: missed.map((p) => [p.name, p.year, p.regGroup, count(p), (missesBy[p.upn] || []).join(', ')]), rowColours: missed.map((p) => (count(p) >= hw.redAt ? COLOURS.red : count(p) >= hw.pinkAt ? COLOURS.pink : null)), empty: 'No missed homework this week.' },
    { type: 'paragraph', text: `Persistent absence: ${rate(pa, withAtt.length)} of the cohort (${pa} of ${withAtt.length}); whole school ${rate(allPa, all.length)}.` },
    attendanceCases(mine, 'Cohort pupils at level 2 or persistently absent', (p) => p.attendance!.stage === 'level2' || p.attendance!.pa),
  ];
}
