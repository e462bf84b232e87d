/**
 * Progress (seed 003): an FFT-style target, the current working-at grade and a predicted grade per
 * pupil per subject, GCSE 9–1 with + / − sub-grades. Each pupil has an overall lean (some above
 * target everywhere, some below in most subjects, so some are below in 3+ and go to the Raising
 * Achievement Coordinator); a few marks are U (ungraded), X (missed the assessment) or blank.
 */
import { Rng } from './random';
import { SamplePupil, SUBJECTS } from './model';
import { gaussian, CANARY } from './students';

export interface ProgressRow { upn: string; subject: string; target: string; current: string; predicted: string }

/** KS3 pupils are tracked in the first eight subjects; KS4 pupils in the eight they take. */
const KS3_TRACKED = SUBJECTS.slice(0, 8);

export function generateProgress(rng: Rng, pupils: SamplePupil[]): ProgressRow[] {
  const rows: ProgressRow[] = [];
  for (const p of pupils) {
    if (p.leavingDate) continue; // the MIS export holds pupils on roll
    const lean = p.upn === CANARY.upn ? -3 : gaussian(rng);
    const subjects = p.year <= 9 ? KS3_TRACKED : p.classes.map((c) => c.subject);
    for (const subject of subjects) {
      const targetFine = toFine(clampGrade(Math.round(p.ability + gaussian(rng) * 0.7)), rng.weighted([0, 1, -1], [60, 20, 20]));
      const offset = Math.round(gaussian(rng) * 1.6 + lean * 1.5 - 0.5);
      const currentFine = clampFine(targetFine + offset);
      const predictedFine = clampFine(currentFine + Math.round(Math.abs(gaussian(rng)) * 1.2));
      const odd = rng.next();
      const current = odd < 0.015 ? 'U' : odd < 0.025 ? 'X' : odd < 0.035 ? '' : fromFine(currentFine);
      rows.push({ upn: p.upn, subject, target: fromFine(targetFine), current, predicted: current === '' ? '' : fromFine(predictedFine) });
    }
  }
  return rows;
}

// A "fine" grade counts thirds: 5- = 14, 5 = 15, 5+ = 16.
function toFine(grade: number, sub: number): number {
  return clampFine(grade * 3 + sub);
}
function clampGrade(g: number): number {
  return Math.max(1, Math.min(9, g));
}
function clampFine(f: number): number {
  return Math.max(2, Math.min(28, f)); // 1- … 9+
}
function fromFine(f: number): string {
  const g = Math.round(f / 3);
  const sub = f - g * 3;
  return `${g}${sub > 0 ? '+' : sub < 0 ? '-' : ''}`;
}
