/**
 * The weekly homework tracking the intervention team sends out (seed 000): form tutors see their
 * reg group's pink and red pupils, Heads of Year their year, SLT counts by year and the pink/red
 * trend over the term, curriculum leaders misses by subject and class, and the PP lead, EAL
 * coordinator and SENCO their cohort's pupils who missed homework this week. Plain data: the jobs
 * turn it into sheets and e-mails.
 */
import { addDays, IsoDate, weekStart } from '../dates';
import { Settings } from '../settings';
import { HomeworkMiss, Intervention, Pupil, StaffMember } from '../types';
import { Owner, resolveOwner } from './owners';
import { Band, HomeworkWeeks } from './weeks';
import { PupilIdentity } from '../pupils/identity';
import { normUpn, listName } from '../pupils/names';
import { comparePupils, rollIndex } from '../pupils/roll';
import { PupilRef } from '../pupils/identity';
import { normText } from '../text';

/**
 * A pupil's subjects missed in the week, each once, A to Z, with "×2" when more than one piece in
 * that subject: "English ×2, Maths" rather than "English, English, Maths". Subjects that differ
 * only in case or spacing are one (the first spelling is kept).
 */
export function subjectsText(subjects: string[]): string {
  const by = new Map<string, { name: string; n: number }>();
  for (const s of subjects) {
    const name = String(s || '').trim();
    if (!name) continue;
    const k = normText(name);
    const e = by.get(k);
    if (e) e.n++;
    else by.set(k, { name, n: 1 });
  }
  return Array.from(by.values())
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
    .map((e) => (e.n > 1 ? `${e.name} ×${e.n}` : e.name))
    .join(', ');
}

export interface TrackedPupil extends PupilIdentity {
  misses: number;
  lates: number;
  band: Band;
  persistent: boolean;
  /** Subjects missed in the week, in log order, one entry per miss. */
  subjects: string[];
}

export interface WeeklyTracking {
  weekStart: IsoDate;
  formTutors: Array<{ regGroup: string; year: number; tutor: Owner; pupils: TrackedPupil[] }>;
  headsOfYear: Array<{ year: number; hoy: Owner; pupils: TrackedPupil[] }>;
  slt: {
    byYear: Array<{ year: number; onRoll: number; misses: number; pink: number; red: number; persistent: number }>;
    /** Every school week in the tracker: the pink/red trend over the term. */
    trend: Array<{ weekStart: IsoDate; misses: number; pink: number; red: number }>;
  };
  curriculumLeaders: Array<{ subject: string; cl: Owner; misses: number; classes: Array<{ className: string; teacher: string; misses: number }> }>;
  cohorts: { pp: TrackedPupil[]; eal: TrackedPupil[]; sen: TrackedPupil[] };
}

function byMondayOf(hw: HomeworkWeeks, weekStartDate: IsoDate): number {
  return hw.weeks.indexOf(weekStartDate);
}

/**
 * The lists for one school week (default: the latest in the tracker). Pupils appear in FT/HoY
 * lists when pink or red that week; in cohort lists when they missed anything that week.
 */
