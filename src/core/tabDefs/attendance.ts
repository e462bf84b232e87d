/** Attendance (SPEC §4): the register's marks, the add-on's Attendance tab, the MIS's summary, lates to lessons and the legal steps. */
import type { TabDef } from '../tabs';
import { dateCol, HOY_OVERRIDE_OPTIONS, upnCol } from './columns';
import { LEGAL_OUTCOMES, LEGAL_STEPS } from '../legal/steps';

/**
 * The long form of session marks (a row per pupil, date and session) as MIS exports write it: an
 * import format (attendance-marks.csv, "Import - Attendance Marks"), merged into the Register. The
 * tracker keeps marks in the Register (issue 22); a tracker from before keeps its old tab and the
 * add-on still reads it (jobs/attendance/marks.ts).
 */
export const ATTENDANCE_MARKS: TabDef = { name: 'Attendance Marks', importOnly: true, key: ['upn', 'date', 'session'], columns: [
  upnCol,
  dateCol,
  { header: 'Session', field: 'session', kind: 'enum', options: ['AM', 'PM'], required: true },
  { header: 'Code', field: 'code', kind: 'enum', aliases: ['Mark'] },
] };

/**
 * Where the tracker keeps the marks (core/attendance/registerTab.ts): a row per pupil, a column per
 * school week "w/c 08/01/2024", each cell the week's ten marks "/\ /\ N\ C1C1 --". The week columns
 * are made by imports as weeks arrive.
 */
export const REGISTER: TabDef = { name: 'Register', key: ['upn'], columns: [
  upnCol,
  { header: 'Name', field: 'name', kind: 'text', owned: true },
  { header: 'Reg Group', field: 'regGroup', kind: 'text', owned: true },
] };

export const ATTENDANCE: TabDef = { name: 'Attendance', key: ['upn'], columns: [
  { ...upnCol, owned: true },
  { header: 'Name', field: 'name', kind: 'text', owned: true },
  { header: 'Year', field: 'year', kind: 'number', owned: true },
  { header: 'Reg Group', field: 'regGroup', kind: 'text', owned: true },
  { header: 'Possible', field: 'possible', kind: 'number', owned: true },
  { header: 'Present', field: 'attended', kind: 'number', owned: true },
  { header: 'Authorised', field: 'authorised', kind: 'number', owned: true },
  { header: 'Unauthorised', field: 'unauthorised', kind: 'number', owned: true },
  { header: 'L', field: 'lates', kind: 'number', owned: true },
  { header: 'U', field: 'uCount', kind: 'number', owned: true },
  { header: 'G', field: 'gCount', kind: 'number', owned: true },
  { header: '%', field: 'percent', kind: 'percent', owned: true },
  // Issue 17: the year's figures start here; the exact figure where it decides PA/SA.
  { header: 'Figures From', field: 'countedFrom', kind: 'date', owned: true },
  { header: 'Exact %', field: 'exactNote', kind: 'text', owned: true },
  { header: 'Stage', field: 'stage', kind: 'text', owned: true },
  { header: 'PA', field: 'pa', kind: 'yesno', owned: true },
  { header: 'SA', field: 'sa', kind: 'yesno', owned: true },
  { header: 'Compulsory School Age', field: 'compulsory', kind: 'yesno', owned: true },
  { header: 'Penalty Threshold', field: 'penalty', kind: 'yesno', owned: true },
  { header: 'Penalty First Met', field: 'penaltyFirstMet', kind: 'date', owned: true },
  { header: 'Penalty Window', field: 'penaltyWindow', kind: 'text', owned: true },
  { header: 'Notify LA', field: 'notifyLa', kind: 'yesno', owned: true },
  { header: 'Rung', field: 'rung', kind: 'text', owned: true },
  { header: 'Letters Due', field: 'lettersDue', kind: 'text', owned: true },
  // What the family was last sent about attendance: "AT1 + PA produced 26/01/2024" (issue 18).
  { header: 'Last Letter', field: 'lastLetter', kind: 'text', owned: true },
  { header: 'Held', field: 'held', kind: 'text', owned: true },
  { header: 'Next Action', field: 'nextAction', kind: 'text', owned: true },
  // Issue 19: what is due next in the pupil's legal case (core/legal/dueNext.ts).
  { header: 'Legal Next', field: 'legalNext', kind: 'text', owned: true },
  { header: 'Review Due', field: 'reviewDue', kind: 'date', owned: true },
  { header: 'Sessions Needed', field: 'sessionsNeeded', kind: 'text', owned: true },
  { header: 'Early Warning', field: 'earlyWarning', kind: 'text', owned: true },
  // Staff's: the Head of Year allows a ladder rung out of order (core/attendance/overrides.ts).
  { header: 'HoY Override', field: 'hoyOverride', kind: 'enum', options: HOY_OVERRIDE_OPTIONS },
  { header: 'Notes', field: 'notes', kind: 'text' },
] };

export const ATTENDANCE_SUMMARY: TabDef = {
  // For schools without session marks: the MIS's attendance summary per pupil (issue 3).
  name: 'Attendance Summary',
  key: ['upn'],
  columns: [
  upnCol,
  { header: 'Possible', field: 'possible', kind: 'number', aliases: ['Possible Sessions'], required: true },
  { header: 'Attended', field: 'attended', kind: 'number', aliases: ['Present', 'Attendance Marks', 'Sessions Attended'], required: true },
  { header: 'Authorised', field: 'authorised', kind: 'number', aliases: ['Authorised Absences', 'Authorised Absence'] },
  { header: 'Unauthorised', field: 'unauthorised', kind: 'number', aliases: ['Unauthorised Absences', 'Unauthorised Absence'] },
] };

export const LATES_TO_LESSON: TabDef = { name: 'Lates to Lesson', key: ['upn', 'date', 'lesson'], columns: [
  dateCol,
  upnCol,
  { header: 'Lesson', field: 'lesson', kind: 'text', aliases: ['Period'], required: true },
  { header: 'Minutes', field: 'minutes', kind: 'number', aliases: ['Minutes Late', 'Mins'] },
] };

export const LEGAL: TabDef = {
  // The legal steps (SPEC §4.4, issue 19): staff's tab, typed with drop-downs or imported from
  // legal.csv; the add-on appends its own rows when it records a step and never edits a row.
  // Penalty notices go to each parent separately, so the parent is part of a row's identity.
  name: 'Legal',
  key: ['upn', 'date', 'step', 'parent'],
  columns: [
  { header: 'Date', field: 'date', kind: 'date', aliases: ['Date Issued', 'Issued On', 'Step Date'], required: true },
  upnCol,
  { header: 'Step', field: 'step', kind: 'enum', options: LEGAL_STEPS, aliases: ['Legal Step', 'Action'], required: true },
  { header: 'Parent', field: 'parent', kind: 'text', aliases: ['Parent/Carer', 'Issued To', 'Recipient'] },
  { header: 'Amount', field: 'amount', kind: 'text', aliases: ['Penalty Amount', 'Fine'] },
  { header: 'Period End', field: 'periodEnd', kind: 'date', aliases: ['Improvement Period End', 'Return Date'] },
  { header: 'Outcome', field: 'outcome', kind: 'enum', options: LEGAL_OUTCOMES },
  { header: 'By', field: 'by', kind: 'text', aliases: ['Recorded By', 'Issued By'] },
] };
