/**
 * The attendance part of out/report.json (SPEC §8), per pupil on roll (leavers are out):
 * `attendance: { possible, attended, percent, stage, persistentAbsence, severeAbsence,
 * penaltyThreshold, lettersDue, held }` plus the documented additions of docs/attendance.md
 * (`authorised`, `unauthorised`, `tooFewSessions`, `compulsorySchoolAge`, `penaltyFirstMet`).
 * Figures are this academic year's from the first session on roll; PA/SA on the exact fraction.
 * `lettersDue` holds only letter types; a held pupil (open coding issues) has `held: true` and an
 * empty `lettersDue`, as has a pupil with too few sessions (`tooFewSessions: true`, `stage: null`).
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
  authorised: number;
  unauthorised: number;
  tooFewSessions: boolean;
  compulsorySchoolAge: boolean;
  penaltyFirstMet: string | null;
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
        authorised: p.figures.authorised,
        unauthorised: p.figures.unauthorised,
        tooFewSessions: p.tooFewSessions,
        compulsorySchoolAge: p.compulsorySchoolAge,
        penaltyFirstMet: p.penalty ? p.penalty.firstMet : null,
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
