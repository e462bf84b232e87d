/**
 * What happens to a real register on top of everyday absence: trips, fixtures, a first day for
 * Year 7 only, a term-time holiday, a child who did not come back after Christmas, and the coding
 * slips (old N, blanks, a withdrawn code, an incomplete register) the coding review must catch.
 * Days are counted back from the as-of day in school days, so the same story holds for any as-of.
 * Returns who got what (`story`), for the demo and tests to point at.
 */
import { IsoDate, weekStart, weekday } from '../../src/core/dates';
import { Rng } from './random';
import { SamplePupil } from './model';
import { PupilMarks } from './marks';
import { halfTermOf, schoolWeeks } from './calendar';
import { CANARY } from './students';
import { attendanceOf } from './attendanceCodes';

export type Story = Record<string, string[]>;

export function applyMarkEvents(rng: Rng, pupils: SamplePupil[], marks: PupilMarks[], days: IsoDate[]): Story {
  const story: Story = {};
  const L = days.length - 1; // the as-of day (or the last school day before it)
  const onRoll = (i: number, d: number) => d >= 0 && d <= L && marks[i][2 * d] !== null;
  const put = (i: number, d: number, code: string, sessions: 'AM' | 'PM' | 'both' = 'both') => {
    if (!onRoll(i, d)) return;
    if (sessions !== 'PM') marks[i][2 * d] = code;
    if (sessions !== 'AM') marks[i][2 * d + 1] = code;
  };
  const present = (i: number, d: number, s: 0 | 1) => onRoll(i, d) && (marks[i][2 * d + s] === '/' || marks[i][2 * d + s] === '\\');
  const taken = new Set<number>();
  const current = pupils.map((p, i) => i).filter((i) => !pupils[i].leavingDate && pupils[i].upn !== CANARY.upn);
  const pickFrom = (label: string, n: number, ok: (p: SamplePupil) => boolean): number[] => {
    const chosen = rng.sample(current.filter((i) => !taken.has(i) && ok(pupils[i])), n);
    chosen.forEach((i) => taken.add(i));
    story[label] = chosen.map((i) => pupils[i].upn);
    return chosen;
  };
  const inYear = (y: number) => (p: SamplePupil) => p.year === y;
  const everyWeekday = (wd: number, fn: (d: number) => void) => {
    for (let d = 0; d <= L; d++) if (weekday(days[d]) === wd) fn(d);
  };

  // Everyday school life: not-counted and approved-activity codes.
  // The first day of the year is for Year 7 only: the school is closed to the other years (#).
  pupils.forEach((p, i) => { if (p.year !== 7) put(i, 0, '#'); });
  const tripDay = Math.min(27, L);
  pupils.forEach((p, i) => { if (p.year === 8 && present(i, tripDay, 0) && rng.chance(0.6)) put(i, tripDay, 'V'); });
  for (const i of pickFrom('sportsFixtures', 30, () => true)) {
    everyWeekday(2, (d) => { if (present(i, d, 1) && rng.chance(0.2)) put(i, d, 'P', 'PM'); });
  }
  for (const i of pickFrom('offSiteCourse', 4, (p) => p.year >= 10)) everyWeekday(3, (d) => { if (present(i, d, 0)) put(i, d, 'B'); });
  for (const i of pickFrom('laProvision', 1, (p) => p.year >= 9)) everyWeekday(1, (d) => { if (present(i, d, 0)) put(i, d, 'K'); });
  for (const i of pickFrom('dualRegistered', 2, (p) => p.year >= 9)) everyWeekday(2, (d) => put(i, d, 'D'));
  for (const i of pickFrom('transportFailed', 8, () => true)) put(i, Math.max(0, L - 6), 'Y1');
  for (const i of pickFrom('notRequired', 2, inYear(11))) put(i, Math.max(0, L - 11), 'X');
  const festival = Math.max(0, days.indexOf('2023-11-13') >= 0 ? days.indexOf('2023-11-13') : Math.floor(L / 2));
  for (const i of pickFrom('religiousObservance', 15, (p) => p.eal)) put(i, festival, 'R');
  for (const i of pickFrom('collegeInterview', 6, inYear(11))) put(i, L - rng.int(2, 15), 'J1', 'AM');
  for (const i of pickFrom('traveller', 1, () => true)) for (let d = 15; d < 20; d++) put(i, Math.min(d, L), 'T');
  for (const i of pickFrom('performance', 1, () => true)) for (let k = 0; k < 4; k++) put(i, Math.max(0, L - 20 - k), 'C1', 'PM');
  for (const i of pickFrom('studyLeave', 10, inYear(11))) put(i, Math.max(0, L - 30), 'S', 'AM');
  for (const i of pickFrom('suspended', 8, (p) => p.absenceRate > 0.06)) {
    const d0 = rng.int(0, Math.max(0, L - 3));
    const n = rng.int(1, 3);
    for (let d = d0; d < d0 + n; d++) put(i, d, 'E');
  }

  // Term-time holidays (G): one week in the last fortnight but one — a penalty-threshold case and
  // on this term's holiday list; one week six school weeks back (the window crosses Christmas);
  // three days this week (holiday list only).
  const level1ish = (p: SamplePupil) => p.absenceRate > 0.02 && p.absenceRate < 0.06;
  for (const i of pickFrom('holidayThisTerm', 3, level1ish)) for (let d = L - 9; d <= L - 5; d++) put(i, d, 'G');
  const weeks = schoolWeeks(days);
  const sixBack = weeks[Math.max(0, weeks.length - 7)];
  for (const i of pickFrom('holidayBeforeChristmas', 2, level1ish)) {
    days.forEach((d, k) => { if (weekStart(d) === sixBack) put(i, k, 'G'); });
  }
  for (const i of pickFrom('shortHoliday', 2, (p) => p.absenceRate < 0.03)) for (let d = L - 3; d <= L - 1; d++) put(i, d, 'G');

  // Did not come back after the holiday: 10 school days in a row unauthorised (notify the LA).
  for (const i of pickFrom('tenDaysUnauthorised', 1, (p) => p.absenceRate > 0.1 && p.absenceRate < 0.3)) {
    for (let d = L - 13; d <= L - 4; d++) put(i, d, 'O');
  }

  // Punctuality: 5–8 late marks this half term.
  const term = halfTermOf(days[L]);
  const termStart = term ? Math.max(0, days.findIndex((d) => d >= term.start)) : Math.max(0, L - 15);
  for (const i of pickFrom('punctuality', 15, (p) => p.absenceRate < 0.1)) {
    const wanted = rng.int(5, 8);
    const candidates = rng.shuffle(range(termStart, L).filter((d) => present(i, d, 0)));
    candidates.slice(0, wanted).forEach((d) => { marks[i][2 * d] = 'L'; });
  }

  // Coding issues for the coding review: each of these pupils is held from letters.
  for (const i of pickFrom('oldN', 4, (p) => p.absenceRate > 0.03)) put(i, L - rng.int(8, 12), 'N');
  for (const i of pickFrom('gap', 5, () => true)) {
    const d = L - rng.int(1, 20);
    if (onRoll(i, d)) marks[i][2 * d + rng.int(0, 1)] = '';
  }
  for (const i of pickFrom('withdrawnCode', 1, () => true)) put(i, L - 7, 'H');

  // An incomplete register: one reg group's afternoon register mostly not taken.
  const groups = Array.from(new Set(pupils.map((p) => p.regGroup)));
  const group = groups[Math.floor(groups.length * 0.55)];
  story.incompleteRegister = [group, days[Math.max(0, L - 6)]];
  pupils.forEach((p, i) => { if (p.regGroup === group && rng.chance(0.8)) put(i, L - 6, '', 'PM'); });

  // The canary must be a persistent absentee whatever the dice said: add illness and truancy
  // days, latest first, until its absence is at least 12%.
  const c = pupils.findIndex((p) => p.upn === CANARY.upn);
  for (let d = L - 1; c >= 0 && d > 0 && attendanceOf(marks[c]).percent > 88; d -= 3) {
    if (present(c, d, 0)) put(c, d, d % 2 ? 'I' : 'O');
  }

  // Today: Year 11s who have not come in (failure to return calls): N or no mark yet.
  for (const i of pickFrom('failureToReturnN', 4, inYear(11))) put(i, L, 'N');
  for (const i of pickFrom('failureToReturnBlank', 3, inYear(11))) put(i, L, '');
  return story;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
