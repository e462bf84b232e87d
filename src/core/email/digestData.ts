/**
 * What the weekly digests are built from (SPEC §6, issue 21): plain data the job gathers once —
 * per-pupil session counts for the week, the week before, the term's weeks and the year to date
 * (core/attendance/weekRates.ts), each pupil's position at the end of the week (the attendance
 * review run as at the last completed school day), homework bands for the week and the week
 * before, the week's letters and legal steps, and the QA calendar.
 *
 * Every figure counts **completed school days only**: `week.through` is the last day counted, so
 * a digest sent at 07:00 on Monday covers Monday to Friday of the week before and none of today.
 * Leavers are in `pupils` with `onRoll: false`: they count in rates up to their leaving date
 * (as the DfE counts) and are in no list.
 */
import { IsoDate, MONTH_NAMES, WEEKDAY_NAMES, toUk, weekday } from '../dates';
import { QaTask } from '../types';
import { PupilRates } from '../attendance/weekRates';

export type Stage = 'reward' | 'level1' | 'level2';
export type Band = 'none' | 'pink' | 'red';

export interface DigestPupil {
  upn: string;
  forename: string;
  surname: string;
  year: number;
  regGroup: string;
  pp: boolean;
  eal: boolean;
  sen: boolean;
  /** False for a leaver: in the rates up to their leaving date, in no list. */
  onRoll: boolean;
  /** The pupil's position at the end of the week (null stage: no possible sessions yet). */
  attendance?: {
    percent: number | null; // year to date, to week.through
    stage: Stage | null;
    pa: boolean;
    sa: boolean;
    penalty: boolean; // penalty notice threshold reached
  };
  homework?: {
    band: Band; // this week
    misses: number;
    lastBand: Band; // the week before
    persistent: boolean;
  };
}

/** One Homework Log miss, with the pupil's details joined in. */
export interface DigestMiss {
  date: IsoDate;
  upn: string;
  forename: string;
  surname: string;
  year: number;
  regGroup: string;
  subject: string;
  className: string;
  teacher: string;
  reason: string;
  detentionAttended: string; // Yes / No / ''
}

/** A class that set less homework than the SOP expects (seed 001). */
export interface SetShortfall {
  className: string;
  subject: string;
  year: number;
  teacher: string;
  expected: number;
  set: number;
}

export interface DigestWeek {
  /** The Monday of the week the digest covers. */
  start: IsoDate;
  /** The last completed school day counted (never the day the digest is sent). */
  through: IsoDate;
  /** The Monday of the school week before (null at the start of the register). */
  last: IsoDate | null;
  /** The academic year's first day, for "year to date". */
  yearFrom: IsoDate;
}

export interface DigestLinks {
  attendance?: string;
  dashboard?: string;
  homework?: string;
  qaCalendar?: string;
  lettersLog?: string;
  legal?: string;
}

export interface DigestInput {
  week: DigestWeek;
  /** The Mondays `rates[..].weeks` are counted for, ascending: the term's weeks up to `week.start`, and `week.last`. */
  weekStarts: IsoDate[];
  /** The weeks drawn in the chart (a subset of weekStarts, ascending), and what they are. */
  chartWeeks: IsoDate[];
  chartTitle: string;
  rates: Map<string, PupilRates>;
  pupils: DigestPupil[];
  misses: DigestMiss[]; // this week
  missesLastWeek: DigestMiss[];
  setShortfalls: SetShortfall[];
  /** Letters produced in the week (Letters Log). */
  letters: { type: string; date: IsoDate; upn: string }[];
  /** Steps recorded on the Legal tab in the week; null when the tracker has no Legal tab. */
  legal: { step: string; date: IsoDate; upn: string }[] | null;
  qa: { done: QaTask[]; overdue: QaTask[] };
  links: DigestLinks;
}

/** "Monday 15 to Friday 19 January 2024" — the days a digest counts. */
export function daysCounted(week: DigestWeek): string {
  const part = (d: IsoDate, withMonth: boolean) => `${WEEKDAY_NAMES[weekday(d)]} ${+d.slice(8, 10)}${withMonth ? ` ${MONTH_NAMES[+d.slice(5, 7) - 1]} ${d.slice(0, 4)}` : ''}`;
  if (week.through < week.start) return `no completed school days (week beginning ${toUk(week.start)})`;
  if (week.through === week.start) return part(week.start, true);
  const sameMonth = week.start.slice(0, 7) === week.through.slice(0, 7);
  return `${part(week.start, !sameMonth)} to ${part(week.through, true)}`;
}

