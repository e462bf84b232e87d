/**
 * The attendance part of out/report.json (SPEC §8), per pupil on roll (leavers are out):
 * `attendance: { possible, attended, percent, stage, persistentAbsence, severeAbsence,
 * penaltyThreshold, lettersDue, held }`. A held pupil (open coding issues) has `held: true` and an
 * empty `lettersDue`: nothing is due to go out until the register is fixed (the Attendance tab
 * still shows what is waiting, marked "(held)").
 */
import { DueLetter } from '../../core/attendance/ladder';
import { Stage } from '../../core/attendance/stage';
import { AttendanceJobResult } from './job';

export interface AttendanceReportEntry {
  possible: number;
  attended: number;
  percent: number | null;
  stage: Stage | null;
  persistentAbsence: boolean;
  severeAbsence: boolean;
  penaltyThreshold: boolean;
  lettersDue: DueLetter[];
  held: boolean;
}

export interface AttendanceReportPart {
  pupils: Array<{ upn: string; attendance: AttendanceReportEntry }>;
  /** Whole-school counts (an addition to the contract's minimum). */
  attendanceSummary: Omit<AttendanceJobResult, 'review' | 'problems' | 'attendanceTab' | 'tabsWritten'> & { problems: number };
}

export function attendanceReportPart(result: AttendanceJobResult): AttendanceReportPart {
  const { review, problems, attendanceTab, tabsWritten, ...summary } = result;
  void attendanceTab;
  void tabsWritten;
  return {
    pupils: review.pupils.map((p) => ({
      upn: p.upn,
      attendance: {
        possible: p.figures.possible,
        attended: p.figures.attended,
        percent: p.figures.percent,
        stage: p.stage,
        persistentAbsence: p.pa,
        severeAbsence: p.sa,
        penaltyThreshold: p.penalty !== null,
        lettersDue: p.held ? [] : p.ladder.lettersDue.slice(),
        held: p.held,
      },
    })),
    attendanceSummary: { ...summary, problems: problems.length },
  };
}

/**
 * The Head of Year overrides for out/report.json (an addition to SPEC §8's minimum): each override
 * on the Attendance tab at the review (UPN, rung, sheet row, what the review made of it) and the
 * cells cleared — by the review (episode over) and by letter runs (rung produced).
 */
export interface HoyOverridesReportPart {
  hoyOverrides: {
    overrides: AttendanceJobResult['hoyOverrides'];
    honoured: number;
    clearedByReview: number;
    clearedByLetters: number;
  };
}

export function hoyOverridesReportPart(result: AttendanceJobResult, letterRuns: Array<{ overridesCleared: number }> = []): HoyOverridesReportPart {
  return {
    hoyOverrides: {
      overrides: result.hoyOverrides.map((o) => ({ ...o })),
      honoured: result.hoyOverrides.filter((o) => o.state === 'honoured').length,
      clearedByReview: result.overridesCleared,
      clearedByLetters: letterRuns.reduce((n, r) => n + (r.overridesCleared || 0), 0),
    },
  };
}
