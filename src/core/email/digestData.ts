/**
 * What the weekly digests are built from: plain data the jobs already have (attendance review,
 * homework tracking, Letters Log, QA calendar). Leavers are removed before it gets here. The
 * previous week's snapshot is stored by the job (e.g. in document properties) and passed back in
 * so the digest can show the change since last week.
 */
import { IsoDate } from '../dates';
import { QaTask } from '../types';

export type Stage = 'reward' | 'level1' | 'level2';
export type Band = 'none' | 'pink' | 'red';

export interface DigestPupil {
  upn: string;
  name: string; // "Forename Surname"
  year: number;
  regGroup: string;
  pp: boolean;
  eal: boolean;
  sen: boolean;
  attendance?: {
    percent: number;
    stage: Stage;
    pa: boolean;
    sa: boolean;
    penalty: boolean; // penalty notice threshold reached
    lettersDue: string[];
  };
  homework?: {
    band: Band; // this week
    misses: number; // this week
    persistent: boolean;
  };
}

/** One Homework Log miss in the digest's week, with the pupil's details joined in. */
export interface DigestMiss {
  date: IsoDate;
  upn: string;
  name: string;
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

export interface YearCounts {
  pupils: number; // with an attendance figure
  reward: number;
  level1: number;
  level2: number;
  pa: number;
  sa: number;
  penalty: number;
  pink: number;
  red: number;
  persistent: number;
}

export interface DigestSnapshot {
  weekStart: IsoDate;
  /** By year group, plus "all" for the whole school. */
  byYear: { [year: string]: YearCounts };
}

export interface DigestInput {
  weekStart: IsoDate; // the Monday of the run
  pupils: DigestPupil[];
  previous?: DigestSnapshot | null;
  misses: DigestMiss[];
  setShortfalls: SetShortfall[];
  /** Letters produced in the week (Letters Log rows). */
  letters: { type: string; date: IsoDate }[];
  qa: { done: QaTask[]; overdue: QaTask[] };
  /** Whole-school attendance % by week, oldest first (the chart). */
  trend: { weekStart: IsoDate; percent: number }[];
}

export function emptyCounts(): YearCounts {
  return { pupils: 0, reward: 0, level1: 0, level2: 0, pa: 0, sa: 0, penalty: 0, pink: 0, red: 0, persistent: 0 };
}

/** This week's counts, to show now and to store for next week's "change since last week". */
export function snapshotOf(pupils: DigestPupil[], weekStart: IsoDate): DigestSnapshot {
  const byYear: { [year: string]: YearCounts } = { all: emptyCounts() };
  for (const p of pupils) {
    const key = String(p.year);
    if (!byYear[key]) byYear[key] = emptyCounts();
    for (const c of [byYear[key], byYear.all]) {
      const a = p.attendance;
      if (a) {
        c.pupils++;
        c[a.stage]++;
        if (a.pa) c.pa++;
        if (a.sa) c.sa++;
        if (a.penalty) c.penalty++;
      }
      const h = p.homework;
      if (h) {
        if (h.band === 'pink') c.pink++;
        if (h.band === 'red') c.red++;
        if (h.persistent) c.persistent++;
      }
    }
  }
  return { weekStart, byYear };
}

/** "12 (+2)" — the count and its change since the previous snapshot, when there is one. */
export function withChange(now: number, before: number | undefined): string {
  if (before === undefined) return String(now);
  const d = now - before;
  return `${now} (${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)})`;
}

/** A rate to 1 decimal place, as the SPEC shows percentages. */
export function rate(n: number, of: number): string {
  return of > 0 ? `${(Math.round((1000 * n) / of) / 10).toFixed(1)}%` : '–';
}
