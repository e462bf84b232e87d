/**
 * Misses per pupil per school week, the pink/red band and persistence (SPEC §3, §2a).
 * A homework week runs Monday to Sunday, so two misses either side of Sunday midnight fall in two
 * weeks. "The last 6 school weeks" counts only weeks the school was open: the caller passes the
 * school weeks (ISO Mondays, from the register); a half-term week is simply not in the list.
 * The log is grouped once (pupil → week), never scanned per pupil, so a whole school is fast.
 */
import { addDays, IsoDate, weekStart } from '../dates';
import { Settings } from '../settings';
import { HomeworkMiss, Pupil } from '../types';
import { SortedLog, sortLog } from './misses';
import { normUpn } from '../pupils/names';
import { rollIndex } from '../pupils/roll';
import { academicYearOfDate } from '../calendar/academicYear';

export type Band = 'none' | 'pink' | 'red';

export interface PupilWeek {
  weekStart: IsoDate;
  misses: number;
  lates: number;
  band: Band;
}

export interface PupilHomework {
  upn: string;
  /** One entry per school week in `HomeworkWeeks.weeks`, same order. */
  weeks: PupilWeek[];
  /** Weeks pink, weeks red and Late entries in this academic year's weeks (the tracker says "year to date"). */
  weeksPink: number;
  weeksRed: number;
  lates: number;
  persistent: boolean;
  /** The week the current run of persistence began ('' when not persistent): keys the HoY meeting. */
  persistentSince: IsoDate | '';
  /** The latest school week up to asOf (the week holding asOf when the school is open). */
  thisWeek: PupilWeek;
}

export interface HomeworkWeeks {
  /** School weeks up to asOf, ascending ISO Mondays. */
  weeks: IsoDate[];
  /** Every pupil on roll, by normalised UPN. */
  pupils: Map<string, PupilHomework>;
  sorted: SortedLog;
}

export function bandFor(misses: number, settings: Settings): Band {
  if (misses >= settings.homework.redAt) return 'red';
  if (misses >= settings.homework.pinkAt) return 'pink';
  return 'none';
}

/**
 * The school weeks when the attendance calendar gives none: every Monday-to-Sunday week from
 * `first` to asOf, less any week with no weekday inside a half term when half terms are set.
 */
export function defaultSchoolWeeks(first: IsoDate, asOf: IsoDate, settings: Settings): IsoDate[] {
  const out: IsoDate[] = [];
  const terms = settings.calendar.halfTerms;
  const last = weekStart(asOf);
  for (let w = weekStart(first); w <= last; w = addDays(w, 7)) {
    const friday = addDays(w, 4);
    if (terms.length === 0 || terms.some((t) => t.start <= friday && t.end >= w)) out.push(w);
  }
  return out;
}

/**
 * The weeks the tracker shows: the given school weeks up to asOf, plus any week in which a miss or
 * late was logged (a teacher logging homework shows the school was open, and the current week may
 * not be in the register yet — a logged miss is never dropped).
 */
export function trackedWeeks(schoolWeeks: IsoDate[] | undefined, sorted: SortedLog, asOf: IsoDate, settings: Settings): IsoDate[] {
  const last = weekStart(asOf);
  const set = new Set<IsoDate>();
  let first = asOf;
  for (const e of sorted.misses) if (e.date < first) first = e.date;
  for (const e of sorted.lates) if (e.date < first) first = e.date;
  const base = schoolWeeks || defaultSchoolWeeks(first, asOf, settings);
  for (const w of base) if (w <= last) set.add(weekStart(w));
  for (const e of sorted.misses) set.add(weekStart(e.date));
  for (const e of sorted.lates) set.add(weekStart(e.date));
  return Array.from(set).sort();
}

export interface HomeworkWeeksInput {
  log: HomeworkMiss[];
  pupils: Pupil[];
  asOf: IsoDate;
  settings: Settings;
  /** ISO Mondays of weeks the school was open, ascending; default `defaultSchoolWeeks`. */
  schoolWeeks?: IsoDate[];
}

export function homeworkWeeks(input: HomeworkWeeksInput): HomeworkWeeks {
  const { asOf, settings } = input;
  const sorted = sortLog(input.log, input.pupils, asOf, settings);
  const weeks = trackedWeeks(input.schoolWeeks, sorted, asOf, settings);
  const index = new Map<IsoDate, number>();
  weeks.forEach((w, i) => index.set(w, i));
  const W = weeks.length;
  const yearFrom = weekStart(academicYearOfDate(asOf, settings).start);

  // One pass over the log: counts[upn] = [misses per week..., lates per week...].
  const counts = new Map<string, Int32Array>();
  const bump = (e: HomeworkMiss, offset: number) => {
    const upn = normUpn(e.upn);
    let c = counts.get(upn);
    if (!c) counts.set(upn, (c = new Int32Array(2 * W)));
    const i = index.get(weekStart(e.date));
    if (i !== undefined) c[offset + i]++;
  };
  for (const e of sorted.misses) bump(e, 0);
  for (const e of sorted.lates) bump(e, W);

  const { persistentWeeks, persistentWindow } = settings.homework;
  const empty = new Int32Array(2 * W);
  const pupils = new Map<string, PupilHomework>();
  rollIndex(input.pupils, asOf).forEach((p, upn) => {
    const c = counts.get(upn) || empty;
    const pw: PupilWeek[] = new Array(W);
    const flagged: boolean[] = new Array(W);
    let weeksPink = 0;
    let weeksRed = 0;
    let lates = 0;
    for (let i = 0; i < W; i++) {
      const band = bandFor(c[i], settings);
      pw[i] = { weekStart: weeks[i], misses: c[i], lates: c[W + i], band };
      flagged[i] = band !== 'none';
      if (weeks[i] < yearFrom) continue; // a log kept over two years: the counts are this year's
      if (band === 'pink') weeksPink++;
      if (band === 'red') weeksRed++;
      lates += c[W + i];
    }
    // Persistent at week i: flagged in ≥ persistentWeeks of the `persistentWindow` school weeks ending at i.
    let inWindow = 0;
    let runStart = -1;
    for (let i = 0; i < W; i++) {
      if (flagged[i]) inWindow++;
      if (i - persistentWindow >= 0 && flagged[i - persistentWindow]) inWindow--;
      const persistentHere = inWindow >= persistentWeeks;
      if (!persistentHere) runStart = -1;
      else if (runStart < 0) runStart = i;
    }
    const persistent = W > 0 && runStart >= 0;
    pupils.set(upn, {
      upn: p.upn,
      weeks: pw,
      weeksPink,
      weeksRed,
      lates,
      persistent,
      persistentSince: persistent ? weeks[runStart] : '',
      thisWeek: W > 0 ? pw[W - 1] : { weekStart: weekStart(asOf), misses: 0, lates: 0, band: 'none' },
    });
  });
  return { weeks, pupils, sorted };
}
