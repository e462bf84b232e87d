/**
 * The homework part of out/report.json (SPEC §8): per pupil on roll,
 *   homework: { weeks: [{ weekStart, misses, band }], persistent }
 * plus a small summary the demo may print. The lead's CLI merges `pupils` by UPN with the other
 * features' parts.
 */
import { IsoDate } from '../../core/dates';
import { Band } from '../../core/homework/weeks';
import { HomeworkRefreshResult } from './refresh';

export interface HomeworkReportPupil {
  upn: string;
  homework: { weeks: Array<{ weekStart: IsoDate; misses: number; band: Band }>; persistent: boolean };
}

export interface HomeworkReportPart {
  pupils: HomeworkReportPupil[];
  homework: {
    weeks: IsoDate[];
    misses: number;
    lates: number;
    duplicates: number;
    pinkThisWeek: number;
    redThisWeek: number;
    persistent: number;
    interventionsAdded: number;
    sopBelow: Array<{ subject: string; className: string; expected: number; set: number }>;
  };
}

export function homeworkReportPart(result: HomeworkRefreshResult): HomeworkReportPart {
  return {
    pupils: result.pupils.map((p) => ({
      upn: p.upn,
      homework: { weeks: p.weeks.map((w) => ({ weekStart: w.weekStart, misses: w.misses, band: w.band })), persistent: p.persistent },
    })),
    homework: {
      weeks: result.weeks.slice(),
      misses: result.counts.misses,
      lates: result.counts.lates,
      duplicates: result.counts.duplicates,
      pinkThisWeek: result.counts.pinkThisWeek,
      redThisWeek: result.counts.redThisWeek,
      persistent: result.counts.persistent,
      interventionsAdded: result.interventions.added,
      sopBelow: result.sop.below.map((r) => ({ subject: r.subject, className: r.className, expected: r.expected, set: r.set })),
    },
  };
}
