/**
 * The homework ladder (SPEC §3, seed 000) as Interventions rows. Every action has a stable key, so
 * a re-run proposes the same keys and `newInterventions` adds nothing twice:
 *   HW|detention|<upn>|<subject>|<date>   each miss → subject detention (class teacher, next school day)
 *   HW|cl|<upn>|<subject>|<date>          subject detention not attended → after-school CL detention
 *   HW|pink|<upn>|<weekStart>             pink week → FT checks the planner daily the next school week
 *   HW|red|<upn>|<weekStart>              red week → FT detention + daily planner check + parent contact
 *   HW|persistent|<upn>|<since>           persistent → HoY/YAM meeting + compulsory homework support
 * A red week gets the red action only (it includes the pink one). Persistence is keyed by the week
 * the current run of persistence began, so a pupil who stays persistent gets one meeting, and a new
 * one only after dropping out and coming back.
 */
import { addDays, IsoDate, toUk, weekday, weekStart } from '../dates';
import { Settings } from '../settings';
import { HomeworkMiss, Intervention, Pupil, StaffMember } from '../types';
import { ownerLabel, resolveOwner } from './owners';
import { HomeworkWeeks, PupilHomework } from './weeks';
import { normUpn } from '../pupils/names';
import { rollIndex } from '../pupils/roll';
import { normText } from '../text';

export const HOMEWORK_AREA = 'Homework';

export interface LadderInput {
  hw: HomeworkWeeks;
  pupils: Pupil[];
  asOf: IsoDate;
  settings: Settings;
  staff?: StaffMember[];
  /**
   * Pink/red actions for school weeks from this Monday on. Default: the school week before the
   * latest one, so a Monday run acts on last week without reviving old weeks on a first run.
   */
  fromWeek?: IsoDate;
  /** Detentions for misses from this date on. Default: the start of the persistence window. */
  missesFrom?: IsoDate;
}

/** The next weekday after `d` in a school week (weeks after the known calendar count as open). */
export function nextSchoolDay(d: IsoDate, schoolWeeks: IsoDate[]): IsoDate {
  const open = new Set(schoolWeeks);
  const lastKnown = schoolWeeks.length ? schoolWeeks[schoolWeeks.length - 1] : '';
  let n = addDays(d, 1);
  for (let i = 0; i < 366; i++, n = addDays(n, 1)) {
    if (weekday(n) >= 5) continue;
    const w = weekStart(n);
    if (w > lastKnown || open.has(w)) return n;
  }
  return addDays(d, 1);
}

/** The Monday of the school week after `w` (the next calendar week past the known calendar). */
function nextSchoolWeek(w: IsoDate, weeks: IsoDate[]): IsoDate {
  for (const x of weeks) if (x > w) return x;
  return addDays(w, 7);
}

function make(key: string, date: IsoDate, upn: string, action: string, owner: string, due: IsoDate | '', entryValue: string): Intervention {
  return { key, date, upn, area: HOMEWORK_AREA, action, owner, due, status: 'Open', outcome: '', entryValue, exitValue: '' };
}

/** What the form tutor / HoY does this week, in words (the tracker's "This Week Action"). */
export function weekActionText(ph: PupilHomework): string {
  const parts: string[] = [];
  if (ph.thisWeek.band === 'red') parts.push('FT detention, daily planner check, parent contact');
  else if (ph.thisWeek.band === 'pink') parts.push('FT monitoring: daily planner check next week');
  if (ph.persistent) parts.push('HoY/YAM meeting with parents, homework support referral');
  return parts.join('; ');
}

export function homeworkLadder(input: LadderInput): Intervention[] {
  const { hw, asOf, settings, staff } = input;
  const W = hw.weeks.length;
  const fromWeek = input.fromWeek || (W ? hw.weeks[Math.max(0, W - 2)] : weekStart(asOf));
  const missesFrom = input.missesFrom || (W ? hw.weeks[Math.max(0, W - settings.homework.persistentWindow)] : weekStart(asOf));
  const roll = rollIndex(input.pupils, asOf);
  const out: Intervention[] = [];

  for (const e of hw.sorted.misses) {
    if (e.date < missesFrom) continue;
    out.push(...missActions(e, hw.weeks, roll.get(normUpn(e.upn)) as Pupil, asOf, staff));
  }

  roll.forEach((p, upn) => {
    const ph = hw.pupils.get(upn);
    if (!ph) return;
    const ft = ownerLabel(resolveOwner('Form tutor', { regGroup: p.regGroup }, staff));
    for (const wk of ph.weeks) {
      if (wk.weekStart < fromWeek || wk.band === 'none') continue;
      const next = nextSchoolWeek(wk.weekStart, hw.weeks);
      const due = addDays(next, 4);
      const value = `${wk.misses} missed w/c ${toUk(wk.weekStart)}`;
      if (wk.band === 'red') {
        out.push(make(`HW|red|${p.upn}|${wk.weekStart}`, asOf, p.upn,
          `Form tutor detention, daily planner check w/c ${toUk(next)} and parent contact`, ft, due, value));
      } else {
        out.push(make(`HW|pink|${p.upn}|${wk.weekStart}`, asOf, p.upn,
          `Form tutor monitoring: check planner daily w/c ${toUk(next)}`, ft, due, value));
      }
    }
    if (ph.persistent) {
      const hoy = ownerLabel(resolveOwner('Head of Year', { year: p.year }, staff));
      const flagged = ph.weeks.slice(-settings.homework.persistentWindow).filter((w) => w.band !== 'none').length;
      out.push(make(`HW|persistent|${p.upn}|${ph.persistentSince}`, asOf, p.upn,
        'HoY/YAM meeting with pupil and parents; referral to compulsory homework support', hoy,
        addDays(asOf, 7), `Pink or red in ${flagged} of the last ${settings.homework.persistentWindow} school weeks`));
    }
  });
  return out;
}

function missActions(e: HomeworkMiss, weeks: IsoDate[], p: Pupil, asOf: IsoDate, staff?: StaffMember[]): Intervention[] {
  const out: Intervention[] = [];
  const what = `${e.subject} ${toUk(e.date)}: ${e.reason}`;
  const teacher = ownerLabel({ role: 'Class teacher', name: String(e.teacher || '').trim(), email: '' });
  out.push(make(`HW|detention|${p.upn}|${e.subject}|${e.date}`, e.date, p.upn, 'Subject detention (missed homework)',
    teacher, nextSchoolDay(e.date, weeks), what));
  if (normText(e.detentionAttended) === 'no') {
    const cl = ownerLabel(resolveOwner('Curriculum leader', { subject: e.subject }, staff));
    out.push(make(`HW|cl|${p.upn}|${e.subject}|${e.date}`, asOf, p.upn,
      'After-school CL detention (subject detention not attended)', cl, nextSchoolDay(asOf, weeks), what));
  }
  return out;
}

/** Only the proposals whose key is not already on the Interventions tab (nor repeated in the list). */
export function newInterventions(existing: Array<{ key: string }>, proposed: Intervention[]): Intervention[] {
  const seen = new Set(existing.map((x) => String(x.key).trim()));
  const out: Intervention[] = [];
  for (const p of proposed) {
    if (seen.has(p.key)) continue;
    seen.add(p.key);
    out.push(p);
  }
  return out;
}
