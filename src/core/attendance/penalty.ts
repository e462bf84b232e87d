/**
 * Two legal thresholds (SPEC §4.3; DfE national framework for penalty notices, August 2024). Both
 * apply only to pupils of compulsory school age (compulsoryAge.ts) — the review decides that.
 *
 * Penalty notice threshold: `penaltySessions` (10) or more sessions coded with a penalty code
 * (settings: G N O U) within any rolling `penaltyWindowWeeks` (10) **school** weeks. A holiday week
 * has no sessions, so it is not a school week and the window stretches across it — across terms
 * and across the summer into the previous academic year. Reported: the date it was **first met**
 * (the session that brought a window to the threshold) and that window — the school weeks ending
 * with the week it was met, and every penalty session in them. It stays flagged until a Legal-tab
 * step answers it (legal.ts); after an answer, only later sessions count towards a new threshold.
 *
 * Notify the local authority: `consecutiveDaysForLa` (10) school days in a row absent without
 * permission. Rule chosen: a school day counts when the pupil has at least one possible session that
 * day and **every** possible session that day is an unauthorised absence (G N O U; an N counts as
 * unauthorised until it is recoded) — so on a normal day both sessions. A day on which the pupil
 * attended or was absent with permission in either session breaks the run: the pupil was in school,
 * or away with leave, for part of that day. A day with no possible session for the pupil (not
 * counted codes, a blank, no row) neither extends nor breaks the run, and holidays are not school
 * days, so a run continues across the summer. The latest qualifying run is reported, unless a
 * "LA notified" step dated on or after its first day answers it.
 */
import { IsoDate, addDays } from '../dates';
import { Settings } from '../settings';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { PupilMarks } from './register';
import { normaliseCode } from './codes';

export interface PenaltyWindow {
  /** The date of the session that first brought a window to the threshold. */
  firstMet: IsoDate;
  sessions: number; // penalty-code sessions inside the window
  from: IsoDate; // Monday of the window's first school week
  to: IsoDate; // Sunday of the window's last school week (the week it was met)
  marks: string[]; // "2024-01-10 AM G", one per session, oldest first
}

/**
 * The penalty threshold not yet answered, or null. `answeredOn`: dates (ascending) of Legal-tab
 * steps that answer the threshold (legal.ts `answerDates`).
 */
export function penaltyWindow(pm: PupilMarks, cal: SchoolCalendar, settings: Settings, answeredOn: IsoDate[] = []): PenaltyWindow | null {
  const size = Math.max(1, settings.attendance.penaltyWindowWeeks);
  const need = settings.attendance.penaltySessions;
  if (!cal.schoolWeeks.length || need <= 0) return null;
  const penaltyCodes = new Set(settings.attendance.penaltyCodes.map(normaliseCode));
  // The penalty sessions in date order (the marks are sorted), with their school week.
  const idx: number[] = [];
  for (let i = 0; i < pm.codes.length; i++) if (pm.weekIdx[i] >= 0 && penaltyCodes.has(pm.codes[i])) idx.push(i);
  if (idx.length < need) return null;

  let after = ''; // sessions on or before this date are spent (answered)
  let a = 0; // next answer to consider
  // A queue of the counted sessions' positions in `idx`; its length is the window's count.
  let head = 0;
  let tail: number;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    if (after && pm.marks[i].date <= after) continue;
    const w = pm.weekIdx[i];
    tail = k + 1;
    while (head < tail && (pm.weekIdx[idx[head]] <= w - size || (after !== '' && pm.marks[idx[head]].date <= after))) head++;
    if (tail - head < need) continue;
    const firstMet = pm.marks[i].date;
    while (a < answeredOn.length && answeredOn[a] < firstMet) a++;
    if (a < answeredOn.length) {
      // Answered: those sessions are spent; look again after the answering step.
      after = answeredOn[a++];
      head = tail;
      continue;
    }
    const first = Math.max(0, w - size + 1);
    const out: string[] = [];
    for (let j = head; j < idx.length && pm.weekIdx[idx[j]] <= w; j++) {
      const m = pm.marks[idx[j]];
      if (pm.weekIdx[idx[j]] >= first) out.push(`${m.date} ${m.session} ${pm.codes[idx[j]]}`);
    }
    return { firstMet, sessions: out.length, from: cal.schoolWeeks[first], to: addDays(cal.schoolWeeks[w], 6), marks: out };
  }
  return null;
}

export interface AbsentRun {
  days: number;
  from: IsoDate; // first school day of the run
  to: IsoDate; // last school day of the run
}

/** The latest run of `consecutiveDaysForLa` school days absent without permission, unless answered. */
export function unauthorisedRun(pm: PupilMarks, settings: Settings, answeredOn: IsoDate[] = []): AbsentRun | null {
  const need = settings.attendance.consecutiveDaysForLa;
  let latest: AbsentRun | null = null;
  let run: AbsentRun | null = null;
  const closeRun = () => {
    if (run && run.days >= need) latest = run;
    run = null;
  };
  let i = 0;
  const n = pm.marks.length;
  while (i < n) {
    const date = pm.marks[i].date;
    let possible = 0;
    let unauthorised = 0;
    for (; i < n && pm.marks[i].date === date; i++) {
      const c = pm.classes[i];
      if (c === 'present' || c === 'aea' || c === 'authorised') possible++;
      else if (c === 'unauthorised') {
        possible++;
        unauthorised++;
      }
    }
    if (possible === 0) continue; // neutral day
    if (unauthorised === possible) {
      if (run) {
        run.days++;
        run.to = date;
      } else run = { days: 1, from: date, to: date };
    } else closeRun();
  }
  closeRun();
  if (need <= 0 || !latest) return null;
  const from = (latest as AbsentRun).from;
  return answeredOn.some((d) => d >= from) ? null : latest;
}
