/**
 * Mentoring records for Y10/Y11 (seed 003): monthly formal mentor meetings (a fifth of pupils
 * overdue), mentoring slips from subject staff, and Y11 after-school / lunchtime sessions with
 * their registers (some pupils did not turn up). Today's sessions have no register yet.
 */
import { IsoDate, addDays } from '../../src/core/dates';
import { Rng } from './random';
import { SamplePupil, SampleStaff } from './model';

export interface MeetingRow { date: IsoDate; upn: string; mentor: string; type: string; notes: string }
export interface SlipRow { date: IsoDate; upn: string; from: string; kind: string; comment: string; target: string }
export interface SessionRow { date: IsoDate; upn: string; slot: string; subject: string; time: string; teacher: string; requestedBy: string }
export interface RegisterRow { date: IsoDate; upn: string; subject: string; attended: string }

const MEETING_NOTES = ['Reviewed targets', 'Discussed revision timetable', 'Coursework deadline agreed', 'Parent joined by phone', 'Attendance discussed', 'Homework organisation', 'Mock results reviewed', ''];
const POSITIVE = ['Excellent effort in class this week', 'Great improvement in homework', 'Brilliant answer in the mock practice', 'Very helpful to others'];
const CONCERN = ['Coursework is behind', 'Off task in lessons', 'Missed two homework tasks', 'Struggling with the current topic'];
const TARGETS = ['Attend Thursday catch-up', 'Complete coursework draft by Friday', 'Use the revision guide each night', 'Ask for help early', ''];

const mentored = (p: SamplePupil) => !p.leavingDate && p.year >= 10;

/** The first school day on or after `d` (or undefined past the end). */
function onOrAfter(days: IsoDate[], d: IsoDate): IsoDate | undefined {
  return days.find((x) => x >= d);
}

export function generateMentorMeetings(rng: Rng, pupils: SamplePupil[], days: IsoDate[]): MeetingRow[] {
  const rows: MeetingRow[] = [];
  const start = days[Math.min(days.length - 1, 20)]; // meetings begin once the year has settled
  const asOf = days[days.length - 1];
  for (const p of pupils.filter(mentored)) {
    const overdue = rng.chance(0.2);
    const formal: IsoDate[] = [];
    let d = onOrAfter(days, addDays(start, rng.int(0, 14)));
    while (d && d <= asOf) {
      formal.push(d);
      d = onOrAfter(days, addDays(d, rng.int(24, 33)));
    }
    // Overdue pupils miss their latest meeting (the previous one is then more than a month ago).
    if (overdue) while (formal.length > 1 && formal[formal.length - 1] > addDays(asOf, -32)) formal.pop();
    for (const date of formal) rows.push({ date, upn: p.upn, mentor: p.mentor, type: 'Formal', notes: rng.pick(MEETING_NOTES) });
    const informal = rng.pick(days.filter((x) => x >= start));
    // One meeting per pupil per day (the tab's key): an informal chat on a formal day is not logged.
    if (rng.chance(0.3) && formal.indexOf(informal) < 0) rows.push({ date: informal, upn: p.upn, mentor: p.mentor, type: 'Informal', notes: 'Quick check-in' });
  }
  return rows.sort(byDate);
}

export function generateSlips(rng: Rng, pupils: SamplePupil[], days: IsoDate[]): SlipRow[] {
  const recent = days.slice(Math.max(0, days.length - 40));
  const rows: SlipRow[] = [];
  for (const p of pupils.filter(mentored)) {
    for (let n = rng.poisson(0.6); n > 0; n--) {
      const positive = rng.chance(0.55);
      rows.push({
        date: rng.pick(recent), upn: p.upn, from: rng.pick(p.classes).teacher.email,
        kind: positive ? 'Positive' : 'Concern', comment: rng.pick(positive ? POSITIVE : CONCERN), target: positive ? '' : rng.pick(TARGETS),
      });
    }
  }
  return rows.sort(byDate);
}

/** Y11 sessions over the last three school weeks, as-of week included. */
export function generateSessions(rng: Rng, pupils: SamplePupil[], days: IsoDate[], headsOfSubject: Record<string, SampleStaff>): { sessions: SessionRow[]; register: RegisterRow[] } {
  const y11 = pupils.filter((p) => !p.leavingDate && p.year === 11);
  const asOf = days[days.length - 1];
  const sessions: SessionRow[] = [];
  const register: RegisterRow[] = [];
  for (const date of days.slice(Math.max(0, days.length - 15))) {
    const subjects = rng.sample(['English', 'Maths', 'Science', 'History', 'Geography', 'French', 'Computing', 'Art', 'Drama'], 5);
    subjects.forEach((subject, k) => {
      const lunch = k < 2;
      const takers = y11.filter((p) => p.classes.some((c) => c.subject === subject));
      for (const p of rng.sample(takers, rng.int(6, 14))) {
        const cls = p.classes.find((c) => c.subject === subject)!;
        const requester = rng.chance(0.6) ? cls.teacher : headsOfSubject[subject] || cls.teacher;
        sessions.push({
          date, upn: p.upn, slot: lunch ? 'Lunchtime' : 'After school', subject,
          time: lunch ? '12:45-13:15' : '15:10-16:10', teacher: cls.teacher.name, requestedBy: requester.email,
        });
        if (date < asOf) register.push({ date, upn: p.upn, subject, attended: rng.chance(0.87) ? 'Yes' : 'No' });
      }
    });
  }
  return { sessions, register };
}

function byDate<T extends { date: IsoDate }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
