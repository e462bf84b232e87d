/**
 * The fields a letter template may use, and how each is worked out for one pupil. Field names are
 * case-sensitive as written here. The UPN is deliberately not a field: it is the school's key, not
 * something to print in a letter to parents.
 *
 * Scope decides where a field may go: a merged run shares one header and footer across every
 * letter, so only `school` fields (the same in every letter, always) and `run` fields (the same for
 * every letter in one run: the date, the thresholds from the settings) may go there.
 */
import { IsoDate, toLongUk } from '../dates';
import { DEFAULT_SETTINGS, Settings, TermDates } from '../settings';
import { LetterType, Pupil } from '../types';
import { academicYearText, countText, datesText, listText, percentText, thresholdText } from './format';
import { Addressee, addressLines, studentsTabAddressee } from './addressees';
import { CONDITIONS } from './conditions';

/**
 * `condition` fields start a paragraph that is in the letter only when they hold (conditions.ts);
 * they print nothing.
 */
export type FieldScope = 'school' | 'run' | 'pupil' | 'condition';

export interface FieldDef {
  name: string;
  scope: FieldScope;
  help: string;
}

export type Stage = 'reward' | 'level1' | 'level2';

export interface AttendanceFigures {
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  /** As the attendance rules computed it; worked out from attended ÷ possible when absent. */
  percent?: number;
  lates?: number;
  stage?: Stage;
  /** Sessions the pupil must attend to get back above the next threshold by the end of the half term. */
  sessionsNeeded?: number;
  reviewDue?: IsoDate;
}

export interface HomeworkFigures {
  missesThisHalfTerm: number;
  weeksPink: number;
  weeksRed: number;
  subjects: string[];
}

/** A homework week that led to the letter: its Monday, the pieces missed, the subjects. */
export interface HomeworkWeek {
  weekStart: IsoDate;
  misses: number;
  subjects: string[];
}

export interface LetterContext {
  pupil: Pupil;
  /** Who this copy of the letter goes to; the Students tab's parent when not given. */
  addressee?: Addressee;
  /** Whose voice the letter is in and who signs it; the school's signatory (Settings) when not given. */
  signedBy?: { name: string; role: string };
  /** The governors' attendance panel the letter invites to (entered in the preview). */
  panel?: { date?: string; time?: string; place?: string };
  school: Settings['school'];
  /** The thresholds named in the wording; the SPEC defaults when not given. */
  rules?: Settings['attendance'];
  /** The letter being made; decides the monitoring period named in the letter. */
  type?: LetterType;
  asOf: IsoDate;
  halfTerm?: TermDates;
  attendance?: AttendanceFigures;
  homework?: HomeworkFigures;
  /** The school weeks that caused a homework concern letter, oldest first. */
  homeworkWeeks?: HomeworkWeek[];
  tier?: 1 | 2 | 3;
  /** `L` marks (late to school) in the half term. */
  lates?: { count: number; dates: IsoDate[] };
  /** Lates to Lesson rows in the half term. */
  latesToLesson?: { count: number; dates: IsoDate[] };
  targets?: { attendancePercent?: number };
  /** The next review of whatever the letter is about; for attendance letters `attendance.reviewDue` will do. */
  reviewDue?: IsoDate;
}

