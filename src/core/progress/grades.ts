/**
 * Grades as teachers write them (SPEC §7, seed 003): GCSE 9–1 with optional sub-grades
 * (`5+` > `5` > `5-`; a typographic minus or en dash counts as `-`), and optionally a school's
 * KS3 scale given in settings lowest first (e.g. Emerging, Developing, Secure, Mastered or W, B,
 * S, M), also with optional +/-. Anything else — U, X, A, blank, unknown text, or a grade on a
 * different scale from its target — is ungradeable: reported with the reason, never compared.
 */
import { Settings } from '../settings';

export type Grade = { scale: 'gcse' | 'ks3'; rank: number; text: string };
export type Ungradeable = { ungradeable: string };
export type Comparison = 'above' | 'on' | 'below' | Ungradeable;

const SPECIAL: Record<string, string> = {
  U: 'U (ungraded)',
  X: 'X (no grade)',
  A: 'A (absent)',
};

const GCSE_RE = /^([1-9])\s*([+\-\u2212\u2013]?)$/;

function subGrade(sign: string): number {
  if (sign === '+') return 1;
  return sign ? -1 : 0;
}

/** A grade's rank on its scale (3 steps per whole grade so sub-grades sit between), or why not. */
export function parseGrade(raw: string | number | null | undefined, settings?: Settings): Grade | Ungradeable {
  const text = String(raw == null ? '' : raw).replace(/\u00a0/g, ' ').trim();
  if (!text) return { ungradeable: 'blank' };
  const scale = settings && settings.progress.ks3Scale;
  if (scale && scale.length) {
    const m = /^(.*?)\s*([+\-\u2212\u2013]?)$/.exec(text) as RegExpExecArray;
    const word = m[1].toLowerCase();
    const i = scale.findIndex((s) => s.trim().toLowerCase() === word);
    if (i >= 0 && word) return { scale: 'ks3', rank: i * 3 + subGrade(m[2]), text };
    const whole = scale.findIndex((s) => s.trim().toLowerCase() === text.toLowerCase());
    if (whole >= 0) return { scale: 'ks3', rank: whole * 3, text };
  }
  const g = GCSE_RE.exec(text);
  if (g) return { scale: 'gcse', rank: Number(g[1]) * 3 + subGrade(g[2]), text };
  const special = SPECIAL[text.toUpperCase()];
  if (special) return { ungradeable: special };
  return { ungradeable: `not a grade: "${text}"` };
}

export function isUngradeable(x: Grade | Ungradeable | Comparison): x is Ungradeable {
  return typeof x === 'object' && x !== null && 'ungradeable' in x;
}

/**
 * Above / on / below the target, or why the two cannot be compared. Below needs the school's
 * tolerance (`progress.belowTargetSubGrades`, default 3 = a whole grade): a pupil a sub-grade or
 * two under the target (6- or 5+ against 6) is on target — teachers' sub-grades are judgements,
 * and flagging them sent two thirds of pupils to the Raising Achievement Coordinator. Above is
 * any step over the target (the "raise the target" suggestion). Without settings: any sub-grade.
 */
export function compareToTarget(current: string | number, target: string | number, settings?: Settings): Comparison {
  const c = parseGrade(current, settings);
  const t = parseGrade(target, settings);
  if (isUngradeable(c)) return { ungradeable: `current grade ${c.ungradeable}` };
  if (isUngradeable(t)) return { ungradeable: `target ${t.ungradeable}` };
  if (c.scale !== t.scale) return { ungradeable: `current grade "${c.text}" and target "${t.text}" are on different scales` };
  if (c.rank > t.rank) return 'above';
  const below = settings ? settings.progress.belowTargetSubGrades : 1;
  if (t.rank - c.rank >= below) return 'below';
  return 'on';
}
