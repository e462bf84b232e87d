/** Small builders for the attendance tests (not a test file itself). */
import { IsoDate, addDays, weekday } from '../../../src/core/dates';
import { Settings, SettingsOverrides, withDefaults } from '../../../src/core/settings';
import { LetterLogEntry, Mark, Pupil, Session } from '../../../src/core/types';
import { buildCalendar, SchoolCalendar } from '../../../src/core/calendar/schoolWeeks';
import { pupilMarks, PupilMarks } from '../../../src/core/attendance/register';

/** Weekdays from `from` to `to` inclusive, skipping any date in `closed`. */
export function weekdays(from: IsoDate, to: IsoDate, closed: IsoDate[] = []): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekday(d) < 5 && closed.indexOf(d) < 0) out.push(d);
  return out;
}

/** Two marks a day; `code` decides each session's code. */
export function marksOn(upn: string, days: IsoDate[], code: string | ((d: IsoDate, s: Session, i: number) => string)): Mark[] {
  const out: Mark[] = [];
  days.forEach((d, i) => {
    for (const s of ['AM', 'PM'] as Session[]) {
      out.push({ upn, date: d, session: s, code: typeof code === 'string' ? code : code(d, s, 2 * i + (s === 'PM' ? 1 : 0)) });
    }
  });
  return out;
}

export function pupil(upn: string, over: Partial<Pupil> = {}): Pupil {
  return {
    upn, adno: '', forename: `F${upn}`, surname: `S${upn}`, year: 9, regGroup: '9A', pp: false, eal: false, sen: false,
    parentName: '', parentEmail: '', address: '', mentor: '', leavingDate: '', ...over,
  };
}

export function letter(type: string, upn: string, date: IsoDate, status = 'Produced'): LetterLogEntry {
  return { key: `${type}|${upn}|${date}`, date, type, upn, link: '', by: '', status };
}

export function settings(over: SettingsOverrides = {}): Settings {
  return withDefaults(over);
}

/** A calendar and one pupil's indexed marks, as the review would build them. */
export function indexed(marks: Mark[], openDays: IsoDate[], s: Settings = settings()): { cal: SchoolCalendar; pm: PupilMarks } {
  const cal = buildCalendar(openDays, s);
  return { cal, pm: pupilMarks(marks.length ? marks[0].upn : 'X', marks, cal) };
}

/**
 * Spring 2024 as an English school had it: spring 1 8 Jan–9 Feb, half term 12–16 Feb,
 * spring 2 19 Feb–28 Mar, Easter 29 Mar–12 Apr, summer 1 15 Apr–24 May.
 */
export const SPRING_1 = weekdays('2024-01-08', '2024-02-09');
export const SPRING_2 = weekdays('2024-02-19', '2024-03-28');
export const SUMMER_1 = weekdays('2024-04-15', '2024-05-24');
export const OPEN_2024 = [...SPRING_1, ...SPRING_2, ...SUMMER_1];
