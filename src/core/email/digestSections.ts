/**
 * The sections of the weekly digests, one builder per audience (SPEC §6): SLT the whole school,
 * a form tutor their reg group, a Head of Year their year, a curriculum leader their department's
 * homework, the PP lead / SENCO / EAL coordinator their cohort — each only its own pupils. Every
 * section starts with its figures (digestFigures.ts); lists follow in surname order and are
 * attached as CSV when long. Names appear only in bodies and attachments, never in subjects.
 */
import { toUk } from '../dates';
import { Settings } from '../settings';
import { DigestInput, DigestPupil } from './digestData';
import { attendanceBlocks, attendanceList, chartBlock, Group, groupBy, groupsTable, homeworkLine, homeworkList, lettersAndLegal } from './digestFigures';
import { Block, csvFileName, ItemBlock } from './render';
import { tidyChain } from '../qa/tidy';
import { bySurname, listName } from '../pupils/names';

function ppCompare(pupils: DigestPupil[]): [Group, Group] {
  return [{ label: 'Pupil premium', pupils: pupils.filter((p) => p.pp) }, { label: 'Not pupil premium', pupils: pupils.filter((p) => !p.pp) }];
}

function links(items: ({ text: string; url?: string } | null)[]): Block[] {
  const ok = items.filter((l): l is { text: string; url: string } => !!l && !!l.url);
  if (!ok.length) return [];
  const block: ItemBlock = { type: 'item', title: 'In the tracker', lines: [], links: ok };
  return [block];
}

export function sltSection(input: DigestInput, settings: Settings): Block[] {
  const all = input.pupils;
  const whole: Group = { label: 'Whole school', pupils: all };
  const years = groupBy(all, (p) => String(p.year), (y) => `Year ${y}`);
  const blocks: Block[] = [{ type: 'heading', text: 'Whole school' }];
  blocks.push(...attendanceBlocks(input, whole, settings, ppCompare(all)));
  const chart = chartBlock(input, whole, settings);
  if (chart) blocks.push(chart);
  blocks.push(groupsTable(input, years.concat([whole]), settings, 'By year group (pink and red: homework this week)', 'Year'));
  blocks.push(homeworkLine(all));
  blocks.push(...lettersAndLegal(input, null));
  blocks.push(attendanceList(input, all, 'Penalty notice threshold reached: consider a Notice to Improve or a penalty notice', 'penalty-threshold', (p) => p.attendance!.penalty));
  const qa = input.qa;
  blocks.push({ type: 'paragraph', text: `QA calendar: ${qa.done.length} task${qa.done.length === 1 ? '' : 's'} marked done this week; ${qa.overdue.length} earlier task${qa.overdue.length === 1 ? '' : 's'} not done.` });
  if (qa.overdue.length) {
    blocks.push({
      type: 'table',
      title: 'QA tasks not done',
      columns: ['Date', 'Task', 'Owner chain'],
      rows: qa.overdue.map((t) => [t.date, t.task, tidyChain(t.ownerChain)]),
      dateColumns: [0],
      csv: csvFileName('qa-tasks-not-done', input.week.start),
      noun: 'tasks',
    });
  }
  blocks.push(...links([{ text: 'Attendance tab', url: input.links.attendance }, { text: 'Dashboard', url: input.links.dashboard }, { text: 'Legal tab', url: input.links.legal }, { text: 'QA Calendar', url: input.links.qaCalendar }]));
  return blocks;
}

export function headOfYearSection(input: DigestInput, year: number, settings: Settings): Block[] {
  const mine = input.pupils.filter((p) => p.year === year);
  const g: Group = { label: `Year ${year}`, pupils: mine };
  const blocks: Block[] = [{ type: 'heading', text: `Year ${year}` }];
  blocks.push(...attendanceBlocks(input, g, settings, ppCompare(mine), { context: [{ label: 'Whole school', pupils: input.pupils }] }));
  const chart = chartBlock(input, g, settings);
  if (chart) blocks.push(chart);
  blocks.push(groupsTable(input, groupBy(mine.filter((p) => p.onRoll), (p) => p.regGroup, (r) => r), settings, 'By reg group (pink and red: homework this week)', 'Reg group'));
  blocks.push(homeworkLine(mine));
  blocks.push(...lettersAndLegal(input, mine));
  blocks.push(attendanceList(input, mine, 'Level 2, persistent or severe absence, penalty threshold', `year-${year}-attendance-concerns`, (p) => p.attendance!.stage === 'level2' || p.attendance!.pa || p.attendance!.sa || p.attendance!.penalty, 'group'));
  blocks.push(homeworkList(input, mine, 'Homework: pink, red and persistent', `year-${year}-homework`, settings, 'group'));
  blocks.push(...links([{ text: 'Attendance tab', url: input.links.attendance }, { text: 'Homework Tracker', url: input.links.homework }]));
  return blocks;
}