export function weeklyTracking(hw: HomeworkWeeks, pupils: Pupil[], asOf: IsoDate, settings: Settings, staff?: StaffMember[], week?: IsoDate): WeeklyTracking {
  const i = week ? byMondayOf(hw, week) : hw.weeks.length - 1;
  const weekStartDate = i >= 0 ? hw.weeks[i] : week || '';
  const roll = Array.from(rollIndex(pupils, asOf).values()).sort(comparePupils);

  const subjectsThisWeek = new Map<string, string[]>();
  const weekMisses: HomeworkMiss[] = [];
  for (const e of hw.sorted.misses) {
    if (i < 0 || e.date < weekStartDate || e.date > addSix(weekStartDate)) continue;
    weekMisses.push(e);
    const k = normUpn(e.upn);
    const list = subjectsThisWeek.get(k) || [];
    list.push(e.subject);
    subjectsThisWeek.set(k, list);
  }

  const tracked: TrackedPupil[] = roll.map((p) => {
    const ph = hw.pupils.get(normUpn(p.upn));
    const wk = ph && i >= 0 ? ph.weeks[i] : undefined;
    return {
      upn: p.upn, name: listName(p), year: p.year, regGroup: p.regGroup, pp: p.pp, eal: p.eal, sen: p.sen,
      misses: wk ? wk.misses : 0, lates: wk ? wk.lates : 0, band: wk ? wk.band : 'none',
      persistent: !!(ph && ph.persistent), subjects: subjectsThisWeek.get(normUpn(p.upn)) || [],
    };
  });
  const flagged = tracked.filter((t) => t.band !== 'none');

  const groups = new Map<string, { regGroup: string; year: number }>();
  for (const p of roll) if (!groups.has(p.regGroup)) groups.set(p.regGroup, { regGroup: p.regGroup, year: p.year });
  const formTutors = Array.from(groups.values()).map((g) => ({
    regGroup: g.regGroup, year: g.year, tutor: resolveOwner('Form tutor', { regGroup: g.regGroup }, staff),
    pupils: flagged.filter((t) => t.regGroup === g.regGroup),
  }));

  const years = Array.from(new Set(roll.map((p) => p.year))).sort((a, b) => a - b);
  const headsOfYear = years.map((y) => ({
    year: y, hoy: resolveOwner('Head of Year', { year: y }, staff), pupils: flagged.filter((t) => t.year === y),
  }));
  const byYear = years.map((y) => {
    const inYear = tracked.filter((t) => t.year === y);
    return {
      year: y, onRoll: inYear.length, misses: sum(inYear.map((t) => t.misses)),
      pink: inYear.filter((t) => t.band === 'pink').length, red: inYear.filter((t) => t.band === 'red').length,
      persistent: inYear.filter((t) => t.persistent).length,
    };
  });
  const trend = hw.weeks.map((w, j) => {
    let misses = 0, pink = 0, red = 0;
    hw.pupils.forEach((ph) => {
      const wk = ph.weeks[j];
      misses += wk.misses;
      if (wk.band === 'pink') pink++;
      if (wk.band === 'red') red++;
    });
    return { weekStart: w, misses, pink, red };
  });

  const subjects = new Map<string, { subject: string; misses: number; classes: Map<string, { className: string; teacher: string; misses: number }> }>();
  for (const e of weekMisses) {
    const sk = e.subject.trim().toLowerCase();
    let s = subjects.get(sk);
    if (!s) subjects.set(sk, (s = { subject: e.subject.trim(), misses: 0, classes: new Map() }));
    s.misses++;
    const ck = String(e.className || '').trim();
    let c = s.classes.get(ck);
    if (!c) s.classes.set(ck, (c = { className: ck, teacher: String(e.teacher || '').trim(), misses: 0 }));
    c.misses++;
  }
  const curriculumLeaders = Array.from(subjects.values())
    .sort((a, b) => a.subject.localeCompare(b.subject))
    .map((s) => ({
      subject: s.subject, cl: resolveOwner('Curriculum leader', { subject: s.subject }, staff), misses: s.misses,
      classes: Array.from(s.classes.values()).sort((a, b) => b.misses - a.misses || a.className.localeCompare(b.className)),
    }));

  const missed = tracked.filter((t) => t.misses > 0);
  return {
    weekStart: weekStartDate,
    formTutors,
    headsOfYear,
    slt: { byYear, trend },
    curriculumLeaders,
    cohorts: { pp: missed.filter((t) => t.pp), eal: missed.filter((t) => t.eal), sen: missed.filter((t) => t.sen) },
  };
}

export interface PpTermReportRow extends PupilRef {
  totalMisses: number;
  weeks: Array<{ weekStart: IsoDate; misses: number; band: Band; bySubject: Record<string, number> }>;
  persistent: boolean;
  /** Homework interventions for the pupil dated within the term, with their status. */
  interventions: Array<{ date: IsoDate; action: string; owner: string; status: string; outcome: string }>;
}

/**
 * The termly PP missed-homework report (seed 000): every PP pupil on roll, their misses by school
 * week and subject between `from` and `to` (inclusive), and the homework interventions raised.
 */
export function ppTermReport(hw: HomeworkWeeks, pupils: Pupil[], interventions: Intervention[], from: IsoDate, to: IsoDate, asOf: IsoDate): PpTermReportRow[] {
  const pp = Array.from(rollIndex(pupils, asOf).values()).filter((p) => p.pp).sort(comparePupils);
  const wanted = new Set(pp.map((p) => normUpn(p.upn)));
  const weekIdx: number[] = [];
  hw.weeks.forEach((w, j) => { if (addSix(w) >= from && w <= to) weekIdx.push(j); });

  const subj = new Map<string, Map<IsoDate, Record<string, number>>>();
  for (const e of hw.sorted.misses) {
    const k = normUpn(e.upn);
    if (!wanted.has(k) || e.date < from || e.date > to) continue;
    let byWeek = subj.get(k);
    if (!byWeek) subj.set(k, (byWeek = new Map()));
    const w = weekStart(e.date); // always a tracked week: trackedWeeks adds every logged week
    const rec = byWeek.get(w) || {};
    rec[e.subject] = (rec[e.subject] || 0) + 1;
    byWeek.set(w, rec);
  }
  const ints = new Map<string, PpTermReportRow['interventions']>();
  for (const x of interventions) {
    const k = normUpn(x.upn);
    if (!wanted.has(k) || x.area !== 'Homework' || x.date < from || x.date > to) continue;
    const list = ints.get(k) || [];
    list.push({ date: x.date, action: x.action, owner: x.owner, status: x.status, outcome: x.outcome });
    ints.set(k, list);
  }

  return pp.map((p) => {
    const k = normUpn(p.upn);
    const ph = hw.pupils.get(k);
    const byWeek = subj.get(k);
    const weeks = weekIdx.map((j) => {
      const w = hw.weeks[j];
      const bySubject = (byWeek && byWeek.get(w)) || {};
      const misses = sum(Object.keys(bySubject).map((s) => bySubject[s]));
      return { weekStart: w, misses, band: ph ? ph.weeks[j].band : ('none' as Band), bySubject };
    });
    return {
      upn: p.upn, name: listName(p), year: p.year, regGroup: p.regGroup,
      totalMisses: sum(weeks.map((w) => w.misses)), weeks, persistent: !!(ph && ph.persistent),
      interventions: (ints.get(k) || []).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    };
  });
}

/** Sunday of the Monday-to-Sunday week. */
function addSix(monday: IsoDate): IsoDate {
  return addDays(monday, 6);
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
