/**
 * Two legal thresholds (SPEC §4.3; DfE national framework for penalty notices, August 2024).
 *
 * Penalty notice threshold: `penaltySessions` (10) or more sessions coded with a penalty code
 * (settings: G N O U) within any rolling `penaltyWindowWeeks` (10) **school** weeks. A holiday week
 * has no sessions, so it is not a school week and the window stretches across it (and across
 * terms). When several windows qualify, the latest is reported: it is the freshest evidence.
 *
 * Notify the local authority: `consecutiveDaysForLa` (10) school days in a row absent without
 * permission. Rule chosen: a school day counts when the pupil has at least one possible session that
 * day and **every** possible session that day is an unauthorised absence (G N O U; an N counts as
 * unauthorised until it is recoded) — so on a normal day both sessions. A day on which the pupil
 * attended or was absent with permission in either session breaks the run: the pupil was in school,
 * or away with leave, for part of that day. A day with no possible session for the pupil (not
 * counted codes, a blank, no row) neither extends nor breaks the run. The latest qualifying run is
 * reported.
 */
import { IsoDate, addDays } from '../dates';
import { Settings } from '../settings';
import { SchoolCalendar } from '../calendar/schoolWeeks';
import { PupilMarks } from './register';
import { normaliseCode } from './codes';

export interface PenaltyWindow {
  sessions: number; // penalty-code sessions inside the window
  from: IsoDate; // Monday of the window's first school week
  to: IsoDate; // Sunday of the window's last school week
  marks: string[]; // "2024-01-10 AM G", one per session, oldest first
}

export function penaltyWindow(pm: PupilMarks, cal: SchoolCalendar, settings: Settings): PenaltyWindow | null {
  const weeks = cal.schoolWeeks.length;
  const size = Math.max(1, settings.attendance.penaltyWindowWeeks);
  const need = settings.attendance.penaltySessions;
  if (!weeks || need <= 0) return null;
  const penaltyCodes = new Set(settings.attendance.penaltyCodes.map(normaliseCode));
  const perWeek = new Int32Array(weeks);
  let any = false;
  for (let i = 0; i < pm.codes.length; i++) {
    if (pm.weekIdx[i] >= 0 && penaltyCodes.has(pm.codes[i])) {
      perWeek[pm.weekIdx[i]]++;
      any = true;
    }
  }
  if (!any) return null;
  // Slide a window of `size` school weeks; keep the latest one that reaches the threshold.
  let sum = 0;
  let best = -1;
  for (let end = 0; end < weeks; end++) {
    sum += perWeek[end];
    if (end - size >= 0) sum -= perWeek[end - size];
    if (sum >= need) best = end;
  }
  if (best < 0) return null;
  const first = Math.max(0, best - size + 1);
  const out: string[] = [];
  let count = 0;
  for (let i = 0; i < pm.codes.length; i++) {
    const w = pm.weekIdx[i];
    if (w >= first && w <= best && penaltyCodes.has(pm.codes[i])) {
      count++;
      out.push(`${pm.marks[i].date} ${pm.marks[i].session} ${pm.codes[i]}`);
    }
  }
  return { sessions: count, from: cal.schoolWeeks[first], to: addDays(cal.schoolWeeks[best], 6), marks: out };
}

export interface AbsentRun {
  days: number;
  from: IsoDate; // first school day of the run
  to: IsoDate; // last school day of the run
}

export function unauthorisedRun(pm: PupilMarks, settings: Settings): AbsentRun | null {
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
  return need > 0 ? latest : null;
}
