/**
 * Flattens the sample school into the tables a MIS export would give: a header row, then rows of
 * strings with dates as dd/mm/yyyy. Students use SIMS's own headers (Legal Forename, NC Year,
 * Admission No …) rather than the tracker's, on purpose: the importers must match aliases.
 */
import { addDays, toUk } from '../../src/core/dates';
import { SamplePupil, SampleStaff } from './model';
import { PupilMarks } from './marks';
import { LetterRow } from './lettersLog';
import { MissRow, SetRow } from './homework';
import { LateRow } from './lessonLates';
import { ProgressRow } from './progress';
import { MeetingRow, RegisterRow, SessionRow, SlipRow } from './mentoring';
import { LegalRow } from './legal';

export interface SampleParts {
  staff: SampleStaff[];
  pupils: SamplePupil[];
  marks: PupilMarks[];
  days: string[]; // dd/mm/yyyy, one per school day (shared strings keep the big table small)
  letters: LetterRow[];
  homework: MissRow[];
  set: SetRow[];
  lates: LateRow[];
  progress: ProgressRow[];
  meetings: MeetingRow[];
  slips: SlipRow[];
  sessions: SessionRow[];
  register: RegisterRow[];
  legal?: LegalRow[];
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const uk = (d: string) => (d ? toUk(d) : '');

export function toTables(s: SampleParts): Record<string, string[][]> {
  const t: Record<string, string[][]> = {};
  // SIMS's "DOB": spread over the cohort's school year (1 September – 31 August) from the pupil's
  // position, not a random draw, so adding it moved no other table.
  const firstDay = s.days[0] || '01/09/2023';
  const startYear = +firstDay.slice(6, 10) - (+firstDay.slice(3, 5) >= 9 ? 0 : 1);
  const dob = (p: SamplePupil, i: number) => toUk(addDays(`${startYear - p.year - 5}-09-01`, (i * 53) % 365));
  t['Students'] = [
    ['UPN', 'Admission No', 'Legal Forename', 'Legal Surname', 'NC Year', 'Reg Group', 'Pupil Premium', 'EAL', 'SEN Status',
      'Primary Contact', 'Primary Contact Email', 'Home Address', 'Mentor', 'Leaving Date', 'DOB'],
    ...s.pupils.map((p, i) => [p.upn, p.adno, p.forename, p.surname, String(p.year), p.regGroup, yesNo(p.pp), yesNo(p.eal), p.sen,
      p.parentName, p.parentEmail, p.address, p.mentor, uk(p.leavingDate), dob(p, i)]),
  ];
  t['Staff'] = [
    ['Name', 'Email', 'Role', 'Year', 'Reg Group', 'Department'],
    ...s.staff.map((m) => [m.name, m.email, m.roles.join(', '), m.year === null ? '' : String(m.year), m.regGroup, m.department]),
  ];
  const marks: string[][] = [['UPN', 'Date', 'Session', 'Code']];
  s.pupils.forEach((p, i) => {
    const m = s.marks[i];
    for (let d = 0; d < s.days.length; d++) {
      if (m[2 * d] !== null) marks.push([p.upn, s.days[d], 'AM', m[2 * d] as string]);
      if (m[2 * d + 1] !== null) marks.push([p.upn, s.days[d], 'PM', m[2 * d + 1] as string]);
    }
  });
  t['Attendance Marks'] = marks;
  t['Letters Log'] = [
    ['Key', 'Date', 'Type', 'UPN', 'Batch Document', 'By', 'Status'],
    ...s.letters.map((l) => [l.key, uk(l.date), l.type, l.upn, l.link, l.by, l.status]),
  ];
  t['Homework Log'] = [
    ['Date', 'UPN', 'Subject', 'Class', 'Teacher', 'Reason', 'Subject Detention', 'Detention Attended', 'CL Detention', 'Notes'],
    ...s.homework.map((h) => [uk(h.date), h.upn, h.subject, h.className, h.teacher, h.reason, h.subjectDetention, h.detentionAttended, h.clDetention, h.notes]),
  ];
  t['Homework Set'] = [
    ['Date Set', 'Class', 'Subject', 'Year', 'Teacher', 'Due'],
    ...s.set.map((h) => [uk(h.dateSet), h.className, h.subject, String(h.year), h.teacher, uk(h.due)]),
  ];
  t['Lates to Lesson'] = [['Date', 'UPN', 'Lesson', 'Minutes'], ...s.lates.map((l) => [uk(l.date), l.upn, l.lesson, String(l.minutes)])];
  t['Progress'] = [['UPN', 'Subject', 'Target', 'Current', 'Predicted'], ...s.progress.map((r) => [r.upn, r.subject, r.target, r.current, r.predicted])];
  t['Mentor Meetings'] = [['Date', 'UPN', 'Mentor', 'Type', 'Notes'], ...s.meetings.map((r) => [uk(r.date), r.upn, r.mentor, r.type, r.notes])];
  t['Mentoring Slips'] = [['Date', 'UPN', 'From', 'Kind', 'Comment', 'Target'], ...s.slips.map((r) => [uk(r.date), r.upn, r.from, r.kind, r.comment, r.target])];
  t['Sessions'] = [
    ['Date', 'UPN', 'Slot', 'Subject', 'Time', 'Teacher', 'Requested By'],
    ...s.sessions.map((r) => [uk(r.date), r.upn, r.slot, r.subject, r.time, r.teacher, r.requestedBy]),
  ];
  t['Session Register'] = [['Date', 'UPN', 'Subject', 'Attended'], ...s.register.map((r) => [uk(r.date), r.upn, r.subject, r.attended])];
  if (s.legal && s.legal.length) {
    t['Legal'] = [['Date', 'UPN', 'Step', 'Parent', 'Amount', 'Period End', 'Outcome', 'By'],
      ...s.legal.map((r) => [uk(r.date), r.upn, r.step, r.parent, r.amount, uk(r.periodEnd), r.outcome, r.by])];
  }
  return t;
}
