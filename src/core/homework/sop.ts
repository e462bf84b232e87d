/**
 * Homework set against the statement of practice (seed 001, SPEC §3): KS3 (Y7–9) core subjects
 * once a week, KS3 non-core once a fortnight, KS3 practical "as and when needed" (no expectation),
 * KS4 (Y10–11) every subject once a week. Over the last `sopWindowWeeks` complete school weeks a
 * class is expected to have set: weekly → one per week; fortnightly → one per whole fortnight
 * (floor(weeks / 2), so a 3-week window asks for 1, not 2). Curriculum leaders see the classes
 * that set less than expected. Years outside 7–11 (sixth form) have no expectation here.
 */
import { addDays, IsoDate, weekStart } from '../dates';
import { Settings } from '../settings';
import { HomeworkSet } from '../types';
import { normText } from '../text';

export type Frequency = 'weekly' | 'fortnightly' | 'as needed';

export interface ClassRef {
  className: string;
  subject: string;
  year: number;
}

export interface SopRow extends ClassRef {
  keyStage: 'KS3' | 'KS4';
  frequency: Frequency;
  expected: number;
  set: number;
  teachers: string[];
}

export interface SopReview {
  /** The school weeks looked at (ISO Mondays), oldest first. */
  weeks: IsoDate[];
  rows: SopRow[];
  /** The rows that set fewer than expected: the CLs' list. */
  below: SopRow[];
}

export function expectedFrequency(subject: string, year: number, settings: Settings): { keyStage: 'KS3' | 'KS4'; frequency: Frequency } | null {
  const s = normText(subject);
  const isIn = (list: string[]) => list.some((x) => normText(x) === s);
  if (year >= 10 && year <= 11) return { keyStage: 'KS4', frequency: 'weekly' };
  if (year < 7 || year > 9) return null;
  if (isIn(settings.homework.coreSubjects)) return { keyStage: 'KS3', frequency: 'weekly' };
  if (isIn(settings.homework.practicalSubjects)) return { keyStage: 'KS3', frequency: 'as needed' };
  return { keyStage: 'KS3', frequency: 'fortnightly' };
}

export function expectedCount(frequency: Frequency, weeks: number): number {
  if (frequency === 'weekly') return weeks;
  if (frequency === 'fortnightly') return Math.floor(weeks / 2);
  return 0;
}

/**
 * The last `sopWindowWeeks` school weeks whose Friday is on or before asOf (a week still in
 * progress is not judged yet).
 */
export function sopWeeks(schoolWeeks: IsoDate[], asOf: IsoDate, settings: Settings): IsoDate[] {
  const done = schoolWeeks.filter((w) => addDays(w, 4) <= asOf);
  return done.slice(-settings.homework.sopWindowWeeks);
}

/**
 * Every known class (from `classes` and any Homework Set row ever) against the expectation over
 * the window. A class is matched by class name + subject, case-insensitive.
 */
export function sopReview(set: HomeworkSet[], schoolWeeks: IsoDate[], asOf: IsoDate, settings: Settings, classes: ClassRef[] = []): SopReview {
  const weeks = sopWeeks(schoolWeeks, asOf, settings);
  const from = weeks.length ? weeks[0] : '';
  const to = weeks.length ? addDays(weeks[weeks.length - 1], 6) : '';
  const open = new Set(weeks);

  const rows = new Map<string, SopRow>();
  const keyOf = (c: ClassRef) => `${normText(c.className)}|${normText(c.subject)}`;
  const ensure = (c: ClassRef): SopRow | null => {
    const k = keyOf(c);
    const have = rows.get(k);
    if (have) return have;
    const f = expectedFrequency(c.subject, c.year, settings);
    if (!f) return null;
    const row: SopRow = {
      className: String(c.className).trim(), subject: String(c.subject).trim(), year: c.year,
      keyStage: f.keyStage, frequency: f.frequency, expected: expectedCount(f.frequency, weeks.length), set: 0, teachers: [],
    };
    rows.set(k, row);
    return row;
  };
  for (const c of classes) ensure(c);
  for (const h of set) {
    const row = ensure(h);
    if (!row) continue;
    if (from && h.dateSet >= from && h.dateSet <= to && open.has(weekStart(h.dateSet))) {
      row.set++;
      const t = String(h.teacher || '').trim();
      if (t && row.teachers.indexOf(t) < 0) row.teachers.push(t);
    }
  }
  const all = Array.from(rows.values()).sort((a, b) =>
    a.subject.localeCompare(b.subject) || a.year - b.year || a.className.localeCompare(b.className));
  return { weeks, rows: all, below: all.filter((r) => r.set < r.expected) };
}
