/**
 * The built-in sample school, "Hillside Academy" (made up): about 1,000 pupils in Years 7–11 and
 * their staff, as the exports a MIS would give — header row + rows of strings, dates dd/mm/yyyy,
 * SIMS-style headers (aliases on purpose) — so the demo feeds them through the same importers as
 * a real school's CSVs. Deterministic: the same options give the same tables, byte for byte.
 *
 * What each part holds and why is in the file that makes it (students, staff, marks, markEvents,
 * lettersLog, homework, lessonLates, progress, mentoring). `story` says which pupils were given
 * which special case, so the demo and tests can point at them without re-deriving.
 */
import * as path from 'path';
import { IsoDate, toUk } from '../../src/core/dates';
import { SettingsOverrides } from '../../src/core/settings';
import { Rng } from './random';
import { SAMPLE_AS_OF, SAMPLE_HALF_TERMS, schoolDaysUpTo } from './calendar';
import { generateStaff } from './staff';
import { CANARY, generatePupils, regGroupsFor, YEARS } from './students';
import { generateBaseMarks } from './marks';
import { applyMarkEvents, Story } from './markEvents';
import { generateLettersLog } from './lettersLog';
import { generateHomeworkLog, generateHomeworkSet } from './homework';
import { generateLessonLates } from './lessonLates';
import { generateProgress } from './progress';
import { generateMentorMeetings, generateSessions, generateSlips } from './mentoring';
import { SampleStaff, SCHOOL_DOMAIN } from './model';
import { toTables } from './tables';
import { generateLegalHistory } from './legal';
import { blankParents, generateContacts, linkSiblings } from './contacts';

export { CANARY } from './students';

export interface SampleOptions {
  seed?: number;
  pupils?: number;
  asOf?: IsoDate;
}

export interface SampleSchool {
  settings: SettingsOverrides;
  /** Tab name (src/core/tabs.ts) → header row + rows, as a CSV export reads: all strings. */
  tables: Record<string, string[][]>;
  asOf: IsoDate;
  /** Which pupils (UPNs) were given which special case, e.g. story.holidayThisTerm. */
  story: Story;
}

/** The QA calendar grid (seed 002, verbatim) the demo imports as the school's calendar. */
export const SAMPLE_QA_CALENDAR_FILE = path.join(__dirname, 'qa-calendar-seed002.txt');

export const SAMPLE_SETTINGS: SettingsOverrides = {
  school: {
    name: 'Hillside Academy',
    address: 'Hawthorn Road\nHillside\nHS1 4QT',
    phone: '01632 960 123', // Ofcom's range reserved for drama
    signatory: 'Mrs Helen Marsh',
    signatoryRole: 'Headteacher',
    allowedDomains: [SCHOOL_DOMAIN],
  },
  calendar: { halfTerms: SAMPLE_HALF_TERMS },
};

export function generateSampleSchool(opts: SampleOptions = {}): SampleSchool {
  const seed = opts.seed === undefined ? 2024 : opts.seed;
  const count = opts.pupils === undefined ? 1000 : opts.pupils;
  const asOf = opts.asOf || SAMPLE_AS_OF;
  const root = new Rng(seed);
  // One generator per part, forked up front, so each table is stable when another changes.
  const rng = {
    staff: root.fork('staff'), pupils: root.fork('pupils'), marks: root.fork('marks'), events: root.fork('events'),
    letters: root.fork('letters'), homework: root.fork('homework'), set: root.fork('set'), lates: root.fork('lates'),
    progress: root.fork('progress'), meetings: root.fork('meetings'), slips: root.fork('slips'), sessions: root.fork('sessions'),
    contacts: root.fork('contacts'),
  };
  const days = schoolDaysUpTo(asOf);
  if (days.length < 20) throw new Error(`The sample school needs at least 20 school days before the as-of date ${asOf}.`);

  const groups = regGroupsFor(count);
  const staff = generateStaff(rng.staff, YEARS, YEARS.reduce<string[]>((a, y) => a.concat(groups[y]), []), count);
  const pupils = generatePupils(rng.pupils, count, staff, days);
  // Families (issue 18): siblings share parents and an address; a few have no parent named.
  const elderOf = linkSiblings(rng.contacts, pupils);
  blankParents(rng.contacts, pupils, elderOf);
  const marks = generateBaseMarks(rng.marks, pupils, days, asOf);
  const story = applyMarkEvents(rng.events, pupils, marks, days);
  story.canary = [CANARY.upn];
  story.leavers = pupils.filter((p) => p.leavingDate).map((p) => p.upn);

  const headsOfSubject: Record<string, SampleStaff> = {};
  for (const dept of Object.keys(staff.teachersBy)) headsOfSubject[dept] = staff.teachersBy[dept][0];
  const letters = generateLettersLog(rng.letters, pupils, marks, days, staff.headOfYear);
  // Nobody misses homework on the first day of the year (and only Year 7 is in).
  const homework = generateHomeworkLog(rng.homework, pupils, days.slice(1), asOf);
  story.duplicateHomework = [homework.duplicate.upn, homework.duplicate.subject, homework.duplicate.date];
  const set = generateHomeworkSet(rng.set, pupils, days);
  story.underSettingClasses = set.underSetting;
  const lates = generateLessonLates(rng.lates, pupils, days);
  story.lateToLesson = lates.frequent;
  const sessions = generateSessions(rng.sessions, pupils, days, headsOfSubject);

  const tables = toTables({
    staff: staff.all, pupils, marks, days: days.map(toUk), letters, homework: homework.rows, set: set.rows,
    lates: lates.rows, progress: generateProgress(rng.progress, pupils),
    meetings: generateMentorMeetings(rng.meetings, pupils, days), slips: generateSlips(rng.slips, pupils, days),
    sessions: sessions.sessions, register: sessions.register,
    legal: generateLegalHistory(pupils, story, days, (staff.all.find((m) => m.roles.indexOf('Attendance officer') >= 0) || staff.all[0]).name),
  });
  // Every parent with parental responsibility (issue 18), as a SIMS contacts export.
  tables.Contacts = generateContacts(rng.contacts, pupils, elderOf);
  story.siblings = Array.from(elderOf.entries()).map(([younger, elder]) => `${younger}>${elder}`);
  return { settings: JSON.parse(JSON.stringify(SAMPLE_SETTINGS)), tables, asOf, story };
}

/**
 * The person at the keyboard in the job tests (the demo acts as the tracker's owner): the school's attendance officer, a
 * real row of the Staff table (the sidebars and menu serve staff on the Staff tab only).
 */
export function keyboardUser(tables: Record<string, string[][]>): string | null {
  const staff = tables.Staff;
  if (!staff || staff.length < 2) return null;
  const header = staff[0].map((h) => h.trim().toLowerCase());
  const role = header.indexOf('role');
  const email = header.indexOf('email');
  if (role < 0 || email < 0) return null;
  const row = staff.slice(1).find((r) => /attendance officer/i.test(r[role] || ''));
  return row ? row[email].trim().toLowerCase() : null;
}