export const FIELDS: FieldDef[] = [
  { name: 'SchoolName', scope: 'school', help: "The school's name (Settings › School)." },
  { name: 'SchoolAddress', scope: 'school', help: "The school's address, one line per line." },
  { name: 'SchoolPhone', scope: 'school', help: "The school's telephone number." },
  { name: 'Signatory', scope: 'pupil', help: "Who signs this letter: the pupil's Head of Year (Staff tab) for most letters, the attendance officer for panel and EWO letters; the signatory in Settings when the Staff tab names nobody." },
  { name: 'SignatoryRole', scope: 'pupil', help: "The signatory's role, e.g. Head of Year 9, Attendance Officer." },
  { name: 'Date', scope: 'run', help: 'The date of the run, written out: Friday 26 January 2024.' },
  { name: 'AcademicYear', scope: 'run', help: 'The academic year, e.g. 2023/24.' },
  { name: 'HalfTerm', scope: 'run', help: 'The name of the current half term, from the settings.' },
  { name: 'RewardThreshold', scope: 'run', help: 'Attendance above this is rewarded (setting, e.g. 97%).' },
  { name: 'Level1Threshold', scope: 'run', help: 'Attendance below this is cause for concern level 2 (setting, e.g. 94%).' },
  { name: 'PersistentAbsenceThreshold', scope: 'run', help: 'Absence of this or more is persistent absence (setting, e.g. 10%).' },
  { name: 'PunctualityLates', scope: 'run', help: 'Lates to school in a half term that lead to a punctuality letter (e.g. 5).' },
  { name: 'LateToLessonCount', scope: 'run', help: 'Lates to lessons in a half term that lead to a letter (e.g. 5).' },
  { name: 'MonitorWeeks', scope: 'pupil', help: 'School weeks the pupil is monitored for after this letter (AT1 4, AT2 4, panel 5).' },
  { name: 'PanelDate', scope: 'run', help: "The date of the governors' attendance panel, as entered in the preview (a line to write on when blank)." },
  { name: 'PanelTime', scope: 'run', help: 'The time of the panel, as entered in the preview.' },
  { name: 'PanelPlace', scope: 'run', help: 'Where the panel meets, as entered in the preview.' },
  { name: 'PupilName', scope: 'pupil', help: "The pupil's forename and surname." },
  { name: 'PupilForename', scope: 'pupil', help: "The pupil's forename." },
  { name: 'PupilSurname', scope: 'pupil', help: "The pupil's surname." },
  { name: 'Year', scope: 'pupil', help: "The pupil's year group as a number, e.g. 9." },
  { name: 'RegGroup', scope: 'pupil', help: "The pupil's reg group." },
  { name: 'Addressee', scope: 'pupil', help: 'Who this copy is addressed to, as on an envelope: "Mr J Jones", "Mr J Jones and Ms K Smith" (Contacts tab, else the Students tab\'s Parent Name).' },
  { name: 'Salutation', scope: 'pupil', help: '"Dear Mr Jones", "Dear Mr Jones and Ms Smith"; "Dear Parent/Carer" when no name is known.' },
  { name: 'ParentName', scope: 'pupil', help: 'The names of the people this copy goes to, as recorded ("Parent/Carer" when none). Older templates used it; {{Addressee}} and {{Salutation}} read better.' },
  { name: 'Address', scope: 'pupil', help: "The address this copy goes to, one line per line." },
  { name: 'AttendancePercent', scope: 'pupil', help: 'Attendance to 1 decimal place, e.g. 94.4%.' },
  { name: 'AbsencePercent', scope: 'pupil', help: 'Absence to 1 decimal place, e.g. 5.6%.' },
  { name: 'SessionsPossible', scope: 'pupil', help: 'Sessions (half days) the pupil could have attended.' },
  { name: 'SessionsAttended', scope: 'pupil', help: 'Sessions attended.' },
  { name: 'SessionsMissed', scope: 'pupil', help: 'Sessions missed (possible − attended).' },
  { name: 'Authorised', scope: 'pupil', help: 'Sessions of authorised absence.' },
  { name: 'Unauthorised', scope: 'pupil', help: 'Sessions of unauthorised absence.' },
  { name: 'Stage', scope: 'pupil', help: 'Where attendance stands: above target / cause for concern level 1 / level 2.' },
  { name: 'ReviewDate', scope: 'pupil', help: 'When the concern in the letter will next be reviewed, written out.' },
  { name: 'SessionsNeeded', scope: 'pupil', help: 'Sessions to attend to get back above the next threshold by the end of the half term.' },
  { name: 'AttendanceTarget', scope: 'pupil', help: 'The attendance target agreed with the family, e.g. 96.0%.' },
  { name: 'Lates', scope: 'pupil', help: 'Times late to school (L marks) this half term.' },
  { name: 'LateDates', scope: 'pupil', help: 'The dates the pupil was late to school, dd/mm/yyyy.' },
  { name: 'LatesToLesson', scope: 'pupil', help: 'Times late to lessons this half term.' },
  { name: 'LateToLessonDates', scope: 'pupil', help: 'The dates the pupil was late to lessons, dd/mm/yyyy.' },
  { name: 'HomeworkMisses', scope: 'pupil', help: 'Pieces of homework missed this half term.' },
  { name: 'WeeksPink', scope: 'pupil', help: 'School weeks on pink (2 misses) this half term.' },
  { name: 'WeeksRed', scope: 'pupil', help: 'School weeks on red (3 or more misses) this half term.' },
  { name: 'Subjects', scope: 'pupil', help: 'Subjects with missed homework, e.g. English, Maths and Science.' },
  { name: 'HomeworkWeeks', scope: 'pupil', help: 'The school weeks that led to the letter, one a line: "Week beginning Monday 8 January 2024: 2 pieces missed (English, Maths)".' },
  { name: 'Tier', scope: 'pupil', help: 'The attendance tier number: 1, 2 or 3.' },
  { name: 'TierName', scope: 'pupil', help: 'The tier written out, e.g. Tier 3 (persistent absence).' },
  ...CONDITIONS.map((c): FieldDef => ({ name: c.name, scope: 'condition', help: c.help })),
];