export function formTutorSection(input: DigestInput, regGroup: string, settings: Settings): Block[] {
  const mine = input.pupils.filter((p) => p.regGroup.toLowerCase() === regGroup.toLowerCase());
  const g: Group = { label: `Reg group ${regGroup}`, pupils: mine };
  const year = mine.length ? mine[0].year : null;
  const context: Group[] = (year === null ? [] : [{ label: `Year ${year}`, pupils: input.pupils.filter((p) => p.year === year) }]).concat([{ label: 'Whole school', pupils: input.pupils }]);
  const blocks: Block[] = [{ type: 'heading', text: `Reg group ${regGroup}` }];
  blocks.push(...attendanceBlocks(input, g, settings, undefined, { context }));
  const chart = chartBlock(input, g, settings);
  if (chart) blocks.push(chart);
  blocks.push(homeworkList(input, mine, `Homework: pink (check planner daily next week) and red (FT detention, planner check, parent contact)`, `${regGroup}-homework`, settings, 'none'));
  blocks.push(attendanceList(input, mine, 'Attendance: level 1, level 2 and persistent absence', `${regGroup}-attendance`, (p) => p.attendance!.stage !== 'reward' || p.attendance!.pa, 'none'));
  blocks.push(...lettersAndLegal(input, mine));
  blocks.push(...links([{ text: 'Homework Tracker', url: input.links.homework }, { text: 'Attendance tab', url: input.links.attendance }]));
  return blocks;
}

function inDepartment(department: string): (subject: string) => boolean {
  const dep = department.trim().toLowerCase();
  return (subject: string) => {
    const s = subject.trim().toLowerCase();
    return s !== '' && (s === dep || s.indexOf(dep) >= 0 || dep.indexOf(s) >= 0);
  };
}

export function curriculumLeaderSection(input: DigestInput, department: string, settings: Settings): Block[] {
  const inDept = inDepartment(department);
  const misses = input.misses.filter((m) => inDept(m.subject));
  const before = input.missesLastWeek.filter((m) => inDept(m.subject));
  const byClass: { [k: string]: { className: string; teacher: string; subject: string; n: number; last: number } } = {};
  const add = (m: (typeof misses)[0], now: boolean) => {
    const k = `${m.className}|${m.subject}`;
    if (!byClass[k]) byClass[k] = { className: m.className, teacher: m.teacher, subject: m.subject, n: 0, last: 0 };
    if (now) byClass[k].n++;
    else byClass[k].last++;
  };
  for (const m of misses) add(m, true);
  for (const m of before) add(m, false);
  const missedDetention = misses.filter((m) => /^no$/i.test(m.detentionAttended.trim())).sort(bySurname);
  const classes = Object.keys(byClass).map((k) => byClass[k]);
  const classesNow = classes.filter((c) => c.n > 0).length;
  // Most misses first: the classes to look at are at the top.
  classes.sort((a, b) => b.n - a.n || b.last - a.last || (a.className < b.className ? -1 : a.className > b.className ? 1 : 0));
  return [
    { type: 'heading', text: `${department}: homework` },
    { type: 'paragraph', text: `Missed homework this week: ${misses.length} in ${classesNow} class${classesNow === 1 ? '' : 'es'} (week before: ${before.length}).${mostText(classes, settings.email.inlineRows)}` },
    {
      type: 'table',
      title: 'Missed homework by class (most first)',
      columns: ['Class', 'Subject', 'Teacher', 'This week', 'Week before'],
      rows: classes.map((c) => [c.className, c.subject, c.teacher, c.n, c.last]),
      empty: 'No missed homework recorded.',
      csv: csvFileName(`${department}-homework-by-class`, input.week.start),
      noun: 'classes',
    },
    {
      type: 'table',
      title: 'Subject detention not attended: after-school CL detention',
      columns: ['Pupil', 'Year', 'Class', 'Date'],
      rows: missedDetention.map((m) => [listName(m), m.year, m.className, m.date]),
      dateColumns: [3],
      empty: 'None.',
      csv: csvFileName(`${department}-cl-detentions`, input.week.start),
      noun: 'pupils',
    },
    {
      type: 'table',
      title: 'Classes setting less homework than the statement of practice expects',
      columns: ['Class', 'Subject', 'Year', 'Teacher', 'Expected', 'Set'],
      rows: input.setShortfalls.filter((s) => inDept(s.subject)).map((s) => [s.className, s.subject, s.year, s.teacher, s.expected, s.set]),
      empty: 'None.',
      csv: csvFileName(`${department}-homework-set`, input.week.start),
      noun: 'classes',
    },
  ];
}

