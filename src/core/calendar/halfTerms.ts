/**
 * Half terms and terms (SPEC §2a). Term dates come from the settings; where none are set, a half
 * term is a run of school weeks between breaks of `breakWeeks` or more weeks with no sessions.
 *
 * Terms are the half terms grouped by season, read from the month the half term starts:
 * September–December → autumn, January–March → spring, April–August → summer. Reading the start
 * month (rather than fixed dates) puts the Easter break where the school actually had it: spring 2
 * always starts in February and summer 1 in April, whatever the date of Easter.
 */
import { IsoDate, addDays, dayNumber, fromDayNumber } from '../dates';
import { TermDates } from '../settings';

export type Season = 'autumn' | 'spring' | 'summer';

export interface HalfTerm {
  name: string;
  start: IsoDate; // first day (configured) or first school day (inferred)
  end: IsoDate; // last day (configured) or last school day (inferred)
  season: Season;
  academicYear: string; // e.g. "2023-24"
  /** True when the dates came from the settings; false when inferred from the register. */
  configured: boolean;
}

export interface Term {
  name: string; // e.g. "Spring 2023-24"
  season: Season;
  academicYear: string;
  start: IsoDate;
  end: IsoDate;
  halfTerms: HalfTerm[];
}

export function seasonOf(d: IsoDate): Season {
  const month = +d.slice(5, 7);
  if (month >= 9) return 'autumn';
  if (month <= 3) return 'spring';
  return 'summer';
}

export function academicYearOf(d: IsoDate): string {
  const y = +d.slice(0, 4);
  const first = +d.slice(5, 7) >= 8 ? y : y - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

const SEASON_NAME: Record<Season, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/** The settings' half terms, sorted, with their season and academic year. */
export function configuredHalfTerms(terms: TermDates[]): HalfTerm[] {
  return terms
    .slice()
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .map((t) => ({
      name: t.name,
      start: t.start,
      end: t.end,
      season: seasonOf(t.start),
      academicYear: academicYearOf(t.start),
      configured: true,
    }));
}

/**
 * Half terms from the register: consecutive school weeks (`mondays`, ascending day numbers) belong
 * to the same half term unless `breakWeeks` or more whole weeks without a session lie between them.
 * `schoolDays` (ascending ISO dates) give each half term its first and last school day.
 */
export function inferHalfTerms(mondays: number[], schoolDays: IsoDate[], breakWeeks: number): HalfTerm[] {
  const runs: Array<[number, number]> = []; // first and last Monday of each run
  for (let i = 0; i < mondays.length; i++) {
    const emptyWeeksBefore = i === 0 ? Infinity : (mondays[i] - mondays[i - 1]) / 7 - 1;
    if (emptyWeeksBefore >= Math.max(1, breakWeeks)) runs.push([mondays[i], mondays[i]]);
    else runs[runs.length - 1][1] = mondays[i];
  }
  const out: HalfTerm[] = [];
  let dayIdx = 0;
  for (const [first, last] of runs) {
    const from = fromDayNumber(first);
    const to = fromDayNumber(last + 6);
    while (dayIdx < schoolDays.length && schoolDays[dayIdx] < from) dayIdx++;
    const hasDays = dayIdx < schoolDays.length && schoolDays[dayIdx] <= to;
    // A run with no register days yet (a planned week) runs Monday to Friday.
    const startDay = hasDays ? schoolDays[dayIdx] : from;
    let endDay = hasDays ? startDay : addDays(to, -2);
    while (dayIdx < schoolDays.length && schoolDays[dayIdx] <= to) endDay = schoolDays[dayIdx++];
    out.push({ name: '', start: startDay, end: endDay, season: seasonOf(startDay), academicYear: academicYearOf(startDay), configured: false });
  }
  nameBySeason(out);
  return out;
}

/** "Autumn 1 2023-24", "Autumn 2 2023-24", … numbered within each season in date order. */
function nameBySeason(halfTerms: HalfTerm[]): void {
  const seen: Record<string, number> = {};
  for (const h of halfTerms) {
    const k = `${h.season}|${h.academicYear}`;
    seen[k] = (seen[k] || 0) + 1;
    h.name = `${SEASON_NAME[h.season]} ${seen[k]} ${h.academicYear}`;
  }
}

/**
 * The half term holding `d`. In a holiday it is the half term just finished (the latest one that
 * started on or before `d`), so a review run in the holiday still looks back over it. Null before
 * the first half term.
 */
export function findHalfTerm(halfTerms: HalfTerm[], d: IsoDate): HalfTerm | null {
  let found: HalfTerm | null = null;
  for (const h of halfTerms) {
    if (h.start <= d) found = h;
    else break;
  }
  return found;
}

export function findTerm(halfTerms: HalfTerm[], d: IsoDate): Term | null {
  const h = findHalfTerm(halfTerms, d);
  if (!h) return null;
  const members = halfTerms.filter((x) => x.season === h.season && x.academicYear === h.academicYear);
  return {
    name: `${SEASON_NAME[h.season]} ${h.academicYear}`,
    season: h.season,
    academicYear: h.academicYear,
    start: members[0].start,
    end: members[members.length - 1].end,
    halfTerms: members,
  };
}

/** Weekdays after `from` up to and including `to` (planned school days in configured term dates). */
export function weekdaysAfter(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = dayNumber(from) + 1, end = dayNumber(to); d <= end; d++) {
    if ((((d + 3) % 7) + 7) % 7 < 5) n++;
  }
  return n;
}
