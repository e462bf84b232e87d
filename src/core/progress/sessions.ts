/**
 * Y11 after-school and lunchtime sessions (SPEC §7, seed 003). Staff request a pupil for a
 * session; a member of the leadership team meets that day's pupils and tells them where to be;
 * a register is taken; each non-attendance is followed up once by the leadership team and the
 * pupil's mentor (key SS|missed|<upn>|<subject>|<date>).
 */
import { IsoDate, toUk } from '../dates';
import { Intervention, Pupil } from '../types';
import { SessionRegisterEntry, SessionRequest } from './records';
import { normUpn, listName } from '../pupils/names';
import { comparePupils, rollIndex } from '../pupils/roll';
import { normText } from '../text';

export const SESSIONS_AREA = 'Sessions';

export interface DayListRow {
  upn: string;
  name: string;
  regGroup: string;
  mentor: string;
  slot: string;
  time: string;
  subject: string;
  teacher: string;
  requestedBy: string;
}

/** Lunchtime comes before after school in the day. */
function slotOrder(slot: string): number {
  const s = normText(slot);
  return s.indexOf('lunch') >= 0 ? 0 : s.indexOf('after') >= 0 ? 1 : 2;
}

/** The day's list for the leadership team: by slot, time, then pupil; one row per pupil + subject. */
export function sessionDayList(requests: SessionRequest[], date: IsoDate, pupils: Pupil[]): DayListRow[] {
  const roll = rollIndex(pupils, date);
  const seen = new Set<string>();
  const rows: Array<{ row: DayListRow; pupil: Pupil }> = [];
  for (const r of requests) {
    if (r.date !== date) continue;
    const pupil = roll.get(normUpn(r.upn));
    const k = `${normUpn(r.upn)}|${normText(r.subject)}`;
    if (!pupil || seen.has(k)) continue;
    seen.add(k);
    rows.push({
      pupil,
      row: {
        upn: pupil.upn, name: listName(pupil), regGroup: pupil.regGroup, mentor: pupil.mentor, slot: r.slot,
        time: String(r.time || '').trim(), subject: r.subject, teacher: r.teacher, requestedBy: r.requestedBy,
      },
    });
  }
  rows.sort((a, b) => slotOrder(a.row.slot) - slotOrder(b.row.slot) || a.row.time.localeCompare(b.row.time) || comparePupils(a.pupil, b.pupil));
  return rows.map((x) => x.row);
}

export interface SessionFollowUps {
  /** One per non-attendance, keyed so a re-run follows up nothing twice. */
  interventions: Intervention[];
  /** Requested sessions up to asOf with no register mark: the register still has to be taken. */
  notRegistered: SessionRequest[];
}

/**
 * Non-attenders (register Attended = No, on or before asOf, not already followed up) as
 * Interventions for the leadership team and the mentor; requested sessions with no mark listed.
 */
/** The Interventions key of a missed session: SS|missed|<upn>|<subject>|<date>. */
export function missedSessionKey(upn: string, subject: string, date: IsoDate): string {
  return `SS|missed|${upn}|${subject}|${date}`;
}

/** The parts of a missedSessionKey (a subject may itself hold "|": the date is the last part). */
export function parseMissedSessionKey(key: string): { upn: string; subject: string; date: IsoDate } {
  const parts = key.split('|');
  return { upn: parts[2], subject: parts.slice(3, -1).join('|'), date: parts[parts.length - 1] };
}

export function sessionFollowUps(requests: SessionRequest[], register: SessionRegisterEntry[], pupils: Pupil[], asOf: IsoDate): SessionFollowUps {
  const roll = rollIndex(pupils, asOf);
  const marked = new Set<string>();
  const out: SessionFollowUps = { interventions: [], notRegistered: [] };
  const keys = new Set<string>();
  for (const r of register) {
    const k = `${normUpn(r.upn)}|${normText(r.subject)}|${r.date}`;
    const att = normText(r.attended);
    if (att === 'yes' || att === 'no') marked.add(k);
    if (att !== 'no' || r.date > asOf || (r.followedUp && String(r.followedUp).trim())) continue;
    const p = roll.get(normUpn(r.upn));
    if (!p) continue;
    const key = missedSessionKey(p.upn, r.subject, r.date);
    if (keys.has(key)) continue;
    keys.add(key);
    const mentor = String(p.mentor || '').trim();
    out.interventions.push({
      key, date: asOf, upn: p.upn, area: SESSIONS_AREA, action: `Missed ${r.subject} session on ${toUk(r.date)}: follow up`,
      owner: mentor ? `SLT and mentor: ${mentor}` : 'SLT', due: '', status: 'Open', outcome: '',
      entryValue: `${r.subject} ${toUk(r.date)}`, exitValue: '',
    });
  }
  for (const q of requests) {
    if (q.date > asOf || !roll.has(normUpn(q.upn))) continue;
    if (!marked.has(`${normUpn(q.upn)}|${normText(q.subject)}|${q.date}`)) out.notRegistered.push(q);
  }
  return out;
}