/** When the class table goes to a CSV, the classes to look at first, in the sentence. */
function mostText(classes: { className: string; n: number }[], inlineRows: number): string {
  if (classes.length <= inlineRows) return '';
  const top = classes.filter((c) => c.n >= 2).slice(0, 5);
  return top.length ? ` Most: ${top.map((c) => `${c.className} (${c.n})`).join(', ')}.` : '';
}

export type Cohort = 'pp' | 'sen' | 'eal';
const COHORT_NAME: Record<Cohort, string> = { pp: 'Pupil premium', sen: 'SEN', eal: 'EAL' };

/** The cohort lead's section: the cohort against the rest of the school, and its pupils. */
export function cohortSection(input: DigestInput, cohort: Cohort, settings: Settings): Block[] {
  const name = COHORT_NAME[cohort];
  const mine = input.pupils.filter((p) => p[cohort]);
  const rest = input.pupils.filter((p) => !p[cohort]);
  const g: Group = { label: `${name} pupils`, pupils: mine };
  const missesBy: { [upn: string]: string[] } = {};
  for (const m of input.misses) (missesBy[m.upn] = missesBy[m.upn] || []).push(m.subject);
  const missed = mine.filter((p) => p.onRoll && ((missesBy[p.upn] && missesBy[p.upn].length) || (p.homework && p.homework.misses > 0))).sort(bySurname);
  const count = (p: DigestPupil) => Math.max(missesBy[p.upn] ? missesBy[p.upn].length : 0, p.homework ? p.homework.misses : 0);
  const blocks: Block[] = [{ type: 'heading', text: `${name} cohort` }];
  blocks.push(...attendanceBlocks(input, g, settings, [g, { label: 'Rest of the school', pupils: rest }], { mainRow: false }));
  const chart = chartBlock(input, g, settings);
  if (chart) blocks.push(chart);
  blocks.push(homeworkLine(mine));
  blocks.push({
    type: 'table',
    title: 'Missed homework this week',
    columns: ['Pupil', 'Year', 'Reg group', 'Misses', 'Subjects'],
    rows: missed.map((p) => [listName(p), p.year, p.regGroup, count(p), (missesBy[p.upn] || []).join(', ')]),
    empty: 'No missed homework this week.',
    csv: csvFileName(`${cohort}-cohort-homework`, input.week.start),
    noun: 'pupils',
  });
  blocks.push(attendanceList(input, mine, 'Level 2 or persistently absent', `${cohort}-cohort-attendance`, (p) => p.attendance!.stage === 'level2' || p.attendance!.pa));
  blocks.push(...lettersAndLegal(input, mine));
  return blocks;
}

/** The line under the title: whose digest, what it counts (attendance wording only where there are attendance figures). */
export function digestIntro(name: string, audiences: string[], input: DigestInput, counted: string, attendance: boolean): Block[] {
  const what = attendance
    ? `Figures count ${counted} — completed school days only — and the year to date from ${toUk(input.week.yearFrom)}; a pupil who has left counts up to their leaving date.`
    : `Figures count ${counted}.`;
  return [
    { type: 'paragraph', text: `For ${name}: ${audiences.join('; ')}.` },
    { type: 'note', text: `${what} Lists are in surname order; a long list is attached as a CSV file.` },
  ];
}