/** Field → one line for the settings sidebar. */
export const FIELD_HELP: Record<string, string> = {};
for (const f of FIELDS) FIELD_HELP[f.name] = f.help;

export const FIELD_NAMES: string[] = FIELDS.map((f) => f.name);

const SCOPE: Record<string, FieldScope> = {};
for (const f of FIELDS) SCOPE[f.name] = f.scope;

export function isKnownField(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(SCOPE, name);
}

/** True for fields that are the same in every letter of a run, so may go in a header or footer. */
export function isSharedField(name: string): boolean {
  return SCOPE[name] === 'school' || SCOPE[name] === 'run';
}

const TIER_NAMES: Record<number, string> = {
  1: 'Tier 1 (cause for concern level 1)',
  2: 'Tier 2 (cause for concern level 2)',
  3: 'Tier 3 (persistent absence)',
};

const STAGE_NAMES: Record<Stage, string> = {
  reward: 'above target',
  level1: 'cause for concern level 1',
  level2: 'cause for concern level 2',
};

/** Every field's value for one letter; a field with no figures behind it is ''. */
export function letterFields(ctx: LetterContext): Record<string, string> {
  const rules = ctx.rules || DEFAULT_SETTINGS.attendance;
  const p = ctx.pupil;
  const a = ctx.attendance;
  const v: Record<string, string> = {};
  for (const name of FIELD_NAMES) v[name] = '';

  v.SchoolName = ctx.school.name;
  v.SchoolAddress = lines(ctx.school.address);
  v.SchoolPhone = ctx.school.phone;
  v.Signatory = ctx.signedBy && ctx.signedBy.name.trim() ? ctx.signedBy.name.trim() : ctx.school.signatory;
  v.SignatoryRole = ctx.signedBy && ctx.signedBy.name.trim() ? ctx.signedBy.role : ctx.school.signatoryRole;

  v.Date = toLongUk(ctx.asOf);
  v.AcademicYear = academicYearText(ctx.asOf);
  v.HalfTerm = ctx.halfTerm ? ctx.halfTerm.name : '';
  v.RewardThreshold = thresholdText(rules.rewardAbove);
  v.Level1Threshold = thresholdText(rules.level1From);
  v.PersistentAbsenceThreshold = thresholdText(rules.persistentAbsenceFrom);
  v.PunctualityLates = countText(rules.punctualityLates);
  v.LateToLessonCount = countText(rules.lateToLessonCount);
  v.MonitorWeeks = monitorWeeks(ctx.type, rules);
  // A blank panel detail prints a line to write on, never an empty "Date:".
  const panel = ctx.panel || {};
  const line = '____________________';
  v.PanelDate = (panel.date || '').trim() || line;
  v.PanelTime = (panel.time || '').trim() || line;
  v.PanelPlace = (panel.place || '').trim() || line;

  const forename = p.forename.trim();
  const surname = p.surname.trim();
  v.PupilName = [forename, surname].filter((s) => s !== '').join(' ');
  v.PupilForename = forename;
  v.PupilSurname = surname;
  v.Year = countText(p.year);
  v.RegGroup = p.regGroup.trim();
  const to = ctx.addressee || studentsTabAddressee(p);
  v.Addressee = to.addressee;
  v.Salutation = to.salutation;
  v.ParentName = to.parentName;
  v.Address = to.address;

  if (a) {
    const percent = typeof a.percent === 'number' ? a.percent : a.possible > 0 ? (100 * a.attended) / a.possible : NaN;
    v.AttendancePercent = percentText(percent);
    v.AbsencePercent = isFinite(percent) ? percentText(100 - percent) : '';
    v.SessionsPossible = countText(a.possible);
    v.SessionsAttended = countText(a.attended);
    v.SessionsMissed = countText(a.possible - a.attended);
    v.Authorised = countText(a.authorised);
    v.Unauthorised = countText(a.unauthorised);
    v.Lates = countText(a.lates);
    v.Stage = a.stage ? STAGE_NAMES[a.stage] : '';
    v.SessionsNeeded = countText(a.sessionsNeeded);
    v.ReviewDate = a.reviewDue ? toLongUk(a.reviewDue) : '';
  }
  if (ctx.reviewDue) v.ReviewDate = toLongUk(ctx.reviewDue);
  if (ctx.targets && typeof ctx.targets.attendancePercent === 'number') v.AttendanceTarget = percentText(ctx.targets.attendancePercent);
  if (ctx.lates) {
    v.Lates = countText(ctx.lates.count);
    v.LateDates = datesText(ctx.lates.dates);
  }
  if (ctx.latesToLesson) {
    v.LatesToLesson = countText(ctx.latesToLesson.count);
    v.LateToLessonDates = datesText(ctx.latesToLesson.dates);
  }
  if (ctx.homework) {
    v.HomeworkMisses = countText(ctx.homework.missesThisHalfTerm);
    v.WeeksPink = countText(ctx.homework.weeksPink);
    v.WeeksRed = countText(ctx.homework.weeksRed);
    v.Subjects = listText(ctx.homework.subjects);
  }
  if (ctx.homeworkWeeks) v.HomeworkWeeks = ctx.homeworkWeeks.map(homeworkWeekText).join('\n');
  if (ctx.tier) {
    v.Tier = String(ctx.tier);
    v.TierName = TIER_NAMES[ctx.tier] || '';
  }
  return v;
}

function monitorWeeks(type: LetterType | undefined, rules: Settings['attendance']): string {
  if (type === 'AT1') return countText(rules.at1MonitorWeeks);
  if (type === 'AT2') return countText(rules.at2MonitorWeeks);
  if (type === 'panel') return countText(rules.panelMonitorWeeks);
  return '';
}

/** "Week beginning Monday 8 January 2024: 2 pieces of homework missed (English and Maths)". */
export function homeworkWeekText(w: HomeworkWeek): string {
  const pieces = w.misses === 1 ? '1 piece of homework missed' : `${w.misses} pieces of homework missed`;
  const subjects = w.subjects.length ? ` (${listText(w.subjects)})` : '';
  return `Week beginning ${toLongUk(w.weekStart)}: ${pieces}${subjects}`;
}

const lines = addressLines;
