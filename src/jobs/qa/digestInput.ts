/**
 * Gathering the weekly digests' data from what the morning run already read (issue 21): no tab is
 * read again (the Legal tab comes with the attendance review's read).
 *
 * Which week: run Monday to Thursday, the previous school week; Friday to Sunday, the current
 * week. Which days: only completed school days — up to the end of that week or yesterday,
 * whichever is earlier — so a digest at 07:00 on Monday counts Monday to Friday of last week and
 * none of today's marks. Each pupil's stage, PA and penalty flag are the attendance review run as
 * at that last day (the same rules as the Attendance tab, on the same records); school-level rates
 * count leavers up to their leaving date (core/attendance/weekRates.ts).
 */
import { addDays, IsoDate, weekday, weekStart } from '../../core/dates';
import { HomeworkMiss, HomeworkSet, Pupil } from '../../core/types';
import { reviewAttendance } from '../../core/attendance/review';
import { academicYearFrom, pupilRates } from '../../core/attendance/weekRates';
import { homeworkWeeks } from '../../core/homework/weeks';
import { countsAsMiss } from '../../core/homework/misses';
import { sopReview } from '../../core/homework/sop';
import { DigestInput, DigestLinks, DigestMiss, DigestPupil } from '../../core/email/digestData';
import { isNonTaskDay } from '../../core/qa/checks';
import { SchoolCalendar } from '../../core/calendar/schoolWeeks';
import { QaContext } from './context';
import { normUpn } from '../../core/pupils/names';
import { isLeaver } from '../../core/pupils/roll';

/** The Monday of the week a digest run on `asOf` covers. */
export function digestWeek(asOf: IsoDate, schoolWeeks: IsoDate[]): IsoDate {
  const thisWeek = weekStart(asOf);
  if (weekday(asOf) >= 4) return thisWeek;
  const before = schoolWeeks.filter((w) => w < thisWeek);
  return before.length ? before[before.length - 1] : addDays(thisWeek, -7);
}

/**
 * The weeks of the chart: the term's school weeks up to the covered one — at least the last
 * `CHART_MIN_WEEKS`, so the second week of a term still shows a trend.
 */
const CHART_MIN_WEEKS = 6;
function chartWeeks(cal: SchoolCalendar, week: IsoDate): { weeks: IsoDate[]; title: string } {
  const upTo = cal.schoolWeeks.filter((w) => w <= week);
  const term = cal.termOf(week);
  if (term) {
    const from = weekStart(term.start);
    const weeks = upTo.filter((w) => w >= from);
    if (weeks.length >= CHART_MIN_WEEKS) return { weeks, title: `Attendance week by week, this term (${term.name})` };
  }
  const weeks = upTo.slice(-CHART_MIN_WEEKS);
  return { weeks, title: `Attendance week by week, last ${weeks.length} school weeks` };
}

export interface DigestSources {
  log: HomeworkMiss[];
  set: HomeworkSet[];
  /** Whether the tracker has a Legal tab (its steps come with the review's read). */
  hasLegal: boolean;
  links: DigestLinks;
}

export function buildDigestInput(ctx: QaContext, src: DigestSources): DigestInput {
  const { review, settings, asOf } = ctx;
  const cal = review.calendar;
  const start = digestWeek(asOf, cal.schoolWeeks);
  const weekEnd = addDays(start, 6);
  const until = weekEnd < asOf ? weekEnd : addDays(asOf, -1);
  // The last school day counted (Friday, not Sunday, when the week is over).
  const days = cal.schoolDays.filter((d) => d >= start && d <= until);
  const through = days.length ? days[days.length - 1] : until;
  const earlier = cal.schoolWeeks.filter((w) => w < start);
  const last = earlier.length ? earlier[earlier.length - 1] : null;
  const yearStart = academicYearFrom(through, settings);
  const firstDay = cal.schoolDays.find((d) => d >= yearStart) || yearStart;
  const chart = chartWeeks(cal, start);
  const weekStarts = Array.from(new Set(chart.weeks.concat(last ? [last] : []).concat([start]))).sort();

  const students: Pupil[] = ctx.pupils;
  const marks = ctx.data['Attendance Marks'] || [];
  const rates = pupilRates({ marks, pupils: students, yearFrom: firstDay, through, weekStarts });
  // Each pupil's position at the end of the week: the review's own rules, as at `through`.
  const atEnd = reviewAttendance({ ...ctx.reviewInput, asOf: through, previousTiers: undefined });
  const position = new Map(atEnd.pupils.map((r) => [r.upn, r]));
  const hw = homeworkWeeks({ log: src.log, pupils: students, asOf: through, settings, schoolWeeks: cal.schoolWeeks });
  const wi = hw.weeks.indexOf(start);
  const li = last ? hw.weeks.indexOf(last) : -1;

  const pupils: DigestPupil[] = students.map((p) => {
    const r = position.get(p.upn);
    const h = hw.pupils.get(normUpn(p.upn));
    return {
      upn: p.upn,
      forename: p.forename,
      surname: p.surname,
      year: p.year,
      regGroup: p.regGroup,
      pp: p.pp,
      eal: p.eal,
      sen: p.sen,
      onRoll: !isLeaver(p, asOf),
      attendance: r ? { percent: r.figures.percent, stage: r.stage, pa: r.pa, sa: r.sa, penalty: !!r.penalty } : undefined,
      homework: h
        ? { band: wi >= 0 ? h.weeks[wi].band : 'none', misses: wi >= 0 ? h.weeks[wi].misses : 0, lastBand: li >= 0 ? h.weeks[li].band : 'none', persistent: h.persistent }
        : undefined,
    };
  });

  const byUpn = new Map(students.map((p) => [p.upn, p]));
  const missesIn = (from: IsoDate, to: IsoDate): DigestMiss[] => {
    const out: DigestMiss[] = [];
    for (const e of src.log) {
      if (e.date < from || e.date > to || !countsAsMiss(e, settings)) continue;
      const p = byUpn.get(e.upn);
      if (!p || isLeaver(p, asOf)) continue;
      out.push({ date: e.date, upn: e.upn, forename: p.forename, surname: p.surname, year: p.year, regGroup: p.regGroup, subject: e.subject, className: e.className, teacher: e.teacher, reason: e.reason, detentionAttended: e.detentionAttended });
    }
    return out;
  };
  const sop = sopReview(src.set, cal.schoolWeeks, through, settings);
  const tasks = ctx.tasks.filter((t) => !isNonTaskDay(t.task));

  return {
    week: { start, through, last, yearFrom: firstDay },
    weekStarts,
    chartWeeks: chart.weeks,
    chartTitle: chart.title,
    rates,
    pupils,
    misses: missesIn(start, through),
    missesLastWeek: last ? missesIn(last, addDays(last, 6)) : [],
    setShortfalls: sop.below.map((r) => ({ className: r.className, subject: r.subject, year: r.year, teacher: r.teachers.join(', '), expected: r.expected, set: r.set })),
    letters: ctx.letters.filter((l) => l.date >= start && l.date <= weekEnd).map((l) => ({ type: l.type, date: l.date, upn: l.upn })),
    legal: src.hasLegal ? (ctx.data.Legal || []).filter((l) => l.date >= start && l.date <= weekEnd).map((l) => ({ step: l.step, date: l.date, upn: l.upn })) : null,
    qa: {
      done: tasks.filter((t) => t.date >= start && t.date <= weekEnd && t.status !== ''),
      overdue: tasks.filter((t) => t.date < asOf && t.status === ''),
    },
    links: src.links,
  };
}
