/**
 * One family's copy of a letter, ready to merge: the template's field values from the pupil's real
 * figures (attendance, lates, homework weeks), the review date of the letter's own rung, and which
 * conditional paragraphs it has (core/letters/wordingChoice.ts).
 */
import { IsoDate } from '../dates';
import { LetterContext } from './fields';
import { PlannedLetter, parseLetterKey } from './plan';
import { templateTypeOf } from './defaultTemplates';
import { WORDING } from './wording';
import { signatoryFor } from './signatory';
import { Conditions } from './conditions';
import { letterConditions } from './wordingChoice';
import { LetterType, Pupil } from '../types';
import { academicYearOfDate } from '../calendar/academicYear';
import { tierOf } from '../attendance/lists';
import { LetterSources } from './sources';
import { homeworkFigures, homeworkWeeksOf } from './homeworkFigures';
import { absenceFacts, indexes } from './candidates';
import { normUpn } from '../pupils/names';

/** The date a period starts: "episode-2024-01-08" → 2024-01-08 ('' when it does not say). */
function periodStart(period: string): IsoDate {
  const m = /(\d{4}-\d{2}-\d{2})$/.exec(period);
  return m ? m[1] : '';
}

/** One letter of a run, ready to merge: its field values and which conditional paragraphs it has. */
export interface LetterInputs {
  ctx: LetterContext;
  conditions: Conditions;
}

/** Everything the template's fields need for one family's copy of a letter. */
export function letterInputs(letter: PlannedLetter, pupil: Pupil, s: LetterSources, idx: ReturnType<typeof indexes>, panel?: LetterContext['panel']): LetterInputs {
  const type = letter.type;
  const u = normUpn(pupil.upn);
  const r = idx.review.get(u);
  const ht = s.review.halfTerm;
  const cal = s.review.calendar;
  const rules = s.settings.attendance;
  const wording = WORDING[templateTypeOf(type)];
  const ctx: LetterContext = {
    pupil,
    addressee: letter.addressee,
    signedBy: signatoryFor(wording.voice, pupil.year, s.staff, s.settings.school),
    panel,
    school: s.settings.school,
    rules,
    type,
    asOf: s.asOf,
    halfTerm: ht ? { name: ht.name, start: ht.start, end: ht.end } : undefined,
  };
  if (r) {
    const f = r.figures;
    ctx.attendance = {
      possible: f.possible,
      attended: f.attended,
      authorised: f.authorised,
      unauthorised: f.unauthorised,
      percent: f.percent === null ? undefined : f.percent,
      lates: f.lates,
      stage: r.stage || undefined,
      sessionsNeeded: r.projection && r.projection.sessionsNeeded !== null ? r.projection.sessionsNeeded : undefined,
    };
    const tier = tierOf(r.stage, r.pa);
    if (tier) ctx.tier = tier;
  }
  // One review date per letter, from the letter's own rung: every paragraph shows the same date.
  const weeks = type === 'AT1' ? rules.at1MonitorWeeks : type === 'AT2' ? rules.at2MonitorWeeks : type === 'panel' ? rules.panelMonitorWeeks : 0;
  ctx.reviewDue = weeks ? cal.addSchoolWeeks(s.asOf, weeks) : ht && ht.end >= s.asOf ? ht.end : cal.addSchoolWeeks(s.asOf, rules.at1MonitorWeeks);
  const late = idx.lists.punctuality.get(u);
  if (late) ctx.lates = { count: late.count, dates: uniqueDates(late.dates) };
  const ltl = idx.lists.lateToLesson.get(u);
  if (ltl) ctx.latesToLesson = { count: ltl.count, dates: uniqueDates(ltl.dates) };
  if (type === 'homework') {
    ctx.homework = homeworkFigures(s, u);
    ctx.homeworkWeeks = homeworkWeeksOf(s, u);
  }
  const starts: Partial<Record<LetterType, IsoDate>> = {};
  letter.keys.forEach((k, i) => { starts[letter.covers[i]] = periodStart(parseLetterKey(k).period); });
  const conditions = letterConditions({
    main: type, covers: letter.covers, facts: r ? absenceFacts(r) : null,
    legalFromUnauthorised: s.settings.letters.legalWordingFromUnauthorised,
    log: s.log, upn: u, periodStart: starts, asOf: s.asOf, yearStart: academicYearOfDate(s.asOf, s.settings).start,
  });
  return { ctx, conditions };
}

/** "2024-01-10 AM" / "2024-01-10 P3" → the distinct dates. */
function uniqueDates(entries: string[]): IsoDate[] {
  const out: IsoDate[] = [];
  for (const e of entries) {
    const d = e.slice(0, 10);
    if (out.indexOf(d) < 0) out.push(d);
  }
  return out;
}

